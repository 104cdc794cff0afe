import { notFound } from '../../../shared/domain/errors';
import type { CaseState } from '../../../shared/domain/workflow/caseState';
import type { HandlerContext } from '../context';
import { diffFields } from '../journal';
import { setProcedureState, type ProcedureHouseholdState } from '../repos/caseFacts';
import { getHousehold } from '../repos/households';
import { insertGrade } from '../repos/assessments';
import { chinaDate } from '../../../shared/domain/chinaTime';
import type { GradeColour } from '../../../shared/domain/profile';

// What a decided case does to the household (DOMAIN §5): 县级审定 纳入 → 监测中 with category, risks and
// 监测起始日期; 风险消除 → 风险已消除 (still in the register and followed); 回退 → 监测中 again.

const HOUSEHOLD_LABELS: Record<string, string> = {
  status: '状态',
  category: '监测对象类别',
  colour: '风险等级',
  riskTypes: '风险类型',
  monitoredSince: '识别纳入日期',
};

interface Effect {
  state: ProcedureHouseholdState;
  summary: string;
}

/** The household change a transition implies, or null when it implies none. */
function effectOf(prev: CaseState['status'], next: CaseState, current: ProcedureHouseholdState, colour: string | undefined): Effect | null {
  const decision = next.steps.countyDecision;
  if (next.kind === 'identification' && prev === 'inProgress' && next.status === 'approved' && decision?.decision === 'approve') {
    return {
      state: { status: 'monitoring', category: decision.category, riskTypes: [...decision.risks], monitoredSince: decision.date, colour: colour ?? current.colour ?? 'orange' },
      summary: `县级审定纳入监测：${decision.category}，风险类型 ${decision.risks.join('、')}，识别纳入日期 ${decision.date}`,
    };
  }
  if (next.kind === 'elimination' && prev === 'inProgress' && next.status === 'eliminated' && decision?.decision === 'eliminate') {
    return { state: { ...current, status: 'eliminated', colour: colour ?? current.colour }, summary: `县级审定风险已消除（${decision.mode}），${decision.date}` };
  }
  if (next.kind === 'elimination' && prev === 'eliminated' && next.status === 'reverted') {
    return { state: { ...current, status: 'monitoring', colour: colour ?? current.colour }, summary: '风险消除回退，恢复为监测中' };
  }
  return null;
}

/** Applies the household change of a case transition, with its own audit and change-log entries. */
export function applyHouseholdEffects(ctx: HandlerContext, prev: CaseState['status'], next: CaseState, colour?: string): void {
  const before = getHousehold(ctx.db, next.householdId);
  if (!before) throw notFound('该农户');
  const current: ProcedureHouseholdState = {
    status: before.status,
    category: before.category,
    colour: before.colour,
    riskTypes: before.riskTypes,
    monitoredSince: before.monitoredSince,
  };
  const effect = effectOf(prev, next, current, colour);
  if (!effect) return;
  setProcedureState(ctx.db, next.householdId, effect.state, ctx.nowIso(), ctx.user().username);
  const after = getHousehold(ctx.db, next.householdId)!;
  ctx.audit({
    action: 'update',
    entity: 'household',
    entityId: after.id,
    householdId: after.id,
    summary: `${effect.summary}（${after.headName}户，案件 ${next.caseId}）`,
    changes: diffFields(before, after, HOUSEHOLD_LABELS),
  });
  ctx.change('household', after.id, after.rowVersion, 'upsert', { ...after, members: undefined, formerMembers: undefined });
  if (after.colour && after.colour !== before.colour) recordCaseGrade(ctx, after.id, after.colour as GradeColour, before.colour as GradeColour | null, after.riskTypes, effect.summary, next.caseId);
}

/** A colour set by 县级审定 (纳入/消除/回退) enters the grade history like any assessment's. */
function recordCaseGrade(ctx: HandlerContext, householdId: string, colour: GradeColour, previous: GradeColour | null, riskTypes: string[], reason: string, caseId: string): void {
  const grade = { id: ctx.ids.newId(), householdId, date: chinaDate(ctx.now()), colour, previousColour: previous, reason, riskTypes, source: 'case', sourceId: caseId };
  insertGrade(ctx.db, grade, ctx.nowIso(), ctx.user().username);
  ctx.change('household_grade', grade.id, 1, 'upsert', grade);
}
