/**
 * 3 《家庭收入核算表》 (forms.md §7.1 c): every component with amount and basis, the subtotals
 * A–E, 年总收入, 年纯收入, 人均纯收入 against the line, and the household's signature — the
 * household signs the income sheet (DOMAIN §3).
 */
import type { Table } from 'docx';
import {
  formatChineseDate,
  formatYuan,
  formTable,
  headerLine,
  label,
  pageContext,
  para,
  placeName,
  PT,
  titleParagraph,
  value,
  type FormContent,
  type RowSpec,
} from '../layout';
import type { IncomeGroupVM, IncomeSheetVM, IncomeVM } from '../model';
import type { ResolvedOptions } from '../options';
import { peopleRoles, signOffTable } from './common';
import { incomePeriod, incomeVersusLine } from './income-summary';

export const INCOME_SHEET_TITLE = '家庭收入核算表';

const SIZE = PT.小四;
const ROW_HEIGHT = 360;

/** 「= A1+A2+A3」 when the items are coded. */
function formula(group: IncomeGroupVM): string {
  const codes = group.明细.filter((i) => i.计入 && i.代码).map((i) => i.代码);
  return codes.length > 0 ? `= ${codes.join('+')}` : '';
}

function groupRows(group: IncomeGroupVM): RowSpec[] {
  const head: RowSpec = {
    cells: [label(group.代码, 1, { bold: true }), value(group.项目, 1, { bold: true }), value(formatYuan(group.合计), 1, { align: 'right', bold: true }), value(formula(group))],
  };
  const items = group.明细.map((item) => ({
    cells: [
      label(item.代码 ?? ''),
      value(`\u3000${item.项目}`),
      value(item.计入 ? formatYuan(item.金额) : `（${formatYuan(item.金额)}）`, 1, { align: 'right' }),
      value([item.说明, item.计入 ? '' : '按地方口径不计入收入'].filter(Boolean).join('；')),
    ],
  }));
  return [head, ...items];
}

function totalsRows(income: IncomeVM): RowSpec[] {
  const groupCodes = income.分类.map((g) => g.代码);
  const expense = groupCodes[groupCodes.length - 1];
  const incomeCodes = groupCodes.slice(0, -1).join('+');
  const line = (name: string, fen: number | undefined, basis: string) => ({
    cells: [label(''), value(name, 1, { bold: true }), value(formatYuan(fen), 1, { align: 'right', bold: true }), value(basis)],
  });
  const rows: RowSpec[] = [
    line('年总收入', income.年总收入, `= ${incomeCodes}`),
    line('年纯收入', income.纯收入, `= ${incomeCodes}−${expense}`),
    line('人均纯收入', income.人均纯收入, `= 年纯收入 ÷ 家庭人口数${income.家庭人口数}人`),
  ];
  if (income.家庭理赔收入 !== undefined) rows.push(line('其他理赔收入', income.家庭理赔收入, ''));
  if (income.合规自付支出 !== undefined) rows.push(line('其他合规自付支出', income.合规自付支出, ''));
  if (income.收入参考范围 !== undefined) rows.push(line('纳入监测对象的收入参考范围', income.收入参考范围, '= 年纯收入 + 理赔收入 − 合规自付支出'));
  if (income.人均收入参考范围 !== undefined) rows.push(line('纳入监测对象的人均收入参考范围', income.人均收入参考范围, '= 收入参考范围 ÷ 家庭人口数'));
  rows.push({ cells: [label(''), value('当年监测范围'), value(formatYuan(income.监测范围), 1, { align: 'right' }), value(incomeVersusLine(income))] });
  return rows;
}

function incomeTable(income: IncomeVM, width: number): Table {
  const rows: RowSpec[] = [
    { cells: ['代码', '项目', '金额（元）', '计算依据/说明'], header: true },
    ...income.分类.flatMap(groupRows),
    ...totalsRows(income),
  ];
  return formTable({ columns: [8, 34, 18, 40], width, size: SIZE, rows: rows.map((r) => ({ height: ROW_HEIGHT, ...r })) });
}

export function buildIncomeSheet(vm: IncomeSheetVM, options: ResolvedOptions): FormContent {
  const page = pageContext('portrait', options);
  const h = vm.户;
  // the window is a profile setting (12 months before the application, or a calendar year)
  const facts = para(`户主姓名：${h.户主姓名}\u3000家庭人口：${h.家庭人口数}人\u3000核算期间：${incomePeriod(vm.收入)}`, {
    size: SIZE,
    line: 0,
    align: 'left',
    after: 80,
  });
  return {
    title: INCOME_SHEET_TITLE,
    orientation: 'portrait',
    children: [
      titleParagraph(INCOME_SHEET_TITLE),
      headerLine(placeName(vm.office, h.村民小组), `户编号：${h.户编号 ?? ''}`, page.width),
      facts,
      incomeTable(vm.收入, page.width),
      ...signOffTable(
        [
          [[{ label: '户主签字（手印）', signature: vm.户主签字 }], peopleRoles('核算人（签字）', vm.核算人, 2)],
          [
            [
              { label: '村（居）审核人', name: vm.村审核人?.姓名, signature: vm.村审核人 },
              { label: '乡（镇）审核人', name: vm.乡镇审核人?.姓名, signature: vm.乡镇审核人 },
            ],
            [{ label: '核算日期', name: formatChineseDate(vm.核算日期) }],
          ],
        ],
        page.width,
        SIZE,
        [48, 52],
      ),
    ],
  };
}
