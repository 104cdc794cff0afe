import type { ParsedInput } from '../../../shared/api/contract';
import type { IncomeRecomputed } from '../../../shared/api/methods/householdEvents';
import { chinaDate } from '../../../shared/domain/chinaTime';
import { isJoinKind, isLeaveKind } from '../../../shared/domain/householdEvents';
import type { HandlerContext } from '../context';
import { listEvents } from '../repos/householdEvents';
import { getHousehold } from '../repos/households';
import { recordJoin, recordLeave, type Recorded } from '../registers/eventJoinLeave';
import { revokeEvent } from '../registers/eventRevoke';
import { recordMerge, recordSplit } from '../registers/eventSplitMerge';
import { loadHousehold, recomputeIncomeAfterEvent } from '../registers/incomeService';
import type { HandlerTable } from './types';

type RecordInput = ParsedInput<'householdEvents.record'>;

function record(ctx: HandlerContext, input: RecordInput): Recorded {
  const kind = input.kind;
  if (isJoinKind(kind)) return recordJoin(ctx, input as Extract<RecordInput, { kind: typeof kind }>);
  if (isLeaveKind(kind)) return recordLeave(ctx, input as Extract<RecordInput, { kind: typeof kind }>);
  if (input.kind === 'split') return recordSplit(ctx, input);
  return recordMerge(ctx, input as Extract<RecordInput, { kind: 'merge' }>);
}

/** The divisor of stored 收入核算 follows the event date: recompute every household the event touched. */
const recompute = (ctx: HandlerContext, householdIds: string[], date: string): IncomeRecomputed[] =>
  householdIds.flatMap((id) => recomputeIncomeAfterEvent(ctx, id, date));

export const householdEventsHandlers: HandlerTable = {
  'householdEvents.record': (ctx, input) => {
    const done = record(ctx, input);
    const incomeRecomputed = recompute(ctx, done.householdIds, input.date);
    const event = listEvents(ctx.db, input.householdId).find((e) => e.id === done.eventId)!;
    return { event, household: getHousehold(ctx.db, input.householdId)!, newHouseholdId: done.newHouseholdId, incomeRecomputed };
  },

  'householdEvents.list': (ctx, { householdId }) => {
    loadHousehold(ctx, householdId);
    return { events: listEvents(ctx.db, householdId), today: chinaDate(ctx.now()) };
  },

  'householdEvents.revoke': (ctx, { id, reason }) => {
    const { householdId, date } = revokeEvent(ctx, id, reason);
    return { household: getHousehold(ctx.db, householdId)!, incomeRecomputed: recompute(ctx, [householdId], date) };
  },
};
