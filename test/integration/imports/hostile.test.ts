import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDeclared, guardXlsx, readCentralDirectory } from '../../../electron/backend/imports/zipGuard';
import { seedVillage, startTestBackend, type TestBackend } from '../../support/backend';
import { GOOD_LINES, dbSnapshot, rosterXlsx, upload } from './fixtures';

// Hostile files (reliability-bar X-01): zip bombs, a central directory that lies, macro workbooks,
// oversized uploads. Each is refused before any XML parser runs, with a Chinese message.

async function zipOf(entries: Record<string, string | Buffer>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(entries)) zip.file(name, data, { createFolders: false });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

describe('zip guard', () => {
  it('refuses a highly compressible sheet (ratio below 1 %) quickly', async () => {
    const bomb = await zipOf({ '[Content_Types].xml': '<Types/>', 'xl/worksheets/sheet1.xml': Buffer.alloc(3 * 1024 * 1024, 0x20) });
    const started = performance.now();
    await expect(guardXlsx(bomb)).rejects.toThrow(/压缩比异常高|压缩炸弹/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refuses an archive whose central directory understates an entry', async () => {
    const honest = await zipOf({ 'xl/worksheets/sheet1.xml': 'x'.repeat(50_000) + Math.random().toString(36).repeat(2000) });
    const entries = readCentralDirectory(honest);
    expect(entries[0].uncompressedSize).toBeGreaterThan(50_000);
    // Patch the declared size in the central directory (offset 24 of its header) down to 1 000 bytes.
    const eocd = honest.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const cd = honest.readUInt32LE(eocd + 16);
    honest.writeUInt32LE(1000, cd + 24);
    await expect(guardXlsx(honest)).rejects.toThrow(/大于其声明的大小/);
  });

  it('refuses macro workbooks and notes external links', () => {
    expect(() => checkDeclared([{ name: 'xl/vbaProject.bin', method: 8, compressedSize: 10, uncompressedSize: 10, localHeaderOffset: 0 }])).toThrow(/含宏/);
    expect(checkDeclared([{ name: 'xl/externalLinks/externalLink1.xml', method: 8, compressedSize: 10, uncompressedSize: 10, localHeaderOffset: 0 }])[0]).toMatch(/外部链接/);
  });

  it('passes a real workbook', async () => {
    const findings = await guardXlsx(await rosterXlsx(GOOD_LINES));
    expect(findings.entries.some((e) => e.name === 'xl/worksheets/sheet1.xml')).toBe(true);
    expect(findings.notes).toEqual([]);
  });
});

describe('hostile uploads through imports.roster.preview', () => {
  let t: TestBackend;
  beforeEach(async () => {
    t = await startTestBackend();
    await seedVillage(t, '石桥村');
  });
  afterEach(() => t.close());

  it('refuses a zip bomb disguised as .xlsx and writes nothing', async () => {
    const bomb = await zipOf({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>', 'xl/worksheets/sheet1.xml': Buffer.alloc(3 * 1024 * 1024, 0x41) });
    const before = dbSnapshot(t);
    const err = await t.fail('imports.roster.preview', { file: upload(t, bomb, 'bomb.xlsx') });
    expect(err.code).toBe('validation');
    expect(err.message).toMatch(/压缩炸弹/);
    expect(dbSnapshot(t)).toEqual(before);
  });

  it('refuses a file over 20 MB and a corrupt workbook, in Chinese', async () => {
    const big = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(21 * 1024 * 1024)]);
    expect((await t.fail('imports.roster.preview', { file: upload(t, big, 'big.xlsx') })).message).toMatch(/不能超过 20 MB/);
    const corrupt = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('garbage')]);
    expect((await t.fail('imports.roster.preview', { file: upload(t, corrupt, 'c.xlsx') })).message).toMatch(/不是有效的 .xlsx/);
  });

  it('does not expand XML entities in shared strings (no XXE)', async () => {
    const xlsx = await rosterXlsx(GOOD_LINES);
    const zip = await JSZip.loadAsync(xlsx);
    const strings = (await zip.file('xl/sharedStrings.xml')!.async('string'))
      .replace('<sst', '<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><sst')
      .replace('<t>张三</t>', '<t>&xxe;</t>');
    expect(strings).toContain('&xxe;');
    zip.file('xl/sharedStrings.xml', strings);
    const tampered = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const r = await t.backend.dispatch('imports.roster.preview', { file: upload(t, tampered, 'xxe.xlsx') }, t.admin);
    // Refused as a bad file (the parser does not resolve external entities): never the contents of /etc/passwd.
    expect(JSON.stringify(r)).not.toContain('root:');
    expect(r.ok ? null : r.error).toMatchObject({ code: 'validation', message: expect.stringContaining('无法读取该工作簿') });
  });
});
