import type { Member } from '../../../shared/api/schemas/household';
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';

// Member rows ↔ API records. Column list in one place so insert and update cannot drift apart.
export const MEMBER_COLUMNS = {
  name: 'name',
  pinyin: 'pinyin',
  idType: 'id_type',
  idNumber: 'id_number',
  relation: 'relation',
  isHead: 'is_head',
  sex: 'sex',
  birthDate: 'birth_date',
  ethnicity: 'ethnicity',
  politicalStatus: 'political_status',
  education: 'education',
  schoolStage: 'school_stage',
  schoolGrade: 'school_grade',
  schoolYearConfirmed: 'school_year_confirmed',
  outOfSchoolReason: 'out_of_school_reason',
  health: 'health',
  disabilityGrade: 'disability_grade',
  disabilityCertNo: 'disability_cert_no',
  labourSkill: 'labour_skill',
  workPlace: 'work_place',
  workEmployer: 'work_employer',
  workMonths: 'work_months',
  publicWelfareJobMonths: 'public_welfare_job_months',
  insuredMedical: 'insured_medical',
  insuredCritical: 'insured_critical',
  insuredPension: 'insured_pension',
  dibao: 'dibao',
  tekun: 'tekun',
  phone: 'phone',
  joinedAt: 'joined_at',
  sortOrder: 'sort_order',
} as const;
export type MemberField = keyof typeof MEMBER_COLUMNS;
export type MemberWrite = { [K in MemberField]: unknown } & { id: string; householdId: string };

const BOOLEAN_FIELDS = new Set(['isHead', 'insuredMedical', 'insuredCritical', 'insuredPension', 'dibao', 'tekun']);

export function toMember(r: Record<string, unknown>): Member {
  const m: Record<string, unknown> = {
    id: r.id,
    householdId: r.household_id,
    leftAt: r.left_at ?? null,
    leftReason: r.left_reason ?? null,
    rowVersion: r.row_version,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by ?? null,
  };
  for (const [field, col] of Object.entries(MEMBER_COLUMNS)) {
    if (field === 'sortOrder') continue;
    const v = r[col];
    m[field] = BOOLEAN_FIELDS.has(field) ? v === 1 : (v ?? (field === 'phone' || field === 'pinyin' ? '' : null));
  }
  return m as Member;
}

const fields = Object.keys(MEMBER_COLUMNS) as MemberField[];
const cols = fields.map((f) => MEMBER_COLUMNS[f]);
const isBoolean = fields.map((f) => BOOLEAN_FIELDS.has(f));

/** The member's column values in `cols` order (booleans as 0/1): a plain loop, run 40,000 times by an import. */
function columnValues(m: MemberWrite): unknown[] {
  const out = new Array<unknown>(fields.length);
  for (let i = 0; i < fields.length; i++) {
    const v = m[fields[i]];
    out[i] = isBoolean[i] ? (v ? 1 : 0) : (v ?? null);
  }
  return out;
}

const INSERT_MEMBER = `INSERT INTO members (id, household_id, ${cols.join(', ')}, created_at, updated_at, updated_by)
     VALUES (?, ?, ${cols.map(() => '?').join(', ')}, ?, ?, ?)`;
const UPDATE_MEMBER = `UPDATE members SET ${cols.map((c) => `${c} = ?`).join(', ')}, row_version = row_version + 1, updated_at = ?, updated_by = ?
     WHERE id = ? AND household_id = ?`;

export function insertMember(db: Db, m: MemberWrite, at: string, by: string | null): void {
  stmt(db, INSERT_MEMBER).run(m.id, m.householdId, ...columnValues(m), at, at, by);
}

export function updateMember(db: Db, m: MemberWrite, at: string, by: string | null): void {
  stmt(db, UPDATE_MEMBER).run(...columnValues(m), at, by, m.id, m.householdId);
}

export function tombstoneMember(db: Db, id: string, at: string, by: string | null): void {
  stmt(db, `UPDATE members SET deleted_at = ?, row_version = row_version + 1, updated_at = ?, updated_by = ? WHERE id = ?`).run(at, at, by, id);
}

export function membersOf(db: Db, householdId: string): Member[] {
  return (stmt(db, `SELECT * FROM members WHERE household_id = ? AND deleted_at IS NULL ORDER BY sort_order, created_at`).all(householdId) as Record<string, unknown>[]).map(toMember);
}

/** Where an ID number is currently registered (an active member of a live household). */
export function findActiveByIdNumber(db: Db, idNumber: string): { memberId: string; householdId: string; name: string; headName: string; villageName: string } | undefined {
  return stmt(db, 
      `SELECT m.id AS memberId, m.household_id AS householdId, m.name AS name, h.head_name AS headName, coalesce(v.name, '') AS villageName
       FROM members m JOIN households h ON h.id = m.household_id LEFT JOIN divisions v ON v.id = h.village_id
       WHERE m.id_number = ? AND m.deleted_at IS NULL AND m.left_at IS NULL AND h.deleted_at IS NULL`,
    )
    .get(idNumber) as { memberId: string; householdId: string; name: string; headName: string; villageName: string } | undefined;
}
