import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DomainError } from '../../../shared/domain/errors';
import type { Db } from './connection';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Where the numbered .sql files live; the Electron build copies them beside its bundle. */
export const DEFAULT_MIGRATIONS_DIR = process.env.GUARDLINE_MIGRATIONS_DIR ?? fileURLToPath(new URL('./migrations', import.meta.url));

/** Reads NNNN_name.sql files; numbers must run 1,2,3… with no gap so a missing file is caught at start. */
export function loadMigrations(dir = DEFAULT_MIGRATIONS_DIR): Migration[] {
  const files = readdirSync(dir).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
  return files.map((file, i) => {
    const version = Number(file.slice(0, 4));
    if (version !== i + 1) throw new Error(`migration numbering gap at ${file}: expected ${String(i + 1).padStart(4, '0')}`);
    return { version, name: file.slice(5, -4), sql: readFileSync(join(dir, file), 'utf8') };
  });
}

export const schemaVersion = (db: Db): number => db.pragma('user_version', { simple: true }) as number;

/** Checks before migrating: a database from a newer Guardline is refused, never touched. */
export function assertNotNewer(db: Db, migrations: Migration[]): void {
  const current = schemaVersion(db);
  const latest = migrations.length;
  if (current > latest) {
    throw new DomainError(
      'io',
      `此数据库由更新版本的 Guardline 创建（数据结构版本 ${current}），当前程序只支持到版本 ${latest}。为防止损坏数据，已拒绝打开，请升级程序后再试。`,
      { current, latest },
    );
  }
}

export const pendingMigrations = (db: Db, migrations: Migration[]): Migration[] =>
  migrations.filter((m) => m.version > schemaVersion(db));

/**
 * Applies pending migrations, each in its own transaction together with its user_version bump,
 * so a crash leaves the database at a whole version. Forward-only: landed files are never edited.
 */
export function applyMigrations(db: Db, migrations: Migration[]): number[] {
  assertNotNewer(db, migrations);
  const applied: number[] = [];
  for (const m of pendingMigrations(db, migrations)) {
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
    applied.push(m.version);
  }
  return applied;
}
