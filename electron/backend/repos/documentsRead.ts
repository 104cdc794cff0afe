import type { Scope } from '../../../shared/domain/permissions';
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';
import { chunked, householdScope } from './assistanceFacts';
import { measureFields } from './measures';

// Reads behind 文书打印, 一户一档 and the outgoing Excel reports (SQL only, rows → plain objects). The
// per-record reads (household, income, assessments, cases, meetings, notices) reuse their areas' repos;
// this file holds what those do not offer: a household's ids across areas, files, and bulk report rows.

const str = (v: unknown): string | null => (v as string | null) ?? null;
const json = <T>(v: unknown): T => JSON.parse(v as string) as T;
const inList = (ids: readonly string[]) => ids.map(() => '?').join(',') || 'NULL';

/** 村 and its 乡镇 (the village's parent division), as printed in headers. */
export function villagePlace(db: Db, villageId: string): { village: string; township: string } {
  const r = stmt(db, `SELECT v.name AS village, t.name AS township FROM divisions v LEFT JOIN divisions t ON t.id = v.parent_id WHERE v.id = ?`).get(villageId) as
    | { village: string; township: string | null }
    | undefined;
  return { village: r?.village ?? '', township: r?.township ?? '' };
}

export interface HouseholdBrief {
  id: string;
  headName: string;
  villageId: string;
}

/** Households by id (missing or deleted ones are left out), in the order asked. */
export function householdBriefs(db: Db, ids: readonly string[]): HouseholdBrief[] {
  const rows = chunked([...ids], (part) =>
    db.prepare(`SELECT id, head_name, village_id FROM households WHERE id IN (${inList(part)}) AND deleted_at IS NULL`).all(...part) as Record<string, unknown>[],
  );
  const byId = new Map(rows.map((r) => [r.id as string, { id: r.id as string, headName: r.head_name as string, villageId: r.village_id as string }]));
  return ids.map((id) => byId.get(id)).filter((h): h is HouseholdBrief => h !== undefined);
}

/** A village's households in register order (组, then pinyin), within the user's scope. */
export function villageHouseholdIds(db: Db, scope: Scope, villageId: string): string[] {
  const where = householdScope(scope, villageId);
  const rows = db
    .prepare(
      `SELECT h.id FROM households h LEFT JOIN divisions g ON g.id = h.group_id
        WHERE ${where.sql} AND h.status <> 'cancelled' ORDER BY g.sort_order, g.name, h.head_pinyin, h.head_name, h.id`,
    )
    .all(...where.params) as { id: string }[];
  return rows.map((r) => r.id);
}

/** The household's cases, newest first. */
export const householdCaseIds = (db: Db, householdId: string): string[] =>
  (stmt(db, `SELECT id FROM cases WHERE household_id = ? AND deleted_at IS NULL ORDER BY opened_on DESC, created_at DESC, id DESC`).all(householdId) as { id: string }[]).map(
    (r) => r.id,
  );

/** The household's leads, newest first. */
export const householdLeadIds = (db: Db, householdId: string): string[] =>
  (stmt(db, `SELECT id FROM leads WHERE household_id = ? AND deleted_at IS NULL ORDER BY received_at DESC, id DESC`).all(householdId) as { id: string }[]).map((r) => r.id);

/** Meetings that deliberated the household, oldest first. */
export const householdMeetingIds = (db: Db, householdId: string): string[] =>
  (
    stmt(
      db,
      `SELECT DISTINCT m.id, m.meeting_date FROM meeting_items i JOIN meetings m ON m.id = i.meeting_id
        WHERE i.household_id = ? AND m.deleted_at IS NULL ORDER BY m.meeting_date, m.id`,
    ).all(householdId) as { id: string }[]
  ).map((r) => r.id);

/** 公示 listing any of the household's cases, oldest first. */
export const householdNoticeIds = (db: Db, householdId: string): string[] =>
  (
    stmt(
      db,
      `SELECT DISTINCT n.id, n.start_date FROM notices n, json_each(n.case_ids) j JOIN cases c ON c.id = j.value
        WHERE c.household_id = ? AND n.deleted_at IS NULL ORDER BY n.start_date, n.id`,
    ).all(householdId) as { id: string }[]
  ).map((r) => r.id);

/** Member counts of households (for 公示 lists, whose stored entries hold no count). */
export function memberCounts(db: Db, householdIds: readonly string[]): Map<string, number> {
  const rows = chunked([...householdIds], (part) => db.prepare(`SELECT id, member_count FROM households WHERE id IN (${inList(part)})`).all(...part) as Record<string, unknown>[]);
  return new Map(rows.map((r) => [r.id as string, r.member_count as number]));
}

export interface MeasureRow {
  id: string;
  householdId: string;
  category: string;
  item: string | null;
  priority: string | null;
  content: string;
  responsibleUnit: string;
  responsiblePerson: string;
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  amountFen: number | null;
  status: string;
  effect: string;
}

const toMeasureRow = (r: Record<string, unknown>): MeasureRow => measureFields(r);

