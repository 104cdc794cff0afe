/**
 * 6 《防止返贫监测对象识别审批表》 (forms.md §4.2, reconstructed in the house style of the Guangxi
 * 审批表): facts of the household and each procedure step, then 审 批 意 见 with the village and
 * township side by side and the county across the full width, each from the one approval block.
 */
import type { Table } from 'docx';
import {
  approvalFromVM,
  bannerRow,
  checkboxes,
  formatChineseDate,
  formatYuan,
  formTable,
  headerLine,
  label,
  optionsWith,
  pageContext,
  para,
  placeName,
  PT,
  ROW,
  titleParagraph,
  value,
  type FormContent,
  type PageContext,
  type RowSpec,
} from '../layout';
import type { ApprovalFormVM, AssuranceChecksVM, MemberVM } from '../model';
import type { ResolvedOptions } from '../options';
import { villageCommittee } from './common';
import { compareToLine } from './income-summary';
import { postingText, visitRuns, voteText } from './procedure-text';

export const APPROVAL_TITLE = '防止返贫监测对象识别审批表';

/** data cells 五号 (a 10-column grid with IDs); the opinion blocks 小四 for handwriting-sized space */
const SIZE = PT.五号;
const OPINION_SIZE = PT.小四;
const COLS = 10;

function memberRows(members: readonly MemberVM[]): RowSpec[] {
  const work = (m: MemberVM) => [m.务工所在地, m.务工时间 ? `${m.务工时间}个月` : ''].filter(Boolean).join(' ');
  const head: RowSpec = {
    cells: [label('家庭成员', 1, { rowSpan: members.length + 1 }), '姓名', '与户主关系', '性别', label('证件号码', 2), '健康状况', '劳动技能', '在校生状况', '务工情况'],
  };
  const rows = members.map((m) => ({
    cells: [m.姓名, m.与户主关系, m.性别, label(m.证件号码, 2), m.健康状况, m.劳动技能, m.在校生状况 ?? '', work(m)],
  }));
  return [head, ...rows];
}

/** The four 保障 with a failing check ticked, then the notes. */
function assuranceText(checks: AssuranceChecksVM): string {
  const labels: [string, keyof AssuranceChecksVM][] = [['住房', '住房安全保障'], ['义务教育', '义务教育保障'], ['基本医疗', '基本医疗保障'], ['饮水', '饮水安全保障'], ['吃穿', '吃穿不愁']];
  const failing = labels.filter(([, k]) => checks[k].达标 === false).map(([l]) => l);
  const notes = labels.map(([l, k]) => (checks[k].情况 ? `${l}：${checks[k].情况}` : '')).filter(Boolean).join('；');
  return `${checkboxes(labels.map(([l]) => l), failing, ' ')}　存在问题：${notes || (failing.length === 0 ? '无' : '')}`;
}

function factRows(vm: ApprovalFormVM, page: PageContext): RowSpec[] {
  const h = vm.户;
  const p = page.profile;
  const inc = vm.收入;
  const incomeText = `近12个月家庭纯收入${formatYuan(inc.纯收入)}元，人均${formatYuan(inc.人均纯收入)}元（${compareToLine(inc.人均纯收入, inc.监测范围)}当年监测范围${formatYuan(inc.监测范围)}元/人）；合规自付支出${formatYuan(inc.合规自付支出 ?? 0)}元`;
  const cmp = vm.信息比对;
  const cmpText = `${checkboxes(['无异常', '有异常'], cmp.有异常 === null ? undefined : cmp.有异常 ? '有异常' : '无异常', ' ')}${cmp.说明 ? `：${cmp.说明}` : ''}（比对部门：${(cmp.比对部门 ?? p.比对部门).join('、')}）`;
  const wide = (l: string, v: RowSpec['cells'][number]) => ({ cells: [label(l, 2), typeof v === 'string' ? value(v, 8) : { ...v, span: 8 }] });
  return [
    { cells: [label('户主姓名', 2), value(h.户主姓名, 2), label('性别'), value(h.户主性别), label('证件号码'), value(h.证件号码, 3)] },
    { cells: [label('家庭住址', 2), value(h.家庭住址, 4), label('联系电话', 2), value(h.联系电话, 2)] },
    { cells: [label('户类型', 2), value(checkboxes(optionsWith(p.户类型, [h.户类型]), h.户类型), 3), label('家庭人口', 2), value(`${h.家庭人口数}人，其中劳动力${h.劳动力人数 ?? '\u3000'}人`, 3)] },
    wide('发现途径', checkboxes(optionsWith(p.发现途径, [vm.发现途径]), vm.发现途径)),
    ...memberRows(vm.成员),
    wide('家庭收支情况', incomeText),
    wide('主要风险', `${checkboxes(optionsWith(p.风险类型, vm.风险), vm.风险, ' ')}（最多5项）`),
    wide('“三保障”及饮水安全', assuranceText(vm.保障)),
    wide('拟认定类别', checkboxes(optionsWith(p.监测对象类别, [vm.监测对象类别]), vm.监测对象类别)),
    wide('入户核实情况', { runs: visitRuns(vm.入户核实.日期, vm.入户核实.核实人, SIZE), align: 'left' }),
    wide('信息比对情况', cmpText),
    wide('民主评议情况', voteText(vm.民主评议)),
    wide('村内公示情况', postingText(vm.村内公示, 5)),
  ];
}

