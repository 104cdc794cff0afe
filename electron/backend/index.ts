import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BackendEvents, EventName } from '../../shared/api/events';
import type { BackupInfo } from '../../shared/api/methods/backups';
import type { Result } from '../../shared/api/result';
import { parseProfile, type Profile } from '../../shared/domain/profile';
import { authenticate } from './auth/sessions';
import type { BackendServices, Session } from './context';
import { closeDatabase, type Db } from './db/connection';
import { dispatch, type Logger } from './dispatch';
import { FileStore } from './files';
import { allHandlers } from './handlers/index';
import { PROFILE_KEY } from './handlers/settings';
import { getSetting, putSetting } from './repos/settings';
import { ensureFirstAdmin } from './bootstrap';
import { attachLifecycle, openOfficeDatabase } from './lifecycle';
import { verifyStartupIntegrity, type IntegrityVerdict } from './lifecycleIntegrity';
import { recordStart, runDailyBackup } from './backup/service';
import { systemClock, uuidIds, type Clock, type Ids } from './runtime';

export interface BackendOptions {
  dataDir: string;
  clock?: Clock;
  ids?: Ids;
  /** Registers test-only methods (moving the clock). Never on in production. */
  testMode?: boolean;
  log?: Logger;
  migrationsDir?: string;
  /** Creates user `admin` with this password when the database has no users yet. */
  adminPassword?: string;
  /**
   * Database files above this size are quick_checked on a worker after the start instead of
   * before it (lifecycleProbe.ts explains the 64 MB default). Tests set 0 to force the worker path.
   */
  inlineCheckMaxBytes?: number;
}

export interface Backend {
  dispatch(method: string, input: unknown, session: Session | null): Promise<Result<unknown>>;
  /** Resolves a bearer token to its session (idle timeout enforced), or null. */
  authenticate(token: string | null | undefined): Session | null;
  on<E extends EventName>(event: E, listener: (payload: BackendEvents[E]) => void): () => void;
  readonly services: BackendServices;
  readonly dbPath: string;
  /**
   * The start-up integrity verdict. Settled at once for a small file (checked before the start);
   * for a large one when the worker's quick_check is done — 'damaged' means the backend has just
   * switched to read-only recovery mode. Never rejects.
   */
  readonly integrity: Promise<IntegrityVerdict>;
  /**
   * Work started after the start: the day's first backup (null when none was due, or it failed or
   * was cancelled — failures are logged). Runs after a good integrity verdict. Never rejects.
   */
  readonly maintenance: Promise<BackupInfo | null>;
  /**
   * Synchronous: cancels the background check and the daily backup (an unfinished copy is deleted,
   * never left final-named), then checkpoints and closes the database.
   */
  close(): void;
}

export const DB_FILE = 'guardline.db';

const consoleLog: Logger = {
  error: (m, e) => console.error(`[guardline] ${m}`, e ?? ''),
  warn: (m) => console.warn(`[guardline] ${m}`),
};

/**
 * Opens (or creates) the office database under `dataDir` and returns the one dispatch every
 * transport uses. Async only because the pre-migration backup uses SQLite's online backup API.
 * Resolves as soon as the backend can answer; `integrity` and `maintenance` follow.
 */
export async function createBackend(options: BackendOptions): Promise<Backend> {
  const log = options.log ?? consoleLog;
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? uuidIds;
  mkdirSync(options.dataDir, { recursive: true });
  const dbPath = join(options.dataDir, DB_FILE);
  // Opens, checks (quick_check inline for a small file, cheap checks for a large one), backs up
  // before migrating, migrates — or enters read-only recovery on a damaged file (lifecycle.ts).
  // A database from a newer version is refused outright.
  const opened = await openOfficeDatabase({ dbPath, dataDir: options.dataDir, migrationsDir: options.migrationsDir, clock, log, inlineCheckMaxBytes: options.inlineCheckMaxBytes });
  const db = opened.db;
  const events = new EventEmitter();
  events.setMaxListeners(100);
  let profileCache: Profile | undefined;
  const services: BackendServices = {
    db,
    clock,
    ids,
    dataDir: options.dataDir,
    workstationId: ensureWorkstationId(db, ids, clock),
    files: new FileStore(db, ids, options.dataDir),
    emit: (event, payload) => events.emit(event, payload),
    profile: () => (profileCache ??= loadProfile(services.db, log)),
    invalidateSettings: () => {
      profileCache = undefined;
    },
    testMode: options.testMode ?? false,
    readOnly: false,
  };
  attachLifecycle(services, opened, dbPath, options.migrationsDir, options.inlineCheckMaxBytes);
  if (options.adminPassword && !services.readOnly) ensureFirstAdmin(services, options.adminPassword, { mustChange: !services.testMode });
  recordStart(services); // start audit row, stale backup temps
  // Not awaited: the start does not wait for the large file's quick_check nor for the daily backup
  // (≈ 1.5 s and ≈ 40 s at county scale). The backup waits for a good verdict: no copy of a file
  // about to be declared damaged, and not two full-file readers at once on a 2-core office PC.
  const background = new AbortController();
  const integrity = verifyStartupIntegrity(services, opened, log, background.signal).catch((e: unknown): IntegrityVerdict => {
    log.error('start-up integrity verdict failed', e); // e.g. an event listener threw: nothing to decide on
    return { status: 'cancelled', mode: 'background', messages: [e instanceof Error ? e.message : String(e)], ms: 0 };
  });
  const maintenance = integrity.then((v) => (v.status === 'ok' ? runDailyBackup(services, log, background.signal) : null));
  const handlers = allHandlers();
  return {
    dispatch: (method, input, session) => dispatch(services, handlers, log, method, input, session),
    authenticate: (token) => authenticate(services, token),
    on: (event, listener) => {
      events.on(event, listener);
      return () => events.off(event, listener);
    },
    services,
    dbPath,
    integrity,
    maintenance,
    close: () => {
      background.abort();
      closeDatabase(services.db);
    },
  };
}

function ensureWorkstationId(db: Db, ids: Ids, clock: Clock): string {
  const existing = getSetting<string>(db, 'workstation_id');
  if (existing) return existing;
  const id = ids.newId();
  putSetting(db, 'workstation_id', id, clock.now().toISOString(), null);
  return id;
}

/** The stored profile merged over the seed; a broken stored profile falls back to the seed, loudly. */
function loadProfile(db: Db, log: Logger): Profile {
  const stored = getSetting<unknown>(db, PROFILE_KEY);
  try {
    return parseProfile(stored ?? {});
  } catch (e) {
    log.error('stored 地方口径 profile is invalid; using the seed profile until it is fixed', e);
    return parseProfile({});
  }
}
