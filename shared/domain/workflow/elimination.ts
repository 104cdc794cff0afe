// 风险消除: opening a case only when the criteria hold (or a permitted actor overrides with a reason),
// and 回退 (undo) of an elimination. Steps run through machine.ts `advance`:
// 提出名单 → 入户核实 → 民主评议 → 公示 → 镇街审核 → 县级审定.
import { z } from 'zod';
import { chinaDateOf, compareDates, type DateString } from '../deadlines';
import { workflowRule } from '../errors';
import type { CaseState, EliminationCase, WorkflowContext } from './caseState';
import { assertNoOpenCaseOfKind, assertPermitted, withHistory } from './caseState';
import { assertEliminationMayStart, evaluateEliminationCriteria, type EliminationCriteriaInput } from './eliminationCriteria';
import { openingDate, type OpenCaseInput } from './identification';
import { calendarDate, type EliminationMode } from './steps';
import { parseOrThrow } from './validate';

export interface OpenEliminationInput extends OpenCaseInput {
  mode: EliminationMode;
  /** Date of the identification's 县级审定. */
  identifiedOn: DateString;
  criteria: Omit<EliminationCriteriaInput, 'identifiedOn' | 'checkedOn' | 'mode'>;
  /** Start despite failed criteria: needs the `override` permission and a reason. */
  override?: { reason: string };
}

export function openEliminationCase(input: OpenEliminationInput, ctx: WorkflowContext): EliminationCase {
  assertPermitted(ctx, 'propose');
  assertNoOpenCaseOfKind(input.existingCases, 'elimination');
  const openedOn = openingDate(input, ctx);
  const report = evaluateEliminationCriteria(
    { ...input.criteria, identifiedOn: input.identifiedOn, checkedOn: chinaDateOf(ctx.now), mode: input.mode },
    ctx.rules,
  );
  const override = assertEliminationMayStart(report, input.override, ctx);
  const state: EliminationCase = {
    kind: 'elimination',
    caseId: input.caseId,
    householdId: input.householdId,
    openedOn,
    status: 'inProgress',
    awaiting: 'propose',
    steps: {},
    history: [],
    mode: input.mode,
    identifiedOn: input.identifiedOn,
    criteria: report,
    ...(override ? { override } : {}),
  };
  const note = override ? `未满足条件特批发起：${override.reason}` : '风险消除条件检查全部通过';
  return withHistory(state, { event: 'opened', date: openedOn, note, data: report }, ctx);
}

export const revertSchema = z.strictObject({
  date: calendarDate,
  reason: z.string().trim().min(1).max(1000),
  docNumber: z.string().trim().max(100).optional(),
});

/**
 * 风险消除回退: an elimination that proved unstable (收入不稳定、刚性支出不可控…) is undone; the
 * household is monitored again and may later go through a new elimination case.
 */
export function revertElimination(state: CaseState, input: unknown, ctx: WorkflowContext): EliminationCase {
  if (state.kind !== 'elimination' || state.status !== 'eliminated') throw workflowRule('只有“风险已消除”的风险消除案件可以回退。');
  assertPermitted(ctx, 'revert');
  const data = parseOrThrow(revertSchema, input, '风险消除回退');
  const today = chinaDateOf(ctx.now);
  if (compareDates(data.date, today) > 0) throw workflowRule(`回退日期 ${data.date} 晚于今天，请填写实际日期。`);
  if (state.closedOn && compareDates(data.date, state.closedOn) < 0) throw workflowRule(`回退日期不能早于风险消除日期 ${state.closedOn}。`);
  const next: EliminationCase = { ...state, status: 'reverted' };
  return withHistory(next, { event: 'reverted', date: data.date, note: data.reason, data }, ctx);
}
