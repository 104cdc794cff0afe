import { NOT_COUNTED } from '../../../shared/api/schemas/common';
import type { Scope } from '../../../shared/domain/permissions';
import type { CaseState, CaseSummary, HistoryEntry } from '../../../shared/domain/workflow/caseState';
import type { Db } from '../db/connection';

// 识别纳入 / 风险消除 case rows. The CaseState JSON is the truth; the other columns are copied from it
// (CaseColumns, computed by the handler with the profile's deadlines) so worklists filter in SQL.

export interface CaseColumns {
  status: 'open' | 'closed';
  outcome: string;
  currentStep: string | null;
  mode: string | null;
  greenChannel: boolean;
  closedOn: string | null;
  stepDue: string | null;
  wholeDue: string | null;
  greenDue: string | null;
  nextDue: string | null;
}

export interface CaseRecord extends CaseColumns {
  id: string;
  kind: 'identification' | 'elimination';
  householdId: string;
  headName: string;
  memberCount: number;
  villageId: string;
  villageName: string;
  groupName: string | null;
  colour: string | null;
  householdStatus: string;
  leadId: string | null;
  remark: boolean;
  openedOn: string;
  state: CaseState;
  rowVersion: number;
  updatedAt: string;
}

const SELECT = `SELECT c.*, h.head_name, h.member_count, h.colour, h.status AS household_status, v.name AS village_name, g.name AS group_name
  FROM cases c JOIN households h ON h.id = c.household_id
  LEFT JOIN divisions v ON v.id = c.village_id LEFT JOIN divisions g ON g.id = h.group_id`;

const toRecord = (r: Record<string, unknown>): CaseRecord => ({
  id: r.id as string,
  kind: r.kind as CaseRecord['kind'],
  householdId: r.household_id as string,
  headName: r.head_name as string,
  memberCount: r.member_count as number,
  villageId: r.village_id as string,
  villageName: (r.village_name as string | null) ?? '',
  groupName: (r.group_name as string | null) ?? null,
  colour: (r.colour as string | null) ?? null,
  householdStatus: r.household_status as string,
  leadId: (r.lead_id as string | null) ?? null,
  remark: r.remark === 1,
  status: r.status as CaseColumns['status'],
  outcome: r.outcome as string,
  currentStep: (r.current_step as string | null) ?? null,
  mode: (r.mode as string | null) ?? null,
  greenChannel: r.green_channel === 1,
  openedOn: r.opened_on as string,
  closedOn: (r.closed_on as string | null) ?? null,
  stepDue: (r.step_due as string | null) ?? null,
  wholeDue: (r.whole_due as string | null) ?? null,
  greenDue: (r.green_due as string | null) ?? null,
  nextDue: (r.next_due as string | null) ?? null,
  state: JSON.parse(r.state as string) as CaseState,
  rowVersion: r.row_version as number,
  updatedAt: r.updated_at as string,
});

export const getCase = (db: Db, id: string): CaseRecord | undefined => {
  const r = db.prepare(`${SELECT} WHERE c.id = ? AND c.deleted_at IS NULL`).get(id) as Record<string, unknown> | undefined;
  return r ? toRecord(r) : undefined;
};

/** What the domain needs to refuse a second running case of one kind. */
export const caseSummaries = (db: Db, householdId: string): CaseSummary[] =>
  (db.prepare(`SELECT id, kind, outcome FROM cases WHERE household_id = ? AND deleted_at IS NULL`).all(householdId) as { id: string; kind: CaseSummary['kind']; outcome: CaseSummary['status'] }[]).map(
    (r) => ({ caseId: r.id, kind: r.kind, status: r.outcome }),
  );

const columnValues = (c: CaseColumns) => [c.status, c.outcome, c.currentStep, c.mode, c.greenChannel ? 1 : 0, c.closedOn, c.stepDue, c.wholeDue, c.greenDue, c.nextDue];

