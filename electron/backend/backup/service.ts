import { rmSync, statSync } from 'node:fs';
import type { BackupInfo, BackupReason, CheckResult } from '../../../shared/api/methods/backups';
import { BACKUP_REASON_LABELS } from '../../../shared/api/methods/backups';
import { selectBackupsToKeep } from '../../../shared/domain/backupRetention';
import { chinaDate } from '../../../shared/domain/chinaTime';
import { DomainError } from '../../../shared/domain/errors';
import type { BackendServices, Session } from '../context';
import type { Logger } from '../dispatch';
import { APP_VERSION } from '../handlers/system';
import { writeAudit } from '../journal';
import { backupInBackground } from '../jobs/quickCheck';
import { enterRecoveryAtRuntime, lifecycleOf, withMaintenanceLock } from '../lifecycle';
import { INLINE_CHECK_MAX_BYTES } from '../lifecycleProbe';
import { backupDirOf, deleteBackup, listBackups, removeStaleTemps, reserveBackupName, writeVerifiedBackup } from './store';
import { checkConnection } from './sqliteFile';

// The backup service the rest of the backend calls. Import and restore call createBackup
// before they change anything; createBackend calls recordStart once services exist, and starts
// runDailyBackup after it is ready (it does not wait for it).

type Auditor = Pick<Session, 'userId' | 'username'> | null;

function audit(services: BackendServices, who: Auditor, action: string, summary: string, entityId: string | null = null): void {
  if (services.readOnly) return; // recovery mode: the connection is a read-only view, nothing is recorded in it
  if (!services.db.open) return; // a background backup that finished after backend.close()
  const entity = action === 'backup' ? 'backup' : 'system';
  writeAudit(services.db, services.ids, services.clock.now().toISOString(), who, { action, entity, entityId, summary });
}

/**
 * A verified backup of the live database, taken now. A township-size file is checked
 * (integrity_check + foreign_key_check) and copied inline: copying a damaged database would only
 * hide the damage, so a failed check puts the app in recovery mode instead. A larger file (a county
 * database: ~25 s to check, as long again to copy and verify) is backed up on the worker the daily
 * backup uses, so the main thread keeps serving every other clerk meanwhile. Stable signature: the
 * import and restore use-cases call it.
 */
export async function createBackup(services: BackendServices, reason: BackupReason, who: Auditor = null, options: { onProgress?: (fraction: number) => void } = {}): Promise<BackupInfo> {
  if (lifecycleOf(services).recovery) {
    throw new DomainError('read_only', '数据库处于只读恢复模式，不能备份当前数据。请先从备份恢复。');
  }
  return withMaintenanceLock(services, async () => {
    if (!largeFile(services)) return backupInline(services, reason, who, options.onProgress);
    const info = await backupOnWorker(services, reason, who);
    options.onProgress?.(1);
    return info;
  });
}

function largeFile(services: BackendServices): boolean {
  const state = lifecycleOf(services);
  try {
    return statSync(state.dbPath).size > (state.inlineMaxBytes ?? INLINE_CHECK_MAX_BYTES);
  } catch {
    return false;
  }
}

/** createBackup's work, under the lock: check the live database, copy, verify, publish, audit, prune. */
async function backupInline(services: BackendServices, reason: BackupReason, who: Auditor, onProgress?: (fraction: number) => void, log?: Logger): Promise<BackupInfo> {
  const check = checkConnection(services.db, 'full');
  if (!check.ok) throw preBackupDamage(services, check, log);
  const info = await writeVerifiedBackup(services.db, backupDirOf(services.dataDir), { reason, now: services.clock.now(), appVersion: APP_VERSION, onProgress });
  return recordBackup(services, who, info);
}

function recordBackup(services: BackendServices, who: Auditor, info: BackupInfo): BackupInfo {
  audit(services, who, 'backup', `${BACKUP_REASON_LABELS[info.reason]}备份：${info.id}（校验通过）`, info.id);
  pruneBackups(services);
  return info;
}

/** A failed check of the live database before a backup: recovery mode, and the error to show. */
function preBackupDamage(services: BackendServices, check: { messages: string[]; foreignKeyProblems: number }, log?: Logger): DomainError {
  enterRecoveryAtRuntime(services, '备份前检查发现数据库损坏', check.messages.slice(0, 5).join('；') || `外键问题 ${check.foreignKeyProblems} 处`, log);
  return new DomainError('io', '备份前检查发现数据库损坏，已停止写入并进入只读恢复模式。请到“系统管理 → 备份与恢复”从备份恢复。');
}

/** Applies the retention rules (shared/domain/backupRetention.ts) to the backup folder. */
export function pruneBackups(services: BackendServices): string[] {
  const dir = backupDirOf(services.dataDir);
  const { prune } = selectBackupsToKeep(listBackups(dir), services.clock.now());
  for (const id of prune) deleteBackup(dir, id);
  return prune;
}

