/**
 * 8 《防止返贫监测对象风险消除评估表》 (forms.md §3.3 grid with the §3.1 criteria checklist):
 * the household's situation, each elimination criterion checked, then 评 估 意 见 — home visit,
 * 民主评议, 公示, village / township / county opinions from the one approval block.
 */
import type { Table } from 'docx';
import {
  approvalFromVM,
  bannerRow,
  checkboxes,
  formatChineseMonth,
  formatYuan,
  formTable,
  headerLine,
  label,
  pageContext,
  para,
  placeName,
  PT,
  ROW,
  titleParagraph,
  value,
  yesNo,
  type FormContent,
  type PageContext,
  type RowSpec,
} from '../layout';
import type { AssuranceChecksVM, EliminationAssessmentVM, EliminationCriterionVM } from '../model';
import type { ResolvedOptions } from '../options';
import { joinList, sectionHeading, villageCommittee } from './common';
import { postingText, visitRuns, voteText } from './procedure-text';

export const ELIMINATION_TITLE = '防止返贫监测对象风险消除评估表';

/** grids 五号 like the other national tables; opinion blocks 小四 */
const SIZE = PT.五号;
const OPINION_SIZE = PT.小四;

function assuranceLine(checks: AssuranceChecksVM): string {
  const entries = Object.entries(checks) as [string, { 达标: boolean | null; 情况?: string }][];
  const failing = entries.filter(([, c]) => c.达标 === false);
  const unknown = entries.some(([, c]) => c.达标 === null);
  const pick = failing.length > 0 ? '存在问题' : unknown ? undefined : '均有保障';
  const problems = failing.map(([k, c]) => `${k}${c.情况 ? `（${c.情况}）` : ''}`).join('、');
  return `${checkboxes(['均有保障', '存在问题'], pick, ' ')}${problems ? `：${problems}` : ''}`;
}

function situationTable(vm: EliminationAssessmentVM, page: PageContext): Table {
  const h = vm.户;
  const inc = vm.收入;
  const money = (f: number | undefined) => value(f === undefined ? '' : `${formatYuan(f)}元`, 1, { size: PT.五号 });
  const small = (t: string) => label(t, 1, { size: PT.五号 });
  const rows: RowSpec[] = [
    { cells: [label('户主姓名'), value(h.户主姓名), label('证件号码'), value(h.证件号码, 3), label('家庭人口'), value(`${h.家庭人口数}人`)] },
    { cells: [label('所在村组'), value(placeName({ ...vm.office, 县: '', 省: undefined, 市: undefined }, h.村民小组), 3), label('监测对象类别'), value(vm.监测对象类别, 3)] },
    { cells: [label('识别监测时间'), value(formatChineseMonth(vm.识别监测时间)), label('识别时主要风险'), value(joinList(vm.识别时主要风险), 5)] },
    { cells: [label('已落实帮扶措施（摘要）'), value(vm.已落实帮扶措施, 7)], height: 900 },
    {
      cells: [small('近12个月家庭人均纯收入'), money(inc.人均纯收入), small('当年监测范围'), money(inc.监测范围), small('合规自付支出'), money(inc.合规自付支出), small('家庭理赔收入'), money(inc.家庭理赔收入)],
    },
    { cells: [label('“两不愁三保障”及饮水安全'), value(assuranceLine(vm.保障), 7)] },
    {
      cells: [
        label('拟风险消除方式'),
        value(checkboxes(page.profile.风险消除方式, vm.拟消除方式), 3),
        label('整户无劳动能力'),
        value(yesNo(vm.整户无劳动能力, ['是（暂不标注风险消除）', '否']), 3),
      ],
    },
  ];
  return formTable({ columns: [14, 12, 12, 12, 12, 12, 12, 14], width: page.width, size: SIZE, rows: rows.map((r) => ({ height: ROW.normal, ...r })) });
}

function criteriaTable(criteria: readonly EliminationCriterionVM[], width: number): Table {
  const result = (c: EliminationCriterionVM) =>
    c.核实项目 === '不得消除情形' ? yesNo(c.达到 === null ? null : !c.达到, ['存在', '不存在']) : yesNo(c.达到);
  const rows: RowSpec[] = [
    { cells: ['核实项目', '核实标准', '核实情况', '是否达到'], header: true },
    ...criteria.map((c) => ({ cells: [c.核实项目, value(c.核实标准, 1, { size: PT.五号 }), value(c.核实情况 ?? ''), result(c)], height: 520 })),
  ];
  return formTable({ columns: [17, 33, 32, 18], width, size: SIZE, rows });
}

function opinionTable(vm: EliminationAssessmentVM, page: PageContext): Table {
  const block = { size: OPINION_SIZE, blankLines: 2 };
  const half = { ...block, stackRoles: true };
  const visit = vm.入户核实;
  const text = { size: SIZE, line: 0, align: 'left' as const };
  const rows: RowSpec[] = [
    bannerRow('评\u3000估\u3000意\u3000见', 8, OPINION_SIZE),
    {
      cells: [
        label('入户核实意见'),
        { children: [para(`核实组意见：${visit.意见 ?? ''}`, text), para(visitRuns(visit.日期, visit.核实人, SIZE), text)], span: 7 },
      ],
      height: 900,
    },
    { cells: [label('村（居）民主评议情况'), value(voteText(vm.民主评议), 7)] },
    { cells: [label('村内公示情况'), value(postingText(vm.村内公示, 5), 7)] },
    {
      cells: [
        label('村（居）委会意见'),
        { children: approvalFromVM(vm.村意见, { ...half, sealOf: villageCommittee(vm.office.村) }), span: 3, vAlign: 'top' },
        label('乡（镇、街道）审核意见'),
        { children: approvalFromVM(vm.乡镇意见, { ...half, withConsent: true, sealOf: `${vm.office.乡镇}人民政府` }), span: 3, vAlign: 'top' },
      ],
      height: ROW.opinion,
    },
    {
      cells: [label(`${page.profile.县级审定部门}审定意见`), { children: approvalFromVM(vm.县意见, { ...block, withConsent: true }), span: 7, vAlign: 'top' }],
      height: ROW.opinion,
    },
  ];
  return formTable({ columns: [14, 12, 12, 12, 14, 12, 12, 12], width: page.width, size: SIZE, rows: rows.map((r) => ({ height: ROW.normal, ...r })) });
}

export function buildEliminationAssessment(vm: EliminationAssessmentVM, options: ResolvedOptions): FormContent {
  const page = pageContext('portrait', options);
  return {
    title: ELIMINATION_TITLE,
    orientation: 'portrait',
    children: [
      titleParagraph(ELIMINATION_TITLE),
      headerLine(placeName(vm.office), `户编号：${vm.户.户编号 ?? ''}`, page.width),
      situationTable(vm, page),
      sectionHeading('风险消除标准核实情况'),
      criteriaTable(vm.标准核实, page.width),
      opinionTable(vm, page),
    ],
  };
}
