import { revertElimination } from '../../../shared/domain/workflow/elimination';
import { openGreenChannel } from '../../../shared/domain/workflow/identification';
import { recordCountyFollowUp, sendBack, withdraw } from '../../../shared/domain/workflow/machine';
import { STEP_LABELS } from '../../../shared/domain/workflow/rules';
import { workflowRule } from '../../../shared/domain/errors';
import type { HandlerContext } from '../context';
import { listCases } from '../repos/cases';
import { applyHouseholdEffects } from './caseEffects';
import { criteriaPreview, householdBrief, openCase } from './caseOpen';
import { advanceCase } from './casesAdvance';
import { caseDetail, caseTitle, loadCase, saveCaseState, toCaseRow } from './caseStore';
import { dueWindow, procedureRules, workflowCtx } from './procedureContext';
import type { HandlerTable } from './types';

// 识别纳入 / 风险消除 cases. Every act is the domain's (shared/domain/workflow); this table loads the
// case, runs the act with the caller's permissions and the injected clock, and stores the result.

type Act = (state: ReturnType<typeof loadCase>['state'], wctx: ReturnType<typeof workflowCtx>) => ReturnType<typeof loadCase>['state'];

/** Runs one domain act on a stored case and saves it with an audit summary. */
function act(ctx: HandlerContext, caseId: string, rowVersion: number | undefined, fn: Act, summary: string, colour?: string) {
  const r = loadCase(ctx, caseId, rowVersion);
  const next = fn(r.state, workflowCtx(ctx));
  saveCaseState(ctx, r, next, `${caseTitle(r)}：${summary}`);
  applyHouseholdEffects(ctx, r.state.status, next, colour);
  return caseDetail(ctx, caseId);
}

export const casesHandlers: HandlerTable = {
  'cases.open': (ctx, input) => caseDetail(ctx, openCase(ctx, input).id),

  'cases.get': (ctx, { id }) => caseDetail(ctx, id),

  'cases.advance': (ctx, input) => advanceCase(ctx, input),

  'cases.sendBack': (ctx, { caseId, rowVersion, toStep, reason, date }) =>
    act(ctx, caseId, rowVersion, (s, w) => sendBack(s, toStep, reason, w, date), `退回到「${STEP_LABELS[toStep]}」，原因：${reason}`),

  'cases.withdraw': (ctx, { caseId, rowVersion, reason }) => act(ctx, caseId, rowVersion, (s, w) => withdraw(s, reason, w), `撤销案件，原因：${reason}`),

  'cases.greenChannel': (ctx, { caseId, rowVersion, reason, assistanceStartedOn }) => {
    const r = loadCase(ctx, caseId, rowVersion);
    // The grade is the household's own, never the caller's word for it.
    const { colour } = householdBrief(ctx, r.householdId);
    if (!colour) throw workflowRule('该户尚未评定风险等级，不能开通绿色通道。请先完成三保障评估。');
    return act(ctx, caseId, rowVersion, (s, w) => openGreenChannel(s, { grade: colour, reason, assistanceStartedOn }, w), `开通绿色通道（先帮扶后认定），原因：${reason}`);
  },

  'cases.revert': (ctx, { caseId, rowVersion, date, reason, docNumber }) =>
    act(ctx, caseId, rowVersion, (s, w) => revertElimination(s, { date, reason, ...(docNumber ? { docNumber } : {}) }, w), `风险消除回退，原因：${reason}`),

  'cases.countyFollowUp': (ctx, { caseId, rowVersion, ...data }) => act(ctx, caseId, rowVersion, (s, w) => recordCountyFollowUp(s, data, w), '补录县级审定信息'),

  'cases.list': (ctx, { filter, startRow, endRow, withTotal }) => {
    const rules = procedureRules(ctx);
    const bounds = dueWindow(ctx, rules);
    const { rows, total } = listCases(ctx.db, filter, ctx.user().scope, bounds, startRow, endRow, withTotal);
    return { rows: rows.map((r) => toCaseRow(r, ctx, rules)), total, today: bounds.today };
  },

  'cases.criteria': (ctx, { householdId, mode }) => criteriaPreview(ctx, householdId, mode),
};