/** Reliability bar D-05: quick_check every start, integrity_check + foreign_key_check on demand. */
export function runSystemCheck(services: BackendServices, full: boolean, who: Auditor, log?: Logger): CheckResult {
  const mode = full ? 'full' : 'quick';
  const recovery = lifecycleOf(services).recovery;
  const checkedAt = services.clock.now().toISOString();
  if (recovery) {
    // The connection is the recovery view; report the damage that put us here.
    return { ok: false, mode, messages: [`${recovery.reason}：${recovery.detail}`], foreignKeyProblems: 0, checkedAt };
  }
  const check = checkConnection(services.db, mode);
  if (!check.ok) {
    const detail = check.messages.slice(0, 5).join('；') || `外键问题 ${check.foreignKeyProblems} 处`;
    audit(services, who, 'system_check', `数据库${full ? '完整性' : '快速'}检查未通过：${detail.slice(0, 300)}`);
    if (check.messages.length) enterRecoveryAtRuntime(services, '数据库检查发现损坏', detail, log);
  } else {
    audit(services, who, 'system_check', `数据库${full ? '完整性检查与外键' : '快速'}检查通过`);
  }
  return { ...check, mode, checkedAt };
}

/**
 * Once per start, before createBackend returns (cheap): clear temp files of interrupted backups
 * and record the start with its quick_check (or that the check runs in the background).
 */
export function recordStart(services: BackendServices): void {
  const state = lifecycleOf(services);
  if (state.recovery) return;
  removeStaleTemps(backupDirOf(services.dataDir));
  const check = state.startupCheck;
  const checkText = check === 'deferred' ? '，快速检查在后台进行' : check ? `，快速检查${check.ok ? '通过' : '未通过'}` : '';
  audit(services, null, 'app_start', `程序启动（版本 ${APP_VERSION}）${checkText}`);
}

/** The first start of a (China) day takes a backup. A new, empty register has nothing to lose. */
function dailyBackupDue(services: BackendServices): boolean {
  if (lifecycleOf(services).recovery || !services.db.open) return false;
  const today = chinaDate(services.clock.now());
  if (listBackups(backupDirOf(services.dataDir)).some((b) => chinaDate(b.createdAt) === today)) return false;
  return (services.db.prepare(`SELECT EXISTS (SELECT 1 FROM households) AS found`).get() as { found: number }).found === 1;
}

class BackupCancelled extends Error {
  constructor() {
    super('daily backup cancelled');
  }
}

/**
 * The day's first backup, started by createBackend AFTER it is ready (≈ 40 s at county scale).
 * Same guarantees as createBackup — a copy only published once it passed integrity_check +
 * foreign_key_check, damage → recovery mode — but made on a worker (jobs/quickCheck.ts) so the
 * main thread keeps answering. One difference, on purpose: the live file is not checked BEFORE
 * the copy (another ≈ 25 s of reading at county scale); the copy is a page-for-page snapshot of it,
 * so its check is the live file's check, and only a failed copy makes the worker check the live
 * file (to tell damage from a bad copy). Holds the maintenance lock throughout, so it never
 * overlaps another backup or a restore; it gives way to one somebody asks for, and stops when
 * `signal` aborts (backend.close). A cancelled or failed run leaves no final-named file and is
 * only logged (failures as errors, as before): the next start takes it.
 */
export async function runDailyBackup(services: BackendServices, log: Logger, signal: AbortSignal): Promise<BackupInfo | null> {
  const own = new AbortController();
  const stop = () => own.abort();
  signal.addEventListener('abort', stop, { once: true });
  try {
    if (signal.aborted || !dailyBackupDue(services)) return null;
    if (lifecycleOf(services).busy) {
      log.warn('daily backup skipped: a backup or restore is already running');
      return null;
    }
    return await withMaintenanceLock(services, () => takeDailyBackup(services, own.signal, log), { cancel: stop });
  } catch (e) {
    if (own.signal.aborted && e instanceof BackupCancelled) log.warn('daily backup cancelled (backend closed, or a backup/restore somebody asked for came first); the next start takes it');
    else log.error('daily backup failed', e);
    return null;
  } finally {
    signal.removeEventListener('abort', stop);
  }
}

async function takeDailyBackup(services: BackendServices, signal: AbortSignal, log: Logger): Promise<BackupInfo> {
  return backupOnWorker(services, 'daily', null, signal, log);
}

/**
 * The backup made on a worker (jobs/quickCheck.ts): a one-step snapshot of the live file, checked
 * there, published only if it passes. The live file is not checked BEFORE the copy (another ≈ 25 s
 * of reading at county scale): the copy is a page-for-page snapshot of it, so its check is the live
 * file's check, and only a failed copy makes the worker check the live file (damage or a bad copy).
 * Falls back to the inline backup when no worker can run.
 */
async function backupOnWorker(services: BackendServices, reason: BackupReason, who: Auditor, signal?: AbortSignal, log?: Logger): Promise<BackupInfo> {
  const now = services.clock.now();
  const { tmp, final } = reserveBackupName(backupDirOf(services.dataDir), now, reason);
  const r = await backupInBackground(lifecycleOf(services).dbPath, tmp, final, { reason, now, appVersion: APP_VERSION, signal });
  if (!r.ran) {
    rmSync(tmp, { force: true });
    if (signal?.aborted) throw new BackupCancelled();
    log?.warn(`background backup did not run (${r.why}); backing up inline`);
    return backupInline(services, reason, who, undefined, log);
  }
  if ('cancelled' in r) throw new BackupCancelled();
  if ('damaged' in r) throw preBackupDamage(services, r.damaged, log);
  if ('error' in r) throw new DomainError('io', r.error);
  return recordBackup(services, who, r.info);
}
