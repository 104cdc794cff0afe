// The transition function shared by both procedures. `advance` completes the awaiting step or
// throws: a step is never skipped, never done twice without a send-back, never done by someone the
// profile does not assign it to, and never with data that breaks a rule.
import { z } from 'zod';
import { chinaDateOf, compareDates, type DateString } from '../deadlines';
import { workflowRule } from '../errors';
import { noticePeriod } from '../notice';
import type { CaseState, EliminationCase, IdentificationCase, WorkflowContext } from './caseState';
import { assertInProgress, assertPermitted, CASE_KIND_LABELS, stepIndex, stepLabel, stepsOf, withHistory } from './caseState';
import type { StepKey } from './rules';
import {
  applySchema,
  countyFollowUpSchema,
  deliberateSchema,
  eliminationDecisionSchema,
  identificationDecisionSchema,
  noticeSchema,
  objectionSchema,
  proposeSchema,
  townshipReviewSchema,
  verifySchema,
  type Objection,
} from './steps';
import {
  actDateOf,
  assertDateOrder,
  assertObjectionDates,
  assertObjectionsResolved,
  checkCategoryAndRisks,
  checkCountyDates,
  checkDeliberation,
  checkNotice,
  checkVerifiers,
} from './stepRules';
import { parseOrThrow } from './validate';

function schemaFor(state: CaseState, step: StepKey): z.ZodType {
  switch (step) {
    case 'apply':
      return applySchema;
    case 'propose':
      return proposeSchema;
    case 'verify':
      return verifySchema;
    case 'deliberate':
      return deliberateSchema;
    case 'notice':
      return noticeSchema;
    case 'townshipReview':
      return townshipReviewSchema;
    case 'countyDecision':
      return state.kind === 'identification' ? identificationDecisionSchema : eliminationDecisionSchema;
  }
}

/** Refuses a step that is not the awaiting one, naming what must happen instead. */
function assertIsAwaitingStep(state: CaseState, step: StepKey): void {
  const kindLabel = CASE_KIND_LABELS[state.kind];
  if (stepIndex(state.kind, step) < 0) throw workflowRule(`${kindLabel}流程没有${stepLabel(step)}这一步骤。`);
  const awaiting = state.awaiting as StepKey;
  if (step === awaiting) return;
  if (stepIndex(state.kind, step) < stepIndex(state.kind, awaiting)) {
    throw workflowRule(`${stepLabel(step)}已经办理过，当前应办理${stepLabel(awaiting)}。如需重新办理，请先退回到该步骤。`);
  }
  throw workflowRule(`不能跳过步骤：当前应先办理${stepLabel(awaiting)}，再办理${stepLabel(step)}。`);
}

/** Rules that depend on the step and the case, after the schema has passed. */
function checkStep(state: CaseState, step: StepKey, data: Record<string, unknown>, ctx: WorkflowContext): void {
  assertDateOrder(state, step, data, ctx);
  if (step === 'verify') checkVerifiers(data as never, ctx.rules);
  if (step === 'deliberate') checkDeliberation(data as never);
  if (step === 'notice') checkNotice(data as never, ctx);
  if (step === 'propose' && state.kind === 'elimination' && data.mode !== state.mode) {
    throw workflowRule(`提出名单的消除方式「${String(data.mode)}」与发起时检查条件所用的「${state.mode}」不一致，请撤销后按正确方式重新发起。`);
  }
  if (step === 'townshipReview' && data.decision === 'pass') assertObjectionsResolved(state);
  if (step !== 'countyDecision') return;
  checkCountyDates(data as never);
  if (data.decision === 'approve') checkCategoryAndRisks(data.category as string, data.risks as string[], ctx.rules);
  if (state.kind === 'elimination' && data.decision === 'eliminate' && data.mode !== state.mode) {
    throw workflowRule(`县级审定的消除方式「${String(data.mode)}」与本案的「${state.mode}」不一致，请核对。`);
  }
}

/** Where a completed step leads: the next step, or a final status when the step decides the case. */
function outcomeOf(state: CaseState, step: StepKey, data: Record<string, unknown>): { awaiting: StepKey | null; status: CaseState['status'] } {
  const identification = state.kind === 'identification';
  if (step === 'deliberate' && data.outcome === 'fail') return { awaiting: null, status: identification ? 'rejected' : 'notEliminated' };
  if (step === 'countyDecision') {
    if (data.decision === 'reject') return { awaiting: null, status: identification ? 'rejected' : 'notEliminated' };
    return { awaiting: null, status: identification ? 'approved' : 'eliminated' };
  }
  const steps = stepsOf(state.kind);
  return { awaiting: steps[steps.indexOf(step) + 1], status: 'inProgress' };
}

function historyNote(step: StepKey, data: Record<string, unknown>, ctx: WorkflowContext): string | undefined {
  if (step !== 'notice') return undefined;
  const n = data as z.output<typeof noticeSchema>;
  const p = noticePeriod(n.startDate, n.days, ctx.rules);
  return `公示期 ${p.startDate} 至 ${p.endDate}，地点：${n.place}，异议 ${n.objections.length} 条`;
}

/**
 * Completes `step` with `data` (validated here) and returns the new state; the input is not changed.
 * A 镇街审核 with decision "sendBack" returns the case to the named earlier step instead.
 */
