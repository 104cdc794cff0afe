// When a dated 自然变更 changes the 家庭人口数 at the end of a stored 核算 window, the stored 纯收入 stays and only
// the per-capita figure and its comparison move. The comparison mirrors income.ts (exactly at a line is not below).
import { compareWithLines, INCOME_COMPARISON_LABELS, type IncomeComparison } from './income';
import { divideFen, formatFen } from './money';

export interface Rescaled {
  perCapitaFen: number;
  comparison: IncomeComparison;
  gapToMonitoringFen: number;
}

export function rescalePerCapita(netIncomeFen: number, divisor: number, povertyLineFen: number, monitoringLineFen: number): Rescaled {
  const perCapitaFen = divideFen(netIncomeFen, divisor, 'halfUp');
  const comparison = compareWithLines(perCapitaFen, povertyLineFen, monitoringLineFen);
  return { perCapitaFen, comparison, gapToMonitoringFen: Math.max(0, monitoringLineFen - perCapitaFen) };
}

/** "人均纯收入由 9,000.00 元变为 6,000.00 元（人口 2 → 3 人），由达到或超过监测范围变为低于监测范围". */
export function rescaleMessage(
  window: { from: string; to: string },
  before: { divisor: number; perCapitaFen: number; comparison: IncomeComparison },
  after: { divisor: number; perCapitaFen: number; comparison: IncomeComparison },
): string {
  const head = `${window.from} 至 ${window.to} 的收入核算：人口 ${before.divisor} → ${after.divisor} 人，人均纯收入由 ${formatFen(before.perCapitaFen)} 元变为 ${formatFen(after.perCapitaFen)} 元`;
  if (before.comparison === after.comparison) return `${head}。`;
  return `${head}，由“${INCOME_COMPARISON_LABELS[before.comparison]}”变为“${INCOME_COMPARISON_LABELS[after.comparison]}”，请复核评级。`;
}
