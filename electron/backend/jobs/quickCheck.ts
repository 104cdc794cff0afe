import { jobEntry, spawnWorker } from './spawnWorker';

// The start-up integrity check (reliability bar D-05: `PRAGMA quick_check` on every start) without
// holding the start hostage: quick_check reads every page, ~1–3 s for a 700 MB county database,
// against a 300 ms start budget (bench P6). This runs it on a worker thread over its OWN read-only
// connection while the app is already answering; the caller enters read-only recovery mode
// (lifecycle.enterRecoveryAtRuntime) if the result is not ok, and writes the result to the audit log.

export interface QuickCheckResult {
  /** false when the check itself could not run (worker failed): no verdict on the database. */
  ran: boolean;
  ok: boolean;
  /** quick_check lines other than 'ok' (at most 100), or the open error. */
  messages: string[];
  ms: number;
}

export function quickCheckInBackground(dbPath: string): Promise<QuickCheckResult> {
  return new Promise((resolve) => {
    const started = performance.now();
    const worker = spawnWorker(jobEntry('quickCheck.worker'), { dbPath });
    let settled = false;
    const done = (r: Omit<QuickCheckResult, 'ms'>) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      resolve({ ...r, ms: Math.round(performance.now() - started) });
    };
    worker.once('message', (r: { ok: boolean; messages: string[] }) => done({ ran: true, ...r }));
    // A worker that cannot even start is no verdict on the database: ran=false, the caller logs it
    // (and may run the check inline) instead of declaring corruption.
    worker.once('error', (e) => done({ ran: false, ok: false, messages: [`完整性检查未能运行：${e.message}`] }));
    worker.once('exit', (code) => done({ ran: false, ok: false, messages: [`完整性检查意外结束（代码 ${code}）`] }));
  });
}
