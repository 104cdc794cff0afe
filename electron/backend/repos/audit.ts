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

/** Newest first. Date bounds are China calendar days. */
export function listAudit(db: Db, f: AuditFilter, startRow: number, endRow: number): { rows: AuditEntry[]; total: number } {
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
  const where = parts.join(' AND ');
  const rows = stmt(db, `SELECT * FROM audit_log WHERE ${where} ORDER BY seq DESC LIMIT ? OFFSET ?`).all(...params, Math.min(endRow - startRow, 1000), startRow) as Record<string, unknown>[];
  const total = (stmt(db, `SELECT count(*) AS n FROM audit_log WHERE ${where}`).get(...params) as { n: number }).n;
  return { rows: rows.map(toEntry), total };
}
