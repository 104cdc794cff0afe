import type { CaseDetail } from '../../../shared/api/schemas/procedures';
import { notFound, workflowRule } from '../../../shared/domain/errors';
import { deliberationStepData } from '../../../shared/domain/meeting';
import type { CaseState } from '../../../shared/domain/workflow/caseState';
import { advance } from '../../../shared/domain/workflow/machine';
import { STEP_LABELS, type StepKey } from '../../../shared/domain/workflow/rules';
import type { Objection } from '../../../shared/domain/workflow/steps';
import type { HandlerContext } from '../context';
import type { CaseRecord } from '../repos/cases';
import { loadMeeting } from '../repos/meetings';
import { getNotice, objectionsOfCase, type ObjectionRecord } from '../repos/notices';
import { applyHouseholdEffects } from './caseEffects';
import { caseDetail, caseTitle, loadCase, saveCaseState } from './caseStore';
import { workflowCtx } from './procedureContext';

// cases.advance: the domain machine completes the awaiting step. Two steps take their data from
// records rather than from the form: 民主评议 from locked minutes (deliberationStepData) and 公示 from
// the notice with the objections registered against this case.

export interface AdvanceInput {
  caseId: string;
  rowVersion?: number;
  step: StepKey;
  data: Record<string, unknown>;
  colour?: string;
}

/** Objections of one notice in the domain's shape (registration order). */
export function domainObjections(list: readonly ObjectionRecord[]): Objection[] {
  return list.map((o) => ({
    date: o.date,
    content: o.content,
    ...(o.investigation ? { investigation: o.investigation } : {}),
    ...(o.result ? { result: o.result } : {}),
    resolved: o.resolved,
  }));
}

function deliberationData(ctx: HandlerContext, r: CaseRecord, data: Record<string, unknown>): Record<string, unknown> {
  const meetingId = typeof data.meetingId === 'string' ? data.meetingId : '';
  if (!meetingId) throw workflowRule('民主评议须依据评议会议记录办理：请选择已全部签字的评议会议。');
  const loaded = loadMeeting(ctx.db, meetingId);
  if (!loaded) throw notFound('该评议会议');
  const fromMinutes = deliberationStepData(loaded.meeting, r.id);
  return { ...fromMinutes, ...(typeof data.formRef === 'string' ? { formRef: data.formRef } : {}) };
}

function noticeData(ctx: HandlerContext, r: CaseRecord, data: Record<string, unknown>): Record<string, unknown> {
  if (typeof data.noticeId !== 'string') return data; // recorded from the village's paper notice
  const n = getNotice(ctx.db, data.noticeId);
  if (!n) throw notFound('该公示');
  if (!n.caseIds.includes(r.id) || n.notice.kind !== r.kind) throw workflowRule('所选公示中没有该户，请选择公示了该户的公示。');
  const objections = domainObjections(objectionsOfCase(ctx.db, r.id).filter((o) => o.noticeId === n.id));
  return { startDate: n.notice.startDate, days: n.notice.days, place: n.notice.place, noticeId: n.id, objections };
}

function stepDataFor(ctx: HandlerContext, r: CaseRecord, step: StepKey, data: Record<string, unknown>): Record<string, unknown> {
  // Only the awaiting step reads records; any other step is refused by the machine with its own message.
  if (step !== r.state.awaiting) return data;
  if (step === 'deliberate') return deliberationData(ctx, r, data);
  if (step === 'notice') return noticeData(ctx, r, data);
  return data;
}

function advanceSummary(r: CaseRecord, step: StepKey, next: CaseState): string {
  const sentBack = next.history[next.history.length - 1]?.event === 'sentBack';
  if (sentBack) return `${caseTitle(r)}：镇街审核退回到「${STEP_LABELS[next.awaiting as StepKey]}」`;
  const closed = next.status !== 'inProgress' ? `，案件办结` : '';
  return `${caseTitle(r)}：办理「${STEP_LABELS[step]}」${closed}`;
}

export function advanceCase(ctx: HandlerContext, input: AdvanceInput): CaseDetail {
  const r = loadCase(ctx, input.caseId, input.rowVersion);
  const data = stepDataFor(ctx, r, input.step, input.data);
  const next = advance(r.state, input.step, data, workflowCtx(ctx));
  saveCaseState(ctx, r, next, advanceSummary(r, input.step, next));
  applyHouseholdEffects(ctx, r.state.status, next, input.colour);
  return caseDetail(ctx, r.id);
}
