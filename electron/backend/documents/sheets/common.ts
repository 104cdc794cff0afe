/**
 * What the 季度风险评估表 and the 台账 share: columns with a value function, data rows written as
 * values (text neutralised against formula injection by xlsxWriter.safeValue, IDs/phones as TEXT),
 * money in 元 with two decimals, risk colours filled like the app's tags, and the audited store.
 */
import { createHash } from 'node:crypto';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type ExcelJS from 'exceljs';
import { chinaDateTime } from '../../../../shared/domain/chinaTime';
import type { HandlerContext } from '../../context';
import { safeValue, type HeaderColumn, type Sheet } from '../../exports/xlsxWriter';

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

/** One data (or totals) row: cells are values only, never formulas. */
export function writeRow<R>(sheet: Sheet, rowNo: number, row: R, index: number, columns: readonly SheetColumn<R>[], bold = false): void {
  const r = sheet.getRow(rowNo);
  columns.forEach((c, i) => {
    const cell = r.getCell(i + 1);
    const v = c.value(row, index);
    cell.value = c.text && v !== null ? safeValue(String(v)) : safeValue(v);
    if (c.text) cell.numFmt = '@';
    if (c.money && typeof v === 'number') cell.numFmt = '0.00';
    cell.border = THIN;
    cell.alignment = { vertical: 'middle', wrapText: true };
    const colour = c.colour?.(row);
    if (colour && FILLS[colour]) {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILLS[colour].fill } };
      cell.font = { name: '宋体', size: 11, color: { argb: FILLS[colour].font }, bold };
    } else if (bold) cell.font = { name: '宋体', size: 11, bold: true };
  });
  r.commit();
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

/** Stores the workbook and audits the export (unmasked exports under their own action). */
export function storeSheet(ctx: HandlerContext, bytes: Buffer, name: string, what: string, rows: number, masked: boolean, purpose?: string): { fileId: string; name: string } {
  const file = ctx.services.files.put(bytes, { originalName: name, kind: 'generated', mime: XLSX, createdBy: ctx.user().username, at: ctx.nowIso() });
  ctx.tx(() =>
    ctx.audit({
      action: masked ? 'export' : 'export.unmasked',
      entity: 'report',
      entityId: file.id,
      summary: `导出${what}（${masked ? '已遮挡' : '未遮挡，完整证件号码与电话'}）${rows} 行${purpose?.trim() ? `，用途：${purpose.trim()}` : ''}；文件 SHA-256 ${createHash('sha256').update(bytes).digest('hex')}`,
    }),
  );
  return { fileId: file.id, name: file.originalName };
}

/** 「平江县三市镇」 from the office settings. */
export const placeTitle = (ctx: HandlerContext): string => `${ctx.profile().office.county}${ctx.profile().office.township}`;
