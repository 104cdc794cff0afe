import JSZip from 'jszip';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDirOf } from '../../electron/backend/backup/store';
import { dumpDatabase } from '../../electron/backend/backup/logicalDump';
import { closeDatabase } from '../../electron/backend/db/connection';
import { seedVillage, startTestBackend, type TestBackend } from '../support/backend';
import { addHouseholds, countRows, dumpFile } from './helpers';

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
  afterEach(() => {
    closeDatabase(t.backend.services.db);
    t.close();
  });

  const upload = (bytes: Buffer) => t.backend.services.files.put(bytes, { originalName: 'export.zip', kind: 'upload', at: t.clock.now().toISOString() }).id;

  it('rebuilds an equal database from a plain export, without sessions', async () => {
    const original = dumpDatabase(t.backend.services.db);
    const exported = await t.call('exports.all', {});
    const zipBytes = t.backend.services.files.read(exported.fileId);
    const zip = await JSZip.loadAsync(zipBytes);
    expect(Object.keys(zip.files)).toContain('tables/households.json');
    expect(Object.keys(zip.files)).not.toContain('tables/sessions.json');

    const rebuilt = await t.call('imports.all', { fileToken: upload(zipBytes) });
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
    expect((await t.fail('imports.all', { fileToken: upload(sealed) })).message).toContain('密码');
    const rebuilt = await t.call('imports.all', { fileToken: upload(sealed), password: 'Export#2026' });
    expect(rebuilt.households).toBe(5);
  });

  it('refuses a tampered or foreign archive without creating a backup', async () => {
    const exported = await t.call('exports.all', {});
    const zip = await JSZip.loadAsync(t.backend.services.files.read(exported.fileId));
    zip.file('tables/households.json', '[]');
    const tampered = await zip.generateAsync({ type: 'nodebuffer' });
    expect((await t.fail('imports.all', { fileToken: upload(tampered) })).message).toContain('行数');
    const foreign = new JSZip();
    foreign.file('tables/evil.json', '[]');
    foreign.file('manifest.json', JSON.stringify({ format: 'guardline-logical-export', version: 1, schemaVersion: 1, tables: { evil: 0 } }));
    expect((await t.fail('imports.all', { fileToken: upload(await foreign.generateAsync({ type: 'nodebuffer' })) })).message).toContain('evil');
    expect((await t.fail('imports.all', { fileToken: upload(Buffer.from('not a zip')) })).code).toBe('validation');
    const backups = await t.call('backups.list', {});
    expect(backups.backups.filter((b) => b.reason === 'logical-import')).toEqual([]);
  });
});
