import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BackendServices } from '../../../electron/backend/context';
import { Job } from '../../../electron/backend/imports/jobs';
import { MAX_COLUMNS, MAX_ROWS, readXlsxWithExceljs } from '../../../electron/backend/imports/readSheet';
import { readXlsxFast, type FastRead } from '../../../electron/backend/imports/xlsxFastRead';
import { BUILT_IN_DATE_FORMATS, isDateFormat } from '../../../electron/backend/imports/xlsxParts';
import { guardXlsx } from '../../../electron/backend/imports/zipGuard';
import { DomainError } from '../../../shared/domain/errors';
import { convertCsvWithLibreOffice, soffice } from './libreofficeFixture';

// The fast .xlsx reader against exceljs's streaming reader (its fallback, and the reader it replaces):
// the same rows and cells for what Excel-like writers produce, exceljs's date rule included; the cases
// where exceljs is wrong are pinned separately; XML the scanner does not model falls back (null).

const job = new Job({ emit: () => {} } as unknown as BackendServices, 'test');
const limits = { maxRows: MAX_ROWS, maxColumns: MAX_COLUMNS, tooManyRows: () => new DomainError('validation', 'too many') };
const noProgress = () => {};

/** Both readers on files exceljs reads reliably (its plain writer's output, LibreOffice's). */
async function bothReaders(bytes: Buffer): Promise<{ fast: FastRead | null; reference: Awaited<ReturnType<typeof readXlsxWithExceljs>> }> {
  const { parts } = await guardXlsx(bytes);
  return { fast: await readXlsxFast(parts, job, noProgress, limits), reference: await readXlsxWithExceljs(bytes, job, noProgress) };
}

/** The same workbook through exceljs's plain writer (shared strings) and its streaming writer (inline strings). */
async function written(rows: unknown[][], dateColumns: number[]): Promise<Buffer[]> {
  const book = new ExcelJS.Workbook();
  fill(book.addWorksheet('花名册'), rows, dateColumns);
  const plain = Buffer.from(await book.xlsx.writeBuffer());
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const streaming = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false, useStyles: true });
  const ws = streaming.addWorksheet('花名册');
  fill(ws, rows, dateColumns, true);
  await ws.commit();
  await streaming.commit();
  return [plain, Buffer.concat(chunks)];
}

function fill(ws: ExcelJS.Worksheet, rows: unknown[][], dateColumns: number[], commit = false): void {
  rows.forEach((values, i) => {
    const row = ws.getRow(i + 1);
    values.forEach((v, c) => {
      if (v === undefined) return;
      const cell = row.getCell(c + 1);
      cell.value = v as ExcelJS.CellValue;
      if (dateColumns.includes(c)) cell.numFmt = 'yyyy-mm-dd';
    });
    if (commit) row.commit();
  });
}

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('张三', '  前后空格  ', 'a&b<c>"d"\'e', '换行\n两行', '411421199001011234', '是', '_x000D_字面', '&amp;', ''),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);
// A formula whose cached result is 0 reads as empty through exceljs (it drops a falsy result); pinned below.
const value = fc.oneof(
  { weight: 6, arbitrary: text },
  { weight: 2, arbitrary: fc.integer({ min: -1e9, max: 1e12 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constant({ error: '#N/A' }) },
  { weight: 1, arbitrary: fc.record({ formula: fc.constant('A1&""'), result: fc.oneof(fc.integer().filter((n) => n !== 0), fc.string({ maxLength: 6 })) }) },
);
const dateValue = fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())));

