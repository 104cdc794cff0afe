import Database from 'better-sqlite3';
import { copyFileSync, existsSync, renameSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BackupInfo } from '../../../shared/api/methods/backups';
import { BACKUP_REASON_LABELS } from '../../../shared/api/methods/backups';
import { chinaDateTime } from '../../../shared/domain/chinaTime';
import { DomainError } from '../../../shared/domain/errors';
import type { BackendServices, Session } from '../context';
import { closeDatabase, openDatabase, type Db } from '../db/connection';
import { applyMigrations, type Migration } from '../db/migrate';
import { writeAudit } from '../journal';
import { enterRecoveryAtRuntime, leaveRecovery, lifecycleOf, migrationsFor, swapDatabase, withMaintenanceLock } from '../lifecycle';
import { createBackup } from './service';
import { checkConnection, checkDatabaseFile, fsyncDir, fsyncFile } from './sqliteFile';
import { backupDirOf, backupPath, listBackups } from './store';

// Restore (reliability bar B-03): verify the chosen backup, snapshot the current database as a
// 'pre-restore' backup (that is the undo), prepare the copy beside the live file, then swap in
// one synchronous step. Killed at any point, the live path holds the old database or the whole
// new one: the copy is prepared under a temp name and published by rename.

export async function restoreBackup(services: BackendServices, id: string, who: Session): Promise<{ restored: BackupInfo; undoId: string | null }> {
  const dir = backupDirOf(services.dataDir);
  const source = backupPath(dir, id);
  const info = listBackups(dir).find((b) => b.id === id);
  if (!info) throw new DomainError('not_found', '找不到该备份的记录，请刷新备份列表后重试。');
  const migrations = migrationsFor(services);
  const check = checkDatabaseFile(source);
  if (!check.ok) throw new DomainError('io', `该备份文件已损坏（${check.messages.slice(0, 2).join('；')}），不能用于恢复。请选择其他备份。`);
  if (check.schemaVersion > migrations.length) {
    throw new DomainError('validation', `该备份来自更新版本的程序（数据结构版本 ${check.schemaVersion}，本程序支持到 ${migrations.length}），不能恢复。请先升级程序。`);
  }

  let undoId: string | null = null;
  if (!lifecycleOf(services).recovery) {
    try {
      undoId = (await createBackup(services, 'pre-restore', who)).id;
    } catch (e) {
      // A live database that fails its check is now in recovery mode (quarantined): restoring is
      // exactly what is needed. Any other failure (disk full) stops here, before anything changed.
      if (!lifecycleOf(services).recovery) throw e;
    }
  }
  return withMaintenanceLock(services, async () => {
    const dbPath = lifecycleOf(services).dbPath;
    const prepared = prepareCopy(source, `${dbPath}.restore.tmp`, migrations, (db) => recordRestore(services, db, who, info, undoId));
    swapIn(services, prepared, dbPath);
    services.emit('data.changed', { entity: '*' });
    return { restored: info, undoId };
  });
}

/**
 * Copies the backup to `tmp`, brings it to this program's schema, and clears its sessions: a
 * token that was logged out after the backup was taken must not come back to life.
 */
function prepareCopy(source: string, tmp: string, migrations: Migration[], record: (db: Db) => void): string {
  removeSet(tmp);
  copyFileSync(source, tmp);
  const db = openDatabase(tmp);
  try {
    applyMigrations(db, migrations);
    const check = checkConnection(db, 'full');
    if (!check.ok) throw new DomainError('io', `备份升级到当前版本后检查未通过（${check.messages.slice(0, 2).join('；')}），未恢复。`);
    db.transaction(() => {
      db.prepare(`DELETE FROM sessions`).run();
      record(db);
    })();
  } catch (e) {
    closeDatabase(db);
    removeSet(tmp);
    throw e;
  }
  closeDatabase(db);
  removeSet(tmp, ['-wal', '-shm']); // empty after the TRUNCATE checkpoint in closeDatabase
  fsyncFile(tmp);
  return tmp;
}

function recordRestore(services: BackendServices, db: Db, who: Session, info: BackupInfo, undoId: string | null): void {
  writeAudit(db, services.ids, services.clock.now().toISOString(), who, {
    action: 'restore',
    entity: 'backup',
    entityId: info.id,
    summary: `从备份恢复：${chinaDateTime(info.createdAt)}（${BACKUP_REASON_LABELS[info.reason]}）${undoId ? `；恢复前的数据已另存为 ${undoId}，可用它撤销本次恢复` : ''}`,
  });
}

/** The swap: close → publish by rename → reopen. No await, so no request runs in between. */
function swapIn(services: BackendServices, prepared: string, dbPath: string): void {
  services.readOnly = true;
  closeDatabase(services.db);
  try {
    removeSet(dbPath, ['-wal', '-shm']); // checkpointed and empty, or (recovery) quarantined already
    renameSync(prepared, dbPath);
    fsyncDir(dirname(dbPath));
    swapDatabase(services, openDatabase(dbPath));
    leaveRecovery(services);
  } catch (e) {
    fallBack(services, dbPath, e);
    throw new DomainError('io', '恢复没有完成，数据库保持恢复前的状态或已恢复的状态。请查看备份列表后重试。');
  }
}

/** After a failed swap, whatever is at dbPath is the old or the new database: serve it if it checks out. */
function fallBack(services: BackendServices, dbPath: string, cause: unknown): void {
  const wasRecovery = lifecycleOf(services).recovery !== null;
  try {
    const db = openDatabase(dbPath);
    if (!checkConnection(db, 'quick').ok) {
      closeDatabase(db);
      throw new Error('quick_check failed');
    }
    swapDatabase(services, db);
    if (!wasRecovery) services.readOnly = false;
  } catch {
    const empty = new Database(':memory:');
    applyMigrations(empty, migrationsFor(services));
    swapDatabase(services, empty);
    enterRecoveryAtRuntime(services, '恢复过程中断', cause instanceof Error ? cause.message : String(cause));
  }
}

function removeSet(path: string, suffixes = ['', '-wal', '-shm', '-journal']): void {
  for (const s of suffixes) if (existsSync(`${path}${s}`)) unlinkSync(`${path}${s}`);
}
