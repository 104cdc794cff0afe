import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { neutraliseFormula } from '../../../shared/domain/cellText';

// Shared bits of every .xlsx the office sends out: a streaming writer collected into a buffer (the
// FileStore then writes it atomically: temp file + rename), a merged title, and cells that are always
// values — text neutralised against formula injection, never a formula.

export type Sheet = ExcelJS.Worksheet;

export const TITLE_FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 16, bold: true };
export const HEADER_FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 11, bold: true };
export const BODY_FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 11 };
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };

/**
 * Builds a workbook with exceljs' streaming writer and returns the bytes. `sharedStrings: false` writes each text
 * inline: exceljs holds the shared-strings table in memory until the end, which a county-size register cannot afford.
 */
export async function workbookBuffer(build: (wb: ExcelJS.stream.xlsx.WorkbookWriter) => Promise<void>, options: { sharedStrings?: boolean } = {}): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', () => resolve());
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: options.sharedStrings ?? true, useStyles: true });
  wb.creator = 'Guardline 防返贫监测工作站';
  await build(wb);
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}

/** A cell value for export: text is neutralised (leading = + - @ TAB CR LF → apostrophe prefix); numbers stay numbers. */
export function safeValue(v: string | number | null | undefined): string | number | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'number' ? v : neutraliseFormula(v);
}

export interface HeaderColumn {
  /** Group header over several leaf columns (merged horizontally); absent = the leaf spans both header rows. */
  group?: string;
  title: string;
  width: number;
  /** Text format '@' for IDs, phones, codes: Excel must never turn them into numbers. */
  text?: boolean;
}

/**
 * Writes rows 1–4: a merged title, a merged sub-title (导出人/时间/用途, P-04), and a two-row header where
 * grouped columns share a merged group cell and ungrouped ones merge vertically.
 */
export function writeTitleAndHeader(sheet: Sheet, title: string, subtitle: string, columns: readonly HeaderColumn[]): void {
  const last = columns.length;
  sheet.columns = columns.map((c) => ({ width: c.width, style: c.text ? { numFmt: '@', font: BODY_FONT } : { font: BODY_FONT } }));
  const titleRow = sheet.getRow(1);
  titleRow.getCell(1).value = safeValue(title);
  titleRow.getCell(1).font = TITLE_FONT;
  titleRow.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  titleRow.height = 28;
  sheet.mergeCells(1, 1, 1, last);
  titleRow.commit();
  const sub = sheet.getRow(2);
  sub.getCell(1).value = safeValue(subtitle);
  sub.getCell(1).alignment = { horizontal: 'left' };
  sheet.mergeCells(2, 1, 2, last);
  sub.commit();
  const top = sheet.getRow(3);
  const leaf = sheet.getRow(4);
  columns.forEach((c, i) => {
    const col = i + 1;
    top.getCell(col).value = safeValue(c.group ?? c.title);
    if (c.group) leaf.getCell(col).value = safeValue(c.title);
    for (const cell of [top.getCell(col), leaf.getCell(col)]) {
      cell.font = HEADER_FONT;
      cell.fill = HEADER_FILL;
      cell.border = THIN;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    }
  });
  columns.forEach((c, i) => {
    if (!c.group) sheet.mergeCells(3, i + 1, 4, i + 1);
    else if (i === 0 || columns[i - 1].group !== c.group) {
      let end = i;
      while (end + 1 < columns.length && columns[end + 1].group === c.group) end += 1;
      if (end > i) sheet.mergeCells(3, i + 1, 3, end + 1);
    }
  });
  top.commit();
  leaf.commit();
}

/** Appends one data row: text columns as strings with the '@' format, bordered. */
export function writeDataRow(sheet: Sheet, rowNo: number, values: readonly (string | number | null)[], columns: readonly HeaderColumn[]): void {
  const row = sheet.getRow(rowNo);
  values.forEach((v, i) => {
    const cell = row.getCell(i + 1);
    const text = columns[i]?.text;
    cell.value = text && v !== null ? safeValue(String(v)) : safeValue(v);
    if (text) cell.numFmt = '@';
    cell.border = THIN;
  });
  row.commit();
}