export function insertCase(db: Db, row: { villageId: string; leadId: string | null; remark: boolean }, state: CaseState, c: CaseColumns, at: string, by: string): void {
  db.prepare(
    `INSERT INTO cases (id, kind, household_id, village_id, lead_id, remark, opened_on, state,
       status, outcome, current_step, mode, green_channel, closed_on, step_due, whole_due, green_due, next_due, created_at, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(state.caseId, state.kind, state.householdId, row.villageId, row.leadId, row.remark ? 1 : 0, state.openedOn, JSON.stringify(state), ...columnValues(c), at, at, by);
}

export function updateCase(db: Db, state: CaseState, c: CaseColumns, at: string, by: string): void {
  db.prepare(
    `UPDATE cases SET state = ?, status = ?, outcome = ?, current_step = ?, mode = ?, green_channel = ?, closed_on = ?,
       step_due = ?, whole_due = ?, green_due = ?, next_due = ?, row_version = row_version + 1, updated_at = ?, updated_by = ?
     WHERE id = ?`,
  ).run(JSON.stringify(state), ...columnValues(c), at, by, state.caseId);
}

/** Appends the history entries not yet mirrored in case_steps (the domain only ever appends). */
export function appendSteps(db: Db, newId: () => string, state: CaseState): void {
  const max = (db.prepare(`SELECT coalesce(max(seq), 0) AS n FROM case_steps WHERE case_id = ?`).get(state.caseId) as { n: number }).n;
  const insert = db.prepare(
    `INSERT INTO case_steps (id, case_id, seq, event, step, to_step, act_date, recorded_at, recorded_by, note, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const h of state.history.filter((e: HistoryEntry) => e.seq > max)) {
    insert.run(newId(), state.caseId, h.seq, h.event, h.step ?? null, h.toStep ?? null, h.date, h.recordedAt, h.recordedBy.name, h.note ?? null, h.data === undefined ? null : JSON.stringify(h.data));
  }
}

export interface CaseListFilter {
  kind?: 'identification' | 'elimination';
  step?: string;
  villageId?: string;
  householdId?: string;
  status: 'open' | 'closed' | 'all';
  due?: 'overdue' | 'dueSoon' | 'attention';
}

const OVERDUE = `(c.status = 'open' AND c.next_due < @today)`;
const DUE_SOON = `(c.status = 'open' AND c.next_due >= @today AND c.next_due <= @soonUntil)`;

/** One page of a case worklist; `withTotal` false skips the count (NOT_COUNTED), as listHouseholds. */
export function listCases(
  db: Db,
  f: CaseListFilter,
  scope: Scope,
  bounds: { today: string; soonUntil: string },
  startRow: number,
  endRow: number,
  withTotal = true,
): { rows: CaseRecord[]; total: number } {
  const parts = ['c.deleted_at IS NULL'];
  const params: Record<string, unknown> = { ...bounds };
  const eq = (col: string, key: string, v: string | undefined) => v && (parts.push(`${col} = @${key}`), (params[key] = v));
  eq('c.kind', 'kind', f.kind);
  eq('c.current_step', 'step', f.step);
  eq('c.village_id', 'villageId', f.villageId);
  eq('c.household_id', 'householdId', f.householdId);
  if (f.status !== 'all') eq('c.status', 'status', f.status);
  if (f.due === 'overdue') parts.push(OVERDUE);
  if (f.due === 'dueSoon') parts.push(DUE_SOON);
  if (f.due === 'attention') parts.push(`(${OVERDUE} OR ${DUE_SOON})`);
  if (scope.kind === 'villages') {
    parts.push(`c.village_id IN (${scope.villageIds.map((_, i) => `@scope${i}`).join(',') || 'NULL'})`);
    scope.villageIds.forEach((v, i) => (params[`scope${i}`] = v));
  }
  const where = parts.join(' AND ');
  const limit = Math.max(0, Math.min(endRow - startRow, 500));
  // Open cases by the nearest due date (no limit last); closed ones most recent first.
  const rows = db
    .prepare(`${SELECT} WHERE ${where} ORDER BY c.status DESC, c.next_due IS NULL, c.next_due, c.closed_on DESC, c.opened_on DESC, c.id LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit, offset: startRow }) as Record<string, unknown>[];
  const total = withTotal ? (db.prepare(`SELECT count(*) AS n FROM cases c WHERE ${where}`).get(params) as { n: number }).n : NOT_COUNTED;
  return { rows: rows.map(toRecord), total };
}