function opinionRows(vm: ApprovalFormVM, page: PageContext): RowSpec[] {
  const seal = { size: OPINION_SIZE, blankLines: 3 };
  const half = { ...seal, stackRoles: true };
  const countyLabels = [`同意认定为${vm.监测对象类别}`, '不予认定'] as const;
  return [
    bannerRow('审\u3000批\u3000意\u3000见', COLS, OPINION_SIZE),
    { cells: [label('村（居）委会意见', 5, { size: OPINION_SIZE }), label('乡（镇、街道）审核意见', 5, { size: OPINION_SIZE })], keepNext: true },
    {
      cells: [
        { children: approvalFromVM(vm.村意见, { ...half, sealOf: villageCommittee(vm.office.村) }), span: 5, vAlign: 'top' },
        { children: approvalFromVM(vm.乡镇意见, { ...half, withConsent: true, sealOf: `${vm.office.乡镇}人民政府` }), span: 5, vAlign: 'top' },
      ],
      height: ROW.opinion,
    },
    { cells: [label(`${page.profile.县级审定部门}审批意见`, COLS, { size: OPINION_SIZE })], keepNext: true },
    { cells: [{ children: approvalFromVM(vm.县意见, { ...seal, withConsent: true, consentLabels: countyLabels }), span: COLS, vAlign: 'top' }], height: ROW.opinion },
    {
      cells: [value(`录入全国防返贫监测信息系统日期：${formatChineseDate(vm.录入日期)}\u3000\u3000录入人：${vm.录入人 ?? ''}\n公告日期：${formatChineseDate(vm.公告日期)}`, COLS)],
      height: ROW.normal,
    },
  ];
}

function approvalTable(vm: ApprovalFormVM, page: PageContext): Table {
  const rows = [...factRows(vm, page), ...opinionRows(vm, page)].map((r) => ({ height: ROW.normal, ...r }));
  // c5+c6 carry a member's 18-digit ID and c8–c10 the head's, at 五号 on one line
  return formTable({ columns: [7, 10, 8, 6, 12.5, 12.5, 9, 9, 9, 11], width: page.width, size: SIZE, padding: 60, rows });
}

export function buildApprovalForm(vm: ApprovalFormVM, options: ResolvedOptions): FormContent {
  const page = pageContext('portrait', options);
  const p = page.profile;
  const note = { size: PT.五号, line: 0, align: 'left' as const };
  return {
    title: APPROVAL_TITLE,
    orientation: 'portrait',
    children: [
      titleParagraph(APPROVAL_TITLE),
      headerLine(placeName(vm.office, vm.户.村民小组), `编号：${vm.编号 ?? ''}`, page.width),
      headerLine('', `户编号：${vm.户.户编号 ?? ''}`, page.width),
      approvalTable(vm, page),
      para(`注：本表一式${p.审批表份数}份，${p.审批表存档单位.join('、')}各存一份。`, { ...note, before: 80 }),
      para('应有附件：1.防止返贫监测对象个人申请及承诺授权书；2.信息采集表；3.户口簿复印件；4.民主评议会议记录及公示照片。', note),
    ],
  };
}
