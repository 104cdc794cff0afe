// 风险消除 criteria, checked before an elimination case may start. Input is plain data the backend
// gathers (dates, the latest income accounting, the latest 两不愁三保障+饮水 assessment, measure
// counts, labour flags): no database here. Each criterion passes or fails with a Chinese explanation.
import { addMonths, compareDates, type DateString } from '../deadlines';
import { workflowRule } from '../errors';
import { formatFen } from '../money';
import { ASSESSMENT_CHECK_LABELS, ASSESSMENT_CHECKS, type AssessmentCheckKey } from '../profileConditions';
import type { Actor, WorkflowContext } from './caseState';
import { assertPermitted } from './caseState';
import type { ProcedureRules } from './rules';
import type { EliminationMode } from './steps';

/** One item of the latest 两不愁三保障 + 饮水安全 assessment (assessment.ts ItemResult); null = not assessed. */
export type SecurityCheck = { pass: boolean; note?: string } | null;

export interface EliminationCriteriaInput {
  /** 识别监测时间: the date of the identification's 县级审定. */
  identifiedOn: DateString;
  /** The day of the check (China date of `now`). */
  checkedOn: DateString;
  mode: EliminationMode;
  /** The latest income accounting (收入核算); amounts in 分. */
  latestIncome: { accountedOn: DateString; perCapitaNetFen: number; lineFen: number } | null;
  /** Keyed like the assessment's checks: food, clothing, education, medical, housing, water. */
  security: Record<AssessmentCheckKey, SecurityCheck>;
  /** Measures delivered (落实) for this household's risks. */
  deliveredMeasures: number;
  /** 整户无劳动能力: every member 丧失劳动力/无劳动力. */
  wholeHouseholdWithoutLabour: boolean;
}

export type CriterionKey = 'minMonths' | 'income' | 'security' | 'measures' | 'labour';

export interface CriterionResult {
  key: CriterionKey;
  label: string;
  passed: boolean;
  explanation: string;
}

export interface CriteriaReport {
  checkedOn: DateString;
  mode: EliminationMode;
  results: CriterionResult[];
  allPassed: boolean;
}

/** A recorded decision to start despite failed criteria. */
export interface CriteriaOverride {
  reason: string;
  by: Actor;
  at: string;
  failedKeys: CriterionKey[];
}


const formatYuan = (fen: number): string => `${formatFen(fen)} 元`;

function minMonthsCriterion(input: EliminationCriteriaInput, months: number): CriterionResult {
  const earliest = addMonths(input.identifiedOn, months);
  const passed = compareDates(input.checkedOn, earliest) >= 0;
  const explanation = passed
    ? `识别纳入于 ${input.identifiedOn}，已满 ${months} 个月。`
    : `识别纳入于 ${input.identifiedOn}，未满 ${months} 个月，${earliest} 起方可启动风险消除。`;
  return { key: 'minMonths', label: `识别纳入满${months}个月`, passed, explanation };
}

function incomeCriterion(input: EliminationCriteriaInput): CriterionResult {
  const label = '人均纯收入稳定高于监测范围';
  const income = input.latestIncome;
  if (!income) return { key: 'income', label, passed: false, explanation: '尚无收入核算记录，请先完成收入核算。' };
  // Seed: "稳定高于…监测范围" — strictly above the line.
  const passed = income.perCapitaNetFen > income.lineFen;
  const amounts = `最近一次收入核算（${income.accountedOn}）人均纯收入 ${formatYuan(income.perCapitaNetFen)}，监测范围 ${formatYuan(income.lineFen)}`;
  return { key: 'income', label, passed, explanation: passed ? `${amounts}，高于监测范围。` : `${amounts}，未高于监测范围。` };
}

function securityCriterion(input: EliminationCriteriaInput): CriterionResult {
  // Walk the fixed list, so a check missing from the input counts as not assessed.
  const entries = ASSESSMENT_CHECKS.map((k) => [k, input.security[k] ?? null] as const);
  const name = (k: AssessmentCheckKey) => ASSESSMENT_CHECK_LABELS[k].replace(/有保障$/, '');
  const missing = entries.filter(([, c]) => c === null).map(([k]) => name(k));
  const failed = entries.filter(([, c]) => c !== null && !c.pass).map(([k, c]) => `${name(k)}${c?.note ? `（${c.note}）` : ''}`);
  const problems = [
    ...(failed.length ? [`未达标：${failed.join('、')}`] : []),
    ...(missing.length ? [`未评估：${missing.join('、')}`] : []),
  ];
  const passed = problems.length === 0;
  return {
    key: 'security',
    label: '两不愁三保障及饮水安全达标',
    passed,
    explanation: passed ? '吃穿不愁，义务教育、基本医疗、住房安全、饮水安全有保障，均已达标。' : `${problems.join('；')}。`,
  };
}

function measuresCriterion(input: EliminationCriteriaInput): CriterionResult {
  const label = '至少落实一项帮扶措施';
  if (input.mode === '自然消除') return { key: 'measures', label, passed: true, explanation: '自然消除不要求落实帮扶措施。' };
  const passed = input.deliveredMeasures >= 1;
  return {
    key: 'measures',
    label,
    passed,
    explanation: passed ? `已落实帮扶措施 ${input.deliveredMeasures} 项。` : '帮扶消除须针对风险至少落实一项帮扶措施，目前没有已落实的措施。',
  };
}

function labourCriterion(input: EliminationCriteriaInput, applies: boolean): CriterionResult {
  if (!applies) return { key: 'labour', label: '非整户无劳动能力', passed: true, explanation: '本地口径未限制整户无劳动能力户消除风险。' };
  const passed = !input.wholeHouseholdWithoutLabour;
  return {
    key: 'labour',
    label: '非整户无劳动能力',
    passed,
    explanation: passed ? '该户有劳动能力成员。' : '整户无劳动能力户落实兜底保障后暂不标注风险消除，应继续跟踪监测。',
  };
}

export function evaluateEliminationCriteria(
  input: EliminationCriteriaInput,
  rules: Pick<ProcedureRules, 'eliminationMinMonths' | 'noEliminationWithoutLabour'>,
): CriteriaReport {
  const results = [
    minMonthsCriterion(input, rules.eliminationMinMonths),
    incomeCriterion(input),
    securityCriterion(input),
    measuresCriterion(input),
    labourCriterion(input, rules.noEliminationWithoutLabour),
  ];
  return { checkedOn: input.checkedOn, mode: input.mode, results, allPassed: results.every((r) => r.passed) };
}

/**
 * Lets an elimination start. All criteria passed → no override needed (a given one is ignored).
 * Otherwise only an actor holding the profile's `override` permission may proceed, with a reason;
 * the override is returned so the case can keep it.
 */
export function assertEliminationMayStart(
  report: CriteriaReport,
  override: { reason: string } | undefined,
  ctx: WorkflowContext,
): CriteriaOverride | undefined {
  if (report.allPassed) return undefined;
  const failed = report.results.filter((r) => !r.passed);
  const list = failed.map((r) => `${r.label}：${r.explanation}`).join('；');
  if (!override) throw workflowRule(`不符合风险消除条件，不能发起风险消除：${list}`, { failed });
  assertPermitted(ctx, 'override');
  const reason = override.reason.trim();
  if (reason.length < 4) throw workflowRule('特批发起风险消除须写明理由（至少 4 个字）。');
  return { reason, by: { ...ctx.actor }, at: ctx.now.toISOString(), failedKeys: failed.map((r) => r.key) };
}
