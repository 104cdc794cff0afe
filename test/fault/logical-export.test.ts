import JSZip from 'jszip';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportAll } from '../../electron/backend/backup/logical';
import { PART_ROWS } from '../../electron/backend/backup/logicalParts';
import { backupDirOf } from '../../electron/backend/backup/store';
import { HandlerContext } from '../../electron/backend/context';
import { dumpDatabase } from '../../electron/backend/backup/logicalDump';
import { closeDatabase } from '../../electron/backend/db/connection';
import { seedVillage, startTestBackend, type TestBackend } from '../support/backend';
import { addHouseholds, countRows, dumpFile } from './helpers';

/** An export file handed back as the clerk's upload, for imports.all. */
const uploadTo = (t: TestBackend, bytes: Buffer) => t.backend.services.files.put(bytes, { originalName: 'export.zip', kind: 'upload', at: t.clock.now().toISOString() }).id;

function closeBackend(t: TestBackend): void {
  closeDatabase(t.backend.services.db);
  t.close();
}

// Reliability bar B-05 / Q-03: the whole database as JSON in a zip, and back into an empty
// database, logically equal — including 生僻字, X check digits and names that look like formulas.

describe('exports.all → imports.all round trip', () => {
  let t: TestBackend;
  beforeEach(async () => {
    t = await startTestBackend();
    const { villageId } = await seedVillage(t);
    await addHouseholds(t, villageId, 4);
    await t.call('households.save', {
      villageId,
      householdType: '脱贫户',
      address: '=HYPERLINK("http://x")',
      phone: '',
      members: [
        { name: '𠮷野·阿依古丽', idNumber: '11010519491231002X', relation: '户主' },
        { name: '-张三', relation: '子' },
      ],
    });
  });
  afterEach(() => closeBackend(t));

  it('rebuilds an equal database from a plain export, without sessions', async () => {
    const original = dumpDatabase(t.backend.services.db);
    const exported = await t.call('exports.all', {});
    const zipBytes = t.backend.services.files.read(exported.fileId);
    const zip = await JSZip.loadAsync(zipBytes);
    expect(Object.keys(zip.files)).toContain('tables/households.json');
    expect(Object.keys(zip.files)).not.toContain('tables/sessions.json');

    const rebuilt = await t.call('imports.all', { fileToken: uploadTo(t, zipBytes) });
    expect(rebuilt).toMatchObject({ reason: 'logical-import', verified: true, households: 5 });
    const copy = dumpFile(join(backupDirOf(t.dataDir), rebuilt.id));
    expect(copy).toEqual(original);
    expect(copy.members.some((m) => m.name === '𠮷野·阿依古丽' && m.id_number === '11010519491231002X')).toBe(true);

    await t.call('backups.restore', { id: rebuilt.id });
    expect(countRows(t.backend.services.db, 'households')).toBe(5);
  });

  it('seals the export with a password when asked, and needs it back', async () => {
    const exported = await t.call('exports.all', { password: 'Export#2026' });
    expect(exported.name.endsWith('.glbak')).toBe(true);
    const sealed = t.backend.services.files.read(exported.fileId);
    expect(sealed.includes(Buffer.from('households'))).toBe(false);
    expect((await t.fail('imports.all', { fileToken: uploadTo(t, sealed) })).message).toContain('密码');
    const rebuilt = await t.call('imports.all', { fileToken: uploadTo(t, sealed), password: 'Export#2026' });
    expect(rebuilt.households).toBe(5);
  });

  it('refuses a tampered or foreign archive without creating a backup', async () => {
    const exported = await t.call('exports.all', {});
    const zip = await JSZip.loadAsync(t.backend.services.files.read(exported.fileId));
    zip.file('tables/households.json', '[]');
    const tampered = await zip.generateAsync({ type: 'nodebuffer' });
    expect((await t.fail('imports.all', { fileToken: uploadTo(t, tampered) })).message).toContain('行数');
    const foreign = new JSZip();
    foreign.file('tables/evil.json', '[]');
    foreign.file('manifest.json', JSON.stringify({ format: 'guardline-logical-export', version: 1, schemaVersion: 1, tables: { evil: 0 } }));
    expect((await t.fail('imports.all', { fileToken: uploadTo(t, await foreign.generateAsync({ type: 'nodebuffer' })) })).message).toContain('evil');
    expect((await t.fail('imports.all', { fileToken: uploadTo(t, Buffer.from('not a zip')) })).code).toBe('validation');
    const backups = await t.call('backups.list', {});
    expect(backups.backups.filter((b) => b.reason === 'logical-import')).toEqual([]);
  });
});

