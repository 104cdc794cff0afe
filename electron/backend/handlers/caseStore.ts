import type { CaseDetail, CaseRow, ObjectionRow } from '../../../shared/api/schemas/procedures';
import { chinaDateOf, compareDates, dueStatus } from '../../../shared/domain/deadlines';
import { conflict, notFound } from '../../../shared/domain/errors';
import { isLocked } from '../../../shared/domain/meeting';
import { noticePeriod } from '../../../shared/domain/notice';
import { CASE_KIND_LABELS, CASE_STATUS_LABELS, type CaseState } from '../../../shared/domain/workflow/caseState';
import { STEP_LABELS, type ProcedureRules, type StepKey } from '../../../shared/domain/workflow/rules';
import { stepDeadlines } from '../../../shared/domain/workflow/stepDeadlines';
import type { HandlerContext } from '../context';
import { diffFields } from '../journal';
import * as repo from '../repos/cases';
import { loadMeeting, meetingsForCase } from '../repos/meetings';
import { noticesForCase, objectionsOfCase, type ObjectionRecord } from '../repos/notices';
import { procedureRules } from './procedureContext';

// Writing a case (state JSON + worklist columns + timeline rows + audit + change log, one transaction)
// and reading it back in the API's shapes.

const CASE_LABELS: Record<string, string> = { outcomeLabel: '办理状态', currentStepLabel: '当前步骤', greenChannel: '绿色通道' };

const earliest = (dates: (string | null)[]): string | null =>
  dates.filter((d): d is string => d !== null).reduce<string | null>((min, d) => (min === null || compareDates(d, min) < 0 ? d : min), null);

/** Worklist columns of a state under the profile's deadlines. */
export function caseColumns(state: CaseState, rules: ProcedureRules): repo.CaseColumns {
  const d = stepDeadlines(state, rules);
  const stepDue = d.steps.find((s) => s.state === 'open')?.due ?? null;
  return {
    status: state.status === 'inProgress' ? 'open' : 'closed',
    outcome: state.status,
    currentStep: state.awaiting,
    mode: state.kind === 'elimination' ? state.mode : null,
    greenChannel: state.kind === 'identification' && state.greenChannel !== undefined,
    closedOn: state.closedOn ?? null,
    stepDue,
    wholeDue: d.wholeDue,
    greenDue: d.greenChannelDue,
    nextDue: earliest([stepDue, d.wholeDue, d.greenChannelDue]),
  };
}

export function toCaseRow(r: repo.CaseRecord, ctx: HandlerContext, rules: ProcedureRules): CaseRow {
  const { state: _state, ...rest } = r;
  return {
    ...rest,
    outcomeLabel: CASE_STATUS_LABELS[r.outcome as CaseState['status']] ?? r.outcome,
    currentStepLabel: r.currentStep ? STEP_LABELS[r.currentStep as StepKey] : null,
    dueStatus: r.status === 'open' && r.nextDue ? dueStatus(r.nextDue, ctx.now(), rules) : null,
  };
}

/** Loads a case the caller may see, optionally checking the version they edited. */
export function loadCase(ctx: HandlerContext, caseId: string, rowVersion?: number): repo.CaseRecord {
  const r = repo.getCase(ctx.db, caseId);
  if (!r) throw notFound('该案件');
  ctx.assertVillageInScope(r.villageId);
  if (rowVersion !== undefined && rowVersion !== r.rowVersion) throw conflict('该案件已被他人办理或修改，请刷新后再试（您的操作未保存）。');
  return r;
}

function record(ctx: HandlerContext, caseId: string, action: 'create' | 'update', before: repo.CaseRecord | null, summary: string): repo.CaseRecord {
  const rules = procedureRules(ctx);
  const after = repo.getCase(ctx.db, caseId)!;
  const view = (r: repo.CaseRecord | null) => (r ? toCaseRow(r, ctx, rules) : null);
  ctx.audit({ action, entity: 'case', entityId: caseId, householdId: after.householdId, summary, changes: diffFields(view(before), view(after), CASE_LABELS) });
  ctx.change('case', caseId, after.rowVersion, 'upsert', { ...toCaseRow(after, ctx, rules), state: after.state });
  return after;
}

export function insertNewCase(ctx: HandlerContext, state: CaseState, row: { villageId: string; leadId: string | null; remark: boolean }, summary: string): repo.CaseRecord {
  const by = ctx.user().username;
  repo.insertCase(ctx.db, row, state, caseColumns(state, procedureRules(ctx)), ctx.nowIso(), by);
  repo.appendSteps(ctx.db, () => ctx.ids.newId(), state);
  return record(ctx, state.caseId, 'create', null, summary);
}

export function saveCaseState(ctx: HandlerContext, before: repo.CaseRecord, next: CaseState, summary: string): repo.CaseRecord {
  repo.updateCase(ctx.db, next, caseColumns(next, procedureRules(ctx)), ctx.nowIso(), ctx.user().username);
  repo.appendSteps(ctx.db, () => ctx.ids.newId(), next);
  return record(ctx, next.caseId, 'update', before, summary);
}

/** "识别纳入（王大山户）", for audit summaries. */
export const caseTitle = (r: Pick<repo.CaseRecord, 'kind' | 'headName'>): string => `${CASE_KIND_LABELS[r.kind]}（${r.headName}户）`;

export const toObjectionRow = (o: ObjectionRecord): ObjectionRow => ({ ...o });

export function caseDetail(ctx: HandlerContext, caseId: string): CaseDetail {
  const r = loadCase(ctx, caseId);
  const rules = procedureRules(ctx);
  const today = chinaDateOf(ctx.now());
  const meetingOptions = meetingsForCase(ctx.db, caseId).map((m) => {
    const loaded = loadMeeting(ctx.db, m.id)!;
    const locked = isLocked(loaded.meeting);
    return { id: m.id, label: `${m.date} ${m.villageName} 民主评议会`, ready: locked, note: locked ? '会议记录已全部签字' : '会议记录尚未全部签字' };
  });
  const noticeOptions = noticesForCase(ctx.db, caseId).map((n) => {
    const closable = noticePeriod(n.notice.startDate, n.notice.days, rules).closableFrom;
    const ready = compareDates(today, closable) >= 0;
    return { id: n.id, label: `${n.notice.title}（${n.notice.startDate} 至 ${n.notice.endDate}）`, ready, note: ready ? '公示期已满' : `${closable} 起方可结束公示` };
  });
  return {
    ...toCaseRow(r, ctx, rules),
    state: r.state,
    deadlines: stepDeadlines(r.state, rules),
    meetingOptions,
    noticeOptions,
    objections: objectionsOfCase(ctx.db, caseId).map(toObjectionRow),
    today,
    now: ctx.nowIso(),
  };
}
