import { checkConnection } from './backup/sqliteFile';
import type { BackendServices } from './context';
import type { Logger } from './dispatch';
import { quickCheckInBackground } from './jobs/quickCheck';
import { writeAudit } from './journal';
import { enterRecoveryAtRuntime, lifecycleOf, type OpenedDatabase } from './lifecycle';

// The start-up integrity verdict (split from lifecycle.ts). Small files were quick_checked before
// the start (lifecycleProbe.ts) and their verdict is known at once; a large file's quick_check runs
// here on a worker while the app already answers, and a failure switches the running backend to
// the same read-only recovery mode (and quarantine copy) as system.check finding damage does.

export interface IntegrityVerdict {
  /**
   * ok / damaged (now in recovery mode) / recovery (was damaged at start: the recovery view) /
   * cancelled (backend closed or database swapped before the worker answered).
   */
  status: 'ok' | 'damaged' | 'recovery' | 'cancelled';
  /** inline: before the start (small file); background: on the worker after it. */
  mode: 'inline' | 'background';
  messages: string[];
  /** How long the background check took (0 inline: it is part of the start). */
  ms: number;
}

/** The verdict on the file opened by openOfficeDatabase; never rejects. */
export async function verifyStartupIntegrity(services: BackendServices, opened: OpenedDatabase, log: Logger, signal: AbortSignal): Promise<IntegrityVerdict> {
  if (opened.recovery) return { status: 'recovery', mode: 'inline', messages: [`${opened.recovery.reason}：${opened.recovery.detail}`], ms: 0 };
  if (opened.startupCheck !== 'deferred') return { status: 'ok', mode: 'inline', messages: [], ms: 0 };
  const state = lifecycleOf(services);
  const db = services.db;
  const result = await quickCheckInBackground(state.dbPath, { signal });
  // Closed, or restored/swapped meanwhile: the verdict is about a connection nobody uses any more.
  if (result.cancelled || signal.aborted || services.db !== db || !db.open) return { status: 'cancelled', mode: 'background', messages: result.messages, ms: result.ms };
  let check = { ok: result.ok, messages: result.messages };
  if (!result.ran) {
    // No verdict from the worker: D-05 still wants one, so the check runs here, once, blocking.
    log.error(`background quick_check did not run (${result.messages.join('；')}); checking inline`);
    check = checkConnection(db, 'quick');
  }
  return settleVerdict(services, check, result.ms, log);
}

function settleVerdict(services: BackendServices, check: { ok: boolean; messages: string[] }, ms: number, log: Logger): IntegrityVerdict {
  const state = lifecycleOf(services);
  if (state.recovery) return { status: 'damaged', mode: 'background', messages: check.messages, ms }; // system.check got there first
  const detail = check.messages.slice(0, 5).join('；') || '快速检查未通过';
  recordCheck(services, check.ok ? `启动后台快速检查通过（用时 ${(ms / 1000).toFixed(1)} 秒）` : `启动后台快速检查未通过：${detail.slice(0, 300)}`, log);
  if (check.ok) {
    state.integrity = 'ok';
    return { status: 'ok', mode: 'background', messages: [], ms };
  }
  state.integrity = 'damaged';
  enterRecoveryAtRuntime(services, '启动后台快速检查发现数据库损坏', detail, log);
  return { status: 'damaged', mode: 'background', messages: check.messages, ms };
}

/** The audit row of the verdict; a database too damaged to take it must not stop recovery mode. */
function recordCheck(services: BackendServices, summary: string, log: Logger): void {
  try {
    writeAudit(services.db, services.ids, services.clock.now().toISOString(), null, { action: 'system_check', entity: 'system', summary });
  } catch (e) {
    log.warn(`could not audit the start-up check: ${e instanceof Error ? e.message : String(e)}`);
  }
}
