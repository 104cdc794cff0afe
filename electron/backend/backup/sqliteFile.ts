import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Db } from '../db/connection';

// File-level helpers for database copies: verification, durable writes and atomic publication.

export interface FileCheck {
  ok: boolean;
  /** integrity_check / quick_check lines other than 'ok', and open errors, for the log and the UI. */
  messages: string[];
  foreignKeyProblems: number;
  schemaVersion: number;
}

/**
 * integrity_check (or quick_check) of a connection, plus foreign_key_check when full. Badly damaged
 * pages make the pragma itself throw SQLITE_CORRUPT: that is a finding, not a crash.
 */
export function checkConnection(db: Db, mode: 'quick' | 'full'): Omit<FileCheck, 'schemaVersion'> {
  try {
    const rows = db.pragma(mode === 'full' ? 'integrity_check(100)' : 'quick_check(100)') as Record<string, string>[];
    const messages = rows.map((r) => String(Object.values(r)[0])).filter((m) => m !== 'ok');
    const foreignKeyProblems = mode === 'full' ? (db.pragma('foreign_key_check') as unknown[]).length : 0;
    return { ok: messages.length === 0 && foreignKeyProblems === 0, messages, foreignKeyProblems };
  } catch (e) {
    return { ok: false, messages: [e instanceof Error ? e.message : String(e)], foreignKeyProblems: 0 };
  }
}

/**
 * Opens a database file that is not the live one (a backup, a temp copy) and checks it fully.
 * Never throws: a file that cannot be opened is reported as not ok. Opened read-write only when
 * asked, because turning a copy into a single-file (journal_mode=DELETE) database writes its header.
 */
export function checkDatabaseFile(path: string, options: { makeSingleFile?: boolean } = {}): FileCheck {
  if (!existsSync(path)) return { ok: false, messages: ['文件不存在'], foreignKeyProblems: 0, schemaVersion: 0 };
  let db: Db | undefined;
  try {
    db = new Database(path, { fileMustExist: true, readonly: !options.makeSingleFile });
    // A backup copied from a WAL database keeps the WAL flag in its header; a copy that travels
    // alone must not depend on a -wal file, so it is switched to a rollback journal.
    if (options.makeSingleFile) db.pragma('journal_mode = DELETE');
    const check = checkConnection(db, 'full');
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    return { ...check, schemaVersion };
  } catch (e) {
    return { ok: false, messages: [e instanceof Error ? e.message : String(e)], foreignKeyProblems: 0, schemaVersion: 0 };
  } finally {
    db?.close();
  }
}

/** Flushes a file to the disk: a backup that is only in the OS cache is not a backup. */
export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename durable on POSIX; Windows cannot open directories and does not need it. */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* some filesystems refuse fsync on directories; the rename is still atomic */
  }
}

/** Writes bytes to `<path>.tmp`, fsyncs, renames: readers see the old file or the whole new one. */
export function writeFileAtomic(path: string, bytes: Uint8Array | string): void {
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, bytes);
  fsyncFile(tmp);
  renameSync(tmp, path);
  fsyncDir(dirname(path));
}

/**
 * Loads a database file into memory. Files copied from a WAL database carry header bytes 18/19 = 2,
 * which an in-memory database cannot honour; they are set back to 1 (rollback journal) in the copy.
 */
export function openInMemoryCopy(path: string): Db {
  const bytes = readFileSync(path);
  if (bytes.length >= 20 && bytes[18] === 2 && bytes[19] === 2) {
    bytes[18] = 1;
    bytes[19] = 1;
  }
  const db = new Database(bytes);
  db.pragma('foreign_keys = ON');
  return db;
}

/** SHA-256 of a file, read in chunks so a large database is not loaded whole. */
export function sha256File(path: string): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  const chunk = Buffer.alloc(1 << 20);
  try {
    for (let n = readSync(fd, chunk, 0, chunk.length, null); n > 0; n = readSync(fd, chunk, 0, chunk.length, null)) hash.update(chunk.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}
