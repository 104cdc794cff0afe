/**
 * 家庭收支情况 summary grid (forms.md §2.2 Table C, three label/value pairs per row in the county
 * template's reading order) and the 人均纯收入-versus-line sentence used by several forms.
 */
import type { Table } from 'docx';
import { formatChineseMonth, formatYuan, formTable, label, PT, value, type RowSpec } from '../layout';
import type { Fen, IncomeVM } from '../model';

/** 「低于」/「高于」/「等于」 the line. */
export function compareToLine(perCapita: Fen, line: Fen): string {
  if (perCapita < line) return '低于';
  if (perCapita > line) return '高于';
  return '等于';
}

/** 「人均纯收入 6540.00 元，低于当年监测范围 8600.00 元」 (+ 国家扶贫标准 when given). */
export function incomeVersusLine(income: Pick<IncomeVM, '人均纯收入' | '监测范围' | '国家扶贫标准'>): string {
  const base = `人均纯收入${formatYuan(income.人均纯收入)}元，${compareToLine(income.人均纯收入, income.监测范围)}当年监测范围${formatYuan(income.监测范围)}元`;
  if (income.国家扶贫标准 === undefined) return base;
  return `${base}；${compareToLine(income.人均纯收入, income.国家扶贫标准)}国家扶贫标准${formatYuan(income.国家扶贫标准)}元`;
}

/** 「2025年12月至2026年11月」 */
export const incomePeriod = (income: Pick<IncomeVM, '核算期间起' | '核算期间止'>): string =>
  `${formatChineseMonth(income.核算期间起)}至${formatChineseMonth(income.核算期间止)}`;

type Pair = [string, Fen | number | undefined, 'money' | 'count'];

const pairCells = ([l, v, kind]: Pair) => [
  label(l, 1, { size: PT.五号 }),
  value(kind === 'money' ? formatYuan(v) : v === undefined ? '' : `${v}人`, 1, { align: 'right' }),
];

/** Table C. All amounts 元 with two decimals; the caption says 「（元）」. */
export function incomeSummaryTable(income: IncomeVM, width: number, size: number = PT.五号): Table {
  const grid: Pair[][] = [
    [['工资性收入', income.工资性收入, 'money'], ['转移性收入', income.转移性收入, 'money'], ['养老金或离退休金', income.养老金或离退休金, 'money']],
    [['生产经营性收入', income.生产经营性收入, 'money'], ['计划生育金', income.计划生育金, 'money'], ['生态补偿金', income.生态补偿金, 'money']],
    [['财产性收入', income.财产性收入, 'money'], ['最低生活保障金', income.最低生活保障金, 'money'], ['其他转移性收入', income.其他转移性收入, 'money']],
    [['资产收益扶贫分红收入', income.资产收益扶贫分红收入, 'money'], ['特困人员救助供养金', income.特困人员救助供养金, 'money'], ['其他财产性收入', income.其他财产性收入, 'money']],
    [['生产经营性支出', income.生产经营性支出, 'money'], ['纯收入', income.纯收入, 'money'], ['家庭人口数', income.家庭人口数, 'count']],
    [['人均纯收入', income.人均纯收入, 'money'], ['公益性岗位收入', income.公益性岗位收入, 'money'], ['其他工资性收入', income.其他工资性收入, 'money']],
    [['家庭理赔收入', income.家庭理赔收入, 'money'], ['合规自付支出', income.合规自付支出, 'money'], ['纳入监测对象的收入参考范围', income.收入参考范围, 'money']],
  ];
  const rows: RowSpec[] = [
    { cells: [label('核算期间'), value(incomePeriod(income), 5)] },
    ...grid.map((pairs) => ({ cells: pairs.flatMap(pairCells) })),
    { cells: [label('与监测范围比较'), value(incomeVersusLine(income), 5)] },
  ];
  return formTable({ columns: [17, 11, 17, 11, 17, 11], width, size, padding: 60, keepTogether: true, rows: rows.map((r) => ({ height: 440, ...r })) });
}
