import type { Followup } from '../../../shared/api/methods/followups';
import type { Satisfaction, VisitMethod } from '../../../shared/domain/assistanceTerms';
import type { Scope } from '../../../shared/domain/permissions';
import type { Db } from '../db/connection';
import { householdScope } from './assistanceFacts';

// 走访 rows ↔ API records, their photos (rows of `files`), and the colour a visit re-grades.

const SELECT = `SELECT f.*, h.head_name, h.village_id, v.name AS village_name
  FROM followups f JOIN households h ON h.id = f.household_id LEFT JOIN divisions v ON v.id = h.village_id`;

const str = (v: unknown): string | null => (v as string | null) ?? null;
const list = (v: unknown): string[] => JSON.parse(v as string) as string[];

function toFollowup(db: Db, r: Record<string, unknown>): Followup {
  return {
    id: r.id as string,
    householdId: r.household_id as string,
    headName: r.head_name as string,
    villageId: r.village_id as string,
    villageName: (r.village_name as string | null) ?? '',
    visitDate: r.visit_date as string,
    visitors: list(r.visitors),
    cadreIds: list(r.cadre_ids),
    visitMethod: r.method as VisitMethod,
    findings: r.findings as string,
    incomeChange: r.income_change as string,
    incomeChangeFen: (r.income_change_fen as number | null) ?? null,
    newRisks: list(r.new_risks),
    satisfaction: str(r.satisfaction) as Satisfaction | null,
    colourBefore: str(r.colour_before),
    colourAfter: str(r.colour_after) as Followup['colourAfter'],
    photos: photosOf(db, list(r.photo_file_ids)),
    rowVersion: r.row_version as number,
    updatedAt: r.updated_at as string,
    updatedBy: str(r.updated_by),
  };
}

export function getFollowup(db: Db, id: string): Followup | undefined {
  const r = db.prepare(`${SELECT} WHERE f.id = ? AND f.deleted_at IS NULL`).get(id) as Record<string, unknown> | undefined;
  return r ? toFollowup(db, r) : undefined;
}

export interface FollowupWrite {
  id: string;
  householdId: string;
  visitDate: string;
  visitors: string[];
  cadreIds: string[];
  visitMethod: VisitMethod;
  findings: string;
  incomeChange: string;
  incomeChangeFen: number | null;
  newRisks: string[];
  satisfaction: Satisfaction | null;
  colourBefore: string | null;
  colourAfter: string | null;
  photoFileIds: string[];
}

const values = (f: FollowupWrite) => [
  f.householdId,
  f.visitDate,
  JSON.stringify(f.visitors),
  JSON.stringify(f.cadreIds),
  f.visitMethod,
  f.findings,
  f.incomeChange,
  f.incomeChangeFen,
  JSON.stringify(f.newRisks),
  f.satisfaction,
  f.colourBefore,
  f.colourAfter,
  JSON.stringify(f.photoFileIds),
];
const COLS = ['household_id', 'visit_date', 'visitors', 'cadre_ids', 'method', 'findings', 'income_change', 'income_change_fen', 'new_risks', 'satisfaction', 'colour_before', 'colour_after', 'photo_file_ids'];

export function insertFollowup(db: Db, f: FollowupWrite, at: string, by: string): void {
  db.prepare(`INSERT INTO followups (id, ${COLS.join(', ')}, created_at, updated_at, updated_by) VALUES (?, ${COLS.map(() => '?').join(', ')}, ?, ?, ?)`).run(
    f.id,
    ...values(f),
    at,
    at,
    by,
  );
}

export function updateFollowup(db: Db, f: FollowupWrite, at: string, by: string): void {
  db.prepare(`UPDATE followups SET ${COLS.map((c) => `${c} = ?`).join(', ')}, row_version = row_version + 1, updated_at = ?, updated_by = ? WHERE id = ?`).run(...values(f), at, by, f.id);
}

