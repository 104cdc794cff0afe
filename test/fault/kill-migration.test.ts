import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../electron/backend/db/migrate';
import { killAfter, LONG, prng, startWorker, workerBundle } from './killHarness';

// Reliability bar F-02 / M-03: SIGKILL while a schema-version-1 database (the committed fixture)
// is being migrated. Each migration commits together with its user_version, so afterwards the
// file is at a whole version with the data unchanged, and the next start finishes the job.

const RUNS = LONG ? 100 : 10;
const FIXTURE = join(process.cwd(), 'test', 'fixtures', 'schema-v1.db');
const LATEST = loadMigrations().length;
let work: string;

beforeAll(async () => {
  await workerBundle();
  work = mkdtempSync(join(tmpdir(), 'guardline-kill-migrate-'));
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

function inspect(dbPath: string): { version: number; names: string[] } {
  const db = new Database(dbPath);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    return { version: db.pragma('user_version', { simple: true }) as number, names: (db.prepare(`SELECT name FROM members ORDER BY id`).all() as { name: string }[]).map((r) => r.name) };
  } finally {
    db.close();
  }
}

describe('kill during a migration', () => {
  it(`${RUNS} killed migrations of the v1 fixture leave a whole version and intact data`, async () => {
    const calibrate = mkdtempSync(join(work, 'cal-'));
    copyFileSync(FIXTURE, join(calibrate, 'guardline.db'));
    const started = performance.now();
    await (await startWorker(['open', calibrate])).exited;
    const fullMs = performance.now() - started;

    const rand = prng(99);
    const versions = new Set<number>();
    for (let i = 0; i < RUNS; i++) {
      const dataDir = mkdtempSync(join(work, `run${i}-`));
      const dbPath = join(dataDir, 'guardline.db');
      copyFileSync(FIXTURE, dbPath);
      await killAfter(await startWorker(['open', dataDir]), rand() * fullMs);
      const after = inspect(dbPath);
      expect(after.version).toBeGreaterThanOrEqual(1);
      expect(after.version).toBeLessThanOrEqual(LATEST);
      expect(after.names).toEqual(['𠮷祥', '古丽·买买提', '𪚥', '-王五']);
      versions.add(after.version);
      const finish = await startWorker(['open', dataDir]);
      expect(await finish.exited, finish.stderr()).toBe(0);
      expect(inspect(dbPath).version).toBe(LATEST);
    }
    console.log('versions seen after kills:', [...versions].sort());
  }, 300_000);
});
