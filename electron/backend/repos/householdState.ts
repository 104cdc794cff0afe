import type { Db } from '../db/connection';

// The household columns that follow from other records: head/member count (from members after 自然变更),
// colour/risk_types (from the latest assessment) and status (注销 when nobody is left). Each write bumps
// row_version so the county sync and optimistic locks see the change.

export interface HouseholdComposition {
  headName: string;
  headPinyin: string;
  headIdNumber: string | null;
  memberCount: number;
}

export function updateComposition(db: Db, householdId: string, c: HouseholdComposition, at: string, by: string | null): void {
  db.prepare(
    `UPDATE households SET head_name = ?, head_pinyin = ?, head_id_number = ?, member_count = ?,
       row_version = row_version + 1, updated_at = ?, updated_by = ? WHERE id = ?`,
  ).run(c.headName, c.headPinyin, c.headIdNumber, c.memberCount, at, by, householdId);
}

export function updateStatus(db: Db, householdId: string, status: string, at: string, by: string | null): void {
  db.prepare(`UPDATE households SET status = ?, row_version = row_version + 1, updated_at = ?, updated_by = ? WHERE id = ?`).run(status, at, by, householdId);
}

export function updateGrade(db: Db, householdId: string, colour: string, riskTypes: string[], at: string, by: string | null): void {
  db.prepare(
    `UPDATE households SET colour = ?, risk_types = ?, row_version = row_version + 1, updated_at = ?, updated_by = ? WHERE id = ?`,
  ).run(colour, JSON.stringify(riskTypes), at, by, householdId);
}

/** The raw status column (households.get returns it too; this avoids loading members). */
export const householdStatus = (db: Db, householdId: string): string | undefined =>
  (db.prepare(`SELECT status FROM households WHERE id = ? AND deleted_at IS NULL`).get(householdId) as { status: string } | undefined)?.status;
