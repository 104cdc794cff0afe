// Checks of one step's data against the case so far and the profile rules. Each refusal is a
// workflow_rule error whose message names the problem and what to do.
import { chinaDateOf, compareDates, type DateString } from '../deadlines';
import { workflowRule } from '../errors';
import { noticePeriod } from '../notice';
import type { CaseState, WorkflowContext } from './caseState';
import { stepIndex, stepLabel, stepsOf } from './caseState';
import type { ProcedureRules, StepKey } from './rules';
import type { DeliberateData, NoticeData, Objection, VerifyData } from './steps';

/** The date an act counts from, for ordering: a 公示 counts from the day it may be closed. */
export function actDateOf(step: StepKey, data: Record<string, unknown>, rules: ProcedureRules): DateString {
  if (step === 'notice') {
    const n = data as unknown as NoticeData;
    return noticePeriod(n.startDate, n.days, rules).closableFrom;
  }
  return data.date as DateString;
}

/** Latest act date among completed steps before `step` (the floor for this step's date); null if none. */
export function previousActDate(state: CaseState, step: StepKey, rules: ProcedureRules): DateString | null {
  const done = stepsOf(state.kind).slice(0, stepIndex(state.kind, step));
  const steps = state.steps as Partial<Record<StepKey, Record<string, unknown>>>;
  return done.reduce<DateString | null>((latest, s) => {
    const data = steps[s];
    if (!data) return latest;
    const d = actDateOf(s, data, rules);
    return latest === null || compareDates(d, latest) > 0 ? d : latest;
  }, null);
}

/** The step's own date may not lie in the future, nor before the step it follows. */
export function assertDateOrder(state: CaseState, step: StepKey, data: Record<string, unknown>, ctx: WorkflowContext): void {
  const today = chinaDateOf(ctx.now);
  const own = step === 'notice' ? (data as unknown as NoticeData).startDate : (data.date as DateString);
  if (compareDates(own, today) > 0) throw workflowRule(`${stepLabel(step)}的日期 ${own} 晚于今天（${today}），请填写实际办理日期。`);
  const floor = previousActDate(state, step, ctx.rules);
  const floorIsNotice = step === 'townshipReview' || step === 'countyDecision';
  if (floor !== null && compareDates(own, floor) < 0) {
    const what = floorIsNotice && state.steps.notice ? `公示期满后的日期 ${floor}` : `前一步骤的日期 ${floor}`;
    throw workflowRule(`${stepLabel(step)}的日期 ${own} 早于${what}，请核对。`);
  }
  const sentBackOn = lastSendBackDate(state);
  if (sentBackOn !== null && compareDates(own, sentBackOn) < 0) {
    throw workflowRule(`${stepLabel(step)}的日期 ${own} 早于退回日期 ${sentBackOn}，退回后重新办理的步骤应在退回之后。`);
  }
}

/** Date of the latest send-back, which restarts the clock of the step it returned to. */
export function lastSendBackDate(state: CaseState): DateString | null {
  const last = [...state.history].reverse().find((h) => h.event === 'sentBack');
  return last ? last.date : null;
}

export function checkVerifiers(data: VerifyData, rules: ProcedureRules): void {
  const names = new Set(data.verifiers.map((v) => v.name.trim()));
  if (names.size < rules.minVerifiers) {
    throw workflowRule(`入户核实人员不足：每组不少于 ${rules.minVerifiers} 人，目前只有 ${names.size} 人（同名只计一次）。请补充核实人员。`);
  }
}

export function checkDeliberation(data: DeliberateData): void {
  const { agree, disagree, abstain } = data.votes;
  if (agree + disagree + abstain === 0) throw workflowRule('民主评议没有表决票，请填写同意、不同意、弃权票数。');
  if (data.outcome === 'pass' && agree <= disagree) throw workflowRule('同意票不多于不同意票，评议结果不能为“通过”，请核对。');
}

export function checkNotice(data: NoticeData, ctx: WorkflowContext): void {
  const { rules } = ctx;
  if (data.days < rules.publicNoticeDays) throw workflowRule(`公示天数不能少于 ${rules.publicNoticeDays} 天，请按规定公示。`);
  const period = noticePeriod(data.startDate, data.days, rules);
  const today = chinaDateOf(ctx.now);
  if (compareDates(today, period.closableFrom) < 0) {
    throw workflowRule(`公示期未满：公示自 ${period.startDate} 起 ${data.days} 天，至 ${period.endDate} 期满，${period.closableFrom} 起方可结束公示并报镇街审核。`);
  }
  assertObjectionDates(data.objections, period.startDate, today);
}

export function assertObjectionDates(objections: readonly Objection[], startDate: DateString, today: DateString): void {
  for (const [i, o] of objections.entries()) {
    if (compareDates(o.date, startDate) < 0 || compareDates(o.date, today) > 0) {
      throw workflowRule(`第 ${i + 1} 条异议的日期 ${o.date} 应在公示开始日期 ${startDate} 至今天 ${today} 之间。`);
    }
  }
}

export function assertObjectionsResolved(state: CaseState): void {
  const open = (state.steps.notice?.objections ?? []).filter((o) => !o.resolved);
  if (open.length === 0) return;
  const first = open[0];
  throw workflowRule(
    `公示期间还有 ${open.length} 条异议未处理完毕（如 ${first.date}：${first.content.slice(0, 30)}），请先调查核实并记录处理结果，再进行镇街审核。`,
  );
}

export function checkCategoryAndRisks(category: string, risks: readonly string[], rules: ProcedureRules): void {
  if (!rules.categories.includes(category)) throw workflowRule(`监测对象类别「${category}」不在本地口径中，只能是：${rules.categories.join('、')}。`);
  const unknown = risks.filter((r) => !rules.riskTypes.includes(r));
  if (unknown.length) throw workflowRule(`风险类型「${unknown.join('、')}」不在本地口径中，请从风险类型列表中选择。`);
  if (new Set(risks).size !== risks.length) throw workflowRule('风险类型有重复，请删除重复项。');
  if (risks.length > rules.maxRisks) throw workflowRule(`风险类型最多 ${rules.maxRisks} 项，目前选了 ${risks.length} 项。`);
}

export function checkCountyDates(data: { date: DateString; systemEntryDate?: DateString; announcementDate?: DateString }): void {
  for (const [label, d] of [['录入系统日期', data.systemEntryDate], ['公告日期', data.announcementDate]] as const) {
    if (d !== undefined && compareDates(d, data.date) < 0) throw workflowRule(`${label} ${d} 不能早于县级审定日期 ${data.date}。`);
  }
}
