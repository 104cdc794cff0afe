import type { BackupInfo, BackupReason } from '../../../shared/api/methods/backups';
import { jobEntry, spawnWorker } from './spawnWorker';

// Database work off the main thread. At county scale (≈ 700–900 MB) quick_check reads every page
// (≈ 1–1.5 s), integrity_check takes ≈ 20–25 s and a backup copy several seconds; run inline they
// would hold the start (bench P6, 300 ms budget) and then every request hostage. Here they run on
// a worker thread over its OWN read-only connection while the app answers. The callers decide
// what a result means (lifecycleIntegrity.ts: the start-up check → recovery mode; backup/service.ts:
// the daily backup). A worker that cannot start or crashes is NO verdict (ran=false): callers fall
// back to the inline code, and never declare corruption because of it.

export type DbJob =
  | { kind: 'check'; dbPath: string; mode: 'quick' | 'full' }
  | { kind: 'backup'; dbPath: string; tmp: string; final: string; reason: BackupReason; nowIso: string; appVersion: string; cancel: SharedArrayBuffer };

export type DbJobReply =
  | { kind: 'check'; ok: boolean; messages: string[]; foreignKeyProblems: number }
  | { kind: 'backup'; info?: BackupInfo; cancelled?: true; damaged?: { messages: string[]; foreignKeyProblems: number }; error?: string };

export interface QuickCheckResult {
  /** false when the check itself did not run to the end (worker failed or cancelled): no verdict. */
  ran: boolean;
  /** true when ran=false because the caller aborted (backend closing). */
  cancelled: boolean;
  ok: boolean;
  /** check lines other than 'ok' (at most 100), or the open error, or why it did not run. */
  messages: string[];
  foreignKeyProblems: number;
  ms: number;
}

type Outcome = { ran: true; reply: DbJobReply } | { ran: false; cancelled: boolean; why: string };

/**
 * Runs one job on a fresh worker; never rejects. On abort, `onAbort` decides: terminate (a
 * read-only check: nothing to lose) or ask the worker to stop at its next safe point (a backup).
 */
function runDbJob(job: DbJob, signal: AbortSignal | undefined, abortBy: 'terminate' | 'flag'): Promise<Outcome> {
  if (signal?.aborted && abortBy === 'terminate') return Promise.resolve({ ran: false, cancelled: true, why: '已取消' });
  return new Promise((resolve) => {
    let worker: ReturnType<typeof spawnWorker>;
    try {
      worker = spawnWorker(jobEntry('quickCheck.worker'), job);
    } catch (e) {
      resolve({ ran: false, cancelled: false, why: `后台任务未能启动：${e instanceof Error ? e.message : String(e)}` });
      return;
    }
    let settled = false;
    const done = (o: Outcome) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      resolve(o);
    };
    const onAbort = () => {
      if (abortBy === 'terminate') done({ ran: false, cancelled: true, why: '已取消' });
      else if (job.kind === 'backup') Atomics.store(new Int32Array(job.cancel), 0, 1);
    };
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
    worker.once('message', (reply: DbJobReply) => done({ ran: true, reply }));
    worker.once('error', (e) => done({ ran: false, cancelled: false, why: `后台任务未能运行：${e.message}` }));
    worker.once('exit', (code) => done({ ran: false, cancelled: false, why: `后台任务意外结束（代码 ${code}）` }));
  });
}

/** quick_check (default) or integrity_check + foreign_key_check of a database file, on a worker. */
export async function quickCheckInBackground(dbPath: string, options: { mode?: 'quick' | 'full'; signal?: AbortSignal } = {}): Promise<QuickCheckResult> {
  const started = performance.now();
  const outcome = await runDbJob({ kind: 'check', dbPath, mode: options.mode ?? 'quick' }, options.signal, 'terminate');
  const ms = Math.round(performance.now() - started);
  if (!outcome.ran || outcome.reply.kind !== 'check') {
    const why = outcome.ran ? '后台检查返回了意外的结果' : outcome.why;
    return { ran: false, cancelled: !outcome.ran && outcome.cancelled, ok: false, messages: [why], foreignKeyProblems: 0, ms };
  }
  const { ok, messages, foreignKeyProblems } = outcome.reply;
  return { ran: true, cancelled: false, ok, messages, foreignKeyProblems, ms };
}

export type BackupJobResult =
  | { ran: true; info: BackupInfo }
  | { ran: true; cancelled: true }
  | { ran: true; damaged: { messages: string[]; foreignKeyProblems: number } }
  | { ran: true; error: string }
  | { ran: false; why: string };

/**
 * A verified backup of the live file at `dbPath`, made on a worker: one-step online copy to `tmp`,
 * then store.publishBackupFile (check, fsync, rename to `final`, manifest). An abort is honoured
 * before the copy and between copy and publish (the .tmp is deleted), never during publishing:
 * stopping between the rename and the manifest would leave an unlisted final file. A killed
 * process leaves what a kill always leaves: a .tmp (removed at the next start) or a verified file.
 */
export async function backupInBackground(dbPath: string, tmp: string, final: string, options: { reason: BackupReason; now: Date; appVersion: string; signal?: AbortSignal }): Promise<BackupJobResult> {
  const job: DbJob = { kind: 'backup', dbPath, tmp, final, reason: options.reason, nowIso: options.now.toISOString(), appVersion: options.appVersion, cancel: new SharedArrayBuffer(4) };
  const outcome = await runDbJob(job, options.signal, 'flag');
  if (!outcome.ran) return { ran: false, why: outcome.why };
  const r = outcome.reply;
  if (r.kind !== 'backup') return { ran: false, why: '后台备份返回了意外的结果' };
  if (r.info) return { ran: true, info: r.info };
  if (r.cancelled) return { ran: true, cancelled: true };
  if (r.damaged) return { ran: true, damaged: r.damaged };
  return { ran: true, error: r.error ?? '未知错误' };
}