describe('exports.all at county scale: tables in parts, read from one snapshot', () => {
  let t: TestBackend;
  let villageId: string;
  beforeEach(async () => {
    t = await startTestBackend();
    villageId = (await seedVillage(t)).villageId;
    await addHouseholds(t, villageId, 3);
    // More audit rows than two parts hold (rows as writeAudit makes them; audit_log accepts inserts only).
    const insert = t.backend.services.db.prepare(`INSERT INTO audit_log (id, at, action, entity, summary, changes) VALUES (?, ?, 'update', 'probe', ?, '[]')`);
    t.backend.services.db.transaction(() => {
      for (let i = 0; i < 2 * PART_ROWS + 123; i++) insert.run(`probe-${i}`, '2026-03-01T00:00:00.000Z', `第 ${i} 条`);
    })();
  });
  afterEach(() => closeBackend(t));

  it('splits a large table into parts and rebuilds an equal database from them', async () => {
    const original = dumpDatabase(t.backend.services.db);
    const exported = await t.call('exports.all', {});
    const zip = await JSZip.loadAsync(t.backend.services.files.read(exported.fileId));
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as { version: number; parts: Record<string, number>; tables: Record<string, number> };
    expect(manifest.version).toBe(2);
    expect(manifest.parts.audit_log).toBe(3);
    expect(Object.keys(zip.files)).toEqual(expect.arrayContaining(['tables/audit_log.json', 'tables/audit_log.2.json', 'tables/audit_log.3.json']));
    expect(JSON.parse(await zip.file('tables/audit_log.2.json')!.async('string'))).toHaveLength(PART_ROWS);

    const rebuilt = await t.call('imports.all', { fileToken: uploadTo(t, t.backend.services.files.read(exported.fileId)) });
    expect(dumpFile(join(backupDirOf(t.dataDir), rebuilt.id))).toEqual(original);
  });

  it('holds one moment: a household saved while the export is being written is not in it', async () => {
    const before = dumpDatabase(t.backend.services.db);
    const exporting = exportAll(new HandlerContext(t.backend.services, t.admin), undefined);
    await t.call('households.save', { villageId, householdType: '一般农户', members: [{ name: '导出中新增', relation: '户主' }] });
    const exported = await exporting;
    const rebuilt = await t.call('imports.all', { fileToken: uploadTo(t, t.backend.services.files.read(exported.fileId)) });
    const copy = dumpFile(join(backupDirOf(t.dataDir), rebuilt.id));
    expect(copy.households).toEqual(before.households);
    expect(copy.audit_log).toHaveLength(before.audit_log.length);
    expect(countRows(t.backend.services.db, 'households')).toBe(before.households.length + 1);
  });

  it('still reads a format-1 export (one entry per table)', async () => {
    const original = dumpDatabase(t.backend.services.db);
    const zip = new JSZip();
    const manifest = { format: 'guardline-logical-export', version: 1, schemaVersion: t.backend.services.db.pragma('user_version', { simple: true }), appVersion: 'old', exportedAt: '2026-01-01T00:00:00.000Z', tables: {} as Record<string, number> };
    for (const [table, rows] of Object.entries(original)) {
      manifest.tables[table] = rows.length;
      zip.file(`tables/${table}.json`, JSON.stringify(rows));
    }
    zip.file('manifest.json', JSON.stringify(manifest));
    const rebuilt = await t.call('imports.all', { fileToken: uploadTo(t, await zip.generateAsync({ type: 'nodebuffer' })) });
    expect(dumpFile(join(backupDirOf(t.dataDir), rebuilt.id))).toEqual(original);
  });
});
