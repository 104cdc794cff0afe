import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, DB_FILE } from '../../electron/backend/index';
import { loadMigrations } from '../../electron/backend/db/migrate';
import { FixedClock, sequentialIds } from '../../electron/backend/runtime';

const quiet = { error: () => {}, warn: () => {} };
let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migrations', () => {
  it('builds the latest schema from an empty file, with strict pragmas', async () => {
    dir = mkdtempSync(join(tmpdir(), 'gl-mig-'));
    const b = await createBackend({ dataDir: dir, clock: new FixedClock('2026-11-29T00:00:00Z'), ids: sequentialIds(), log: quiet });
    const db = b.services.db;
    expect(db.pragma('user_version', { simple: true })).toBe(loadMigrations().length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    b.close();
  });

  it('migrates an old-version database after taking a backup, keeping its data', async () => {
    dir = mkdtempSync(join(tmpdir(), 'gl-mig-'));
    const file = join(dir, DB_FILE);
    const old = new Database(file);
    const [first] = loadMigrations();
    old.exec(first.sql);
    old.pragma('user_version = 1');
    old.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('marker', '"kept"', '2026-01-01')`).run();
    old.close();

    const b = await createBackend({ dataDir: dir, clock: new FixedClock('2026-11-29T00:00:00Z'), ids: sequentialIds(), log: quiet });
    expect(b.services.db.pragma('user_version', { simple: true })).toBe(loadMigrations().length);
    expect(b.services.db.prepare(`SELECT value FROM settings WHERE key = 'marker'`).get()).toEqual({ value: '"kept"' });
    b.close();
    const backups = readdirSync(join(dir, 'backups'));
    const pre = backups.filter((f) => f.endsWith('-pre-migration.db'));
    if (loadMigrations().length > 1) {
      expect(pre).toHaveLength(1);
      const copy = new Database(join(dir, 'backups', pre[0]), { readonly: true });
      expect(copy.pragma('user_version', { simple: true })).toBe(1);
      copy.close();
    }
  });

  it('refuses a database from a newer version, leaving it untouched', async () => {
    dir = mkdtempSync(join(tmpdir(), 'gl-mig-'));
    const file = join(dir, DB_FILE);
    const newer = new Database(file);
    newer.pragma('user_version = 999');
    newer.close();
    await expect(createBackend({ dataDir: dir, log: quiet })).rejects.toThrow(/更新版本/);
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(999);
    check.close();
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });
});
