import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { type Cell, EMPTY, toCell } from '../../../shared/domain/cellText';
import { parseCsv } from '../../../shared/domain/csvParse';
import { DomainError } from '../../../shared/domain/errors';
import { convertWithLibreOffice } from './convertXls';
import type { Job } from './jobs';
import { readXlsxFast } from './xlsxFastRead';
import { guardXlsx } from './zipGuard';

// A roster file → rows of plain cells. .xlsx is scanned by the fast reader (xlsxFastRead.ts) after the
// zip guard, or streamed through exceljs's WorkbookReader when it holds XML the scanner does not model;
// .xls goes through LibreOffice first; CSV is decoded as UTF-8 (with or without BOM) or else GBK.

export interface SheetRow {
  /** Row number as the clerk sees it in Excel (1-based). */
  rowNo: number;
  cells: Cell[];
}

export interface SheetData {
  rows: SheetRow[];
  notes: string[];
  sheetName: string | null;
  format: 'xlsx' | 'xls' | 'csv';
}

export const MAX_ROWS = 100_000;
export const MAX_COLUMNS = 200;
const CHUNK_BYTES = 64 * 1024;
const tooManyRows = () => new DomainError('validation', `文件超过 ${MAX_ROWS.toLocaleString('zh-CN')} 行，请按村拆分后分批导入。`);

const isZip = (b: Buffer) => b.length > 4 && b.readUInt32LE(0) === 0x04034b50;
const isOle2 = (b: Buffer) => b.length > 8 && b.readUInt32BE(0) === 0xd0cf11e0 && b.readUInt32BE(4) === 0xa1b11ae1;

/** `progress(fraction)` gets 0..1 of the reading work done. */
export async function readSheet(bytes: Buffer, fileName: string, job: Job, progress: (fraction: number) => void): Promise<SheetData> {
  const ext = fileName.split('.').pop()?.toLowerCase() ?? '';
  if (isZip(bytes)) return { ...(await readXlsx(bytes, job, progress)), format: 'xlsx' };
  if (isOle2(bytes)) {
    const xlsx = await convertWithLibreOffice(bytes, 'xls');
    job.throwIfCancelled();
    const data = await readXlsx(xlsx, job, progress);
    return { ...data, notes: ['已用 LibreOffice 将 .xls 转换为 .xlsx 后读取。', ...data.notes], format: 'xls' };
  }
  if (ext === 'xlsx' || ext === 'xlsm' || ext === 'xls') throw new DomainError('validation', '文件扩展名是 Excel，但内容不是有效的 Excel 工作簿（可能已损坏），请重新另存后导入。');
  if (ext !== 'csv' && ext !== 'txt') throw new DomainError('validation', '只能导入 .xlsx、.xls 或 .csv 文件。');
  return readCsv(bytes, job, progress);
}

/** UTF-8 when the bytes are valid UTF-8 (BOM or not), else GBK — what Chinese Excel saves as "CSV". */
export function decodeCsv(bytes: Buffer): { text: string; encoding: 'UTF-8' | 'GBK' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('gbk').decode(bytes), encoding: 'GBK' };
  }
}

async function readCsv(bytes: Buffer, job: Job, progress: (fraction: number) => void): Promise<SheetData> {
  if (bytes.length > 20 * 1024 * 1024) throw new DomainError('validation', '文件过大，导入文件不能超过 20 MB。请按村拆分后分批导入。');
  const { text, encoding } = decodeCsv(bytes);
  const table = parseCsv(text);
  if (table.length > MAX_ROWS) throw tooManyRows();
  const rows: SheetRow[] = [];
  for (let i = 0; i < table.length; i++) {
    rows.push({ rowNo: i + 1, cells: table[i].slice(0, MAX_COLUMNS).map((v) => toCell(v)) });
    if (i % 2000 === 1999) {
      progress(i / table.length);
      await job.breathe();
    }
  }
  return { rows, notes: encoding === 'GBK' ? ['CSV 文件按 GBK（ANSI）编码读取。'] : [], sheetName: null, format: 'csv' };
}

/** Feeds the buffer in 64 KB chunks and reports how much has been consumed. */
function countingStream(bytes: Buffer, onRead: (fraction: number) => void): Readable {
  let offset = 0;
  return new Readable({
    read() {
      if (offset >= bytes.length) return void this.push(null);
      const end = Math.min(bytes.length, offset + CHUNK_BYTES);
      this.push(bytes.subarray(offset, end));
      offset = end;
      onRead(offset / bytes.length);
    },
  });
}

interface WorksheetLike extends AsyncIterable<{ number: number; values: unknown }> {
  name?: string;
  state?: string;
}

async function readXlsx(bytes: Buffer, job: Job, progress: (fraction: number) => void): Promise<Omit<SheetData, 'format'>> {
  const { notes, parts } = await guardXlsx(bytes);
  job.throwIfCancelled();
  const fast = await readXlsxFast(parts, job, progress, { maxRows: MAX_ROWS, maxColumns: MAX_COLUMNS, tooManyRows });
  if (fast) return { rows: fast.rows, notes, sheetName: fast.sheetName };
  return { ...(await readXlsxWithExceljs(bytes, job, progress)), notes };
}

/** exceljs's streaming reader: the fallback for XML the fast reader does not model (and its reference in tests). */
export async function readXlsxWithExceljs(bytes: Buffer, job: Job, progress: (fraction: number) => void): Promise<{ rows: SheetRow[]; sheetName: string | null }> {
  // Only cached values are read: formulas are never evaluated, hyperlinks and external links ignored.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(countingStream(bytes, progress), {
    sharedStrings: 'cache',
    styles: 'cache', // number formats tell date cells from numbers
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let rows: SheetRow[] = [];
  let sheetName: string | null = null;
  try {
    for await (const sheet of reader as unknown as AsyncIterable<WorksheetLike>) {
      if (rows.length > 0 || (sheet.state && sheet.state !== 'visible')) continue;
      const read = await readWorksheet(sheet, job);
      if (read.some((r) => r.cells.some((c) => c.kind !== 'empty'))) {
        rows = read;
        sheetName = sheet.name ?? null;
      }
    }
  } catch (e) {
    // XML the parser refuses (undeclared entities, broken markup) is a bad file, not a program fault.
    if (e instanceof DomainError) throw e;
    throw new DomainError('validation', '无法读取该工作簿：内容不符合 Excel 格式（可能已损坏或被改动）。请在 Excel/WPS 中打开后另存为 .xlsx 再导入。');
  }
  if (!rows.length) throw new DomainError('validation', '工作簿中没有找到有数据的工作表。');
  return { rows, sheetName };
}

async function readWorksheet(sheet: WorksheetLike, job: Job): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of sheet) {
    const values = (row.values as unknown[]) ?? [];
    const cells: Cell[] = [];
    // row.values is 1-based (index 0 unused) and sparse.
    for (let c = 1; c < Math.min(values.length, MAX_COLUMNS + 1); c++) cells.push(values[c] === undefined ? EMPTY : toCell(values[c]));
    rows.push({ rowNo: row.number, cells });
    if (rows.length > MAX_ROWS) throw tooManyRows();
    if (rows.length % 1000 === 0) await job.breathe();
  }
  return rows;
}
