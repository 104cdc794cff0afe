import type { Member } from '../../../shared/api/schemas/household';
import type { Db } from '../db/connection';
import { toMember } from './members';

// Member writes of 自然变更 and 年级升级. Rows are never deleted for a life event: left_at/left_reason mark
// the departure and the person stays in the household's history.

export function getMember(db: Db, id: string): Member | undefined {
  const row = db.prepare(`SELECT * FROM members WHERE id = ? AND deleted_at IS NULL`).get(id) as Record<string, unknown> | undefined;
  return row ? toMember(row) : undefined;
}

export function markLeft(db: Db, id: string, leftAt: string, reason: string, at: string, by: string | null): void {
  db.prepare(
    `UPDATE members SET left_at = ?, left_reason = ?, is_head = 0, row_version = row_version + 1, updated_at = ?, updated_by = ?
     WHERE id = ? AND left_at IS NULL`,
  ).run(leftAt, reason, at, by, id);
}

/** Undo of a mis-recorded departure (撤销): the person is a current member again. */
export function clearLeft(db: Db, id: string, at: string, by: string | null): void {
  db.prepare(`UPDATE members SET left_at = NULL, left_reason = NULL, row_version = row_version + 1, updated_at = ?, updated_by = ? WHERE id = ?`).run(at, by, id);
}

export function setRelation(db: Db, id: string, relation: string, isHead: boolean, at: string, by: string | null): void {
  db.prepare(`UPDATE members SET relation = ?, is_head = ?, row_version = row_version + 1, updated_at = ?, updated_by = ? WHERE id = ?`).run(
    relation,
    isHead ? 1 : 0,
    at,
    by,
    id,
  );
}

export function setJoinedAt(db: Db, id: string, joinedAt: string): void {
  db.prepare(`UPDATE members SET joined_at = ? WHERE id = ?`).run(joinedAt, id);
}

export interface SchoolWrite {
  stage: string | null;
  grade: number | null;
  confirmedYear: string;
  outOfSchoolReason: string | null;
}

export function setSchool(db: Db, id: string, s: SchoolWrite, at: string, by: string | null): void {
  db.prepare(
    `UPDATE members SET school_stage = ?, school_grade = ?, school_year_confirmed = ?, out_of_school_reason = ?,
       row_version = row_version + 1, updated_at = ?, updated_by = ? WHERE id = ?`,
  ).run(s.stage, s.grade, s.confirmedYear, s.outOfSchoolReason, at, by, id);
}

/** Highest sort_order in a household, so a newcomer is listed last. */
export const nextSortOrder = (db: Db, householdId: string): number =>
  ((db.prepare(`SELECT max(sort_order) AS n FROM members WHERE household_id = ?`).get(householdId) as { n: number | null }).n ?? -1) + 1;
