import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { RecoveryInfo } from '../../shared/api/methods/backups';
import { DomainError } from '../../shared/domain/errors';
import { backupDirOf, backupPath, listBackups, writeVerifiedBackup } from './backup/store';
import { quarantineDatabase } from './backup/quarantine';
import { checkConnection, openInMemoryCopy } from './backup/sqliteFile';
import type { BackendServices } from './context';
import { closeDatabase, openDatabase, type Db } from './db/connection';
import { applyMigrations, assertNotNewer, loadMigrations, pendingMigrations, schemaVersion, type Migration } from './db/migrate';
import type { Logger } from './dispatch';
import { FileStore } from './files';
import { APP_VERSION } from './handlers/system';
import type { Clock } from './runtime';
import { PROFILE_KEY } from './handlers/settings';
import { getSetting } from './repos/settings';
import { parseProfile, type Profile } from '../../shared/domain/profile';

// How the live database is opened, and swapped. Start-up never crashes on a damaged file and never
// recreates one: the file is checked read-only first (quick_check); if it cannot be opened or the
// check fails, db+wal+shm are copied to quarantine/ and the backend runs in read-only recovery
// mode on an IN-MEMORY copy of the newest good backup (or an empty schema if there is none), so
// people can log in, look things up and restore. The damaged file itself is never written.

export interface OpenOptions {
  dbPath: string;
  dataDir: string;
  migrationsDir?: string;
  clock: Clock;
  log: Logger;
}

export interface OpenedDatabase {
  db: Db;
  recovery: RecoveryInfo | null;
  /** quick_check result of the start (written to the audit log by runStartupMaintenance). */
  startupCheck: { ok: boolean; messages: string[] };
  migrated: number[];
}

interface LifecycleState {
  dbPath: string;
  migrationsDir?: string;
  recovery: RecoveryInfo | null;
  startupCheck: { ok: boolean; messages: string[] } | null;
  busy: boolean;
}

const states = new WeakMap<BackendServices, LifecycleState>();

/** Opens the office database for createBackend: live and migrated, or a recovery view. */
export async function openOfficeDatabase(o: OpenOptions): Promise<OpenedDatabase> {
  const migrations = loadMigrations(o.migrationsDir);
  const problem = probeLiveFile(o.dbPath, o.dataDir);
  if (problem) return enterRecovery(o, migrations, problem);
  const db = openDatabase(o.dbPath);
  let migrated: number[];
  try {
    assertNotNewer(db, migrations); // a newer database is refused outright, never touched
    if (pendingMigrations(db, migrations).length && schemaVersion(db) > 0) {
      await writeVerifiedBackup(db, backupDirOf(o.dataDir), { reason: 'pre-migration', now: o.clock.now(), appVersion: APP_VERSION });
    }
    migrated = applyMigrations(db, migrations);
  } catch (e) {
    closeDatabase(db);
    throw e;
  }
  if (migrated.length) {
    // Reliability bar M-01: a migration must leave a whole, consistent database.
    const after = checkConnection(db, 'full');
    if (!after.ok) {
      closeDatabase(db);
      return enterRecovery(o, migrations, { reason: '升级数据结构后检查未通过', detail: after.messages.slice(0, 5).join('；') || '外键检查发现问题' });
    }
    db.pragma('optimize');
  }
  return { db, recovery: null, startupCheck: { ok: true, messages: [] }, migrated };
}

/**
 * Checks the file with a READ-ONLY connection, which can neither checkpoint nor rewrite the file.
 * Returns a problem, or null when the file is fine or is a new install.
 */
function probeLiveFile(dbPath: string, dataDir: string): { reason: string; detail: string } | null {
  if (!existsSync(dbPath)) {
    // No database but a WAL, or backups, means one existed: do not silently start an empty one.
    if (existsSync(`${dbPath}-wal`) && statSync(`${dbPath}-wal`).size > 0) return { reason: '数据库文件丢失', detail: '只剩下 -wal 日志文件' };
    return null;
  }
  const size = statSync(dbPath).size;
  if (size === 0) {
    const hadData = listBackups(backupDirOf(dataDir)).length > 0 || (existsSync(`${dbPath}-wal`) && statSync(`${dbPath}-wal`).size > 0);
    return hadData ? { reason: '数据库文件为空', detail: '文件长度为 0，但已有备份或日志，说明原有数据丢失' } : null;
  }
  let probe: Db | undefined;
  try {
    probe = new Database(dbPath, { readonly: true, fileMustExist: true });
    const check = checkConnection(probe, 'quick');
    return check.ok ? null : { reason: '快速检查发现数据库损坏', detail: check.messages.slice(0, 5).join('；') };
  } catch (e) {
    return { reason: '数据库文件无法打开', detail: e instanceof Error ? e.message : String(e) };
  } finally {
    probe?.close();
  }
}

