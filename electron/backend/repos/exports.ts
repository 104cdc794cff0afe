import type { HouseholdFilter } from '../../../shared/api/schemas/household';
import type { Scope } from '../../../shared/domain/permissions';
import type { Db } from '../db/connection';
import { householdWhere } from './householdQuery';

// Register exports, read one village at a time: a county register is 300k households / 1M people, which
// read in one query blocked the backend 5–19 s and held up to 1.8 GB (bench/probes/county-export.ts). Each
// query is complete before the exporter yields (no cursor stays open across a yield) and none pages with
// OFFSET (which would re-sort the result for every page).

export interface HouseholdExportRow {
  householdNo: string | null;
  villageName: string;
  groupName: string | null;
  headName: string;
  headIdNumber: string | null;
  phone: string;
  householdType: string;
  memberCount: number;
  status: string;
  category: string | null;
  colour: string | null;
  riskTypes: string;
  monitoredSince: string | null;
  address: string;
}

export interface MemberExportRow {
  householdNo: string | null;
  villageName: string;
  groupName: string | null;
  headName: string;
  name: string;
  idNumber: string | null;
  relation: string;
  sex: string | null;
  birthDate: string | null;
  ethnicity: string | null;
  education: string | null;
  schoolStage: string | null;
  schoolGrade: number | null;
  health: string | null;
  labourSkill: string | null;
  workPlace: string | null;
  workMonths: number | null;
  phone: string;
}

const FROM = `FROM households h LEFT JOIN divisions v ON v.id = h.village_id LEFT JOIN divisions g ON g.id = h.group_id`;
// Within a village: by 村民小组, then 户编号 / 户主.
const ORDER_IN_VILLAGE = `ORDER BY g.sort_order, g.name, h.household_no, h.head_name, h.id`;

const HOUSEHOLD_COLUMNS = `h.household_no AS householdNo, coalesce(v.name, '') AS villageName, g.name AS groupName, h.head_name AS headName, h.head_id_number AS headIdNumber,
  h.phone, h.household_type AS householdType, h.member_count AS memberCount, h.status, h.category, h.colour, h.risk_types AS riskTypes,
  h.monitored_since AS monitoredSince, h.address`;
const MEMBER_COLUMNS = `h.household_no AS householdNo, coalesce(v.name, '') AS villageName, g.name AS groupName, h.head_name AS headName, m.name, m.id_number AS idNumber,
  m.relation, m.sex, m.birth_date AS birthDate, m.ethnicity, m.education, m.school_stage AS schoolStage, m.school_grade AS schoolGrade, m.health,
  m.labour_skill AS labourSkill, m.work_place AS workPlace, m.work_months AS workMonths, m.phone`;
const MEMBERS_FROM = `FROM members m JOIN households h ON h.id = m.household_id LEFT JOIN divisions v ON v.id = h.village_id LEFT JOIN divisions g ON g.id = h.group_id`;
const MEMBER_WHERE = `m.deleted_at IS NULL AND m.left_at IS NULL`;

export type ExportKind = 'households' | 'members';

/**
 * The places an export walks, in register order: each village (division list order), then — never expected, but
 * an export must not lose a row — households whose village is not a village division. A county is exported
 * village by village (~1,000 households / ~3,500 people each) so no query sorts or holds the whole county.
 */
export function exportPlaces(db: Db): (string | null)[] {
  const villages = db.prepare(`SELECT id FROM divisions WHERE level = 'village' ORDER BY sort_order, name, rowid`).pluck().all() as string[];
  return [...villages, null];
}

const placeWhere = (place: string | null) =>
  place === null ? `h.village_id NOT IN (SELECT id FROM divisions WHERE level = 'village')` : `h.village_id = ?`;
const placeParams = (place: string | null) => (place === null ? [] : [place]);

/** The rows of one place (exportPlaces) under the filter and scope, in register order. */
export function exportRowsOf(db: Db, kind: 'households', filter: HouseholdFilter, scope: Scope, place: string | null): HouseholdExportRow[];
export function exportRowsOf(db: Db, kind: 'members', filter: HouseholdFilter, scope: Scope, place: string | null): MemberExportRow[];
export function exportRowsOf(db: Db, kind: ExportKind, filter: HouseholdFilter, scope: Scope, place: string | null): unknown[] {
  const where = householdWhere(filter, scope);
  const sql =
    kind === 'members'
      ? `SELECT ${MEMBER_COLUMNS} ${MEMBERS_FROM} WHERE ${MEMBER_WHERE} AND ${where.sql} AND ${placeWhere(place)} ${ORDER_IN_VILLAGE}, m.sort_order, m.created_at`
      : `SELECT ${HOUSEHOLD_COLUMNS} ${FROM} WHERE ${where.sql} AND ${placeWhere(place)} ${ORDER_IN_VILLAGE}`;
  return db.prepare(sql).all(...where.params, ...placeParams(place));
}

/** How many rows one place contributes (counted first: the sheet's subtitle says 共 N 户/人 before any row). */
export function exportCountOf(db: Db, kind: ExportKind, filter: HouseholdFilter, scope: Scope, place: string | null): number {
  const where = householdWhere(filter, scope);
  const sql =
    kind === 'members'
      ? `SELECT count(*) ${MEMBERS_FROM} WHERE ${MEMBER_WHERE} AND ${where.sql} AND ${placeWhere(place)}`
      : `SELECT count(*) ${FROM} WHERE ${where.sql} AND ${placeWhere(place)}`;
  return db.prepare(sql).pluck().get(...where.params, ...placeParams(place)) as number;
}

/** The township's name for the export title when the profile's office section leaves it blank. */
export const firstTownshipName = (db: Db): string | null =>
  (db.prepare(`SELECT name FROM divisions WHERE level = 'township' AND deleted_at IS NULL ORDER BY sort_order, name LIMIT 1`).get() as { name: string } | undefined)?.name ?? null;
