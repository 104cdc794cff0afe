import type { Db } from '../db/connection';
import { getSetting, putSetting } from './settings';

// SQL of the roster import: staged jobs, households and problems (0003_imports.sql), the saved
// column mapping, and batched look-ups of stored households by 户编号 and of people by 证件号码.

export type ImportStatus = 'previewed' | 'committed' | 'cancelled' | 'failed';
export type StagedAction = 'create' | 'update' | 'unchanged' | 'rejected';

export interface ImportJobRow {
  id: string;
  fileId: string;
  fileName: string;
  fileSha256: string;
  status: ImportStatus;
  header: unknown;
  mapping: unknown;
  options: unknown;
  counts: unknown;
  result: unknown;
  backupFile: string | null;
  reportFileId: string | null;
  message: string | null;
  createdAt: string;
  createdBy: string | null;
  committedAt: string | null;
}

const parse = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : null);

const toJob = (r: Record<string, unknown>): ImportJobRow => ({
  id: r.id as string,
  fileId: r.file_id as string,
  fileName: r.file_name as string,
  fileSha256: r.file_sha256 as string,
  status: r.status as ImportStatus,
  header: parse(r.header),
  mapping: parse(r.mapping),
  options: parse(r.options),
  counts: parse(r.counts),
  result: parse(r.result),
  backupFile: (r.backup_file as string | null) ?? null,
  reportFileId: (r.report_file_id as string | null) ?? null,
  message: (r.message as string | null) ?? null,
  createdAt: r.created_at as string,
  createdBy: (r.created_by as string | null) ?? null,
  committedAt: (r.committed_at as string | null) ?? null,
});

