import Database from 'better-sqlite3';
import { existsSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackup, pruneBackups } from '../../electron/backend/backup/service';
import { backupDirOf, listBackups, removeStaleTemps } from '../../electron/backend/backup/store';
import { closeDatabase, openDatabase } from '../../electron/backend/db/connection';
import { lifecycleOf, swapDatabase } from '../../electron/backend/lifecycle';
import { seedVillage, startTestBackend, TEST_ADMIN_PASSWORD, type TestBackend } from '../support/backend';
import { addHouseholds, countRows, dumpFile } from './helpers';

// Reliability bar B-01 (verified atomic backups), B-02 (retention wired), B-03 (undoable restore,
// future schema refused), B-04 (encrypted off-PC copy), D-05 (checks → recovery mode).

describe('backups', () => {
  let t: TestBackend;
  let villageId: string;
  beforeEach(async () => {
    t = await startTestBackend();
    villageId = (await seedVillage(t)).villageId;
  });
  afterEach(() => {
    closeDatabase(t.backend.services.db); // a restore swapped the connection createBackend closes
    t.close();
  });

  const households = () => countRows(t.backend.services.db, 'households');

  it('writes a verified, single-file backup with a manifest, and audits it', async () => {
    await addHouseholds(t, villageId, 3);
    const info = await t.call('backups.create', {});
    const file = join(backupDirOf(t.dataDir), info.id);
    expect(info).toMatchObject({ reason: 'manual', verified: true, households: 3 });
    expect(existsSync(`${file}.json`)).toBe(true);
    const header = readFileSync(file).subarray(0, 20);
    expect([header[18], header[19]]).toEqual([1, 1]); // rollback journal: needs no -wal beside it
    const copy = new Database(file, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(countRows(copy, 'households')).toBe(3);
    copy.close();
    const audit = await t.call('audit.list', { filter: { entity: 'backup' } });
    expect(audit.rows[0].summary).toContain(info.id);
  });

  it('reports progress up to 1 for the import’s progress bar', async () => {
    const seen: number[] = [];
    const info = await createBackup(t.backend.services, 'pre-import', t.admin, { onProgress: (f) => seen.push(f) });
    expect(info.reason).toBe('pre-import');
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= seen[i - 1]))).toBe(true);
  });

  it('ignores and later removes the .tmp of an interrupted backup', async () => {
    const dir = backupDirOf(t.dataDir);
    await t.call('backups.create', {});
    writeFileSync(join(dir, 'guardline-20261129T000000000Z-manual.db.tmp'), 'half a backup');
    expect(listBackups(dir).every((b) => !b.id.endsWith('.tmp'))).toBe(true);
    expect(removeStaleTemps(dir)).toBe(1);
    expect(readdirSync(dir).some((n) => n.endsWith('.tmp'))).toBe(false);
  });

  it('applies retention after each backup, keeping at most 10 from the last 24 hours', async () => {
    for (let i = 0; i < 12; i++) {
      await createBackup(t.backend.services, 'manual');
      t.clock.advanceHours(0.5);
    }
    const list = listBackups(backupDirOf(t.dataDir));
    expect(list.length).toBe(10);
    expect(pruneBackups(t.backend.services)).toEqual([]);
  });

  it('restores a backup, keeps the pre-restore state as an undo, and ends all sessions', async () => {
    await addHouseholds(t, villageId, 2);
    const b1 = await t.call('backups.create', {});
    await addHouseholds(t, villageId, 3, 100);
    const before = dumpFile(lifecycleOf(t.backend.services).dbPath);
    expect(households()).toBe(5);

    const restored = await t.call('backups.restore', { id: b1.id });
    expect(households()).toBe(2);
    expect(restored.undoId).toMatch(/pre-restore/);
    expect(countRows(t.backend.services.db, 'sessions')).toBe(0);
    expect((await t.backend.dispatch('households.list', {}, t.backend.authenticate('stale'))).ok).toBe(false);

    const admin = await t.loginAs('admin', TEST_ADMIN_PASSWORD);
    await t.call('backups.restore', { id: restored.undoId! }, admin);
    expect(households()).toBe(5);
    const after = dumpFile(lifecycleOf(t.backend.services).dbPath);
    for (const table of Object.keys(before).filter((n) => !['audit_log', 'sqlite_sequence'].includes(n))) expect(after[table], table).toEqual(before[table]);
    // The audit log only grows: what was there is still there, in order.
    expect(after.audit_log.slice(0, before.audit_log.length)).toEqual(before.audit_log);
  });

  it('refuses a backup from a newer schema and leaves the database as it was', async () => {
    await addHouseholds(t, villageId, 1);
    const b = await t.call('backups.create', {});
    const file = join(backupDirOf(t.dataDir), b.id);
    const db = new Database(file);
    db.pragma('user_version = 999');
    db.close();
    const err = await t.fail('backups.restore', { id: b.id });
    expect(err.code).toBe('validation');
    expect(err.message).toContain('更新版本');
    expect(households()).toBe(1);
  });

  it('refuses a damaged backup file', async () => {
    const b = await t.call('backups.create', {});
    const file = join(backupDirOf(t.dataDir), b.id);
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(100), 0, 100, 0);
    closeSync(fd);
    const err = await t.fail('backups.restore', { id: b.id });
    expect(err.code).toBe('io');
    expect(err.message).toContain('已损坏');
  });

  it('refuses ids that are paths', async () => {
    for (const id of ['../guardline.db', '..\\x.db', '/etc/passwd.db', 'a/../../b.db']) {
      expect((await t.fail('backups.restore', { id })).code).toBe('validation');
    }
    expect((await t.fail('backups.restore', { id: 'missing.db' })).code).toBe('not_found');
  });

  it('makes an encrypted off-PC copy that opens only with its password and restores', async () => {
    await addHouseholds(t, villageId, 2);
    await t.call('backups.create', {});
    expect((await t.fail('backups.exportEncrypted', { password: 'short' })).code).toBe('validation');
    const copy = await t.call('backups.exportEncrypted', { password: 'U盘备份-2026' });
    const sealed = t.backend.services.files.read(copy.fileId);
    expect(sealed.includes(Buffer.from('测试户主'))).toBe(false);
    expect(sealed.includes(Buffer.from('SQLite format 3'))).toBe(false);

    const upload = (bytes: Buffer) => t.backend.services.files.put(bytes, { originalName: 'x.glbak', kind: 'upload', at: t.clock.now().toISOString() }).id;
    expect((await t.fail('backups.importEncrypted', { fileToken: upload(sealed), password: 'U盘备份-2025' })).message).toContain('密码不正确');
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 40] ^= 0xff;
    expect((await t.fail('backups.importEncrypted', { fileToken: upload(tampered), password: 'U盘备份-2026' })).code).toBe('validation');

    const imported = await t.call('backups.importEncrypted', { fileToken: upload(sealed), password: 'U盘备份-2026' });
    expect(imported).toMatchObject({ reason: 'imported', verified: true, households: 2 });
    await addHouseholds(t, villageId, 1, 50);
    await t.call('backups.restore', { id: imported.id });
    expect(households()).toBe(2);
  });

  it('system.check: quick and full pass on a good database and are audited', async () => {
    const quick = await t.call('system.check', {});
    const full = await t.call('system.check', { full: true });
    expect(quick).toMatchObject({ ok: true, mode: 'quick', messages: [] });
    expect(full).toMatchObject({ ok: true, mode: 'full', foreignKeyProblems: 0 });
    const audit = await t.call('audit.list', { filter: {} });
    expect(audit.rows.filter((r) => r.action === 'system_check')).toHaveLength(2);
  });

  it('system.check finds a damaged page → read-only recovery mode, quarantine copy, writes refused', async () => {
    await addHouseholds(t, villageId, 120);
    const services = t.backend.services;
    const dbPath = lifecycleOf(services).dbPath;
    const root = (services.db.prepare(`SELECT rootpage FROM sqlite_master WHERE name = 'households_name'`).get() as { rootpage: number }).rootpage;
    const pageSize = services.db.pragma('page_size', { simple: true }) as number;
    closeDatabase(services.db);
    const fd = openSync(dbPath, 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (root - 1) * pageSize);
    closeSync(fd);
    swapDatabase(services, openDatabase(dbPath)); // a fresh connection: no cached pages hide the damage

    const check = await t.call('system.check', { full: true });
    expect(check.ok).toBe(false);
    expect(services.readOnly).toBe(true);
    const quarantine = lifecycleOf(services).recovery?.quarantineDir;
    expect(quarantine && existsSync(join(quarantine, 'guardline.db'))).toBe(true);
    const refused = await t.fail('households.save', { villageId, householdType: '一般农户', members: [{ name: '王五', relation: '户主' }] });
    expect(refused.code).toBe('read_only');
    expect((await t.fail('backups.create', {})).code).toBe('read_only');
  });
});