describe('fast .xlsx reader', () => {
  it('reads what exceljs reads, cell for cell, from both of exceljs’s writers', async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.array(value, { maxLength: 9 }), dateValue), { minLength: 1, maxLength: 12 }), async (spec) => {
        // Column 10 holds a date formatted yyyy-mm-dd, so the style → date rule is exercised on every row.
        const rows = spec.map(([values, date]) => [...values, ...Array(9 - values.length).fill(undefined), date]);
        const [plain, inline] = await written(rows, [9]);
        // exceljs decodes inline strings twice (a typed "&amp;" reads as "&"); pinned separately below.
        const twiceDecoded = rows.some((r) => r.some((v) => typeof v === 'string' && /&[a-z]*;/.test(v)));
        for (const bytes of twiceDecoded ? [plain] : [plain, inline]) {
          const { parts } = await guardXlsx(bytes);
          const fast = await readXlsxFast(parts, job, noProgress, limits);
          expect(fast).not.toBeNull();
          // exceljs's streaming reader itself fails now and then on its streaming writer's output (when
          // the zip happens to hold workbook.xml after the sheet: "reading 'sheets'" of undefined); the fast
          // reader reads those files, and there is nothing to compare with.
          const reference = await readXlsxWithExceljs(bytes, job, noProgress).catch(() => null);
          if (!reference) continue;
          compared += 1;
          expect(fast!.rows).toEqual(reference.rows);
          expect(fast!.sheetName).toBe(reference.sheetName);
        }
      }),
      { numRuns: 25 },
    );
    expect(compared).toBeGreaterThanOrEqual(25);
  });

  it('reads rich text, formulas and gaps as exceljs does', async () => {
    const rows = [
      ['户主', { richText: [{ text: '张' }, { font: { bold: true }, text: '三' }] }, undefined, { formula: '1+1', result: 2 }, { formula: 'B1', result: '张三' }],
      [],
      [undefined, undefined, undefined, undefined, undefined, undefined, '远列'],
    ];
    const [plain] = await written(rows, []);
    const { fast, reference } = await bothReaders(plain);
    expect(fast!.rows).toEqual(reference.rows);
    expect(fast!.rows[0].cells[1]).toEqual({ kind: 'text', text: '张三' });
  });

  it.skipIf(!soffice)('reads a LibreOffice-made .xlsx as exceljs does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fast-xlsx-'));
    try {
      const csv = '行政村,姓名,证件号码,出生日期,人数\n东山村,张三,411421199001011234,1990-01-01,3\n西河村,"李&四",411421199202022345,1992/2/2,4.5\n';
      const bytes = readFileSync(convertCsvWithLibreOffice(csv, 'xlsx', dir));
      const { fast, reference } = await bothReaders(bytes);
      expect(fast).not.toBeNull();
      expect(fast!.rows).toEqual(reference.rows);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('fast .xlsx reader: markup it does not model falls back to exceljs', () => {
  async function partsOf(rows: unknown[][]) {
    const [plain] = await written(rows, []);
    return (await guardXlsx(plain)).parts;
  }
  const sheet = 'xl/worksheets/sheet1.xml';

  it('namespace-prefixed elements, a DOCTYPE, CDATA and comments → null', async () => {
    const parts = await partsOf([['姓名', '张三']]);
    const original = parts.get(sheet)!.toString('utf8');
    const variants = [
      original.replace(/<(\/?)([a-zA-Z]+)/g, '<$1x:$2').replace('<x:worksheet', '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'),
      original.replace('<worksheet', '<!DOCTYPE worksheet [<!ENTITY e "x">]><worksheet'),
      original.replace('</sheetData>', '<!-- note --></sheetData>'),
    ];
    for (const xml of variants) {
      parts.set(sheet, Buffer.from(xml));
      expect(await readXlsxFast(parts, job, noProgress, limits)).toBeNull();
    }
  });

  it('a Strict OOXML package (other relationship namespace) → null', async () => {
    const parts = await partsOf([['姓名', '张三']]);
    const rels = 'xl/_rels/workbook.xml.rels';
    parts.set(rels, Buffer.from(parts.get(rels)!.toString('utf8').replaceAll('http://schemas.openxmlformats.org/officeDocument/2006/relationships/', 'http://purl.oclc.org/ooxml/officeDocument/relationships/')));
    expect(await readXlsxFast(parts, job, noProgress, limits)).toBeNull();
  });

  it('where exceljs is wrong, reads what Excel shows: every inline run without phonetic guides, a formula’s true or 0', async () => {
    const parts = await partsOf([['占位']]);
    const xml = parts.get(sheet)!.toString('utf8').replace(/<sheetData>[\s\S]*<\/sheetData>/, '<sheetData><row r="2"><c r="B2" t="inlineStr"><is><r><t>张</t></r><r><t xml:space="preserve">三 </t></r><rPh sb="0" eb="1"><t>zhang</t></rPh></is></c><c t="b"><f>TRUE()</f><v>1</v></c><c><f>A1-A1</f><v>0</v></c><c r="E2" t="inlineStr"><is><t>李&amp;四</t></is></c></row><row><c><v>7</v></c></row></sheetData>');
    parts.set(sheet, Buffer.from(xml));
    const read = await readXlsxFast(parts, job, noProgress, limits);
    expect(read!.rows).toEqual([
      { rowNo: 2, cells: [{ kind: 'empty' }, { kind: 'text', text: '张三 ' }, { kind: 'bool', value: true }, { kind: 'number', value: 0 }, { kind: 'text', text: '李&四' }] },
      { rowNo: 3, cells: [{ kind: 'number', value: 7 }] },
    ]);
  });

  it('where exceljs is wrong, keeps an inline string as typed: "&amp;" stays "&amp;"', async () => {
    const [, inline] = await written([['a&amp;b', 'x&lt;y']], []);
    const { fast, reference } = await bothReaders(inline);
    expect(fast!.rows[0].cells).toEqual([{ kind: 'text', text: 'a&amp;b' }, { kind: 'text', text: 'x&lt;y' }]);
    expect(reference.rows[0].cells).not.toEqual(fast!.rows[0].cells);
  });

  it('refuses more rows than the limit, in Chinese', async () => {
    const parts = await partsOf(Array.from({ length: 30 }, (_, i) => [`第${i}行`]));
    await expect(readXlsxFast(parts, job, noProgress, { ...limits, maxRows: 20, tooManyRows: () => new DomainError('validation', '文件超过 20 行') })).rejects.toThrow('文件超过 20 行');
  });
});

describe('built-in date formats', () => {
  it('are exactly those of exceljs’s invariant table that its date rule accepts', async () => {
    // @ts-expect-error exceljs ships no types for its internal table; pinned at 4.4.0
    const table = (await import('exceljs/lib/xlsx/defaultnumformats.js')).default as Record<string, { f?: string }>;
    const dates = Object.entries(table).filter(([, v]) => v.f && isDateFormat(v.f)).map(([k]) => Number(k));
    expect(dates).toEqual([...BUILT_IN_DATE_FORMATS]);
  });
});

