import type { Addendum, AgendaItem, Attendee, ItemCorrection, Meeting, Signature } from '../../../shared/domain/meeting';
import type { Scope } from '../../../shared/domain/permissions';
import type { Db } from '../db/connection';

// 民主评议会 minutes: a header row plus attendees, items, addenda and signatures, put back together as
// the domain's Meeting (shared/domain/meeting.ts) so its rules and its canonical hash see one shape.

export interface MeetingHeader {
  id: string;
  villageId: string;
  villageName: string;
  date: string;
  time: string | null;
  place: string;
  host: string;
  recorder: string;
  minutesText: string;
  lockedAt: string | null;
  lockHash: string | null;
  rowVersion: number;
  updatedAt: string;
}

export interface StoredItem extends AgendaItem {
  householdId: string;
}

const toHeader = (r: Record<string, unknown>): MeetingHeader => ({
  id: r.id as string,
  villageId: r.village_id as string,
  villageName: r.village_name as string,
  date: r.meeting_date as string,
  time: (r.meeting_time as string | null) ?? null,
  place: r.place as string,
  host: r.host as string,
  recorder: r.recorder as string,
  minutesText: r.minutes_text as string,
  lockedAt: (r.locked_at as string | null) ?? null,
  lockHash: (r.lock_hash as string | null) ?? null,
  rowVersion: r.row_version as number,
  updatedAt: r.updated_at as string,
});

const opt = <K extends string, V>(key: K, v: V | null | undefined): Partial<Record<K, V>> => (v === null || v === undefined ? {} : ({ [key]: v } as Record<K, V>));

function toItem(r: Record<string, unknown>): StoredItem {
  return {
    id: r.id as string,
    caseId: r.case_id as string,
    caseKind: r.case_kind as AgendaItem['caseKind'],
    householdId: r.household_id as string,
    headName: r.head_name as string,
    villageGroup: r.village_group as string,
    ...opt('memberCount', r.member_count as number | null),
    proposal: r.proposal as string,
    ...opt('situation', r.situation as string | null),
    ...opt('needs', r.needs as string | null),
    votes: { agree: r.agree as number, disagree: r.disagree as number, abstain: r.abstain as number },
    outcome: r.outcome as AgendaItem['outcome'],
  };
}

function toSignature(r: Record<string, unknown>): Signature {
  const attendeeId = r.attendee_id as string;
  return r.kind === 'pad'
    ? { attendeeId, kind: 'pad', imageRef: r.file_id as string, signedAt: r.signed_at as string }
    : { attendeeId, kind: 'paper', scanRef: r.file_id as string, recordedAt: r.signed_at as string };
}

export function getMeetingHeader(db: Db, id: string): MeetingHeader | undefined {
  const r = db.prepare(`SELECT * FROM meetings WHERE id = ? AND deleted_at IS NULL`).get(id) as Record<string, unknown> | undefined;
  return r ? toHeader(r) : undefined;
}

/** The whole minutes as the domain sees them, plus the items' households. */
export function loadMeeting(db: Db, id: string): { header: MeetingHeader; meeting: Meeting; items: StoredItem[] } | undefined {
  const header = getMeetingHeader(db, id);
  if (!header) return undefined;
  const attendees = (db.prepare(`SELECT * FROM meeting_attendees WHERE meeting_id = ? ORDER BY sort_order`).all(id) as Record<string, unknown>[]).map(
    (r): Attendee => ({ id: r.id as string, name: r.name as string, role: r.role as string, ...opt('unit', r.unit as string | null) }),
  );
  const items = (db.prepare(`SELECT * FROM meeting_items WHERE meeting_id = ? ORDER BY sort_order`).all(id) as Record<string, unknown>[]).map(toItem);
  const sigs = db.prepare(`SELECT * FROM signatures WHERE meeting_id = ? AND withdrawn_at IS NULL ORDER BY signed_at, id`).all(id) as Record<string, unknown>[];
  const addenda = (db.prepare(`SELECT * FROM meeting_addenda WHERE meeting_id = ? ORDER BY created_at, id`).all(id) as Record<string, unknown>[]).map(
    (r): Addendum => ({
      id: r.id as string,
      date: r.addendum_date as string,
      text: r.text as string,
      reason: r.reason as string,
      corrections: JSON.parse(r.corrections as string) as ItemCorrection[],
      signerIds: JSON.parse(r.signer_ids as string) as string[],
      signatures: sigs.filter((s) => s.addendum_id === r.id).map(toSignature),
    }),
  );
  const meeting: Meeting = {
    id: header.id,
    villageName: header.villageName,
    date: header.date,
    ...opt('time', header.time),
    place: header.place,
    host: header.host,
    recorder: header.recorder,
    attendees,
    items: items.map(({ householdId: _h, ...item }) => item),
    signatures: sigs.filter((s) => s.addendum_id === null).map(toSignature),
    addenda,
  };
  return { header, meeting, items };
}

