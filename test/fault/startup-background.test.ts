import Database from 'better-sqlite3';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup } from '../../electron/backend/backup/service';
import { backupDirOf, listBackups } from '../../electron/backend/backup/store';
import { createBackend, type Backend } from '../../electron/backend/index';
import { lifecycleOf } from '../../electron/backend/lifecycle';
import { FixedClock, sequentialIds } from '../../electron/backend/runtime';
import { seedVillage, startTestBackend, TEST_ADMIN_PASSWORD, TEST_NOW } from '../support/backend';
import { addHouseholds, countRows, sha256Of } from './helpers';

// The start does not wait for the slow work of a large database (bench P6): its quick_check runs
// on a worker after the start, and the day's first backup runs after that. These tests force the
// worker path on small files (inlineCheckMaxBytes: 0) and check that the verdict still lands —
// damage → read-only recovery mode at runtime — and that the backup is real, cancellable and never
// overlaps another one.

const READ_ONLY_MESSAGE = '数据库处于只读恢复模式，暂不能修改数据。请在“系统管理 → 备份与恢复”中恢复备份。';

const dirs: string[] = [];
const open: Backend[] = [];
afterEach(() => {
  for (const b of open.splice(0)) b.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

interface Logged {
  errors: string[];
  warnings: string[];
}

async function start(dataDir: string, options: { now?: string; inlineCheckMaxBytes?: number } = {}): Promise<{ b: Backend; logged: Logged }> {
  const logged: Logged = { errors: [], warnings: [] };
  const log = { error: (m: string) => logged.errors.push(m), warn: (m: string) => logged.warnings.push(m) };
  const b = await createBackend({ dataDir, clock: new FixedClock(options.now ?? TEST_NOW), ids: sequentialIds('000000b1'), testMode: true, log, inlineCheckMaxBytes: options.inlineCheckMaxBytes });
  open.push(b);
  return { b, logged };
}

async function login(b: Backend) {
  const r = await b.dispatch('auth.login', { username: 'admin', password: TEST_ADMIN_PASSWORD }, null);
  if (!r.ok) throw new Error(r.error.message);
  return b.authenticate((r.value as { token: string }).token)!;
}

/** A closed office folder with `households` households and no backups. */
async function office(households: number): Promise<{ dataDir: string; dbPath: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'guardline-bg-'));
  dirs.push(dataDir);
  const t = await startTestBackend({ dataDir });
  const { villageId } = await seedVillage(t);
  await addHouseholds(t, villageId, households);
  t.backend.close();
  rmSync(backupDirOf(dataDir), { recursive: true, force: true });
  return { dataDir, dbPath: join(dataDir, 'guardline.db') };
}

/** Overwrites the root page of an index: the file opens and its schema parses, quick_check fails. */
function damageIndexPage(dbPath: string, index: string): void {
  const db = new Database(dbPath, { readonly: true });
  const root = (db.prepare(`SELECT rootpage FROM sqlite_master WHERE name = ?`).get(index) as { rootpage: number }).rootpage;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = openSync(dbPath, 'r+');
  writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (root - 1) * pageSize);
  closeSync(fd);
}

const workerDidNotRun = (l: Logged) => [...l.errors, ...l.warnings].filter((m) => m.includes('did not run'));

