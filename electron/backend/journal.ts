import type { Db } from './db/connection';
import type { Session } from './context';
import { stmt } from './db/statements';

// The two append-only logs written in the same transaction as every change:
// audit_log (for people: who changed what, old → new) and change_log (for machines: county sync).

export interface FieldChange {
  field: string;
  label: string;
  old: unknown;
  new: unknown;
}

export interface AuditInput {
  action: string;
  entity: string;
  entityId?: string | null;
  householdId?: string | null;
  summary: string;
  changes?: FieldChange[];
}

export function writeAudit(db: Db, ids: { newId(): string }, at: string, session: Pick<Session, 'userId' | 'username'> | null, entry: AuditInput): void {
  stmt(db, 
    `INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, household_id, summary, changes)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    ids.newId(),
    at,
    session?.userId ?? null,
    session?.username ?? null,
    entry.action,
    entry.entity,
    entry.entityId ?? null,
    entry.householdId ?? null,
    entry.summary,
    JSON.stringify(entry.changes ?? []),
  );
}

export function writeChange(db: Db, at: string, origin: string, entity: string, entityId: string, rowVersion: number, op: 'upsert' | 'delete', data: unknown): void {
  stmt(db, 
    `INSERT INTO change_log (at, origin, entity, entity_id, row_version, op, data) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(at, origin, entity, entityId, rowVersion, op, JSON.stringify(data));
}

/**
 * Field-by-field difference of two records, labelled for the audit view.
 * Fields absent from `labels` are ignored (bookkeeping columns like row_version).
 */
export function diffFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null, labels: Record<string, string>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, label] of Object.entries(labels)) {
    const o = before?.[field] ?? null;
    const n = after?.[field] ?? null;
    if (!sameValue(o, n)) changes.push({ field, label, old: o, new: n });
  }
  return changes;
}

/** Primitives compare directly (a bulk import diffs ~500k of them); arrays and objects by their JSON. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
