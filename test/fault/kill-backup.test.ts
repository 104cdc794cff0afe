import { copyFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDatabaseFile } from '../../electron/backend/backup/sqliteFile';
import { backupDirOf } from '../../electron/backend/backup/store';
import { closeDatabase, openDatabase } from '../../electron/backend/db/connection';
import { seedVillage, startTestBackend } from '../support/backend';
import { addHouseholds } from './helpers';
import { killAfter, LONG, prng, startWorker, workerBundle } from './killHarness';

// Reliability bar F-03: SIGKILL during a backup leaves no final-named backup that fails
// integrity_check; SIGKILL during a restore leaves the live database equal to the pre-restore
// database or to the backup, never a mixture (the copy is prepared aside and published by rename).

const RUNS = LONG ? 100 : 12;
let dataDir: string;
let source: { id: string; households: number; saved: string };

beforeAll(async () => {
  await workerBundle();
  const t = await startTestBackend();
  const { villageId } = await seedVillage(t);
  await addHouseholds(t, villageId, 40);
  const b = await t.call('backups.create', {});
  dataDir = t.dataDir;
  source = { id: b.id, households: 40, saved: join(dataDir, 'restore-source.db') };
  copyFileSync(join(backupDirOf(dataDir), b.id), source.saved);
  copyFileSync(join(backupDirOf(dataDir), `${b.id}.json`), `${source.saved}.json`);
  await addHouseholds(t, villageId, 25, 100);
  t.backend.close();
}, 120_000);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function liveHouseholds(): number {
  const db = openDatabase(join(dataDir, 'guardline.db'));
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    return (db.prepare(`SELECT count(*) AS n FROM households`).get() as { n: number }).n;
  } finally {
    closeDatabase(db);
  }
}

function everyFinalBackupIsGood(): void {
  const dir = backupDirOf(dataDir);
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.db'))) {
    expect(checkDatabaseFile(join(dir, name)).ok, `${name} is final-named but broken`).toBe(true);
  }
}

/** The restore source may have been pruned by retention in an earlier iteration: put it back. */
function ensureSource(): void {
  const path = join(backupDirOf(dataDir), source.id);
  if (existsSync(path)) return;
  copyFileSync(source.saved, path);
  copyFileSync(`${source.saved}.json`, `${path}.json`);
}

describe('kill during backup and restore', () => {
  it(`${RUNS} killed backups leave no broken final-named file`, async () => {
    const rand = prng(7);
    for (let i = 0; i < RUNS; i++) {
      const run = await startWorker(['backup', dataDir]);
      await run.waitFor('BEGIN');
      await killAfter(run, rand() * 60);
      everyFinalBackupIsGood();
      liveHouseholds();
    }
  }, 300_000);

  it(`${RUNS} killed restores leave the old database or the backup, whole`, async () => {
    const rand = prng(8);
    let outcomes = { old: 0, restored: 0 };
    for (let i = 0; i < RUNS; i++) {
      ensureSource();
      let before = liveHouseholds();
      if (before === source.households) {
        const grow = await startWorker(['import', dataDir, '5', `k${i}`]); // make "before" differ from the backup again
        await grow.exited;
        before = liveHouseholds();
      }
      const run = await startWorker(['restore', dataDir, source.id]);
      await run.waitFor('BEGIN');
      await killAfter(run, rand() * 400);
      const after = liveHouseholds();
      expect([before, source.households], `iteration ${i}`).toContain(after);
      if (after === before) outcomes = { ...outcomes, old: outcomes.old + 1 };
      else outcomes = { ...outcomes, restored: outcomes.restored + 1 };
      everyFinalBackupIsGood();
    }
    console.log('kill-restore outcomes', outcomes);
  }, 300_000);
});
