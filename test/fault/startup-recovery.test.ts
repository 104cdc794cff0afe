import { existsSync, mkdtempSync, openSync, readdirSync, rmSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDirOf, listBackups } from '../../electron/backend/backup/store';
import { closeDatabase } from '../../electron/backend/db/connection';
import { createBackend, type Backend } from '../../electron/backend/index';
import { FixedClock, sequentialIds } from '../../electron/backend/runtime';
import { seedVillage, startTestBackend, TEST_ADMIN_PASSWORD, TEST_NOW } from '../support/backend';
import { addHouseholds, countRows, sha256Of } from './helpers';

// createBackend end to end: a damaged database starts in read-only recovery mode (never a crash,
// never a new empty file), restore brings it back; the first start of each day takes a backup
// (in the background after the start: backend.maintenance settles when it is done).

const dirs: string[] = [];
const open: Backend[] = [];
afterEach(() => {
  for (const b of open.splice(0)) b.close(); // closes services.db, which a restore may have swapped
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function start(dataDir: string, now = TEST_NOW, prefix = '00000001'): Promise<Backend> {
  const b = await createBackend({ dataDir, clock: new FixedClock(now), ids: sequentialIds(prefix), testMode: true, log: { error: () => {}, warn: () => {} } });
  open.push(b);
  return b;
}

async function login(b: Backend) {
  const r = await b.dispatch('auth.login', { username: 'admin', password: TEST_ADMIN_PASSWORD }, null);
  if (!r.ok) throw new Error(r.error.message);
  return b.authenticate((r.value as { token: string }).token)!;
}

/** A data folder with 5 households and a backup of them, then 2 more households not backed up. */
async function officeWithBackup(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'guardline-startup-'));
  dirs.push(dataDir);
  const t = await startTestBackend({ dataDir });
  const { villageId } = await seedVillage(t);
  await addHouseholds(t, villageId, 5);
  await t.call('backups.create', {});
  await addHouseholds(t, villageId, 2, 10);
  t.backend.close();
  return dataDir;
}

describe('start-up with a damaged database', () => {
  it('starts read-only on the last good backup, lets the admin log in and restore', async () => {
    const dataDir = await officeWithBackup();
    const dbPath = join(dataDir, 'guardline.db');
    const fd = openSync(dbPath, 'r+');
    writeSync(fd, Buffer.alloc(100), 0, 100, 0);
    closeSync(fd);
    const damaged = sha256Of(dbPath);

    const b = await start(dataDir, TEST_NOW, '00000002');
    expect(b.services.readOnly).toBe(true);
    expect(await b.integrity).toMatchObject({ status: 'recovery', mode: 'inline' }); // a small file: found before the start
    expect(await b.maintenance).toBeNull(); // no daily backup of a recovery view
    const health = await b.dispatch('system.health', {}, null);
    expect(health.ok && (health.value as { readOnly: boolean }).readOnly).toBe(true);
    const admin = await login(b);
    const list = await b.dispatch('backups.list', {}, admin);
    expect(list.ok && (list.value as { recovery: { quarantineDir: string } }).recovery.quarantineDir).toBeTruthy();
    expect(countRows(b.services.db, 'households')).toBe(5);
    const write = await b.dispatch('divisions.save', { level: 'township', name: '新镇' }, admin);
    expect(!write.ok && write.error.code).toBe('read_only');
    expect(sha256Of(dbPath)).toBe(damaged);

    const latest = listBackups(backupDirOf(dataDir))[0];
    const restored = await b.dispatch('backups.restore', { id: latest.id }, admin);
    expect(restored.ok).toBe(true);
    expect(b.services.readOnly).toBe(false);
    expect(countRows(b.services.db, 'households')).toBe(5);
    expect(readdirSync(join(dataDir, 'quarantine'))).toHaveLength(1); // kept, never deleted

    // After the restore the office works normally, from a fresh login.
    const again = await login(b);
    expect((await b.dispatch('divisions.save', { level: 'township', name: '新镇' }, again)).ok).toBe(true);
  });

  it('takes one backup on the first start of each day (only when there is data)', async () => {
    const dataDir = await officeWithBackup();
    rmSync(backupDirOf(dataDir), { recursive: true });
    const first = await start(dataDir, '2026-11-30T01:00:00.000Z', '00000003');
    expect((await first.maintenance)?.reason).toBe('daily');
    closeDatabase(first.services.db);
    expect(listBackups(backupDirOf(dataDir)).map((x) => x.reason)).toEqual(['daily']);
    const second = await start(dataDir, '2026-11-30T05:00:00.000Z', '00000004');
    expect(await second.maintenance).toBeNull();
    closeDatabase(second.services.db);
    expect(listBackups(backupDirOf(dataDir))).toHaveLength(1);
    const nextDay = await start(dataDir, '2026-12-01T01:00:00.000Z', '00000005');
    expect((await nextDay.maintenance)?.households).toBe(7);
    closeDatabase(nextDay.services.db);
    expect(listBackups(backupDirOf(dataDir)).filter((x) => x.reason === 'daily')).toHaveLength(2);

    const empty = mkdtempSync(join(tmpdir(), 'guardline-empty-'));
    dirs.push(empty);
    const fresh = await start(empty, TEST_NOW, '00000006');
    expect(await fresh.maintenance).toBeNull();
    closeDatabase(fresh.services.db);
    expect(existsSync(backupDirOf(empty)) ? listBackups(backupDirOf(empty)) : []).toEqual([]);
  });
});
