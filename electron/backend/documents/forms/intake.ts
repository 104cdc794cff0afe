/**
 * 2 《防止返贫监测对象信息采集表》 — filled at 入户核实 by a team of at least two (forms.md §2.2,
 * reconstructed grid). Tables: 一 household, 二 members (split in three), 三 income,
 * 四 三保障和饮水, 五 生产生活条件 and 六 帮扶责任人 when given, then the sign-off lines.
 */
import type { FileChild, Table } from 'docx';
import {
  checkboxes,
  formatChineseDate,
  formatChineseMonth,
  formTable,
  headerLine,
  label,
  optionsWith,
  pageContext,
  placeName,
  PT,
  titleParagraph,
  value,
  yesNo,
  type FormContent,
  type PageContext,
  type RowSpec,
} from '../layout';
import type { AssuranceChecksVM, HelperCadreVM, IntakeFormVM } from '../model';
import type { ResolvedOptions } from '../options';
import { peopleRoles, sectionHeading, signOffTable } from './common';
import { incomeSummaryTable } from './income-summary';
import { membersBenefitsTable, membersIdentityTable, membersStatusTable } from './members';

export const INTAKE_TITLE = '防止返贫监测对象信息采集表';

/** dense national grid: 五号 throughout (四号 does not fit 8 label/value pairs on A4) */
const SIZE = PT.五号;

/** 「李建国（13574001234）」: 填表人 and 填表人联系电话 share one line to keep the form on three pages. */
const filler = (vm: IntakeFormVM): string | undefined =>
  vm.填表人 ? `${vm.填表人}${vm.填表人联系电话 ? `（${vm.填表人联系电话}）` : ''}` : undefined;

const dateOrBlank = (d: string | undefined): string => (d ? formatChineseDate(d) : '');

/**
 * Table A on a 12-column grid (each ≈1.2 cm): labels take two columns (six 五号 characters per
 * line), values whatever they need — an 18-digit ID, a phone, check-box lists.
 */
function householdTable(vm: IntakeFormVM, page: PageContext): Table {
  const h = vm.户;
  const p = page.profile;
  const L = (t: string, span = 2) => label(t, span);
  const rows: RowSpec[] = [
    { cells: [L('户主姓名'), value(h.户主姓名, 2), L('户主性别'), value(h.户主性别, 1), L('民族', 1), value(h.民族, 1), L('政治面貌'), value(h.政治面貌, 1)] },
    { cells: [L('证件类型'), value(h.证件类型 ?? '居民身份证', 2), L('证件号码'), value(h.证件号码, 3), L('联系电话', 1), value(h.联系电话, 2)] },
    { cells: [L('家庭住址'), value(h.家庭住址, 6), L('家庭人口数'), value(`${h.家庭人口数}人`, 2)] },
    { cells: [L('户类型'), value(checkboxes(optionsWith(p.户类型, [h.户类型]), h.户类型), 4), L('是否军烈属'), value(yesNo(h.是否军烈属), 4)] },
    {
      cells: [
        L('整户无劳动能力兜底保障户', 3),
        value(yesNo(h.整户无劳动能力兜底保障户), 2),
        L('居住在异地扶贫搬迁集中安置区', 4),
        value(yesNo(h.居住在异地扶贫搬迁集中安置区), 3),
      ],
    },
    { cells: [L('安置区地址'), value(h.安置区地址, 10)] },
    { cells: [L('监测对象类别'), value(checkboxes(optionsWith(p.监测对象类别, vm.监测对象类别 ? [vm.监测对象类别] : []), vm.监测对象类别), 10)] },
    { cells: [L('致贫/返贫风险（可多选，最多5项）'), value(checkboxes(optionsWith(p.风险类型, vm.风险), vm.风险), 10)] },
    { cells: [L('因自然灾害子项'), value(vm.自然灾害子项, 3), L('风险说明'), value(vm.风险说明, 5)] },
    { cells: [L('识别监测时间'), value(vm.识别监测时间 ? formatChineseMonth(vm.识别监测时间) : '', 10)] },
  ];
  return formTable({
    columns: new Array<number>(12).fill(1),
    width: page.width,
    size: SIZE,
    padding: 60,
    keepTogether: true,
    rows: rows.map((r) => ({ ...r, height: 440 })),
  });
}

/** The national questions ask whether a problem EXISTS, so a failed check ticks 「是」. */
const problem = (check: { 达标: boolean | null }): boolean | null => (check.达标 === null ? null : !check.达标);

