import type { Cadre, CadreAssignment } from '../../../shared/api/methods/cadres';
import type { Scope } from '../../../shared/domain/permissions';
import type { Db } from '../db/connection';
import { householdScope } from './assistanceFacts';
import { prefixEnd } from './householdQuery';

// 结对帮扶干部 and their pairings with households. A pairing is in force on a day when
// start_date ≤ day and (end_date IS NULL or end_date ≥ day).

const str = (v: unknown): string | null => (v as string | null) ?? null;

const toCadre = (r: Record<string, unknown>): Cadre => ({
  id: r.id as string,
  name: r.name as string,
  unit: r.unit as string,
  position: r.position as string,
  phone: r.phone as string,
  active: r.active === 1,
  householdCount: (r.household_count as number | null) ?? 0,
  rowVersion: r.row_version as number,
  updatedAt: r.updated_at as string,
  updatedBy: str(r.updated_by),
});

const CADRE_SELECT = `SELECT c.*, (SELECT count(DISTINCT a.household_id) FROM cadre_assignments a JOIN households h ON h.id = a.household_id
    WHERE a.cadre_id = c.id AND a.deleted_at IS NULL AND h.deleted_at IS NULL AND a.start_date <= @today AND (a.end_date IS NULL OR a.end_date >= @today)) AS household_count
  FROM cadres c WHERE c.deleted_at IS NULL`;

export function listCadres(db: Db, today: string, search: string | undefined, includeInactive: boolean): Cadre[] {
  const s = search?.trim();
  const rows = db
    .prepare(`${CADRE_SELECT}${includeInactive ? '' : ' AND c.active = 1'}${s ? ' AND ((c.name >= @s AND c.name < @e) OR instr(c.unit, @s) > 0)' : ''} ORDER BY c.active DESC, c.name, c.id`)
    .all({ today, ...(s ? { s, e: prefixEnd(s) } : {}) }) as Record<string, unknown>[];
  return rows.map(toCadre);
}

export function getCadre(db: Db, id: string, today: string): Cadre | undefined {
  const r = db.prepare(`${CADRE_SELECT} AND c.id = @id`).get({ today, id }) as Record<string, unknown> | undefined;
  return r ? toCadre(r) : undefined;
}

export interface CadreWrite {
  id: string;
  name: string;
  unit: string;
  position: string;
  phone: string;
  active: boolean;
}

export function insertCadre(db: Db, c: CadreWrite, at: string, by: string): void {
  db.prepare(`INSERT INTO cadres (id, name, unit, position, phone, active, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    c.id, c.name, c.unit, c.position, c.phone, c.active ? 1 : 0, at, at, by,
  );
}

export function updateCadre(db: Db, c: CadreWrite, at: string, by: string): void {
  db.prepare(`UPDATE cadres SET name = ?, unit = ?, position = ?, phone = ?, active = ?, row_version = row_version + 1, updated_at = ?, updated_by = ? WHERE id = ?`).run(
    c.name, c.unit, c.position, c.phone, c.active ? 1 : 0, at, by, c.id,
  );
}

const ASSIGNMENT_SELECT = `SELECT a.*, c.name AS cadre_name, c.unit AS cadre_unit, c.phone AS cadre_phone,
    h.head_name, h.village_id, v.name AS village_name, h.status AS household_status, h.colour
  FROM cadre_assignments a JOIN cadres c ON c.id = a.cadre_id JOIN households h ON h.id = a.household_id
  LEFT JOIN divisions v ON v.id = h.village_id`;

const toAssignment = (r: Record<string, unknown>): CadreAssignment => ({
  id: r.id as string,
  cadreId: r.cadre_id as string,
  cadreName: r.cadre_name as string,
  cadreUnit: r.cadre_unit as string,
  cadrePhone: r.cadre_phone as string,
  householdId: r.household_id as string,
  headName: r.head_name as string,
  villageId: r.village_id as string,
  villageName: (r.village_name as string | null) ?? '',
  householdStatus: r.household_status as string,
  colour: str(r.colour),
  startDate: r.start_date as string,
  endDate: str(r.end_date),
  rowVersion: r.row_version as number,
  updatedAt: r.updated_at as string,
  updatedBy: str(r.updated_by),
});

export function getAssignment(db: Db, id: string): CadreAssignment | undefined {
  const r = db.prepare(`${ASSIGNMENT_SELECT} WHERE a.id = ? AND a.deleted_at IS NULL`).get(id) as Record<string, unknown> | undefined;
  return r ? toAssignment(r) : undefined;
}

export function listAssignments(db: Db, scope: Scope, filter: { cadreId?: string; householdId?: string; activeOn?: string }): CadreAssignment[] {
  const where = householdScope(scope, undefined, filter.householdId);
  const parts = [where.sql, 'a.deleted_at IS NULL', 'c.deleted_at IS NULL'];
  const params = [...where.params];
  if (filter.cadreId) {
    parts.push('a.cadre_id = ?');
    params.push(filter.cadreId);
  }
  if (filter.activeOn) {
    parts.push('a.start_date <= ? AND (a.end_date IS NULL OR a.end_date >= ?)');
    params.push(filter.activeOn, filter.activeOn);
  }
  const rows = db
    .prepare(`${ASSIGNMENT_SELECT} WHERE ${parts.join(' AND ')} ORDER BY a.end_date IS NOT NULL, v.sort_order, h.head_name, c.name, a.start_date DESC, a.id`)
    .all(...params) as Record<string, unknown>[];
  return rows.map(toAssignment);
}

/** An existing pairing of the same cadre and household whose period overlaps [start, end]. */
export function overlappingAssignment(db: Db, cadreId: string, householdId: string, start: string, end: string | null): CadreAssignment | undefined {
  const r = db
    .prepare(`${ASSIGNMENT_SELECT} WHERE a.cadre_id = ? AND a.household_id = ? AND a.deleted_at IS NULL AND (? IS NULL OR a.start_date <= ?) AND (a.end_date IS NULL OR a.end_date >= ?)`)
    .get(cadreId, householdId, end, end, start) as Record<string, unknown> | undefined;
  return r ? toAssignment(r) : undefined;
}

export function insertAssignment(db: Db, a: { id: string; cadreId: string; householdId: string; startDate: string; endDate: string | null }, at: string, by: string): void {
  db.prepare(`INSERT INTO cadre_assignments (id, cadre_id, household_id, start_date, end_date, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(
    a.id, a.cadreId, a.householdId, a.startDate, a.endDate, at, at, by,
  );
}

export function endAssignment(db: Db, id: string, endDate: string, at: string, by: string): void {
  db.prepare(`UPDATE cadre_assignments SET end_date = ?, row_version = row_version + 1, updated_at = ?, updated_by = ? WHERE id = ?`).run(endDate, at, by, id);
}
