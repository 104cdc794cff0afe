import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { RecoveryInfo } from '../../shared/api/methods/backups';
import { DomainError } from '../../shared/domain/errors';
import { backupDirOf, backupPath, listBackups, writeVerifiedBackup } from './backup/store';
import { probeLiveFile, type Problem } from './lifecycleProbe';
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
// recreates one: the file is checked read-only first (lifecycleProbe.ts: quick_check inline for a
// small file, cheap header/schema checks for a large one whose quick_check then runs on a worker,
// lifecycleIntegrity.ts); if it cannot be opened or the check fails, db+wal+shm are copied to
// quarantine/ and the backend runs in read-only recovery mode on an IN-MEMORY copy of the newest
// good backup (or an empty schema if there is none), so people can log in, look things up and
// restore. The damaged file itself is never written.

export interface OpenOptions {
  dbPath: string;
  dataDir: string;
  migrationsDir?: string;
  clock: Clock;
  log: Logger;
  /** Files above this size are quick_checked on a worker after the start (lifecycleProbe.ts). */
  inlineCheckMaxBytes?: number;
}

export type StartupCheck = { ok: boolean; messages: string[] } | 'deferred';

export interface OpenedDatabase {
  db: Db;
  recovery: RecoveryInfo | null;
  /** quick_check result of the start, or 'deferred' to the worker (audited by recordStart). */
  startupCheck: StartupCheck;
  migrated: number[];
}

/** The start-up verdict on the live file: 'pending' while the worker's quick_check runs. */
export type IntegrityState = 'pending' | 'ok' | 'damaged';

/** Who holds the maintenance lock; `cancel` is set when the holder gives way (the daily backup). */
interface LockHolder {
  cancel: (() => void) | null;
  released: Promise<void>;
}

interface LifecycleState {
  dbPath: string;
  migrationsDir?: string;
  /** Files above this size are checked and backed up on a worker (lifecycleProbe's INLINE_CHECK_MAX_BYTES unless a test sets it). */
  inlineMaxBytes?: number;
  recovery: RecoveryInfo | null;
  startupCheck: StartupCheck | null;
  integrity: IntegrityState;
  busy: boolean;
  holder: LockHolder | null;
}

const states = new WeakMap<BackendServices, LifecycleState>();

/** Opens the office database for createBackend: live and migrated, or a recovery view. */
export async function openOfficeDatabase(o: OpenOptions): Promise<OpenedDatabase> {
  const migrations = loadMigrations(o.migrationsDir);
  const probe = probeLiveFile(o.dbPath, o.dataDir, migrations.length, o.inlineCheckMaxBytes);
  if (probe.problem) return enterRecovery(o, migrations, probe.problem);
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
  return { db, recovery: null, startupCheck: probe.deferred ? 'deferred' : { ok: true, messages: [] }, migrated };
}

function enterRecovery(o: OpenOptions, migrations: Migration[], problem: Problem): OpenedDatabase {
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
export function attachLifecycle(services: BackendServices, opened: OpenedDatabase, dbPath: string, migrationsDir?: string, inlineMaxBytes?: number): void {
  const integrity: IntegrityState = opened.startupCheck === 'deferred' ? 'pending' : opened.startupCheck.ok ? 'ok' : 'damaged';
  states.set(services, { dbPath, migrationsDir, inlineMaxBytes, recovery: opened.recovery, startupCheck: opened.startupCheck, integrity, busy: false, holder: null });
  services.readOnly = opened.recovery !== null;
}

/** The lifecycle state; a backend created without attachLifecycle gets the defaults of index.ts. */
export function lifecycleOf(services: BackendServices): LifecycleState {
  let state = states.get(services);
  if (!state) {
    // 'guardline.db' = DB_FILE in index.ts (not imported: index.ts imports this module).
    state = { dbPath: join(services.dataDir, 'guardline.db'), recovery: null, startupCheck: null, integrity: 'ok', busy: false, holder: null };
    states.set(services, state);
  }
  return state;
}

export const migrationsFor = (services: BackendServices): Migration[] => loadMigrations(lifecycleOf(services).migrationsDir);

/**
 * Runtime corruption (system.check, a failed pre-backup check, the start-up check on the worker):
 * quarantine and stop writing. The connection stays the live one (reads of intact pages still
 * work; dispatch refuses writes on services.readOnly). The event tells open windows to re-read
 * system.health / backups.list, where the recovery banner comes from.
 */
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
  log?.error(`database problem, switched to read-only recovery mode: ${reason} ${detail}`);
  services.emit('data.changed', { entity: '*' });
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

/**
 * One backup/restore at a time: a second caller is told to wait rather than queued — except that a
 * holder started with `cancel` (the background daily backup) gives way: it is cancelled and, once
 * it has let go, the caller proceeds (its own backup then stands as the day's).
 */
export async function withMaintenanceLock<T>(services: BackendServices, fn: () => Promise<T>, options: { cancel?: () => void } = {}): Promise<T> {
  const state = lifecycleOf(services);
  const holder = state.holder;
  if (state.busy && holder?.cancel) {
    holder.cancel();
    await holder.released;
  }
  if (state.busy) throw new DomainError('conflict', '正在进行备份或恢复，请等当前操作完成后再试。');
  state.busy = true;
  let release = () => {};
  state.holder = { cancel: options.cancel ?? null, released: new Promise<void>((r) => (release = r)) };
  try {
    return await fn();
  } finally {
    state.busy = false;
    state.holder = null;
    release();
  }
}
