// 收入核算 ("算账"): one household, one window, every line with amount and note (DOMAIN.md §3).
// 人均纯收入 = (工资性 + 生产经营性 + 财产性 + 转移性 − 生产经营性支出) ÷ 家庭人口数, with the profile deciding which
// lines count, whether 理赔收入 is added and whether 合规自付支出 is deducted.
import { validationError, type FieldIssue } from './errors';
import { divideFen, formatFen, sumFen } from './money';
import { incomeLinesFor, INCOME_GROUPS, type IncomeGroup, type IncomeItemDef, type Profile } from './profile';

export interface IncomeEntry {
  key: string;
  amountFen: number;
  note?: string;
}

/** Where 人均纯收入 falls. Exactly at a line is NOT below it (the criteria say 低于). */
export type IncomeComparison = 'belowPoverty' | 'belowMonitoring' | 'atOrAboveMonitoring';

export const INCOME_COMPARISON_LABELS: Record<IncomeComparison, string> = {
  belowPoverty: '低于国家扶贫标准',
  belowMonitoring: '低于监测范围',
  atOrAboveMonitoring: '达到或超过监测范围',
};

export interface IncomeLineResult extends IncomeEntry {
  label: string;
  group: IncomeGroup;
  counted: boolean;
}

export interface IncomeResult {
  year: number;
  /** Counted amounts per group (excluded lines are not in these totals). */
  groupTotalsFen: Record<IncomeGroup, number>;
  /** 年总收入: the four income groups plus 理赔收入 when counted. */
  grossIncomeFen: number;
  /** 纯收入 after 生产经营性支出 and, when the profile says so, 合规自付支出. */
  netIncomeFen: number;
  selfPaidDeductedFen: number;
  memberCount: number;
  /** 纯收入 ÷ 人口, rounded half up to the 分 (money.divideFen). */
  perCapitaFen: number;
  povertyLineFen: number;
  monitoringLineFen: number;
  lineSource: string;
  comparison: IncomeComparison;
  /** How far 人均 is below the 监测范围 (0 when at or above). */
  gapToMonitoringFen: number;
  lines: IncomeLineResult[];
  /** Lines recorded but not counted under this profile (one-off relief, 危房改造补助 …). */
  excluded: IncomeLineResult[];
}

const ADDED_GROUPS: IncomeGroup[] = ['wage', 'business', 'property', 'transfer', 'claims'];

function resolveLines(entries: readonly IncomeEntry[], profile: Profile): IncomeLineResult[] {
  const defs = new Map<string, IncomeItemDef>(profile.income.items.map((d) => [d.key, d]));
  const issues: FieldIssue[] = [];
  const lines = entries.map((e, i): IncomeLineResult | null => {
    const def = defs.get(e.key);
    if (!def) {
      issues.push({ path: `items.${i}.key`, message: `收入项目“${e.key}”不在地方口径的收入项目中，请选择已有项目或先在地方口径中添加` });
      return null;
    }
    if (!Number.isSafeInteger(e.amountFen) || e.amountFen < 0) {
      issues.push({ path: `items.${i}.amountFen`, message: `${def.label}的金额应为不小于 0 的整数（分），当前为 ${e.amountFen}` });
      return null;
    }
    return { ...e, label: def.label, group: def.group, counted: def.counted };
  });
  if (issues.length) throw validationError(issues);
  return lines as IncomeLineResult[];
}

/** Where a per-capita income falls against the year's lines; exactly at a line is not below it. */
export function compareWithLines(perCapitaFen: number, povertyLineFen: number, monitoringLineFen: number): IncomeComparison {
  if (perCapitaFen < povertyLineFen) return 'belowPoverty';
  if (perCapitaFen < monitoringLineFen) return 'belowMonitoring';
  return 'atOrAboveMonitoring';
}

/**
 * Computes the household's income for the year's lines. Throws a validation DomainError (never NaN) when the
 * member count is not a positive integer, an item key is unknown, or the profile has no line for the year.
 */
export function computeIncome(entries: readonly IncomeEntry[], memberCount: number, profile: Profile, year: number): IncomeResult {
  if (!Number.isInteger(memberCount) || memberCount <= 0) {
    throw validationError([
      { path: 'memberCount', message: `家庭人口数为 ${memberCount}，无法计算人均纯收入，请先核对家庭成员（人口数应为正整数）` },
    ]);
  }
  const line = incomeLinesFor(profile, year);
  const lines = resolveLines(entries, profile);
  const counted = lines.filter((l) => l.counted);
  const groupTotalsFen = Object.fromEntries(
    INCOME_GROUPS.map((g) => [g, sumFen(counted.filter((l) => l.group === g).map((l) => l.amountFen))]),
  ) as Record<IncomeGroup, number>;
  const grossIncomeFen = sumFen(ADDED_GROUPS.map((g) => groupTotalsFen[g]));
  const selfPaidDeductedFen = profile.income.deductSelfPaidMedical ? groupTotalsFen.selfPaid : 0;
  const netIncomeFen = sumFen([grossIncomeFen, -groupTotalsFen.businessCost, -selfPaidDeductedFen]);
  const perCapitaFen = divideFen(netIncomeFen, memberCount, 'halfUp');
  return {
    year,
    groupTotalsFen,
    grossIncomeFen,
    netIncomeFen,
    selfPaidDeductedFen,
    memberCount,
    perCapitaFen,
    povertyLineFen: line.povertyLineFen,
    monitoringLineFen: line.monitoringLineFen,
    lineSource: line.source,
    comparison: compareWithLines(perCapitaFen, line.povertyLineFen, line.monitoringLineFen),
    gapToMonitoringFen: Math.max(0, line.monitoringLineFen - perCapitaFen),
    lines,
    excluded: lines.filter((l) => !l.counted),
  };
}

