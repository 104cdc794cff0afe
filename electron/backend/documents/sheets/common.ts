/**
 * What the 季度风险评估表 and the 台账 share: columns with a value function, data rows written as
 * values (text neutralised against formula injection by xlsxWriter.safeValue, IDs/phones as TEXT),
 * money in 元 with two decimals, risk colours filled like the app's tags, and the audited store.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type ExcelJS from 'exceljs';
import { chinaDateTime } from '../../../../shared/domain/chinaTime';
import type { HandlerContext } from '../../context';
import { safeValue, type HeaderColumn, type Sheet } from '../../exports/xlsxWriter';
import { rowXmlWriter, type OutValue } from './rowXml';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

export interface SheetColumn<R> extends HeaderColumn {
  /** number in 元 printed with two decimals */
  money?: boolean;
  /** a risk colour key (red/orange/yellow/blue): the cell is filled with that colour */
  colour?: (row: R) => string | null;
  value: (row: R, index: number) => string | number | null;
}

/** The app's tag colours (UI.md); yellow carries dark text. */
const FILLS: Record<string, { fill: string; font: string }> = {
  red: { fill: 'FFF5222D', font: 'FFFFFFFF' },
  orange: { fill: 'FFFA8C16', font: 'FFFFFFFF' },
  yellow: { fill: 'FFFADB14', font: 'FF000000' },
  blue: { fill: 'FF1677FF', font: 'FFFFFFFF' },
};

/** The font every body cell carries (the columns' default, xlsxWriter.BODY_FONT). */
const BODY = { name: '宋体', size: 11 } as const;
const BODY_ALIGNMENT: Partial<ExcelJS.Alignment> = { vertical: 'middle', wrapText: true };

/**
 * One style object per distinct look of a body cell (number format × risk colour × bold). exceljs
 * remembers style objects by identity (a WeakMap in its style registry), so a shared object is
 * resolved once per workbook; a fresh object per cell is serialised to XML and looked up on every
 * cell, which cost more than writing the values. Frozen, as every cell of every export shares them.
 * Indexed by small numbers, not a string key, because the lookup runs for every cell.
 */
const NUM_FMTS = [undefined, '@', '0.00'] as const;
const COLOURS = [undefined, 'red', 'orange', 'yellow', 'blue'] as const;
const COLOUR_INDEX = new Map<string, number>([['red', 1], ['orange', 2], ['yellow', 3], ['blue', 4]]);
const BODY_STYLES: Partial<ExcelJS.Style>[] = [];

function bodyStyle(numFmt: 0 | 1 | 2, colour: number, bold: boolean): Partial<ExcelJS.Style> {
  const key = (numFmt * COLOURS.length + colour) * 2 + (bold ? 1 : 0);
  return (BODY_STYLES[key] ??= newBodyStyle(NUM_FMTS[numFmt], COLOURS[colour], bold));
}

function newBodyStyle(numFmt: string | undefined, colour: string | undefined, bold: boolean): Partial<ExcelJS.Style> {
  const fill = colour ? FILLS[colour] : undefined;
  return Object.freeze({
    ...(numFmt ? { numFmt } : {}),
    font: fill ? { ...BODY, color: { argb: fill.font }, bold } : bold ? { ...BODY, bold: true } : { ...BODY },
    border: THIN,
    alignment: BODY_ALIGNMENT,
    ...(fill ? { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: fill.fill } } as ExcelJS.Fill } : {}),
  });
}

/** A data row carries no style of its own: one shared (empty) object, for the same reason as BODY_STYLES. */
const ROW_STYLE: Partial<ExcelJS.Style> = Object.freeze({});

/**
 * One data (or totals) row: cells are values only, never formulas. Written through rowXml (the
 * bytes exceljs would write, without its per-cell objects); rows go in order, after the header.
 */
export function writeRow<R>(sheet: Sheet, rowNo: number, row: R, index: number, columns: readonly SheetColumn<R>[], bold = false): void {
  const values: OutValue[] = new Array<OutValue>(columns.length);
  const styles: Partial<ExcelJS.Style>[] = new Array<Partial<ExcelJS.Style>>(columns.length);
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i];
    const v = c.value(row, index);
    values[i] = c.text && v !== null ? safeValue(String(v)) : safeValue(v);
    const colour = c.colour?.(row);
    styles[i] = bodyStyle(c.text ? 1 : c.money && typeof v === 'number' ? 2 : 0, (colour && COLOUR_INDEX.get(colour)) || 0, bold);
  }
  rowXmlWriter(sheet, columns.length).write(rowNo, values, styles, ROW_STYLE);
}

/** Data rows from row 5, yielding every 500 rows so other clerks' requests are served meanwhile. */
export async function writeRows<R>(sheet: Sheet, rows: readonly R[], columns: readonly SheetColumn<R>[]): Promise<void> {
  for (let i = 0; i < rows.length; i++) {
    writeRow(sheet, 5 + i, rows[i], i, columns);
    if (i % 500 === 499) await yieldToLoop();
  }
}

export const yuan = (fen: number | null | undefined): number | null => (fen === null || fen === undefined ? null : fen / 100);

/** 「导出人：… 导出时间：… 证件号码已部分遮挡」 */
export function exportLine(ctx: HandlerContext, masked: boolean, purpose?: string): string {
  return [
    `导出人：${ctx.user().displayName}`,
    `导出时间：${chinaDateTime(ctx.now())}`,
    masked ? '证件号码与电话已部分遮挡' : '含完整证件号码与电话，仅限内部使用，注意保密',
    purpose?.trim() ? `用途：${purpose.trim()}` : '',
  ]
    .filter(Boolean)
    .join('　');
}

/**
 * Stores the workbook and audits the export (unmasked exports under their own action), the file's
 * row and its audit in ONE commit: a stored export is never left unaudited, and the commit's fsync
 * is paid once, not twice.
 */
export function storeSheet(ctx: HandlerContext, bytes: Buffer, name: string, what: string, rows: number, masked: boolean, purpose?: string): { fileId: string; name: string } {
  const file = ctx.tx(() => {
    const stored = ctx.services.files.put(bytes, { originalName: name, kind: 'generated', mime: XLSX, createdBy: ctx.user().username, at: ctx.nowIso() });
    ctx.audit({
      action: masked ? 'export' : 'export.unmasked',
      entity: 'report',
      entityId: stored.id,
      summary: `导出${what}（${masked ? '已遮挡' : '未遮挡，完整证件号码与电话'}）${rows} 行${purpose?.trim() ? `，用途：${purpose.trim()}` : ''}；文件 SHA-256 ${stored.sha256}`,
    });
    return stored;
  });
  return { fileId: file.id, name: file.originalName };
}

/** 「平江县三市镇」 from the office settings. */
export const placeTitle = (ctx: HandlerContext): string => `${ctx.profile().office.county}${ctx.profile().office.township}`;