export function advance(state: CaseState, step: StepKey, data: unknown, ctx: WorkflowContext): CaseState {
  assertInProgress(state, `办理${stepLabel(step)}`);
  assertIsAwaitingStep(state, step);
  assertPermitted(ctx, step);
  const parsed = parseOrThrow(schemaFor(state, step), data, stepLabel(step)) as Record<string, unknown>;
  checkStep(state, step, parsed, ctx);
  if (step === 'townshipReview' && parsed.decision === 'sendBack') {
    return sendBack(state, parsed.sendBackTo as StepKey, parsed.reason as string, ctx, parsed.date as DateString);
  }
  const { awaiting, status } = outcomeOf(state, step, parsed);
  const date = step === 'notice' ? noticePeriod(parsed.startDate as string, parsed.days as number, ctx.rules).endDate : actDateOf(step, parsed, ctx.rules);
  const next = {
    ...state,
    awaiting,
    status,
    steps: { ...state.steps, [step]: parsed },
    ...(status === 'inProgress' ? {} : { closedOn: date }),
  } as CaseState;
  return withHistory(next, { event: 'completed', step, date, data: parsed, note: historyNote(step, parsed, ctx) }, ctx);
}

/**
 * Returns an open case to an earlier step with a reason. Data of that step and later ones is
 * cleared (it stays in the timeline); whoever may act on the awaiting step may send it back.
 */
export function sendBack(state: CaseState, toStep: StepKey, reason: string, ctx: WorkflowContext, date?: DateString): CaseState {
  assertInProgress(state, '退回');
  const from = state.awaiting as StepKey;
  assertPermitted(ctx, from);
  if (!reason.trim()) throw workflowRule('退回须填写退回原因，说明需要补正的内容。');
  const target = stepIndex(state.kind, toStep);
  if (target < 0) throw workflowRule(`${CASE_KIND_LABELS[state.kind]}流程没有${stepLabel(toStep)}这一步骤。`);
  if (target >= stepIndex(state.kind, from)) throw workflowRule(`只能退回到${stepLabel(from)}之前的步骤。`);
  const actDate = date ?? chinaDateOf(ctx.now);
  const kept = Object.fromEntries(Object.entries(state.steps).filter(([s]) => stepIndex(state.kind, s as StepKey) < target));
  const next = { ...state, awaiting: toStep, steps: kept } as CaseState;
  return withHistory(next, { event: 'sentBack', step: from, toStep, date: actDate, note: reason.trim() }, ctx);
}

/** Closes an open case without a decision (opened by mistake, household moved away…). */
export function withdraw(state: CaseState, reason: string, ctx: WorkflowContext): CaseState {
  assertInProgress(state, '撤销');
  assertPermitted(ctx, 'withdraw');
  if (!reason.trim()) throw workflowRule('撤销案件须填写原因。');
  const date = chinaDateOf(ctx.now);
  return withHistory({ ...state, awaiting: null, status: 'withdrawn', closedOn: date } as CaseState, { event: 'withdrawn', date, note: reason.trim() }, ctx);
}

/**
 * Records objections raised during the 公示 and their investigation, after the 公示 step was closed
 * and before 镇街审核. Objections already registered may be updated but never removed.
 */
export function updateObjections(state: CaseState, objections: unknown, ctx: WorkflowContext): CaseState {
  assertInProgress(state, '登记异议');
  if (state.awaiting !== 'townshipReview' || !state.steps.notice) throw workflowRule('只有公示结束后、镇街审核前可以登记或处理异议。');
  assertPermitted(ctx, 'notice');
  const list: Objection[] = parseOrThrow(z.array(objectionSchema).max(200), objections, '公示异议');
  const notice = state.steps.notice;
  if (list.length < notice.objections.length) throw workflowRule('已登记的异议不能删除，只能补充调查核实情况和处理结果。');
  assertObjectionDates(list, notice.startDate, chinaDateOf(ctx.now));
  const steps = { ...state.steps, notice: { ...notice, objections: list } };
  const open = list.filter((o) => !o.resolved).length;
  const next = { ...state, steps } as CaseState;
  return withHistory(next, { event: 'objectionsUpdated', step: 'notice', date: chinaDateOf(ctx.now), note: `异议 ${list.length} 条，未处理 ${open} 条`, data: list }, ctx);
}

/** Fills in 录入系统日期 / 公告日期 / 文号 after an approval or elimination that was recorded without them. */
export function recordCountyFollowUp(state: CaseState, data: unknown, ctx: WorkflowContext): CaseState {
  const decision = state.steps.countyDecision;
  if (!decision || (state.status !== 'approved' && state.status !== 'eliminated') || decision.decision === 'reject') {
    throw workflowRule('只有县级审定通过的案件可以补录录入系统日期和公告日期。');
  }
  assertPermitted(ctx, 'countyDecision');
  const extra = parseOrThrow(countyFollowUpSchema, data, '县级审定补录');
  const merged = { ...decision, ...Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined)) };
  checkCountyDates(merged);
  const today = chinaDateOf(ctx.now);
  for (const d of [extra.systemEntryDate, extra.announcementDate]) {
    if (d !== undefined && compareDates(d, today) > 0) throw workflowRule(`日期 ${d} 晚于今天，请填写实际日期。`);
  }
  const next = { ...state, steps: { ...state.steps, countyDecision: merged } } as IdentificationCase | EliminationCase;
  return withHistory(next, { event: 'countyFollowUp', step: 'countyDecision', date: today, data: extra }, ctx);
}
