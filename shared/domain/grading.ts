// Four-colour (or any-colour) 风险评级: evaluates the profile's ordered rule table against one household.
// The table is data (profileConditions.ts); this file only interprets it, and says which rule decided.
import type { IncomeComparison } from './income';
import { formatFen } from './money';
import {
  ASSESSMENT_CHECK_LABELS,
  ASSESSMENT_CHECKS,
  type AssessmentCheckKey,
  type GradeColour,
  type GradingCondition,
  type GradingRule,
  type GradingTable,
} from './profile';

export interface GradingInput {
  /** From computeIncome; null when income has not been computed for the window. */
  income: IncomeComparison | null;
  /** true = 达标, false = 不达标, missing = not assessed. */
  checks: Partial<Record<AssessmentCheckKey, boolean>>;
  /** 监测对象类别 (null when the household is not a 监测对象). */
  category?: string | null;
  householdType?: string | null;
  /** Open 风险类型 by main label (因灾, not its sub-type). */
  risks: readonly string[];
  /** The case's 风险是否已消除; null/undefined when there is no case. */
  riskEliminated?: boolean | null;
  /** 合规自付医疗支出 in the window, 分. */
  selfPaidMedicalFen?: number | null;
  /** Household flag keys (profile.enums.householdFlags). */
  flags?: readonly string[];
}

export interface GradeResult {
  colour: GradeColour;
  colourLabel: string;
  /** Index of the matching rule in the table, or null when the default applied. */
  ruleIndex: number | null;
  rule: GradingRule | null;
  /** Why: the matching rule's label, or the table's default label. */
  reason: string;
}

const asList = (v: string | string[]): string[] => (Array.isArray(v) ? v : [v]);

function below(income: IncomeComparison | null, line: 'poverty' | 'monitoring'): boolean {
  if (income === null) return false;
  return line === 'poverty' ? income === 'belowPoverty' : income !== 'atOrAboveMonitoring';
}

function checkFailed(checks: GradingInput['checks'], which: AssessmentCheckKey | 'anyBasic'): boolean {
  const keys = which === 'anyBasic' ? ASSESSMENT_CHECKS : [which];
  return keys.some((k) => checks[k] === false);
}

/** Evaluates one condition. Unknown facts (income not computed, check not assessed) never satisfy a test. */
export function evaluateCondition(c: GradingCondition, input: GradingInput): boolean {
  if ('all' in c) return c.all.every((x) => evaluateCondition(x, input));
  if ('any' in c) return c.any.some((x) => evaluateCondition(x, input));
  if ('not' in c) return !evaluateCondition(c.not, input);
  if ('incomeBelow' in c) return below(input.income, c.incomeBelow);
  if ('incomeAtOrAbove' in c) return input.income !== null && !below(input.income, c.incomeAtOrAbove);
  if ('incomeKnown' in c) return (input.income !== null) === c.incomeKnown;
  if ('checkFailed' in c) return checkFailed(input.checks, c.checkFailed);
  if ('checksAllPassed' in c) return ASSESSMENT_CHECKS.every((k) => input.checks[k] === true);
  if ('category' in c) return !!input.category && asList(c.category).includes(input.category);
  if ('householdType' in c) return !!input.householdType && asList(c.householdType).includes(input.householdType);
  if ('hasRisk' in c) return input.risks.length > 0 === c.hasRisk;
  if ('riskIn' in c) return input.risks.some((r) => c.riskIn.includes(r));
  if ('riskEliminated' in c) return input.riskEliminated === c.riskEliminated;
  if ('selfPaidMedicalAboveFen' in c) return (input.selfPaidMedicalFen ?? 0) > c.selfPaidMedicalAboveFen;
  if ('flag' in c) return !!input.flags?.includes(c.flag);
  // The schema admits nothing else; an unknown shape here is a programming error, not a household fact.
  throw new Error(`未知的评级条件：${JSON.stringify(c)}`);
}

/** First matching rule wins; otherwise the table's default colour. */
export function gradeHousehold(input: GradingInput, table: GradingTable): GradeResult {
  const index = table.rules.findIndex((r) => evaluateCondition(r.when, input));
  if (index === -1) {
    return { colour: table.defaultColour, colourLabel: table.colourLabels[table.defaultColour], ruleIndex: null, rule: null, reason: table.defaultLabel };
  }
  const rule = table.rules[index];
  return { colour: rule.colour, colourLabel: table.colourLabels[rule.colour], ruleIndex: index, rule, reason: rule.label };
}

const LINE_NAMES = { poverty: '国家扶贫标准', monitoring: '监测范围' } as const;

/** A condition in words, for the settings screen: "人均纯收入低于国家扶贫标准，或 任一项两不愁三保障不达标". */
export function describeCondition(c: GradingCondition): string {
  const wrap = (x: GradingCondition): string => ('all' in x || 'any' in x ? `（${describeCondition(x)}）` : describeCondition(x));
  if ('all' in c) return c.all.map(wrap).join('，且');
  if ('any' in c) return c.any.map(wrap).join('，或');
  if ('not' in c) return `并非${wrap(c.not)}`;
  if ('incomeBelow' in c) return `人均纯收入低于${LINE_NAMES[c.incomeBelow]}`;
  if ('incomeAtOrAbove' in c) return `人均纯收入达到或超过${LINE_NAMES[c.incomeAtOrAbove]}`;
  if ('incomeKnown' in c) return c.incomeKnown ? '已核算收入' : '尚未核算收入';
  if ('checkFailed' in c) return c.checkFailed === 'anyBasic' ? '两不愁三保障（含饮水）任一项不达标' : `${ASSESSMENT_CHECK_LABELS[c.checkFailed]}不达标`;
  if ('checksAllPassed' in c) return '两不愁三保障（含饮水）各项均达标';
  if ('category' in c) return `监测对象类别为${asList(c.category).join('或')}`;
  if ('householdType' in c) return `户类型为${asList(c.householdType).join('或')}`;
  if ('hasRisk' in c) return c.hasRisk ? '存在返贫致贫风险' : '没有返贫致贫风险';
  if ('riskIn' in c) return `风险类型包含${c.riskIn.join('或')}`;
  if ('riskEliminated' in c) return c.riskEliminated ? '风险已消除' : '风险未消除';
  if ('selfPaidMedicalAboveFen' in c) return `合规自付医疗支出超过 ${formatFen(c.selfPaidMedicalAboveFen)} 元`;
  if ('flag' in c) return `带有户标识 ${c.flag}`;
  return JSON.stringify(c);
}
