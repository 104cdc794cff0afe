import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { DomainError } from '../../../shared/domain/errors';
import { checkConnection } from '../backup/sqliteFile';
import type { DbJob, DbJobReply } from './quickCheck';

// quickCheck.ts's worker: the read-everything database work that must not hold the main thread
// (and so every request) hostage at county scale. Every connection here is its own; the live file
// is only ever opened READ-ONLY (it can neither be written nor checkpointed from here).
//   check:  quick_check(100), or integrity_check(100) + foreign_key_check.
//   backup: online copy of the live file to the .tmp in ONE step (a consistent WAL snapshot; the
//           app keeps writing meanwhile, and a multi-step copy from a second connection would
//           restart after every write), then store.publishBackupFile — integrity_check +
//           foreign_key_check of the copy, fsync, rename, manifest: the inline path's own code.

const ALL_PAGES = 0x7fffffff;

function check(dbPath: string, mode: 'quick' | 'full'): Extract<DbJobReply, { kind: 'check' }> {
  try {
    const db = new Database(dbPath, { readonly: true, fileMustExist: true });
    try {
      return { kind: 'check', ...checkConnection(db, mode) };
    } finally {
      db.close();
    }
  } catch (e) {
    return { kind: 'check', ok: false, messages: [messageOf(e)], foreignKeyProblems: 0 };
  }
}

async function backup(job: Extract<DbJob, { kind: 'backup' }>): Promise<DbJobReply> {
  const flag = new Int32Array(job.cancel);
  const cancelled = () => Atomics.load(flag, 0) !== 0;
  if (cancelled()) return { kind: 'backup', cancelled: true };
  try {
    const live = new Database(job.dbPath, { readonly: true, fileMustExist: true });
    try {
      await live.backup(job.tmp, { progress: () => ALL_PAGES });
    } finally {
      live.close();
    }
  } catch (e) {
    rmSync(job.tmp, { force: true });
    return { kind: 'backup', error: messageOf(e) };
  }
  // The last point at which a cancel is honoured: from here on the copy is published whole.
  if (cancelled()) {
    rmSync(job.tmp, { force: true });
    return { kind: 'backup', cancelled: true };
  }
  // Loaded only for this job: a start-up check need not load the backup store (and zod).
  const { publishBackupFile } = await import('../backup/store');
  try {
    return { kind: 'backup', info: publishBackupFile(job.tmp, job.final, { reason: job.reason, now: new Date(job.nowIso), appVersion: job.appVersion }) };
  } catch (e) {
    if (!(e instanceof DomainError)) return { kind: 'backup', error: messageOf(e) };
    // The copy failed its check. It holds the live file's pages, so the live file is most likely
    // damaged — but a bad write of the copy must not send a good database into recovery: look.
    const live = check(job.dbPath, 'full');
    return live.ok ? { kind: 'backup', error: e.message } : { kind: 'backup', damaged: { messages: live.messages, foreignKeyProblems: live.foreignKeyProblems } };
  }
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

const job = workerData as DbJob;
void (job.kind === 'backup' ? backup(job) : Promise.resolve(check(job.dbPath, job.mode))).then((reply) => parentPort!.postMessage(reply));
