import type { NoticeEntry, PublicNotice } from '../../../shared/domain/notice';
import type { Scope } from '../../../shared/domain/permissions';
import type { Db } from '../db/connection';

// 公示 rows and their 异议. entries hold only the three public fields; case_ids (same order) are internal.

export interface NoticeRecord {
  id: string;
  villageId: string;
  notice: PublicNotice;
  caseIds: string[];
  rowVersion: number;
  updatedAt: string;
}

export interface ObjectionRecord {
  id: string;
  noticeId: string;
  caseId: string;
  headName: string;
  date: string;
  content: string;
  raisedBy: string | null;
  investigation: string | null;
  result: string | null;
  resolved: boolean;
  resolvedOn: string | null;
  rowVersion: number;
}

const toRecord = (r: Record<string, unknown>): NoticeRecord => ({
  id: r.id as string,
  villageId: r.village_id as string,
  notice: {
    kind: r.kind as PublicNotice['kind'],
    meetingId: r.meeting_id as string,
    villageName: r.village_name as string,
    title: r.title as string,
    startDate: r.start_date as string,
    endDate: r.end_date as string,
    days: r.days as number,
    dayKind: r.day_kind as PublicNotice['dayKind'],
    place: r.place as string,
    objectionContact: r.objection_contact as string,
    entries: JSON.parse(r.entries as string) as NoticeEntry[],
  },
  caseIds: JSON.parse(r.case_ids as string) as string[],
  rowVersion: r.row_version as number,
  updatedAt: r.updated_at as string,
});

export const getNotice = (db: Db, id: string): NoticeRecord | undefined => {
  const r = db.prepare(`SELECT * FROM notices WHERE id = ? AND deleted_at IS NULL`).get(id) as Record<string, unknown> | undefined;
  return r ? toRecord(r) : undefined;
};

