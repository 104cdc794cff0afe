import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedVillage, startTestBackend, type TestBackend } from '../../support/backend';
import { BAD_LINES, GOOD_LINES, countHouseholds, rosterCsv, upload } from './fixtures';
import { convertCsvWithLibreOffice, readConverted, soffice } from './libreofficeFixture';

// Files made by LibreOffice Calc (a common tool in township offices) import like Excel's own. The
// fixture is a CSV converted by `soffice --headless --convert-to`, with ID and phone columns typed as
// text the way a clerk would set them; the .xls case goes through the importer's own conversion.

if (!soffice) console.warn('[imports] LibreOffice (soffice) not found: skipping the LibreOffice-made roster tests');

describe.skipIf(!soffice)('rosters made by LibreOffice Calc', () => {
  let t: TestBackend;
  let work: string;
  let xlsx: Buffer;
  let xls: Buffer;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'guardline-lo-fixture-'));
    const csv = rosterCsv([...GOOD_LINES, BAD_LINES[0].line, BAD_LINES[4].line]);
    xlsx = readConverted(convertCsvWithLibreOffice(csv, 'xlsx', work));
    xls = readConverted(convertCsvWithLibreOffice(csv, 'xls', work));
  }, 120_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  beforeEach(async () => {
    t = await startTestBackend();
    await seedVillage(t, '石桥村');
  });
  afterEach(() => t.close());

  it('imports a LibreOffice-made .xlsx: good rows in, bad rows reported', async () => {
    const p = await t.call('imports.roster.preview', { file: upload(t, xlsx, 'lo.xlsx') });
    expect(p.format).toBe('xlsx');
    expect(p.header.firstRow).toBe(1);
    const errors = p.problems.filter((x) => x.severity === 'error');
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2 + GOOD_LINES.length, 'E'],
      [3 + GOOD_LINES.length, 'B'],
    ]);
    expect(p.counts.households).toMatchObject({ create: 2, rejected: 2 });
    await t.call('imports.roster.commit', { previewId: p.previewId! });
    expect(countHouseholds(t)).toBe(2);
  });

  it('converts a .xls through LibreOffice and imports it the same way', async () => {
    const p = await t.call('imports.roster.preview', { file: upload(t, xls, 'old.xls') });
    expect(p.format).toBe('xls');
    expect(p.notes.join('')).toContain('LibreOffice');
    expect(p.counts.households).toMatchObject({ create: 2, rejected: 2 });
  }, 120_000);
});
