import type { AuditEntry } from '../../../shared/api/methods/audit';
import { chinaDayStart } from '../../../shared/domain/chinaTime';
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';

export interface AuditFilter {
  userId?: string;
  householdId?: string;
  entity?: string;
  from?: string;
  to?: string;
}

const toEntry = (r: Record<string, unknown>): AuditEntry => ({
  id: r.id as string,
  at: r.at as string,
  userId: (r.user_id as string | null) ?? null,
  username: (r.username as string | null) ?? null,
  action: r.action as string,
  entity: r.entity as string,
  entityId: (r.entity_id as string | null) ?? null,
  householdId: (r.household_id as string | null) ?? null,
  summary: r.summary as string,
  changes: JSON.parse(r.changes as string) as AuditEntry['changes'],
});

/** The filter as SQL. Date bounds are China calendar days. */
function auditWhere(f: AuditFilter): { where: string; params: unknown[] } {
  const parts = ['1 = 1'];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    parts.push(sql);
    params.push(value);
  };
  if (f.userId) add('user_id = ?', f.userId);
  if (f.householdId) add('household_id = ?', f.householdId);
  if (f.entity) add('entity = ?', f.entity);
  if (f.from) add('at >= ?', chinaDayStart(f.from).toISOString());
  if (f.to) add('at < ?', new Date(chinaDayStart(f.to).getTime() + 86_400_000).toISOString());
  return { where: parts.join(' AND '), params };
}

/** One page, newest first, with the filter's total. */
export function listAudit(db: Db, f: AuditFilter, startRow: number, endRow: number): { rows: AuditEntry[]; total: number } {
  const { where, params } = auditWhere(f);
  const rows = stmt(db, `SELECT * FROM audit_log WHERE ${where} ORDER BY seq DESC LIMIT ? OFFSET ?`).all(...params, Math.min(endRow - startRow, 1000), startRow) as Record<string, unknown>[];
  return { rows: rows.map(toEntry), total: countAudit(db, f) };
}

export function countAudit(db: Db, f: AuditFilter): number {
  const { where, params } = auditWhere(f);
  return (stmt(db, `SELECT count(*) AS n FROM audit_log WHERE ${where}`).get(...params) as { n: number }).n;
}

/**
 * The seq of every entry of the filter, newest first, up to `limit`: one narrow statement (an index or the rowids,
 * no row read). An export then reads the rows in chunks by seq (auditEntriesBySeq), yielding between them. Paging
 * the rows with OFFSET instead re-read (and for a date range re-sorted) every earlier row on each page: a year of a
 * county's audit (100k rows) took 39 s that way, the whole backend waiting (bench/probes/audit-county.ts).
 */
export function auditSeqs(db: Db, f: AuditFilter, limit: number): number[] {
  const { where, params } = auditWhere(f);
  return stmt(db, `SELECT seq FROM audit_log WHERE ${where} ORDER BY seq DESC LIMIT ?`).pluck().all(...params, limit) as number[];
}

/** The entries with these seqs, in the order given. */
export function auditEntriesBySeq(db: Db, seqs: readonly number[]): AuditEntry[] {
  const rows = stmt(db, `SELECT a.* FROM json_each(?) j CROSS JOIN audit_log a ON a.seq = j.value ORDER BY j.key`).all(JSON.stringify(seqs)) as Record<string, unknown>[];
  return rows.map(toEntry);
}