export function insertNotice(db: Db, id: string, villageId: string, n: PublicNotice, caseIds: string[], at: string, by: string): void {
  db.prepare(
    `INSERT INTO notices (id, kind, meeting_id, village_id, village_name, title, start_date, end_date, days, day_kind, place, objection_contact,
       entries, case_ids, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, n.kind, n.meetingId, villageId, n.villageName, n.title, n.startDate, n.endDate, n.days, n.dayKind, n.place, n.objectionContact, JSON.stringify(n.entries), JSON.stringify(caseIds), at, at, by);
}

export function touchNotice(db: Db, id: string, at: string, by: string): void {
  db.prepare(`UPDATE notices SET row_version = row_version + 1, updated_at = ?, updated_by = ? WHERE id = ?`).run(at, by, id);
}

export const noticeForMeetingKind = (db: Db, meetingId: string, kind: string): string | undefined =>
  (db.prepare(`SELECT id FROM notices WHERE meeting_id = ? AND kind = ? AND deleted_at IS NULL`).get(meetingId, kind) as { id: string } | undefined)?.id;

/** Notices listing a case (case_ids is a JSON array). */
export const noticesForCase = (db: Db, caseId: string): NoticeRecord[] =>
  (db.prepare(`SELECT n.* FROM notices n, json_each(n.case_ids) j WHERE j.value = ? AND n.deleted_at IS NULL ORDER BY n.start_date DESC`).all(caseId) as Record<string, unknown>[]).map(toRecord);

export interface NoticeListRow extends NoticeRecord {
  objectionCount: number;
  openObjectionCount: number;
}

export function listNotices(
  db: Db,
  f: { villageId?: string; kind?: string; active?: boolean; meetingId?: string; caseId?: string },
  scope: Scope,
  today: string,
  startRow: number,
  endRow: number,
): { rows: NoticeListRow[]; total: number } {
  const parts = ['n.deleted_at IS NULL'];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    parts.push(sql);
    params.push(...values);
  };
  if (f.villageId) add('n.village_id = ?', f.villageId);
  if (f.kind) add('n.kind = ?', f.kind);
  if (f.meetingId) add('n.meeting_id = ?', f.meetingId);
  if (f.caseId) add('EXISTS (SELECT 1 FROM json_each(n.case_ids) j WHERE j.value = ?)', f.caseId);
  // Active = still posted today (the end date is the last day of the 公示).
  if (f.active !== undefined) add(f.active ? 'n.end_date >= ?' : 'n.end_date < ?', today);
  if (scope.kind === 'villages') add(`n.village_id IN (${scope.villageIds.map(() => '?').join(',') || 'NULL'})`, ...scope.villageIds);
  const where = parts.join(' AND ');
  const limit = Math.max(0, Math.min(endRow - startRow, 500));
  const rows = db
    .prepare(
      `SELECT n.*,
         (SELECT count(*) FROM objections o WHERE o.notice_id = n.id AND o.deleted_at IS NULL) AS objection_count,
         (SELECT count(*) FROM objections o WHERE o.notice_id = n.id AND o.deleted_at IS NULL AND o.resolved = 0) AS open_count
       FROM notices n WHERE ${where}
       ORDER BY CASE WHEN n.end_date >= ? THEN 0 ELSE 1 END, CASE WHEN n.end_date >= ? THEN n.end_date END, n.start_date DESC LIMIT ? OFFSET ?`,
    )
    .all(...params, today, today, limit, startRow) as Record<string, unknown>[];
  const total = (db.prepare(`SELECT count(*) AS n FROM notices n WHERE ${where}`).get(...params) as { n: number }).n;
  return { rows: rows.map((r) => ({ ...toRecord(r), objectionCount: r.objection_count as number, openObjectionCount: r.open_count as number })), total };
}

const OBJECTION_SELECT = `SELECT o.*, h.head_name FROM objections o JOIN cases c ON c.id = o.case_id JOIN households h ON h.id = c.household_id`;

const toObjection = (r: Record<string, unknown>): ObjectionRecord => ({
  id: r.id as string,
  noticeId: r.notice_id as string,
  caseId: r.case_id as string,
  headName: r.head_name as string,
  date: r.raised_on as string,
  content: r.content as string,
  raisedBy: (r.raised_by as string | null) ?? null,
  investigation: (r.investigation as string | null) ?? null,
  result: (r.result as string | null) ?? null,
  resolved: r.resolved === 1,
  resolvedOn: (r.resolved_on as string | null) ?? null,
  rowVersion: r.row_version as number,
});

export const objectionsOfNotice = (db: Db, noticeId: string): ObjectionRecord[] =>
  (db.prepare(`${OBJECTION_SELECT} WHERE o.notice_id = ? AND o.deleted_at IS NULL ORDER BY o.created_at, o.id`).all(noticeId) as Record<string, unknown>[]).map(toObjection);

/** In registration order: the domain refuses a list that loses or reorders earlier objections. */
export const objectionsOfCase = (db: Db, caseId: string): ObjectionRecord[] =>
  (db.prepare(`${OBJECTION_SELECT} WHERE o.case_id = ? AND o.deleted_at IS NULL ORDER BY o.created_at, o.id`).all(caseId) as Record<string, unknown>[]).map(toObjection);

export const getObjection = (db: Db, id: string): ObjectionRecord | undefined => {
  const r = db.prepare(`${OBJECTION_SELECT} WHERE o.id = ? AND o.deleted_at IS NULL`).get(id) as Record<string, unknown> | undefined;
  return r ? toObjection(r) : undefined;
};

export function insertObjection(db: Db, o: { id: string; noticeId: string; caseId: string; date: string; content: string; raisedBy: string | null }, at: string, by: string): void {
  db.prepare(
    `INSERT INTO objections (id, notice_id, case_id, raised_on, content, raised_by, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(o.id, o.noticeId, o.caseId, o.date, o.content, o.raisedBy, at, at, by);
}

export function resolveObjection(db: Db, id: string, investigation: string, result: string, resolvedOn: string, at: string, by: string): void {
  db.prepare(
    `UPDATE objections SET investigation = ?, result = ?, resolved = 1, resolved_on = ?, row_version = row_version + 1, updated_at = ?, updated_by = ? WHERE id = ?`,
  ).run(investigation, result, resolvedOn, at, by, id);
}
