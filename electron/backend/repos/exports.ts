import type { HouseholdFilter } from '../../../shared/api/schemas/household';
import type { Scope } from '../../../shared/domain/permissions';
import type { Db } from '../db/connection';
import { householdWhere } from './householdQuery';

// Register exports: one query per export (a township register is at most ~100,000 member rows, a few
// tens of MB), so no cursor stays open while the exporter yields to the event loop between chunks, and
// no OFFSET paging re-sorts the whole result for every page.

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
const ORDER = `ORDER BY v.sort_order, v.name, g.sort_order, g.name, h.household_no, h.head_name, h.id`;

export function householdRows(db: Db, filter: HouseholdFilter, scope: Scope): HouseholdExportRow[] {
  const where = householdWhere(filter, scope);
  return db
    .prepare(
      `SELECT h.household_no AS householdNo, coalesce(v.name, '') AS villageName, g.name AS groupName, h.head_name AS headName, h.head_id_number AS headIdNumber,
              h.phone, h.household_type AS householdType, h.member_count AS memberCount, h.status, h.category, h.colour, h.risk_types AS riskTypes,
              h.monitored_since AS monitoredSince, h.address
       ${FROM} WHERE ${where.sql} ${ORDER}`,
    )
    .all(...where.params) as HouseholdExportRow[];
}

const MEMBER_WHERE = `m.deleted_at IS NULL AND m.left_at IS NULL`;

export function memberRows(db: Db, filter: HouseholdFilter, scope: Scope): MemberExportRow[] {
  const where = householdWhere(filter, scope);
  return db
    .prepare(
      `SELECT h.household_no AS householdNo, coalesce(v.name, '') AS villageName, g.name AS groupName, h.head_name AS headName, m.name, m.id_number AS idNumber,
              m.relation, m.sex, m.birth_date AS birthDate, m.ethnicity, m.education, m.school_stage AS schoolStage, m.school_grade AS schoolGrade, m.health,
              m.labour_skill AS labourSkill, m.work_place AS workPlace, m.work_months AS workMonths, m.phone
       FROM members m JOIN households h ON h.id = m.household_id LEFT JOIN divisions v ON v.id = h.village_id LEFT JOIN divisions g ON g.id = h.group_id
       WHERE ${MEMBER_WHERE} AND ${where.sql} ${ORDER}, m.sort_order, m.created_at`,
    )
    .all(...where.params) as MemberExportRow[];
}

/** The township's name for the export title when the profile's office section leaves it blank. */
export const firstTownshipName = (db: Db): string | null =>
  (db.prepare(`SELECT name FROM divisions WHERE level = 'township' AND deleted_at IS NULL ORDER BY sort_order, name LIMIT 1`).get() as { name: string } | undefined)?.name ?? null;