// --- the window -------------------------------------------------------------------------------------------

export interface IncomeWindow {
  from: string;
  to: string;
  /** The year whose lines the result is compared with. */
  lineYear: number;
  kind: Profile['income']['window'];
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const isoOf = (d: Date): string => `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;

function parseDay(date: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!d || isoOf(d) !== date) throw validationError([{ path: 'assessmentDate', message: `核算日期“${date}”无效，格式应为 YYYY-MM-DD` }]);
  return d;
}

/**
 * - rolling12: the 12 months before the assessment date ("申报前12个月内"): from the same day a year earlier to
 *   the day before. A 02-29 date starts the window on 03-01 so it never exceeds 12 months. Lines: that year.
 * - calendarYear: a whole 自然年 — the current year from month `calendarYearCurrentFromMonth` on (年底算账),
 *   before that the previous complete year. Lines: the window's year.
 */
export function incomeWindow(assessmentDate: string, profile: Profile): IncomeWindow {
  const d = parseDay(assessmentDate);
  const y = d.getUTCFullYear();
  if (profile.income.window === 'calendarYear') {
    const year = d.getUTCMonth() + 1 >= profile.income.calendarYearCurrentFromMonth ? y : y - 1;
    return { from: `${year}-01-01`, to: `${year}-12-31`, lineYear: year, kind: 'calendarYear' };
  }
  const to = new Date(d.getTime() - 86_400_000);
  // Date.UTC rolls 2023-02-29 over to 2023-03-01, which is the clamp we want.
  const from = new Date(Date.UTC(y - 1, d.getUTCMonth(), d.getUTCDate()));
  return { from: isoOf(from), to: isoOf(to), lineYear: y, kind: 'rolling12' };
}

// --- data-quality warnings (the seed's supervision report: "没有计算该户地力补贴、生态补偿金收入") ----------------

export type IncomeWarningCode = 'noFarmlandSubsidy' | 'noEcoCompensation' | 'noPublicWelfareJobIncome' | 'divisorMismatch';

export interface IncomeWarning {
  code: IncomeWarningCode;
  message: string;
}

export interface IncomeWarningInput {
  farmlandMu?: number | null;
  forestMu?: number | null;
  grainForGreenMu?: number | null;
  /** Sum of 公益性岗位 months over the members in the window. */
  publicWelfareJobMonths?: number | null;
  items: readonly IncomeEntry[];
  /** The 人口数 the per-capita figure was divided by. */
  divisor: number;
  memberCountAtWindowEnd: number;
}

const hasAmount = (items: readonly IncomeEntry[], keys: readonly string[]): boolean =>
  items.some((i) => keys.includes(i.key) && i.amountFen > 0);

/** Warnings, not errors: the clerk may confirm a household truly has no such income. */
export function incomeWarnings(input: IncomeWarningInput, profile: Profile): IncomeWarning[] {
  const keys = profile.income.warnKeys;
  const warnings: IncomeWarning[] = [];
  const farmland = input.farmlandMu ?? 0;
  if (farmland > 0 && !hasAmount(input.items, keys.farmlandSubsidy)) {
    warnings.push({ code: 'noFarmlandSubsidy', message: `该户有耕地 ${farmland} 亩，但收入中没有耕地地力保护补贴（地力补贴），请核实是否漏算` });
  }
  const forest = input.forestMu ?? 0;
  const grainForGreen = input.grainForGreenMu ?? 0;
  if ((forest > 0 || grainForGreen > 0) && !hasAmount(input.items, keys.ecoCompensation)) {
    const areas = [forest > 0 ? `林地 ${forest} 亩` : '', grainForGreen > 0 ? `退耕还林 ${grainForGreen} 亩` : ''].filter(Boolean).join('、');
    warnings.push({ code: 'noEcoCompensation', message: `该户有${areas}，但收入中没有生态补偿金（退耕还林、公益林等补贴），请核实是否漏算` });
  }
  const jobMonths = input.publicWelfareJobMonths ?? 0;
  if (jobMonths > 0 && !hasAmount(input.items, keys.publicWelfareJob)) {
    warnings.push({ code: 'noPublicWelfareJobIncome', message: `家庭成员有公益性岗位 ${jobMonths} 个月，但收入中没有公益性岗位收入，请核实是否漏算` });
  }
  if (input.divisor !== input.memberCountAtWindowEnd) {
    warnings.push({
      code: 'divisorMismatch',
      message: `计算人均纯收入所用人口数（${input.divisor} 人）与核算期末家庭人口数（${input.memberCountAtWindowEnd} 人）不一致，请核对成员增减`,
    });
  }
  return warnings;
}

/** One-line summary for the 收入核算表 footer, e.g. "人均纯收入 7,850.00 元，低于监测范围（8,600.00 元）". */
export function incomeSummary(r: IncomeResult): string {
  const line = r.comparison === 'belowPoverty' ? `国家扶贫标准（${formatFen(r.povertyLineFen)} 元）` : `监测范围（${formatFen(r.monitoringLineFen)} 元）`;
  const verb = r.comparison === 'atOrAboveMonitoring' ? '达到或超过' : '低于';
  return `人均纯收入 ${formatFen(r.perCapitaFen)} 元，${verb}${line}`;
}
