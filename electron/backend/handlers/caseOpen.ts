import type { CriteriaPreview } from '../../../shared/api/schemas/procedures';
import { isLabourCapable } from '../../../shared/domain/assistanceRules';
import { chinaDateOf } from '../../../shared/domain/deadlines';
import { notFound, workflowRule } from '../../../shared/domain/errors';
import { assertNoOpenCaseOfKind, CASE_KIND_LABELS, type CaseKind } from '../../../shared/domain/workflow/caseState';
import { openEliminationCase } from '../../../shared/domain/workflow/elimination';
import { evaluateEliminationCriteria, type EliminationCriteriaInput } from '../../../shared/domain/workflow/eliminationCriteria';
import { openIdentificationCase } from '../../../shared/domain/workflow/identification';
import type { EliminationMode } from '../../../shared/domain/workflow/steps';
import type { HandlerContext } from '../context';
import { deliveredMeasureCount, labourFacts, latestIncome, latestSecurity } from '../repos/caseFacts';
import { caseSummaries, type CaseRecord } from '../repos/cases';
import { getHouseholdRow } from '../repos/households';
import { insertNewCase } from './caseStore';
import { procedureRules, workflowCtx } from './procedureContext';

// Opening a case: 识别纳入 (also 风险再标注 of a household whose risk was eliminated) or 风险消除, whose
// criteria are gathered here from the registers and checked by the domain before the case may start.

interface HouseholdBrief {
  id: string;
  headName: string;
  villageId: string;
  status: string;
  colour: string | null;
  monitoredSince: string | null;
}

export function householdBrief(ctx: HandlerContext, householdId: string): HouseholdBrief {
  const r = getHouseholdRow(ctx.db, householdId);
  if (!r) throw notFound('该农户');
  ctx.assertVillageInScope(r.village_id as string);
  return { id: householdId, headName: r.head_name as string, villageId: r.village_id as string, status: r.status as string, colour: (r.colour as string | null) ?? null, monitoredSince: (r.monitored_since as string | null) ?? null };
}

const statusLabel = (ctx: HandlerContext, status: string): string => (ctx.profile().enums.householdStatusLabels as Record<string, string>)[status] ?? status;

/** Which household statuses may start which kind of case. */
function assertHouseholdMayOpen(ctx: HandlerContext, h: HouseholdBrief, kind: CaseKind): void {
  const allowed = kind === 'identification' ? ['normal', 'eliminated'] : ['monitoring'];
  if (allowed.includes(h.status)) return;
  const now = statusLabel(ctx, h.status);
  throw workflowRule(
    kind === 'identification'
      ? `该户当前状态为「${now}」，不能发起识别纳入（已是监测对象的无需重复纳入；已退出或注销的户请先核实户籍）。`
      : `该户当前状态为「${now}」，只有“监测中”的农户可以发起风险消除。`,
  );
}

/** The registers' facts the 风险消除 criteria need, for `identifiedOn` = households.monitored_since. */
export function gatherCriteria(ctx: HandlerContext, householdId: string): Omit<EliminationCriteriaInput, 'identifiedOn' | 'checkedOn' | 'mode'> {
  const labour = labourFacts(ctx.db, householdId);
  return {
    latestIncome: latestIncome(ctx.db, householdId),
    security: latestSecurity(ctx.db, householdId).checks,
    deliveredMeasures: deliveredMeasureCount(ctx.db, householdId),
    wholeHouseholdWithoutLabour: !isLabourCapable({ flags: labour.flags, labourSkills: labour.labourSkills }, ctx.profile()),
  };
}

export interface OpenInput {
  householdId: string;
  kind: CaseKind;
  openedOn?: string;
  mode?: EliminationMode;
  override?: { reason: string };
  leadId?: string;
}

export function openCase(ctx: HandlerContext, input: OpenInput): CaseRecord {
  const h = householdBrief(ctx, input.householdId);
  const existingCases = caseSummaries(ctx.db, h.id);
  const wctx = workflowCtx(ctx);
  assertNoOpenCaseOfKind(existingCases, input.kind);
  assertHouseholdMayOpen(ctx, h, input.kind);
  const caseId = ctx.ids.newId();
  const base = { caseId, householdId: h.id, existingCases, ...(input.openedOn ? { openedOn: input.openedOn } : {}) };
  if (input.kind === 'identification') {
    const state = openIdentificationCase(base, wctx);
    const remark = h.status === 'eliminated';
    const title = remark ? '风险再标注（重新识别纳入）' : CASE_KIND_LABELS.identification;
    return insertNewCase(ctx, state, { villageId: h.villageId, leadId: input.leadId ?? null, remark }, `发起${title}案件（${h.headName}户）`);
  }
  if (!h.monitoredSince) throw workflowRule('该户没有识别纳入日期（县级审定日期），无法计算是否满足风险消除的时间条件，请先在户档案中补录。');
  const mode = input.mode ?? '帮扶消除';
  const state = openEliminationCase({ ...base, mode, identifiedOn: h.monitoredSince, criteria: gatherCriteria(ctx, h.id), ...(input.override ? { override: input.override } : {}) }, wctx);
  const how = state.override ? '（条件特批）' : '';
  return insertNewCase(ctx, state, { villageId: h.villageId, leadId: null, remark: false }, `发起风险消除案件${how}（${h.headName}户，${mode}）`);
}

/** 风险消除条件预检 for the household page and the "发起风险消除" dialog. */
export function criteriaPreview(ctx: HandlerContext, householdId: string, mode: EliminationMode): CriteriaPreview {
  const h = householdBrief(ctx, householdId);
  const blocked = (blocker: string): CriteriaPreview => ({ householdId, identifiedOn: h.monitoredSince, blocker, report: null });
  if (h.status !== 'monitoring') return blocked(`该户当前状态为「${statusLabel(ctx, h.status)}」，只有“监测中”的农户需要风险消除。`);
  if (!h.monitoredSince) return blocked('该户没有识别纳入日期（县级审定日期），请先补录。');
  const report = evaluateEliminationCriteria(
    { ...gatherCriteria(ctx, householdId), identifiedOn: h.monitoredSince, checkedOn: chinaDateOf(ctx.now()), mode },
    procedureRules(ctx),
  );
  return { householdId, identifiedOn: h.monitoredSince, blocker: null, report };
}
