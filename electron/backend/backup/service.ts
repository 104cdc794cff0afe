import type { BackupInfo, BackupReason, CheckResult } from '../../../shared/api/methods/backups';
import { BACKUP_REASON_LABELS } from '../../../shared/api/methods/backups';
import { selectBackupsToKeep } from '../../../shared/domain/backupRetention';
import { chinaDate } from '../../../shared/domain/chinaTime';
import { DomainError } from '../../../shared/domain/errors';
import type { BackendServices, Session } from '../context';
import type { Logger } from '../dispatch';
import { APP_VERSION } from '../handlers/system';
import { writeAudit } from '../journal';
import { enterRecoveryAtRuntime, lifecycleOf, withMaintenanceLock } from '../lifecycle';
import { backupDirOf, deleteBackup, listBackups, removeStaleTemps, writeVerifiedBackup } from './store';
import { checkConnection } from './sqliteFile';

// The backup service the rest of the backend calls. Import and restore call createBackup
// before they change anything; createBackend calls runStartupMaintenance once services exist.

type Auditor = Pick<Session, 'userId' | 'username'> | null;

function audit(services: BackendServices, who: Auditor, action: string, summary: string, entityId: string | null = null): void {
  if (services.readOnly) return; // recovery mode: the connection is a read-only view, nothing is recorded in it
  const entity = action === 'backup' ? 'backup' : 'system';
  writeAudit(services.db, services.ids, services.clock.now().toISOString(), who, { action, entity, entityId, summary });
}

/**
 * A verified backup of the live database, taken now. integrity_check + foreign_key_check of the
 * live database come first: copying a damaged database would only hide the damage, so a failed
 * check puts the app in recovery mode instead. Stable signature: the import use-case calls it.
 */
export async function createBackup(services: BackendServices, reason: BackupReason, who: Auditor = null, options: { onProgress?: (fraction: number) => void } = {}): Promise<BackupInfo> {
  if (lifecycleOf(services).recovery) {
    throw new DomainError('read_only', '数据库处于只读恢复模式，不能备份当前数据。请先从备份恢复。');
  }
  return withMaintenanceLock(services, async () => {
    const check = checkConnection(services.db, 'full');
    if (!check.ok) {
      enterRecoveryAtRuntime(services, '备份前检查发现数据库损坏', check.messages.slice(0, 5).join('；') || `外键问题 ${check.foreignKeyProblems} 处`);
      throw new DomainError('io', '备份前检查发现数据库损坏，已停止写入并进入只读恢复模式。请到“系统管理 → 备份与恢复”从备份恢复。');
    }
    const info = await writeVerifiedBackup(services.db, backupDirOf(services.dataDir), { reason, now: services.clock.now(), appVersion: APP_VERSION, onProgress: options.onProgress });
    audit(services, who, 'backup', `${BACKUP_REASON_LABELS[reason]}备份：${info.id}（校验通过）`, info.id);
    pruneBackups(services);
    return info;
  });
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
 * Once per start, after createBackend built its services: record the start and its quick_check,
 * clear temp files of interrupted backups, take the day's first backup, apply retention.
 * A new, empty register has nothing to lose, so it is not backed up.
 */
export async function runStartupMaintenance(services: BackendServices, log?: Logger): Promise<BackupInfo | null> {
  const state = lifecycleOf(services);
  if (state.recovery) return null;
  const dir = backupDirOf(services.dataDir);
  removeStaleTemps(dir);
  const check = state.startupCheck;
  audit(services, null, 'app_start', `程序启动（版本 ${APP_VERSION}）${check ? `，快速检查${check.ok ? '通过' : '未通过'}` : ''}`);
  const today = chinaDate(services.clock.now());
  const hasToday = listBackups(dir).some((b) => chinaDate(b.createdAt) === today);
  const households = (services.db.prepare(`SELECT count(*) AS n FROM households`).get() as { n: number }).n;
  if (hasToday || households === 0) return null;
  try {
    return await createBackup(services, 'daily');
  } catch (e) {
    log?.error('daily backup failed', e);
    return null;
  }
}
