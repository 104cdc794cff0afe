import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../electron/backend/db/connection';

// Reliability bar D-01 (pragmas asserted at open) and D-04 (clean shutdown leaves an empty WAL).

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDb = () => {
  const d = mkdtempSync(join(tmpdir(), 'guardline-durability-'));
  dirs.push(d);
  return join(d, 'guardline.db');
};

describe('durability settings', () => {
  it('openDatabase runs WAL with synchronous=FULL, foreign keys on and a busy timeout', () => {
    const db = openDatabase(tempDb());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    closeDatabase(db);
  });

  it('a clean shutdown folds the WAL back: the .db file alone is complete', () => {
    const path = tempDb();
    const db = openDatabase(path);
    db.exec(`CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('户主'), ('成员');`);
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(0);
    closeDatabase(db);
    expect(!existsSync(`${path}-wal`) || statSync(`${path}-wal`).size === 0).toBe(true);
    const alone = new Database(path, { readonly: true });
    expect(alone.prepare(`SELECT count(*) AS n FROM t`).get()).toEqual({ n: 2 });
    alone.close();
  });
});