/** Measures of households, by start date. */
export function measuresOf(db: Db, householdIds: readonly string[]): MeasureRow[] {
  return chunked([...householdIds], (part) =>
    db
      .prepare(`SELECT * FROM measures WHERE household_id IN (${inList(part)}) AND deleted_at IS NULL ORDER BY household_id, coalesce(actual_start, planned_start), created_at, id`)
      .all(...part) as Record<string, unknown>[],
  ).map(toMeasureRow);
}

export interface FileRow {
  id: string;
  kind: string;
  name: string;
  mime: string;
  size: number;
  createdAt: string;
  createdBy: string | null;
}

/** Files filed under the household (generated forms, scans, photos), newest first. */
export const householdFiles = (db: Db, householdId: string): FileRow[] =>
  (stmt(db, `SELECT * FROM files WHERE household_id = ? ORDER BY created_at DESC, id DESC`).all(householdId) as Record<string, unknown>[]).map((r) => ({
    id: r.id as string,
    kind: r.kind as string,
    name: r.original_name as string,
    mime: r.mime as string,
    size: r.size as number,
    createdAt: r.created_at as string,
    createdBy: str(r.created_by),
  }));

/** Files by id (for scans referenced from case steps), skipping unknown ids. */
export function filesById(db: Db, ids: readonly string[]): FileRow[] {
  return chunked([...ids], (part) => db.prepare(`SELECT * FROM files WHERE id IN (${inList(part)})`).all(...part) as Record<string, unknown>[]).map((r) => ({
    id: r.id as string,
    kind: r.kind as string,
    name: r.original_name as string,
    mime: r.mime as string,
    size: r.size as number,
    createdAt: r.created_at as string,
    createdBy: str(r.created_by),
  }));
}

export interface TimelineRow {
  caseId: string;
  kind: string;
  seq: number;
  event: string;
  step: string | null;
  toStep: string | null;
  actDate: string;
  recordedAt: string;
  recordedBy: string;
  note: string | null;
}

/** Every case step of the household, case by case in opening order. */
export const householdTimeline = (db: Db, householdId: string): TimelineRow[] =>
  (
    stmt(
      db,
      `SELECT s.*, c.kind FROM case_steps s JOIN cases c ON c.id = s.case_id
        WHERE c.household_id = ? AND c.deleted_at IS NULL ORDER BY c.opened_on, c.id, s.seq`,
    ).all(householdId) as Record<string, unknown>[]
  ).map((r) => ({
    caseId: r.case_id as string,
    kind: r.kind as string,
    seq: r.seq as number,
    event: r.event as string,
    step: str(r.step),
    toStep: str(r.to_step),
    actDate: r.act_date as string,
    recordedAt: r.recorded_at as string,
    recordedBy: r.recorded_by as string,
    note: str(r.note),
  }));

// ── county templates (document_templates, 0007) ──

export interface TemplateRow {
  id: string;
  name: string;
  formKey: string;
  fileId: string;
  fileName: string;
  placeholders: string[];
  createdAt: string;
  createdBy: string | null;
  rowVersion: number;
}

const TEMPLATE_SELECT = `SELECT t.*, f.original_name FROM document_templates t JOIN files f ON f.id = t.file_id`;
const toTemplate = (r: Record<string, unknown>): TemplateRow => ({
  id: r.id as string,
  name: r.name as string,
  formKey: r.form_key as string,
  fileId: r.file_id as string,
  fileName: r.original_name as string,
  placeholders: json<string[]>(r.placeholders),
  createdAt: r.created_at as string,
  createdBy: str(r.created_by),
  rowVersion: r.row_version as number,
});

export function insertTemplate(db: Db, t: { id: string; name: string; formKey: string; fileId: string; placeholders: string[] }, at: string, by: string): void {
  db.prepare(
    `INSERT INTO document_templates (id, name, form_key, file_id, placeholders, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(t.id, t.name, t.formKey, t.fileId, JSON.stringify(t.placeholders), at, by, at, by);
}

export function getTemplate(db: Db, id: string): TemplateRow | undefined {
  const r = db.prepare(`${TEMPLATE_SELECT} WHERE t.id = ? AND t.deleted_at IS NULL`).get(id) as Record<string, unknown> | undefined;
  return r ? toTemplate(r) : undefined;
}

export function listTemplates(db: Db, formKey?: string): TemplateRow[] {
  const rows = formKey
    ? db.prepare(`${TEMPLATE_SELECT} WHERE t.deleted_at IS NULL AND t.form_key = ? ORDER BY t.created_at DESC, t.id DESC`).all(formKey)
    : db.prepare(`${TEMPLATE_SELECT} WHERE t.deleted_at IS NULL ORDER BY t.form_key, t.created_at DESC, t.id DESC`).all();
  return (rows as Record<string, unknown>[]).map(toTemplate);
}

export function tombstoneTemplate(db: Db, id: string, at: string, by: string): void {
  db.prepare(`UPDATE document_templates SET deleted_at = ?, updated_at = ?, updated_by = ?, row_version = row_version + 1 WHERE id = ?`).run(at, at, by, id);
}
