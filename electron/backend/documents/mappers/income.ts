/**
 * 收入核算 (IncomeAccount, totals computed by shared/domain/income) → the form's IncomeVM: blocks A–E
 * of the itemised 收入核算表 and the flat Table C labels of the 信息采集表.
 */
import type { IncomeAccount } from '../../../../shared/api/methods/income';
import { sumFen } from '../../../../shared/domain/money';
import type { Fen, IncomeGroupVM, IncomeVM } from '../model';
import { monthOf } from './context';

/** Profile income group → code and caption of the printed block (forms.md §7.1 a). */
const BLOCKS: { group: string; code: string; caption: string }[] = [
  { group: 'wage', code: 'A', caption: '工资性收入合计' },
  { group: 'business', code: 'B', caption: '生产经营性收入合计' },
  { group: 'property', code: 'C', caption: '财产性收入合计' },
  { group: 'transfer', code: 'D', caption: '转移性收入合计' },
  { group: 'businessCost', code: 'E', caption: '生产经营性支出合计' },
];

/**
 * Table C's detail labels ← the seed's item keys. A province that renames keys simply gets blank
 * detail cells; the block totals above them are always printed.
 */
const TABLE_C: Partial<Record<keyof IncomeVM, string[]>> = {
  公益性岗位收入: ['publicJobDept', 'publicJobTownship', 'publicJobVillage'],
  其他工资性收入: ['otherWage'],
  资产收益扶贫分红收入: ['assetDividend'],
  其他财产性收入: ['otherProperty'],
  养老金或离退休金: ['pension'],
  计划生育金: ['familyPlanning'],
  最低生活保障金: ['dibao'],
  特困人员救助供养金: ['tekun'],
  生态补偿金: ['grainForGreen', 'publicForest', 'grasslandEco', 'otherEco'],
};

type Item = IncomeAccount['items'][number];

function blocks(items: readonly Item[], totals: Record<string, number>): IncomeGroupVM[] {
  return BLOCKS.map(({ group, code, caption }) => {
    const lines = items.filter((i) => i.group === group);
    return {
      代码: code,
      项目: caption,
      合计: totals[group] ?? sumFen(lines.filter((i) => i.counted).map((i) => i.amountFen)),
      明细: lines.map((i, n) => ({ 代码: `${code}${n + 1}`, 项目: i.label, 金额: i.amountFen, ...(i.note ? { 说明: i.note } : {}), 计入: i.counted })),
    };
  });
}

function tableC(items: readonly Item[], transferTotal: Fen): Partial<IncomeVM> {
  const out: Partial<Record<keyof IncomeVM, Fen>> = {};
  const counted = items.filter((i) => i.counted);
  for (const [label, keys] of Object.entries(TABLE_C) as [keyof IncomeVM, string[]][]) {
    const hits = counted.filter((i) => keys.includes(i.key));
    if (hits.length > 0 || items.some((i) => keys.includes(i.key))) out[label] = sumFen(hits.map((i) => i.amountFen));
  }
  const namedTransfers = ['养老金或离退休金', '计划生育金', '最低生活保障金', '特困人员救助供养金', '生态补偿金'] as const;
  out.其他转移性收入 = transferTotal - sumFen(namedTransfers.map((k) => out[k] ?? 0));
  return out as Partial<IncomeVM>;
}

const groupSum = (items: readonly Item[], group: string): Fen => sumFen(items.filter((i) => i.group === group).map((i) => i.amountFen));

export function incomeVM(a: IncomeAccount): IncomeVM {
  const t = a.groupTotalsFen;
  return {
    核算期间起: monthOf(a.windowFrom) ?? '',
    核算期间止: monthOf(a.windowTo) ?? '',
    家庭人口数: a.divisor,
    分类: blocks(a.items, t),
    工资性收入: t.wage ?? 0,
    生产经营性收入: t.business ?? 0,
    财产性收入: t.property ?? 0,
    转移性收入: t.transfer ?? 0,
    生产经营性支出: t.businessCost ?? 0,
    年总收入: a.grossIncomeFen,
    纯收入: a.netIncomeFen,
    人均纯收入: a.perCapitaFen,
    ...tableC(a.items, t.transfer ?? 0),
    // recorded whether or not the province counts them (理赔 / 合规自付, DOMAIN §3)
    家庭理赔收入: groupSum(a.items, 'claims'),
    合规自付支出: groupSum(a.items, 'selfPaid'),
    监测范围: a.monitoringLineFen,
    国家扶贫标准: a.povertyLineFen,
  };
}