function enterRecovery(o: OpenOptions, migrations: Migration[], problem: { reason: string; detail: string }): OpenedDatabase {
  const now = o.clock.now();
  let quarantineDir: string | null = null;
  try {
    quarantineDir = quarantineDatabase(o.dbPath, o.dataDir, now, `${problem.reason}：${problem.detail}`);
  } catch (e) {
    o.log.error('could not copy the damaged database to quarantine (the original is left untouched)', e);
  }
  o.log.error(`database problem, starting in read-only recovery mode: ${problem.reason} ${problem.detail}`);
  const { db, viewingBackup } = openRecoveryView(o.dataDir, migrations, o.log);
  return {
    db,
    recovery: { reason: problem.reason, detail: problem.detail, quarantineDir, since: now.toISOString(), viewingBackup },
    startupCheck: { ok: false, messages: [problem.detail] },
    migrated: [],
  };
}

/** The newest verified backup this program can read, loaded into memory; else an empty schema. */
function openRecoveryView(dataDir: string, migrations: Migration[], log: Logger): { db: Db; viewingBackup: string | null } {
  const dir = backupDirOf(dataDir);
  for (const b of listBackups(dir).filter((x) => x.schemaVersion <= migrations.length)) {
    try {
      const db = openInMemoryCopy(backupPath(dir, b.id));
      if (!checkConnection(db, 'quick').ok) {
        db.close();
        continue;
      }
      applyMigrations(db, migrations);
      return { db, viewingBackup: b.id };
    } catch (e) {
      log.warn(`backup ${b.id} could not be loaded for the recovery view: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  applyMigrations(db, migrations);
  return { db, viewingBackup: null };
}

/** Called by createBackend once services exist: remembers where the live file is and why we are read-only. */
export function attachLifecycle(services: BackendServices, opened: OpenedDatabase, dbPath: string, migrationsDir?: string): void {
  states.set(services, { dbPath, migrationsDir, recovery: opened.recovery, startupCheck: opened.startupCheck, busy: false });
  services.readOnly = opened.recovery !== null;
}

/** The lifecycle state; a backend created without attachLifecycle gets the defaults of index.ts. */
export function lifecycleOf(services: BackendServices): LifecycleState {
  let state = states.get(services);
  if (!state) {
    // 'guardline.db' = DB_FILE in index.ts (not imported: index.ts imports this module).
    state = { dbPath: join(services.dataDir, 'guardline.db'), recovery: null, startupCheck: null, busy: false };
    states.set(services, state);
  }
  return state;
}

export const migrationsFor = (services: BackendServices): Migration[] => loadMigrations(lifecycleOf(services).migrationsDir);

/** Runtime corruption (system.check, a failed pre-backup check): quarantine and stop writing. */
export function enterRecoveryAtRuntime(services: BackendServices, reason: string, detail: string, log?: Logger): RecoveryInfo {
  const state = lifecycleOf(services);
  const now = services.clock.now();
  let quarantineDir: string | null = null;
  try {
    quarantineDir = quarantineDatabase(state.dbPath, services.dataDir, now, `${reason}：${detail}`);
  } catch (e) {
    log?.error('could not copy the damaged database to quarantine', e);
  }
  state.recovery = { reason, detail, quarantineDir, since: now.toISOString(), viewingBackup: null };
  services.readOnly = true;
  return state.recovery;
}

/**
 * Replaces the connection every handler uses. Synchronous on purpose: no request can run between
 * closing the old connection and installing the new one. The FileStore holds the connection
 * too, so it is rebuilt; cached settings belong to the old database and are dropped.
 */
export function swapDatabase(services: BackendServices, next: Db): void {
  services.db = next;
  services.files = new FileStore(next, services.ids, services.dataDir);
  services.invalidateSettings();
  rebindProfile(services);
}

/**
 * createBackend's profile cache reads through the connection it was created with; after a swap
 * the profile must come from the new database. (Harmless once index.ts reads services.db.)
 */
function rebindProfile(services: BackendServices): void {
  let cache: Profile | undefined;
  services.profile = () => (cache ??= readProfile(services.db));
  services.invalidateSettings = () => {
    cache = undefined;
  };
}

function readProfile(db: Db): Profile {
  try {
    return parseProfile(getSetting<unknown>(db, PROFILE_KEY) ?? {});
  } catch {
    return parseProfile({}); // same fallback as createBackend: a broken stored profile → the seed
  }
}

export function leaveRecovery(services: BackendServices): void {
  lifecycleOf(services).recovery = null;
  services.readOnly = false;
}

/** One backup/restore at a time: a second caller is told to wait rather than queued. */
export async function withMaintenanceLock<T>(services: BackendServices, fn: () => Promise<T>): Promise<T> {
  const state = lifecycleOf(services);
  if (state.busy) throw new DomainError('conflict', '正在进行备份或恢复，请等当前操作完成后再试。');
  state.busy = true;
  try {
    return await fn();
  } finally {
    state.busy = false;
  }
}
