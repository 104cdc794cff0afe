import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync, renameSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../../shared/domain/errors';
import { roleCan, type Role } from '../../shared/domain/permissions';
import type { Db } from './db/connection';
import type { Ids } from './runtime';

export type FileKind = 'upload' | 'generated' | 'attachment' | 'signature' | 'template';

export interface StoredFile {
  id: string;
  kind: FileKind;
  originalName: string;
  size: number;
  sha256: string;
  mime: string;
  householdId: string | null;
  createdAt: string;
}

/** Largest file the office accepts (rosters, scans, photos). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/**
 * Largest file the app itself writes: a county's 人员名册 (1M people) is ~0.1–0.2 GB of .xlsx. What the app made
 * is not an upload, so the upload limit does not apply; this one only stops a runaway writer.
 */
export const MAX_GENERATED_BYTES = 1024 * 1024 * 1024;
/**
 * Largest upload of a backup package (导入加密备份, 由全部数据导出包重建): a county's database file is ~1–2 GB and
 * its logical export ~60–300 MB, far over the 50 MB of a roster or a photo. Only for accounts that manage backups.
 */
export const MAX_BACKUP_UPLOAD_BYTES = 2 * 1024 * 1024 * 1024;

/** What an upload may weigh: a backup package (purpose 'backup', by an account with backups.manage) or any other file. */
export const uploadLimit = (purpose: string | undefined, role: Role): number =>
  purpose === 'backup' && roleCan(role, 'backups.manage') ? MAX_BACKUP_UPLOAD_BYTES : MAX_FILE_BYTES;

/**
 * Files live under <dataDir>/files/<id> — a generated name. A client's file name is kept only as
 * metadata (for download), never used as a path, so no traversal is possible.
 */
export class FileStore {
  readonly dir: string;
  constructor(
    private readonly db: Db,
    private readonly ids: Ids,
    dataDir: string,
  ) {
    this.dir = join(dataDir, 'files');
    mkdirSync(this.dir, { recursive: true });
  }

  /** `maxBytes`: the caller's limit for this file (an upload's uploadLimit); else by kind. */
  put(bytes: Uint8Array, meta: { originalName: string; kind: FileKind; mime?: string; householdId?: string | null; createdBy?: string | null; at: string; maxBytes?: number }): StoredFile {
    const limit = meta.maxBytes ?? (meta.kind === 'generated' ? MAX_GENERATED_BYTES : MAX_FILE_BYTES);
    if (bytes.byteLength > limit) {
      throw new DomainError('validation', `文件过大（${(bytes.byteLength / 1048576).toFixed(1)} MB），单个文件不能超过 ${limit / 1048576} MB。`);
    }
    const id = this.ids.newId();
    const tmp = join(this.dir, `${id}.tmp`);
    writeFileSync(tmp, bytes);
    const fd = openSync(tmp, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, join(this.dir, id));
    const file: StoredFile = {
      id,
      kind: meta.kind,
      originalName: sanitizeName(meta.originalName),
      size: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      mime: meta.mime ?? mimeFor(meta.originalName),
      householdId: meta.householdId ?? null,
      createdAt: meta.at,
    };
    this.db
      .prepare(`INSERT INTO files (id, kind, original_name, size, sha256, mime, household_id, created_at, created_by) VALUES (?,?,?,?,?,?,?,?,?)`)
      .run(file.id, file.kind, file.originalName, file.size, file.sha256, file.mime, file.householdId, file.createdAt, meta.createdBy ?? null);
    return file;
  }

  meta(id: string): StoredFile {
    const row = this.db.prepare(`SELECT * FROM files WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
    if (!row || !existsSync(join(this.dir, id))) throw new DomainError('not_found', '文件不存在或已过期，请重新上传。');
    return {
      id: row.id as string,
      kind: row.kind as FileKind,
      originalName: row.original_name as string,
      size: row.size as number,
      sha256: row.sha256 as string,
      mime: row.mime as string,
      householdId: (row.household_id as string | null) ?? null,
      createdAt: row.created_at as string,
    };
  }

  read(id: string): Buffer {
    this.meta(id);
    return readFileSync(join(this.dir, id));
  }

  pathOf(id: string): string {
    this.meta(id);
    return join(this.dir, id);
  }
}

/** Keeps a display name only: no directories, no control characters, bounded length. */
export function sanitizeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  const clean = base.replace(/[\u0000-\u001f<>:"|?*]/g, '_').trim();
  return (clean || 'file').slice(0, 120);
}

const MIME: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xls: 'application/vnd.ms-excel',
  csv: 'text/csv',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  zip: 'application/zip',
  json: 'application/json',
};
export const mimeFor = (name: string): string => MIME[name.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