describe('start-up integrity check of a large database, on the worker', () => {
  it('starts before the verdict, then switches to read-only recovery mode when quick_check fails', async () => {
    const { dataDir, dbPath } = await office(10);
    damageIndexPage(dbPath, 'households_name');

    const { b, logged } = await start(dataDir, { inlineCheckMaxBytes: 0 });
    const events: unknown[] = [];
    b.on('data.changed', (e) => events.push(e));
    // Started, not yet verified: writable for now.
    expect(b.services.readOnly).toBe(false);
    expect(lifecycleOf(b.services).integrity).toBe('pending');
    const admin = await login(b);

    const verdict = await b.integrity;
    expect(verdict).toMatchObject({ status: 'damaged', mode: 'background' });
    expect(verdict.messages.length).toBeGreaterThan(0);
    expect(workerDidNotRun(logged)).toEqual([]); // the worker gave the verdict, not the inline fallback
    expect(b.services.readOnly).toBe(true);
    expect(lifecycleOf(b.services).integrity).toBe('damaged');
    expect(events).toContainEqual({ entity: '*' });

    const write = await b.dispatch('divisions.save', { level: 'township', name: '新镇' }, admin);
    expect(write.ok).toBe(false);
    if (!write.ok) expect(write.error).toMatchObject({ code: 'read_only', message: READ_ONLY_MESSAGE });
    const health = await b.dispatch('system.health', {}, null);
    expect(health.ok && (health.value as { readOnly: boolean }).readOnly).toBe(true);
    const list = await b.dispatch('backups.list', {}, admin);
    const recovery = list.ok ? (list.value as { recovery: { reason: string; quarantineDir: string } | null }).recovery : null;
    expect(recovery?.reason).toBe('启动后台快速检查发现数据库损坏');
    expect(existsSync(join(recovery!.quarantineDir, 'guardline.db'))).toBe(true);
    // No backup is taken of a damaged file.
    expect(await b.maintenance).toBeNull();
    expect(listBackups(backupDirOf(dataDir))).toEqual([]);
  });

  it('the same damage in a small file is found before the start (inline check, the default)', async () => {
    const { dataDir, dbPath } = await office(10);
    damageIndexPage(dbPath, 'households_name');
    const damaged = sha256Of(dbPath);
    const { b } = await start(dataDir);
    expect(b.services.readOnly).toBe(true);
    expect(await b.integrity).toMatchObject({ status: 'recovery', mode: 'inline' });
    expect(sha256Of(dbPath)).toBe(damaged);
  });

  it('a good large database gets an ok verdict and an audit row', async () => {
    const { dataDir } = await office(3);
    const { b, logged } = await start(dataDir, { inlineCheckMaxBytes: 0 });
    expect(await b.integrity).toMatchObject({ status: 'ok', mode: 'background', messages: [] });
    expect(workerDidNotRun(logged)).toEqual([]);
    expect(b.services.readOnly).toBe(false);
    expect(lifecycleOf(b.services).integrity).toBe('ok');
    const audit = b.services.db.prepare(`SELECT action, summary FROM audit_log WHERE action IN ('app_start', 'system_check') ORDER BY at, rowid`).all() as { action: string; summary: string }[];
    expect(audit.at(-2)).toMatchObject({ action: 'app_start', summary: expect.stringContaining('快速检查在后台进行') });
    expect(audit.at(-1)).toMatchObject({ action: 'system_check', summary: expect.stringContaining('启动后台快速检查通过') });
  });

  it('a garbage file still goes straight to recovery at the start, whatever the size rule', async () => {
    const { dataDir, dbPath } = await office(3);
    const fd = openSync(dbPath, 'r+');
    writeSync(fd, Buffer.alloc(100), 0, 100, 0); // zeroed header: not a database any more
    closeSync(fd);
    const { b } = await start(dataDir, { inlineCheckMaxBytes: 0 });
    expect(b.services.readOnly).toBe(true);
    expect(lifecycleOf(b.services).recovery?.reason).toBe('数据库文件无法打开');
    expect(await b.integrity).toMatchObject({ status: 'recovery' });
  });
});

