import { addCalendarDays, addWorkingDays, chinaDateOf } from '../../../shared/domain/deadlines';
import { ROLE_PERMISSIONS } from '../../../shared/domain/permissions';
import type { WorkflowContext } from '../../../shared/domain/workflow/caseState';
import { procedureRulesFromProfile } from '../../../shared/domain/workflow/profileRules';
import type { ProcedureRules } from '../../../shared/domain/workflow/rules';
import type { HandlerContext } from '../context';

// The bridge from a backend call to the pure workflow: rules from the 地方口径 profile, the caller's
// permissions and name, and the injected clock (never Date.now()).

export const procedureRules = (ctx: HandlerContext): ProcedureRules => procedureRulesFromProfile(ctx.profile());

export function workflowCtx(ctx: HandlerContext): WorkflowContext {
  const user = ctx.user();
  return {
    now: ctx.now(),
    rules: procedureRules(ctx),
    actorPermissions: ROLE_PERMISSIONS[user.role],
    actor: { id: user.userId, name: user.displayName },
  };
}

/** Today (China date) and the last day that still counts as "due soon" (within 1 working day). */
export function dueWindow(ctx: HandlerContext, rules: ProcedureRules): { today: string; soonUntil: string; soonUntilInstant: string; nowIso: string } {
  const today = chinaDateOf(ctx.now());
  const soonUntil = addWorkingDays(today, 1, rules);
  // Instants due before the start of the day after `soonUntil` (China time) are "due soon".
  const soonUntilInstant = new Date(Date.parse(`${addCalendarDays(soonUntil, 1)}T00:00:00+08:00`)).toISOString();
  return { today, soonUntil, soonUntilInstant, nowIso: ctx.nowIso() };
}