export type HeaderWrite = Omit<MeetingHeader, 'lockedAt' | 'lockHash' | 'rowVersion' | 'updatedAt'>;

export function insertMeeting(db: Db, h: HeaderWrite, at: string, by: string): void {
  db.prepare(
    `INSERT INTO meetings (id, village_id, village_name, meeting_date, meeting_time, place, host, recorder, minutes_text, created_at, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(h.id, h.villageId, h.villageName, h.date, h.time, h.place, h.host, h.recorder, h.minutesText, at, at, by);
}

export function updateMeeting(db: Db, h: HeaderWrite, at: string, by: string): void {
  db.prepare(
    `UPDATE meetings SET village_id = ?, village_name = ?, meeting_date = ?, meeting_time = ?, place = ?, host = ?, recorder = ?, minutes_text = ?,
       row_version = row_version + 1, updated_at = ?, updated_by = ? WHERE id = ?`,
  ).run(h.villageId, h.villageName, h.date, h.time, h.place, h.host, h.recorder, h.minutesText, at, by, h.id);
}

/** Marks a change of signatures/addenda/lock on the meeting (row_version for sync and optimistic locks). */
export function touchMeeting(db: Db, id: string, at: string, by: string, lock?: { lockedAt: string; lockHash: string }): void {
  if (lock) db.prepare(`UPDATE meetings SET locked_at = ?, lock_hash = ? WHERE id = ?`).run(lock.lockedAt, lock.lockHash, id);
  db.prepare(`UPDATE meetings SET row_version = row_version + 1, updated_at = ?, updated_by = ? WHERE id = ?`).run(at, by, id);
}

/** Replaces attendees and items (only while nobody has signed: the handler checks). */
export function replaceParts(db: Db, meetingId: string, attendees: Attendee[], items: StoredItem[]): void {
  db.prepare(`DELETE FROM meeting_attendees WHERE meeting_id = ?`).run(meetingId);
  db.prepare(`DELETE FROM meeting_items WHERE meeting_id = ?`).run(meetingId);
  const a = db.prepare(`INSERT INTO meeting_attendees (id, meeting_id, name, role, unit, sort_order) VALUES (?, ?, ?, ?, ?, ?)`);
  attendees.forEach((x, i) => a.run(x.id, meetingId, x.name, x.role, x.unit ?? null, i));
  const it = db.prepare(
    `INSERT INTO meeting_items (id, meeting_id, case_id, case_kind, household_id, head_name, village_group, member_count, proposal, situation, needs,
       agree, disagree, abstain, outcome, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  items.forEach((x, i) =>
    it.run(x.id, meetingId, x.caseId, x.caseKind, x.householdId, x.headName, x.villageGroup, x.memberCount ?? null, x.proposal, x.situation ?? null, x.needs ?? null, x.votes.agree, x.votes.disagree, x.votes.abstain, x.outcome, i),
  );
}

/** Whether any signature rows (even withdrawn) exist: attendees then keep their ids for the record. */
export const hasAnySignatureRows = (db: Db, meetingId: string): boolean =>
  db.prepare(`SELECT 1 FROM signatures WHERE meeting_id = ? LIMIT 1`).get(meetingId) !== undefined;

export function insertSignature(db: Db, s: { id: string; meetingId: string; addendumId: string | null; attendeeId: string; kind: 'pad' | 'paper'; fileId: string; signedAt: string; by: string }): void {
  db.prepare(
    `INSERT INTO signatures (id, meeting_id, addendum_id, attendee_id, kind, file_id, signed_at, recorded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(s.id, s.meetingId, s.addendumId, s.attendeeId, s.kind, s.fileId, s.signedAt, s.by, s.signedAt);
}

export function withdrawSignatures(db: Db, meetingId: string, at: string): number {
  return db.prepare(`UPDATE signatures SET withdrawn_at = ? WHERE meeting_id = ? AND addendum_id IS NULL AND withdrawn_at IS NULL`).run(at, meetingId).changes;
}

export function insertAddendum(db: Db, meetingId: string, a: Omit<Addendum, 'signatures'>, at: string, by: string): void {
  db.prepare(
    `INSERT INTO meeting_addenda (id, meeting_id, addendum_date, text, reason, corrections, signer_ids, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(a.id, meetingId, a.date, a.text, a.reason, JSON.stringify(a.corrections), JSON.stringify(a.signerIds), at, by);
}

export interface MeetingListRow extends MeetingHeader {
  attendeeCount: number;
  signedCount: number;
  identificationItems: number;
  eliminationItems: number;
}

export function listMeetings(db: Db, f: { villageId?: string; locked?: boolean; caseId?: string }, scope: Scope, startRow: number, endRow: number): { rows: MeetingListRow[]; total: number } {
  const parts = ['m.deleted_at IS NULL'];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    parts.push(sql);
    params.push(...values);
  };
  if (f.villageId) add('m.village_id = ?', f.villageId);
  if (f.locked !== undefined) parts.push(f.locked ? 'm.locked_at IS NOT NULL' : 'm.locked_at IS NULL');
  if (f.caseId) add('EXISTS (SELECT 1 FROM meeting_items i WHERE i.meeting_id = m.id AND i.case_id = ?)', f.caseId);
  if (scope.kind === 'villages') add(`m.village_id IN (${scope.villageIds.map(() => '?').join(',') || 'NULL'})`, ...scope.villageIds);
  const where = parts.join(' AND ');
  const limit = Math.max(0, Math.min(endRow - startRow, 500));
  const rows = db
    .prepare(
      `SELECT m.*,
         (SELECT count(*) FROM meeting_attendees a WHERE a.meeting_id = m.id) AS attendee_count,
         (SELECT count(*) FROM signatures s WHERE s.meeting_id = m.id AND s.addendum_id IS NULL AND s.withdrawn_at IS NULL) AS signed_count,
         (SELECT count(*) FROM meeting_items i WHERE i.meeting_id = m.id AND i.case_kind = 'identification') AS ident_items,
         (SELECT count(*) FROM meeting_items i WHERE i.meeting_id = m.id AND i.case_kind = 'elimination') AS elim_items
       FROM meetings m WHERE ${where} ORDER BY m.meeting_date DESC, m.created_at DESC LIMIT ? OFFSET ?`,
    )
    .all(...params, limit, startRow) as Record<string, unknown>[];
  const total = (db.prepare(`SELECT count(*) AS n FROM meetings m WHERE ${where}`).get(...params) as { n: number }).n;
  return {
    rows: rows.map((r) => ({
      ...toHeader(r),
      attendeeCount: r.attendee_count as number,
      signedCount: r.signed_count as number,
      identificationItems: r.ident_items as number,
      eliminationItems: r.elim_items as number,
    })),
    total,
  };
}

/** Meetings with an item for this case (for the 民主评议 step form). */
export const meetingsForCase = (db: Db, caseId: string): MeetingHeader[] =>
  (db.prepare(`SELECT m.* FROM meetings m JOIN meeting_items i ON i.meeting_id = m.id WHERE i.case_id = ? AND m.deleted_at IS NULL ORDER BY m.meeting_date DESC`).all(caseId) as Record<string, unknown>[]).map(toHeader);