describe('the daily backup runs after the start', () => {
  it('is still running when createBackend resolves, and completes later, verified', async () => {
    const { dataDir } = await office(4);
    const { b, logged } = await start(dataDir, { inlineCheckMaxBytes: 0 });
    // The start has returned; no backup exists yet.
    expect(listBackups(backupDirOf(dataDir))).toEqual([]);
    const admin = await login(b);
    expect((await b.dispatch('households.list', {}, admin)).ok).toBe(true); // answering meanwhile

    const info = await b.maintenance;
    expect(info).toMatchObject({ reason: 'daily', verified: true, households: 4 });
    expect(listBackups(backupDirOf(dataDir)).map((x) => x.id)).toEqual([info!.id]);
    expect(readdirSync(backupDirOf(dataDir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(workerDidNotRun(logged)).toEqual([]);
    expect(logged.errors).toEqual([]);
    const copy = new Database(join(backupDirOf(dataDir), info!.id), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(countRows(copy, 'households')).toBe(4);
    copy.close();
    expect(lifecycleOf(b.services).busy).toBe(false);
  });

  it('gives way to a backup somebody asks for, never running two at once', async () => {
    const { dataDir } = await office(4);
    const { b, logged } = await start(dataDir);
    await until(() => lifecycleOf(b.services).busy); // the daily backup holds the lock
    const manual = await createBackup(b.services, 'manual'); // what backups.create and imports call
    expect(manual.reason).toBe('manual');
    expect(await b.maintenance).toBeNull(); // cancelled: the manual backup stands as today's
    expect(logged.warnings.some((m) => m.includes('daily backup cancelled'))).toBe(true);
    expect(logged.errors).toEqual([]);
    expect(listBackups(backupDirOf(dataDir)).map((x) => x.reason)).toEqual(['manual']);
    expect(readdirSync(backupDirOf(dataDir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('close() right after the start cancels the daily backup and leaves nothing behind', async () => {
    const { dataDir } = await office(2);
    const { b } = await start(dataDir);
    await until(() => lifecycleOf(b.services).busy);
    b.close();
    expect(await b.maintenance).toBeNull();
    expect(existsSync(backupDirOf(dataDir)) ? readdirSync(backupDirOf(dataDir)) : []).toEqual([]);
  });

  it('close() in the middle of the copy deletes the partial copy: no file final or temporary', async () => {
    const { dataDir, dbPath } = await office(2);
    // ≈ 40 MB of pages, so the copy lasts long enough to be caught while the .tmp is still growing.
    const pad = new Database(dbPath);
    pad.exec(`CREATE TABLE test_pad (x BLOB); INSERT INTO test_pad WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 13000) SELECT randomblob(3000) FROM n`);
    const fullSize = (pad.pragma('page_count', { simple: true }) as number) * (pad.pragma('page_size', { simple: true }) as number);
    pad.close();
    const { b } = await start(dataDir);
    const dir = backupDirOf(dataDir);
    const partialCopy = () => (existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.db.tmp')) : []).some((n) => (statSync(join(dir, n), { throwIfNoEntry: false })?.size ?? fullSize) < fullSize * 0.9);
    let settled = false;
    void b.maintenance.then(() => (settled = true));
    while (!partialCopy() && !settled) await new Promise((r) => setImmediate(r));
    expect(settled, 'the copy finished before it could be caught').toBe(false);

    b.close();
    expect(await b.maintenance).toBeNull();
    expect(readdirSync(dir)).toEqual([]);
    const live = new Database(dbPath, { readonly: true });
    expect(live.pragma('quick_check', { simple: true })).toBe('ok');
    expect(countRows(live, 'households')).toBe(2);
    live.close();
  });
});

describe('a backup somebody asks for (before an import or restore), of a large database', () => {
  it('is checked and copied on the worker, not on the main connection every request runs on', async () => {
    const { dataDir } = await office(3);
    const { b, logged } = await start(dataDir, { inlineCheckMaxBytes: 0 });
    await b.integrity;
    await b.maintenance;
    // What the main connection is asked to do meanwhile: at county scale an integrity_check and a copy
    // there hold every clerk's requests for ~50 s.
    const db = b.services.db;
    const onMain: string[] = [];
    const pragma = db.pragma.bind(db);
    const backup = db.backup.bind(db);
    db.pragma = ((source: string, options?: { simple?: boolean }) => (onMain.push(`pragma ${source}`), pragma(source, options))) as typeof db.pragma;
    db.backup = ((file: string, options?: Parameters<typeof db.backup>[1]) => (onMain.push('backup'), backup(file, options))) as typeof db.backup;
    const made = await createBackup(b.services, 'pre-import');
    db.pragma = pragma;
    db.backup = backup;
    expect(onMain.filter((c) => /integrity_check|foreign_key_check|backup/.test(c))).toEqual([]);
    expect(workerDidNotRun(logged)).toEqual([]);
    expect(made.reason).toBe('pre-import');
    const copy = new Database(join(backupDirOf(dataDir), made.id), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(countRows(copy, 'households')).toBe(3);
    copy.close();
  });

  it('of a township-size file stays inline (a worker would cost more than the check)', async () => {
    const { dataDir } = await office(3);
    const { b } = await start(dataDir);
    await b.maintenance;
    const db = b.services.db;
    const backup = db.backup.bind(db);
    let copiedOnMain = false;
    db.backup = ((file: string, options?: Parameters<typeof db.backup>[1]) => ((copiedOnMain = true), backup(file, options))) as typeof db.backup;
    await createBackup(b.services, 'manual');
    db.backup = backup;
    expect(copiedOnMain).toBe(true);
  });
});

/** Waits (event-loop turn by turn) until `condition` holds. */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; !condition(); i++) {
    if (i > 10_000) throw new Error('condition not reached');
    await new Promise((r) => setImmediate(r));
  }
}
