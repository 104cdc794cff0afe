import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { backupDirOf, listBackups } from './backup/store';
import { checkConnection } from './backup/sqliteFile';
import type { Db } from './db/connection';

// The start-up look at the live file (split from lifecycle.ts). Reliability bar D-05 wants a
// quick_check on every start; bench P6 wants the start under 300 ms. Both hold by size:
//
// - Files up to INLINE_CHECK_MAX_BYTES get quick_check inline, before anything is served: a township
//   database (20–40 MB) checks in well under 100 ms, so deferring it would buy nothing, and a damaged
//   small file goes straight to recovery at start, before anyone could write to it (the fault suites
//   rely on that: corruption.test.ts, startup-recovery.test.ts).
// - Larger files (a county database, ≈ 700–900 MB: quick_check ≈ 1–1.5 s) get only the cheap checks
//   here — the file opens, the header reads (user_version), the schema parses — which catch a
//   garbage/non-SQLite file, a zeroed header or a broken schema at once. quick_check then runs on a
//   worker after the start (lifecycleIntegrity.ts) and switches to recovery mode at runtime if it
//   fails. The window (≈ 1–2 s) in which a damaged county file is writable is the accepted price.
// - A file with migrations pending is always checked inline: migrating (and the pre-migration backup)
//   must not start on a file nobody has checked, and an upgrade start is slow anyway.

export const INLINE_CHECK_MAX_BYTES = 64 * 1024 * 1024;

export type Problem = { reason: string; detail: string };

/** What the probe found: a problem (→ recovery), or a file that is fine / new / to be checked later. */
export type Probe = { problem: Problem } | { problem: null; deferred: boolean };

/**
 * Checks the file with a READ-ONLY connection, which can neither checkpoint nor rewrite the file.
 * `latestVersion` is the newest migration: a file at that version needs no migration.
 */
export function probeLiveFile(dbPath: string, dataDir: string, latestVersion: number, inlineCheckMaxBytes = INLINE_CHECK_MAX_BYTES): Probe {
  if (!existsSync(dbPath)) {
    // No database but a WAL, or backups, means one existed: do not silently start an empty one.
    if (existsSync(`${dbPath}-wal`) && statSync(`${dbPath}-wal`).size > 0) return { problem: { reason: '数据库文件丢失', detail: '只剩下 -wal 日志文件' } };
    return { problem: null, deferred: false };
  }
  const size = statSync(dbPath).size;
  if (size === 0) {
    const hadData = listBackups(backupDirOf(dataDir)).length > 0 || (existsSync(`${dbPath}-wal`) && statSync(`${dbPath}-wal`).size > 0);
    return hadData ? { problem: { reason: '数据库文件为空', detail: '文件长度为 0，但已有备份或日志，说明原有数据丢失' } } : { problem: null, deferred: false };
  }
  let probe: Db | undefined;
  try {
    probe = new Database(dbPath, { readonly: true, fileMustExist: true });
    const version = probe.pragma('user_version', { simple: true }) as number; // reads the header
    probe.prepare(`SELECT count(*) FROM sqlite_master`).get(); // reads and parses the whole schema
    if (size > inlineCheckMaxBytes && version === latestVersion) return { problem: null, deferred: true };
    const check = checkConnection(probe, 'quick');
    return check.ok ? { problem: null, deferred: false } : { problem: { reason: '快速检查发现数据库损坏', detail: check.messages.slice(0, 5).join('；') } };
  } catch (e) {
    return { problem: { reason: '数据库文件无法打开', detail: e instanceof Error ? e.message : String(e) } };
  } finally {
    probe?.close();
  }
}