export function tombstoneFollowup(db: Db, id: string, at: string, by: string): void {
  db.prepare(`UPDATE followups SET deleted_at = ?, row_version = row_version + 1, updated_at = ?, updated_by = ? WHERE id = ?`).run(at, at, by, id);
}

export function listFollowups(db: Db, scope: Scope, filter: { householdId?: string; villageId?: string; from?: string; to?: string }, startRow: number, endRow: number): { rows: Followup[]; total: number } {
  const where = householdScope(scope, filter.villageId, filter.householdId);
  const parts = [where.sql, 'f.deleted_at IS NULL'];
  const params = [...where.params];
  if (filter.from) {
    parts.push('f.visit_date >= ?');
    params.push(filter.from);
  }
  if (filter.to) {
    parts.push('f.visit_date <= ?');
    params.push(filter.to);
  }
  const sql = parts.join(' AND ');
  const limit = Math.max(0, Math.min(endRow - startRow, 500));
  const rows = db.prepare(`${SELECT} WHERE ${sql} ORDER BY f.visit_date DESC, f.created_at DESC, f.id LIMIT ? OFFSET ?`).all(...params, limit, startRow) as Record<string, unknown>[];
  const total = (db.prepare(`SELECT count(*) AS n FROM followups f JOIN households h ON h.id = f.household_id WHERE ${sql}`).get(...params) as { n: number }).n;
  return { rows: rows.map((r) => toFollowup(db, r)), total };
}

/** Latest visit date of the household, not counting the visit `excludeId`; null if none. */
export function latestOtherVisitDate(db: Db, householdId: string, excludeId: string): string | null {
  const r = db.prepare(`SELECT max(visit_date) AS d FROM followups WHERE household_id = ? AND id != ? AND deleted_at IS NULL`).get(householdId, excludeId) as { d: string | null };
  return r.d;
}

/** Satisfaction answers recorded at visits in [from, to] within the scope. */
export function satisfactionCounts(db: Db, scope: Scope, villageId: string | undefined, from: string, to: string): Record<Satisfaction, number> {
  const where = householdScope(scope, villageId);
  const rows = db
    .prepare(
      `SELECT f.satisfaction, count(*) AS n FROM followups f JOIN households h ON h.id = f.household_id
        WHERE ${where.sql} AND f.deleted_at IS NULL AND f.visit_date >= ? AND f.visit_date <= ? AND f.satisfaction IS NOT NULL GROUP BY f.satisfaction`,
    )
    .all(...where.params, from, to) as { satisfaction: Satisfaction; n: number }[];
  const out: Record<Satisfaction, number> = { satisfied: 0, basicallySatisfied: 0, dissatisfied: 0 };
  for (const r of rows) out[r.satisfaction] = r.n;
  return out;
}

// --- photos -----------------------------------------------------------------------------------

export interface PhotoFile {
  id: string;
  kind: string;
  mime: string;
  householdId: string | null;
  createdBy: string | null;
  originalName: string;
}

export function fileRow(db: Db, id: string): PhotoFile | undefined {
  const r = db.prepare(`SELECT id, kind, mime, household_id, created_by, original_name FROM files WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
  return r
    ? { id: r.id as string, kind: r.kind as string, mime: r.mime as string, householdId: str(r.household_id), createdBy: str(r.created_by), originalName: r.original_name as string }
    : undefined;
}

/** An uploaded file becomes an attachment of the household (the 文书档案 tab lists it there). */
export function attachToHousehold(db: Db, fileId: string, householdId: string): void {
  db.prepare(`UPDATE files SET kind = 'attachment', household_id = ? WHERE id = ?`).run(householdId, fileId);
}

function photosOf(db: Db, ids: string[]): Followup['photos'] {
  if (!ids.length) return [];
  const rows = db.prepare(`SELECT id, original_name, mime FROM files WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids) as Record<string, unknown>[];
  const byId = new Map(rows.map((r) => [r.id as string, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [{ fileId: id, name: r.original_name as string, mime: r.mime as string }] : [];
  });
}
