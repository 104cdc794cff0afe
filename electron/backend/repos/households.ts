import { NOT_COUNTED } from '../../../shared/api/schemas/common';
import type { Household, HouseholdFilter, HouseholdSummary } from '../../../shared/api/schemas/household';
import type { Scope } from '../../../shared/domain/permissions';
import type { Db } from '../db/connection';
import { householdOrderBy, householdWhere } from './householdQuery';
import { membersOf } from './members';
import { stmt } from '../db/statements';

const SUMMARY_SELECT = `SELECT h.*, v.name AS village_name, g.name AS group_name
  FROM households h LEFT JOIN divisions v ON v.id = h.village_id LEFT JOIN divisions g ON g.id = h.group_id`;

const toSummary = (r: Record<string, unknown>): HouseholdSummary => ({
  id: r.id as string,
  householdNo: (r.household_no as string | null) || null,
  villageId: r.village_id as string,
  villageName: (r.village_name as string | null) ?? '',
  groupId: (r.group_id as string | null) ?? null,
  groupName: (r.group_name as string | null) ?? null,
  headName: r.head_name as string,
  headIdNumber: (r.head_id_number as string | null) ?? null,
  phone: r.phone as string,
  householdType: r.household_type as string,
  status: r.status as string,
  category: (r.category as string | null) ?? null,
  colour: (r.colour as HouseholdSummary['colour']) ?? null,
  memberCount: r.member_count as number,
  address: r.address as string,
  updatedAt: r.updated_at as string,
});

/**
 * One page of the register. `withTotal` false skips the count (NOT_COUNTED): the grid asks for it with a
 * query's first block only, since at county scale counting costs as much as reading the page.
 */
export function listHouseholds(
  db: Db,
  filter: HouseholdFilter,
  sort: { colId: string; sort: 'asc' | 'desc' }[],
  startRow: number,
  endRow: number,
  scope: Scope,
  withTotal = true,
): { rows: HouseholdSummary[]; total: number } {
  const where = householdWhere(filter, scope);
  const limit = Math.max(0, Math.min(endRow - startRow, 1000));
  const rows = stmt(db, `${SUMMARY_SELECT} WHERE ${where.sql} ORDER BY ${householdOrderBy(sort)} LIMIT ? OFFSET ?`)
    .all(...where.params, limit, startRow) as Record<string, unknown>[];
  const total = withTotal ? (stmt(db, `SELECT count(*) AS n FROM households h WHERE ${where.sql}`).get(...where.params) as { n: number }).n : NOT_COUNTED;
  return { rows: rows.map(toSummary), total };
}

export function getHouseholdRow(db: Db, id: string): Record<string, unknown> | undefined {
  return stmt(db, `${SUMMARY_SELECT} WHERE h.id = ? AND h.deleted_at IS NULL`).get(id) as Record<string, unknown> | undefined;
}

export function getHousehold(db: Db, id: string): Household | undefined {
  const r = getHouseholdRow(db, id);
  if (!r) return undefined;
  const all = membersOf(db, id);
  return {
    ...toSummary(r),
    flags: JSON.parse(r.flags as string) as string[],
    farmlandMu: (r.farmland_mu as number | null) ?? null,
    forestMu: (r.forest_mu as number | null) ?? null,
    grainForGreenMu: (r.grain_for_green_mu as number | null) ?? null,
    housingAreaM2: (r.housing_area_m2 as number | null) ?? null,
    dangerousHouseGrade: (r.dangerous_house_grade as string | null) ?? null,
    riskTypes: JSON.parse(r.risk_types as string) as string[],
    monitoredSince: (r.monitored_since as string | null) ?? null,
    members: all.filter((m) => !m.leftAt),
    formerMembers: all.filter((m) => m.leftAt),
    rowVersion: r.row_version as number,
    updatedBy: (r.updated_by as string | null) ?? null,
  };
}

export interface HouseholdWrite {
  id: string;
  householdNo: string | null;
  villageId: string;
  groupId: string | null;
  address: string;
  headName: string;
  headPinyin: string;
  headIdNumber: string | null;
  phone: string;
  householdType: string;
  flags: string[];
  farmlandMu: number | null;
  forestMu: number | null;
  grainForGreenMu: number | null;
  housingAreaM2: number | null;
  dangerousHouseGrade: string | null;
  memberCount: number;
}

const WRITE_COLS: [keyof HouseholdWrite, string][] = [
  ['householdNo', 'household_no'],
  ['villageId', 'village_id'],
  ['groupId', 'group_id'],
  ['address', 'address'],
  ['headName', 'head_name'],
  ['headPinyin', 'head_pinyin'],
  ['headIdNumber', 'head_id_number'],
  ['phone', 'phone'],
  ['householdType', 'household_type'],
  ['flags', 'flags'],
  ['farmlandMu', 'farmland_mu'],
  ['forestMu', 'forest_mu'],
  ['grainForGreenMu', 'grain_for_green_mu'],
  ['housingAreaM2', 'housing_area_m2'],
  ['dangerousHouseGrade', 'dangerous_house_grade'],
  ['memberCount', 'member_count'],
];
const values = (h: HouseholdWrite) => WRITE_COLS.map(([k]) => (k === 'flags' ? JSON.stringify(h.flags) : h[k]));

const INSERT_HOUSEHOLD = `INSERT INTO households (id, ${WRITE_COLS.map(([, c]) => c).join(', ')}, created_at, updated_at, updated_by)
     VALUES (?, ${WRITE_COLS.map(() => '?').join(', ')}, ?, ?, ?)`;
const UPDATE_HOUSEHOLD = `UPDATE households SET ${WRITE_COLS.map(([, c]) => `${c} = ?`).join(', ')}, row_version = row_version + 1, updated_at = ?, updated_by = ?
     WHERE id = ?`;

export function insertHousehold(db: Db, h: HouseholdWrite, at: string, by: string | null): void {
  stmt(db, INSERT_HOUSEHOLD).run(h.id, ...values(h), at, at, by);
}

export function updateHousehold(db: Db, h: HouseholdWrite, at: string, by: string | null): void {
  stmt(db, UPDATE_HOUSEHOLD).run(...values(h), at, by, h.id);
}

export const findByHouseholdNo = (db: Db, no: string): string | undefined =>
  (stmt(db, `SELECT id FROM households WHERE household_no = ? AND deleted_at IS NULL`).get(no) as { id: string } | undefined)?.id;
