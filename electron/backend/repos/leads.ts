import type { Scope } from '../../../shared/domain/permissions';
import type { Lead, LeadStatus } from '../../../shared/domain/workflow/lead';
import type { Db } from '../db/connection';

// 线索 rows. The Lead JSON (state) is the truth; status/due columns are copied from it for the worklist.

export interface LeadRecord {
  id: string;
  householdId: string;
  headName: string;
  villageId: string;
  villageName: string;
  channel: string;
  reporter: string;
  receivedAt: string;
  summary: string;
  status: LeadStatus;
  contactDueAt: string;
  contactedAt: string | null;
  writtenNoticeDue: string | null;
  caseId: string | null;
  state: Lead;
  rowVersion: number;
  updatedAt: string;
}

const SELECT = `SELECT l.*, h.head_name, v.name AS village_name
  FROM leads l JOIN households h ON h.id = l.household_id LEFT JOIN divisions v ON v.id = l.village_id`;

const toRecord = (r: Record<string, unknown>): LeadRecord => ({
  id: r.id as string,
  householdId: r.household_id as string,
  headName: r.head_name as string,
  villageId: r.village_id as string,
  villageName: (r.village_name as string | null) ?? '',
  channel: r.channel as string,
  reporter: r.reporter as string,
  receivedAt: r.received_at as string,
  summary: r.summary as string,
  status: r.status as LeadStatus,
  contactDueAt: r.contact_due_at as string,
  contactedAt: (r.contacted_at as string | null) ?? null,
  writtenNoticeDue: (r.written_notice_due as string | null) ?? null,
  caseId: (r.case_id as string | null) ?? null,
  state: JSON.parse(r.state as string) as Lead,
  rowVersion: r.row_version as number,
  updatedAt: r.updated_at as string,
});

export const getLead = (db: Db, id: string): LeadRecord | undefined => {
  const r = db.prepare(`${SELECT} WHERE l.id = ? AND l.deleted_at IS NULL`).get(id) as Record<string, unknown> | undefined;
  return r ? toRecord(r) : undefined;
};

/** Columns copied from the Lead JSON. */
function columns(lead: Lead) {
  return {
    status: lead.status,
    contactDueAt: lead.contactDueAt,
    contactedAt: lead.contact?.contactedAt ?? null,
    writtenNoticeDue: lead.closure?.writtenNoticeDue ?? null,
    caseId: lead.caseId ?? null,
  };
}

export function insertLead(db: Db, row: { villageId: string; reporter: string }, lead: Lead, at: string, by: string): void {
  const c = columns(lead);
  db.prepare(
    `INSERT INTO leads (id, household_id, village_id, channel, reporter, received_at, summary, status, contact_due_at, contacted_at,
       written_notice_due, case_id, state, created_at, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(lead.leadId, lead.householdId, row.villageId, lead.channel, row.reporter, lead.receivedAt, lead.summary, c.status, c.contactDueAt, c.contactedAt, c.writtenNoticeDue, c.caseId, JSON.stringify(lead), at, at, by);
}

export function updateLead(db: Db, lead: Lead, at: string, by: string): void {
  const c = columns(lead);
  db.prepare(
    `UPDATE leads SET status = ?, contact_due_at = ?, contacted_at = ?, written_notice_due = ?, case_id = ?, state = ?,
       row_version = row_version + 1, updated_at = ?, updated_by = ? WHERE id = ?`,
  ).run(c.status, c.contactDueAt, c.contactedAt, c.writtenNoticeDue, c.caseId, JSON.stringify(lead), at, by, lead.leadId);
}

export interface LeadListFilter {
  status?: 'open' | LeadStatus;
  villageId?: string;
  householdId?: string;
  channel?: string;
  due?: 'overdue' | 'dueSoon' | 'attention';
}

/** Bounds for the due filters: `nowIso` and the first instant no longer "due soon"; dates for 告知书. */
export interface DueBounds {
  nowIso: string;
  soonUntilInstant: string;
  today: string;
  soonUntil: string;
}

// Awaiting contact: due by instant; closed without 告知书: due by date.
const OVERDUE = `((l.status = 'awaitingContact' AND l.contact_due_at < @nowIso) OR (l.status = 'closedNotEligible' AND l.written_notice_due < @today))`;
const DUE_SOON = `((l.status = 'awaitingContact' AND l.contact_due_at >= @nowIso AND l.contact_due_at < @soonUntilInstant)
  OR (l.status = 'closedNotEligible' AND l.written_notice_due >= @today AND l.written_notice_due <= @soonUntil))`;

function where(filter: LeadListFilter, scope: Scope): { sql: string; params: Record<string, unknown> } {
  const parts = ['l.deleted_at IS NULL'];
  const params: Record<string, unknown> = {};
  const eq = (col: string, key: string, v: string | undefined) => {
    if (!v) return;
    parts.push(`${col} = @${key}`);
    params[key] = v;
  };
  if (filter.status === 'open') parts.push(`l.status IN ('awaitingContact', 'contacted')`);
  else eq('l.status', 'status', filter.status);
  eq('l.village_id', 'villageId', filter.villageId);
  eq('l.household_id', 'householdId', filter.householdId);
  eq('l.channel', 'channel', filter.channel);
  if (filter.due === 'overdue') parts.push(OVERDUE);
  if (filter.due === 'dueSoon') parts.push(DUE_SOON);
  if (filter.due === 'attention') parts.push(`(${OVERDUE} OR ${DUE_SOON})`);
  if (scope.kind === 'villages') {
    const names = scope.villageIds.map((_, i) => `@scope${i}`);
    parts.push(`l.village_id IN (${names.join(',') || 'NULL'})`);
    scope.villageIds.forEach((v, i) => (params[`scope${i}`] = v));
  }
  return { sql: parts.join(' AND '), params };
}

/** Open leads first by due time; closed ones newest first. */
export function listLeads(db: Db, filter: LeadListFilter, scope: Scope, bounds: DueBounds, startRow: number, endRow: number): { rows: LeadRecord[]; total: number; overdue: number; dueSoon: number } {
  const w = where(filter, scope);
  const limit = Math.max(0, Math.min(endRow - startRow, 500));
  const sql = `${SELECT} WHERE ${w.sql}
    ORDER BY CASE WHEN l.status IN ('awaitingContact', 'contacted') THEN 0 ELSE 1 END, l.contact_due_at, l.received_at DESC LIMIT @limit OFFSET @offset`;
  const rows = db.prepare(sql).all({ ...w.params, ...bounds, limit, offset: startRow }) as Record<string, unknown>[];
  const countSql = `SELECT count(*) AS n FROM leads l WHERE ${w.sql}`;
  const total = (db.prepare(countSql).get({ ...w.params, ...bounds }) as { n: number }).n;
  const scopeOnly = where({ villageId: filter.villageId, householdId: filter.householdId }, scope);
  const count = (extra: string) => {
    const s = `SELECT count(*) AS n FROM leads l WHERE ${scopeOnly.sql} AND ${extra}`;
    return (db.prepare(s).get({ ...scopeOnly.params, ...bounds }) as { n: number }).n;
  };
  return { rows: rows.map(toRecord), total, overdue: count(OVERDUE), dueSoon: count(DUE_SOON) };
}