export function assuranceTable(checks: AssuranceChecksVM, width: number, size: number = SIZE): Table {
  const notes = (Object.entries(checks) as [string, { 情况?: string }][])
    .filter(([, c]) => c.情况)
    .map(([k, c]) => `${k}：${c.情况}`)
    .join('；');
  return formTable({
    columns: [30, 14, 42, 14],
    width,
    size,
    keepTogether: true,
    rows: [
      { cells: [label('是否住房出现安全问题'), value(yesNo(problem(checks.住房安全保障))), label('是否义务教育阶段适龄儿童少年失学辍学'), value(yesNo(problem(checks.义务教育保障)))] },
      { cells: [label('是否饮水出现安全问题'), value(yesNo(problem(checks.饮水安全保障))), label('是否有家庭成员未参加城乡居民（职工）基本医疗保险'), value(yesNo(problem(checks.基本医疗保障)))] },
      { cells: [label('是否存在吃、穿困难'), value(yesNo(problem(checks.吃穿不愁)), 3)] },
      { cells: [label('情况说明'), value(notes, 3)], height: 560 },
    ].map((r) => ({ height: 440, ...r })),
  });
}

function conditionsTable(conditions: Record<string, string>, width: number): Table {
  const pairs = Object.entries(conditions);
  const rows: RowSpec[] = [];
  for (let i = 0; i < pairs.length; i += 4) {
    const chunk = pairs.slice(i, i + 4);
    while (chunk.length < 4) chunk.push(['', '']);
    rows.push({ cells: chunk.flatMap(([k, v]) => [label(k, 1, { size: PT.五号 }), value(v)]) });
  }
  return formTable({ columns: [14, 11, 14, 11, 14, 11, 14, 11], width, size: PT.五号, keepTogether: true, rows });
}

function cadreTable(cadres: readonly HelperCadreVM[], width: number): Table {
  const header = ['姓名', '性别', '政治面貌', '帮扶（选派）单位名称', '联系电话', '帮扶开始时间', '帮扶结束时间'];
  return formTable({
    columns: [10, 6, 9, 22, 14, 13, 13],
    width,
    size: PT.五号,
    rows: [
      { cells: header, header: true },
      ...cadres.map((c) => ({
        cells: [c.姓名, c.性别 ?? '', c.政治面貌 ?? '', c.帮扶单位名称 ?? '', c.联系电话 ?? '', dateOrBlank(c.帮扶开始时间), dateOrBlank(c.帮扶结束时间)],
      })),
    ],
  });
}

export function buildIntakeForm(vm: IntakeFormVM, options: ResolvedOptions): FormContent {
  const page = pageContext('portrait', options);
  const w = page.width;
  const children: FileChild[] = [
    titleParagraph(INTAKE_TITLE),
    headerLine(placeName(vm.office, vm.户.村民小组), `户编号：${vm.户.户编号 ?? ''}`, w),
    sectionHeading('一、家庭基本情况'),
    householdTable(vm, page),
    sectionHeading('二、家庭成员情况（一）'),
    membersIdentityTable(vm.成员, w),
    sectionHeading('二、家庭成员情况（二）'),
    membersStatusTable(vm.成员, w),
    sectionHeading('二、家庭成员情况（三）'),
    membersBenefitsTable(vm.成员, w),
    sectionHeading('三、家庭收支情况（元）'),
    incomeSummaryTable(vm.收入, w),
    sectionHeading('四、“三保障”和饮水安全情况'),
    assuranceTable(vm.保障, w),
  ];
  let n = 5;
  const numeral = () => ['五', '六', '七'][n++ - 5];
  if (vm.生产生活条件 && Object.keys(vm.生产生活条件).length > 0) {
    children.push(sectionHeading(`${numeral()}、生产生活条件`), conditionsTable(vm.生产生活条件, w));
  }
  if (vm.帮扶责任人 && vm.帮扶责任人.length > 0) {
    children.push(sectionHeading(`${numeral()}、帮扶责任人`), cadreTable(vm.帮扶责任人, w));
  }
  children.push(
    ...signOffTable(
      [
        [peopleRoles('入户核实人（签字）', vm.核实人, 2), [{ label: '填表人', name: filler(vm) }]],
        [[{ label: '户主签字（手印）', signature: vm.户主签字 }], [{ label: '填表时间', name: formatChineseDate(vm.填表日期) }]],
      ],
      w,
      SIZE,
    ),
  );
  return { title: INTAKE_TITLE, orientation: 'portrait', children };
}

