import { DomainError } from '../../../shared/domain/errors';
import type { Job } from './jobs';
import { readWorkbook, type Parts } from './xlsxParts';
import { scanSheet, type ScannedRow } from './xlsxSheetScan';
import { Unsupported, partText } from './xlsxXml';

// The .xlsx fast path: the first visible worksheet (tab order) that holds data, read by scanning its
// XML (xlsxSheetScan.ts) from the parts the zip guard already inflated. Returns null when the file uses
// XML the scanner does not model; the caller then reads it with exceljs, as before.

export interface FastReadLimits {
  maxRows: number;
  maxColumns: number;
  tooManyRows: () => DomainError;
}

export interface FastRead {
  rows: ScannedRow[];
  sheetName: string;
}

const BREATHE_EVERY = 2000;

export async function readXlsxFast(parts: Parts, job: Job, progress: (fraction: number) => void, limits: FastReadLimits): Promise<FastRead | null> {
  try {
    const book = readWorkbook(parts);
    for (const sheet of book.sheets) {
      if (!sheet.visible) continue;
      const bytes = parts.get(sheet.part);
      if (!bytes) throw new Unsupported(`missing ${sheet.part}`);
      const rows: ScannedRow[] = [];
      for (const { row, progress: at } of scanSheet(partText(bytes, sheet.part), book, limits)) {
        rows.push(row);
        if (rows.length > limits.maxRows) throw limits.tooManyRows();
        if (rows.length % BREATHE_EVERY === 0) {
          progress(at);
          await job.breathe();
        }
      }
      if (rows.some((r) => r.cells.some((c) => c.kind !== 'empty'))) return { rows, sheetName: sheet.name };
    }
    throw new DomainError('validation', '工作簿中没有找到有数据的工作表。');
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}