export function insertJob(db: Db, job: Pick<ImportJobRow, 'id' | 'fileId' | 'fileName' | 'fileSha256' | 'header' | 'mapping' | 'options' | 'counts'>, at: string, by: string): void {
  db.prepare(
    `INSERT INTO import_jobs (id, file_id, file_name, file_sha256, status, header, mapping, options, counts, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, 'previewed', ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(job.id, job.fileId, job.fileName, job.fileSha256, JSON.stringify(job.header), JSON.stringify(job.mapping), JSON.stringify(job.options), JSON.stringify(job.counts), at, by, at, by);
}

export function getJob(db: Db, id: string): ImportJobRow | undefined {
  const r = db.prepare(`SELECT * FROM import_jobs WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
  return r ? toJob(r) : undefined;
}

export function setJobStatus(db: Db, id: string, status: ImportStatus, fields: { result?: unknown; backupFile?: string | null; message?: string | null; committedAt?: string | null }, at: string, by: string): void {
  db.prepare(
    `UPDATE import_jobs SET status = ?, result = coalesce(?, result), backup_file = coalesce(?, backup_file), message = ?, committed_at = coalesce(?, committed_at),
       row_version = row_version + 1, updated_at = ?, updated_by = ? WHERE id = ?`,
  ).run(status, fields.result === undefined ? null : JSON.stringify(fields.result), fields.backupFile ?? null, fields.message ?? null, fields.committedAt ?? null, at, by, id);
}

export function setReportFile(db: Db, id: string, fileId: string): void {
  db.prepare(`UPDATE import_jobs SET report_file_id = ? WHERE id = ?`).run(fileId, id);
}

/** The last commit of a file with the same SHA-256: re-importing it is allowed but worth a warning. */
export const lastCommitOfSameFile = (db: Db, sha256: string): string | null =>
  (db.prepare(`SELECT max(committed_at) AS at FROM import_jobs WHERE file_sha256 = ? AND status = 'committed'`).get(sha256) as { at: string | null }).at;

/** Earlier open previews of the same file by the same user are superseded by a new one. */
export function supersedePreviews(db: Db, sha256: string, by: string, at: string): void {
  const ids = (db.prepare(`SELECT id FROM import_jobs WHERE file_sha256 = ? AND status = 'previewed' AND created_by = ?`).all(sha256, by) as { id: string }[]).map((r) => r.id);
  for (const id of ids) {
    setJobStatus(db, id, 'cancelled', { message: '已被同一文件的新预览取代' }, at, by);
    deleteStaged(db, id);
  }
}

export interface StagedHousehold {
  seq: number;
  action: StagedAction;
  householdId: string | null;
  firstRow: number;
  data: unknown;
}

/** `dataJson` is serialised by the caller, outside the transaction, so the write itself stays short. */
export function insertStaged(db: Db, jobId: string, rows: readonly (Omit<StagedHousehold, 'data'> & { dataJson: string })[]): void {
  const stmt = db.prepare(`INSERT INTO import_households (job_id, seq, action, household_id, first_row, data) VALUES (?, ?, ?, ?, ?, ?)`);
  for (const r of rows) stmt.run(jobId, r.seq, r.action, r.householdId, r.firstRow, r.dataJson);
}

/** Households to write (create/update), in file order. */
export function stagedToWrite(db: Db, jobId: string): StagedHousehold[] {
  return (db.prepare(`SELECT * FROM import_households WHERE job_id = ? AND action IN ('create', 'update') ORDER BY seq`).all(jobId) as Record<string, unknown>[]).map((r) => ({
    seq: r.seq as number,
    action: r.action as StagedAction,
    householdId: (r.household_id as string | null) ?? null,
    firstRow: r.first_row as number,
    data: JSON.parse(r.data as string),
  }));
}

export const deleteStaged = (db: Db, jobId: string): void => {
  db.prepare(`DELETE FROM import_households WHERE job_id = ?`).run(jobId);
};

export interface ProblemRow {
  row: number;
  column: string;
  header: string;
  message: string;
  severity: 'error' | 'warning';
}

export function insertProblems(db: Db, jobId: string, problems: readonly ProblemRow[]): void {
  const stmt = db.prepare(`INSERT INTO import_problems (job_id, seq, row_no, col, header, message, severity) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  problems.forEach((p, i) => stmt.run(jobId, i + 1, p.row, p.column, p.header, p.message, p.severity));
}

export function listProblems(db: Db, jobId: string, severity: 'error' | 'warning' | undefined, offset: number, limit: number): { rows: ProblemRow[]; total: number } {
  const where = `job_id = ?${severity ? ' AND severity = ?' : ''}`;
  const params: unknown[] = severity ? [jobId, severity] : [jobId];
  const rows = db
    .prepare(`SELECT row_no AS row, col AS column, header, message, severity FROM import_problems WHERE ${where} ORDER BY row_no, seq LIMIT ? OFFSET ?`)
    .all(...params, limit, offset) as ProblemRow[];
  const total = (db.prepare(`SELECT count(*) AS n FROM import_problems WHERE ${where}`).get(...params) as { n: number }).n;
  return { rows, total };
}

// ── Saved column mapping: header text → field, in the settings table ──

const MAPPING_KEY = 'imports.roster.mapping';

export const getSavedMapping = (db: Db): Record<string, string> => getSetting<Record<string, string>>(db, MAPPING_KEY) ?? {};

export function saveMapping(db: Db, byTitle: Record<string, string>, at: string, by: string): void {
  putSetting(db, MAPPING_KEY, { ...getSavedMapping(db), ...byTitle }, at, by);
}

// ── Batched look-ups (one statement per 500 keys instead of one per row) ──

export interface PersonHome {
  idNumber: string;
  memberId: string;
  name: string;
  householdId: string;
  householdNo: string | null;
  headName: string;
  villageName: string;
}

function inBatches<K, R>(keys: readonly K[], size: number, run: (batch: K[]) => R[]): R[] {
  const out: R[] = [];
  for (let i = 0; i < keys.length; i += size) out.push(...run(keys.slice(i, i + size)));
  return out;
}

/** Where each ID number is currently registered (active member of a live household). */
export function homesOfIdNumbers(db: Db, ids: readonly string[]): Map<string, PersonHome> {
  const stmt = db.prepare(
    `SELECT m.id_number AS idNumber, m.id AS memberId, m.name, m.household_id AS householdId, h.household_no AS householdNo, h.head_name AS headName, coalesce(v.name, '') AS villageName
     FROM members m JOIN households h ON h.id = m.household_id LEFT JOIN divisions v ON v.id = h.village_id
     WHERE m.id_number IN (SELECT value FROM json_each(?)) AND m.deleted_at IS NULL AND m.left_at IS NULL AND h.deleted_at IS NULL`,
  );
  const rows = inBatches(ids, 500, (batch) => stmt.all(JSON.stringify(batch)) as PersonHome[]);
  return new Map(rows.map((r) => [r.idNumber, r]));
}

/** Live households by 户编号. */
export function householdsByNo(db: Db, nos: readonly string[]): Map<string, string> {
  const stmt = db.prepare(`SELECT household_no AS no, id FROM households WHERE household_no IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL`);
  const rows = inBatches(nos, 500, (batch) => stmt.all(JSON.stringify(batch)) as { no: string; id: string }[]);
  return new Map(rows.map((r) => [r.no, r.id]));
}
