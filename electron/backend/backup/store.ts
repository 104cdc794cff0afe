import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BACKUP_REASONS, type BackupInfo, type BackupReason } from '../../../shared/api/methods/backups';
import { DomainError } from '../../../shared/domain/errors';
import { resolveInside } from '../../common/safePath';
import type { Db } from '../db/connection';
import { checkDatabaseFile, fsyncDir, fsyncFile, sha256File, writeFileAtomic } from './sqliteFile';

// The backup folder: <dataDir>/backups/<name>.db, each with a <name>.db.json manifest written
// after the copy was verified. Backups live on the filesystem, not in the database, so they
// survive whatever happens to the database — including a restore of an older copy.

export const backupDirOf = (dataDir: string): string => join(dataDir, 'backups');
const MANIFEST_VERSION = 1;
// Files written by the foundation's pre-migration copy, before manifests existed.
const LEGACY_NAME = /^pre-migrate-v(\d+)-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.db$/;

interface Manifest extends BackupInfo {
  manifestVersion: number;
  sha256: string;
  appVersion: string;
}

const stampOf = (now: Date): string => now.toISOString().replace(/[-:.]/g, '');

/** A new, unused final name in `dir` for a backup taken at `now`. */
function newBackupName(dir: string, now: Date, reason: BackupReason): string {
  const base = `guardline-${stampOf(now)}-${reason}`;
  let name = `${base}.db`;
  for (let n = 2; existsSync(join(dir, name)); n++) name = `${base}-${n}.db`;
  return name;
}

/** The path of a backup id, refusing anything that is not a plain file name inside the folder. */
export function backupPath(dir: string, id: string): string {
  const path = /^[A-Za-z0-9][A-Za-z0-9._-]*\.db$/.test(id) ? resolveInside(dir, id) : null;
  if (!path || !existsSync(path)) throw new DomainError('not_found', '找不到该备份文件，可能已被清理。请刷新备份列表后重试。');
  return path;
}

export interface WriteBackupOptions {
  reason: BackupReason;
  now: Date;
  appVersion: string;
  /** 0…1 while pages are copied (imports show it in their progress bar). */
  onProgress?: (fraction: number) => void;
}

/** Pages per backup step: small enough to report progress, large enough not to crawl. */
const PAGES_PER_STEP = 2000;

/**
 * SQLite online backup to `<final>.tmp` → integrity_check on the copy (and made single-file) →
 * fsync → rename → manifest. An interrupted run leaves only a .tmp, never a broken final file.
 */
export async function writeVerifiedBackup(db: Db, dir: string, options: WriteBackupOptions): Promise<BackupInfo> {
  mkdirSync(dir, { recursive: true });
  const name = newBackupName(dir, options.now, options.reason);
  const final = join(dir, name);
  const tmp = `${final}.tmp`;
  await db.backup(tmp, {
    progress: ({ totalPages, remainingPages }) => {
      options.onProgress?.(totalPages ? 1 - remainingPages / totalPages : 1);
      return PAGES_PER_STEP;
    },
  });
  options.onProgress?.(1);
  return publishBackupFile(tmp, final, options);
}

/** Verifies a finished temp copy and publishes it under its final name with a manifest. */
export function publishBackupFile(tmp: string, final: string, options: WriteBackupOptions): BackupInfo {
  const check = checkDatabaseFile(tmp, { makeSingleFile: true });
  if (!check.ok) {
    unlinkSync(tmp);
    throw new DomainError('io', `备份文件校验未通过（${check.messages.slice(0, 3).join('；')}），未保存此备份。请先运行“数据库检查”。`);
  }
  fsyncFile(tmp);
  renameSync(tmp, final);
  fsyncDir(dirname(final));
  const manifest: Manifest = {
    manifestVersion: MANIFEST_VERSION,
    id: final.split(/[\\/]/).pop()!,
    createdAt: options.now.toISOString(),
    reason: options.reason,
    schemaVersion: check.schemaVersion,
    sizeBytes: statSync(final).size,
    verified: true,
    households: countHouseholds(final),
    sha256: sha256File(final),
    appVersion: options.appVersion,
  };
  writeFileAtomic(`${final}.json`, JSON.stringify(manifest, null, 2));
  return toInfo(manifest);
}

/** A new temp path and final path in the folder, for copies that are not made by db.backup. */
export function reserveBackupName(dir: string, now: Date, reason: BackupReason): { tmp: string; final: string } {
  mkdirSync(dir, { recursive: true });
  const final = join(dir, newBackupName(dir, now, reason));
  return { tmp: `${final}.tmp`, final };
}

function countHouseholds(path: string): number | null {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    return (db.prepare(`SELECT count(*) AS n FROM households WHERE deleted_at IS NULL`).get() as { n: number }).n;
  } catch {
    return null; // a database from before the households table, or an odd copy: the count is cosmetic
  } finally {
    db?.close();
  }
}

const toInfo = (m: Manifest): BackupInfo => ({
  id: m.id,
  createdAt: m.createdAt,
  reason: m.reason,
  schemaVersion: m.schemaVersion,
  sizeBytes: m.sizeBytes,
  verified: m.verified,
  households: m.households,
});

/** Newest first. Files without a manifest are listed only if they are legacy pre-migration copies. */
export function listBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return [];
  const out: BackupInfo[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.db')) continue;
    const info = readManifest(join(dir, `${name}.json`), name) ?? legacyInfo(dir, name);
    if (info) out.push(info);
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1));
}

function readManifest(path: string, name: string): BackupInfo | null {
  if (!existsSync(path)) return null;
  try {
    const m = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
    if (m.id !== name || !BACKUP_REASONS.includes(m.reason)) return null;
    return toInfo(m);
  } catch {
    return null;
  }
}

function legacyInfo(dir: string, name: string): BackupInfo | null {
  const m = LEGACY_NAME.exec(name);
  if (!m) return null;
  return {
    id: name,
    createdAt: `${m[2]}T${m[3]}:${m[4]}:${m[5]}.${m[6]}Z`,
    reason: 'pre-migration',
    schemaVersion: Number(m[1]),
    sizeBytes: statSync(join(dir, name)).size,
    verified: false,
    households: null,
  };
}

/** Removes a backup and its manifest (retention only; the newest good one is never passed here). */
export function deleteBackup(dir: string, id: string): void {
  const path = backupPath(dir, id);
  unlinkSync(path);
  if (existsSync(`${path}.json`)) unlinkSync(`${path}.json`);
}

/** Temp files of interrupted backups: never final-named, safe to remove at the next start. */
export function removeStaleTemps(dir: string): number {
  if (!existsSync(dir)) return 0;
  const stale = readdirSync(dir).filter((n) => n.endsWith('.tmp'));
  stale.forEach((n) => unlinkSync(join(dir, n)));
  return stale.length;
}
