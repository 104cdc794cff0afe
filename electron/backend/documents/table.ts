/**
 * Fixed-width bordered tables, as on printed Chinese forms: column widths in twips that add up to
 * the text width exactly, merged cells (columnSpan / rowSpan), labels centred, rows that never
 * split across pages unless they are tall free-text cells.
 */
import {
  BorderStyle,
  HeightRule,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlign,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { para, PT, type Align } from './text';

export interface CellSpec {
  /** text; '\n' starts a new paragraph */
  text?: string;
  /** prepared paragraphs (approval blocks, signatures) instead of text */
  children?: Paragraph[];
  /** prepared runs for a single paragraph */
  runs?: ParagraphChild[];
  span?: number;
  rowSpan?: number;
  align?: Align;
  vAlign?: 'top' | 'center' | 'bottom';
  bold?: boolean;
  size?: number;
}

export type Cell = string | CellSpec;

export interface RowSpec {
  cells: Cell[];
  /** minimum height in twips */
  height?: number;
  /** repeat at the top of each page (table header rows) */
  header?: boolean;
  /** allow a tall row (free text, opinions) to break across pages */
  canSplit?: boolean;
  /** keep on the same page as the next row (a heading row above what it labels) */
  keepNext?: boolean;
}

export interface TableSpec {
  /** relative column weights; scaled to `width` */
  columns: number[];
  /** total width in twips (the text width) */
  width: number;
  rows: RowSpec[];
  /** font size in pt; default 四号 */
  size?: number;
  /** default alignment of plain-text cells: labels are centred */
  align?: Align;
  borderless?: boolean;
  /** keep a short table on one page (keep-with-next on every row but the last) */
  keepTogether?: boolean;
  /** also keep the last row with the paragraph after the table (a sign-off below it) */
  keepWithNext?: boolean;
  /** cell padding left/right in twips; default 80 (dense grids use less) */
  padding?: number;
}

/** Scale weights to integer twips that sum to exactly `width` (rounding error goes to the last column). */
export function scaleColumns(weights: readonly number[], width: number): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const cols = weights.map((w) => Math.floor((w / total) * width));
  cols[cols.length - 1] += width - cols.reduce((a, b) => a + b, 0);
  return cols;
}

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const OUTER = { style: BorderStyle.SINGLE, size: 12, color: '000000' } as const;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;

const V_ALIGN = { top: VerticalAlign.TOP, center: VerticalAlign.CENTER, bottom: VerticalAlign.BOTTOM } as const;

/**
 * Text lines in cells get an exact pitch of 1.3 × the type size, close to Word's single spacing
 * for 仿宋 (LibreOffice's "single" for Noto CJK is ~1.45 and would push forms onto extra pages).
 * Runs may hold signature images, which an exact pitch would clip, so they keep auto spacing.
 */
export const cellLinePitch = (size: number): number => Math.round(size * 26);

function cellParagraphs(spec: CellSpec, size: number, align: Align): Paragraph[] {
  if (spec.children) return spec.children;
  const style = { size: spec.size ?? size, bold: spec.bold, align: spec.align ?? align };
  if (spec.runs) return [para(spec.runs, { ...style, line: 0 })];
  return (spec.text ?? '').split('\n').map((line) => para(line, { ...style, line: cellLinePitch(style.size) }));
}

/**
 * Tracks which grid columns are still covered by a rowSpan from above, so each cell gets the
 * width of the columns it actually occupies (docx adds the vMerge continuation cells itself).
 */
class SpanTracker {
  private readonly coveredUntil: number[];
  constructor(columns: number) {
    this.coveredUntil = new Array<number>(columns).fill(-1);
  }
  nextFree(row: number, col: number): number {
    while (col < this.coveredUntil.length && this.coveredUntil[col] >= row) col++;
    return col;
  }
  cover(row: number, col: number, span: number, rowSpan: number): void {
    for (let c = col; c < col + span; c++) this.coveredUntil[c] = row + rowSpan - 1;
  }
}

export function formTable(spec: TableSpec): Table {
  const widths = scaleColumns(spec.columns, spec.width);
  const size = spec.size ?? PT.四号;
  const tracker = new SpanTracker(widths.length);
  const rows = spec.rows.map((row, r) => {
    let col = 0;
    const cells = row.cells.map((c) => {
      const cell: CellSpec = typeof c === 'string' ? { text: c } : c;
      col = tracker.nextFree(r, col);
      const span = cell.span ?? 1;
      if (col + span > widths.length) {
        throw new Error(`formTable: row ${r} overflows the ${widths.length}-column grid`);
      }
      const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
      tracker.cover(r, col, span, cell.rowSpan ?? 1);
      col += span;
      return new TableCell({
        children: cellParagraphs(cell, size, spec.align ?? 'center'),
        columnSpan: span > 1 ? span : undefined,
        rowSpan: cell.rowSpan && cell.rowSpan > 1 ? cell.rowSpan : undefined,
        width: { size: width, type: WidthType.DXA },
        verticalAlign: V_ALIGN[cell.vAlign ?? 'center'],
        margins: { top: 30, bottom: 30, left: spec.padding ?? 80, right: spec.padding ?? 80 },
      });
    });
    return new TableRow({
      children: cells,
      height: row.height ? { value: row.height, rule: HeightRule.ATLEAST } : undefined,
      cantSplit: !row.canSplit,
      tableHeader: row.header,
      keepNext: row.keepNext || spec.keepWithNext || (spec.keepTogether && r < spec.rows.length - 1) ? true : undefined,
    });
  });
  const inner = spec.borderless ? NONE : LINE;
  const outer = spec.borderless ? NONE : OUTER;
  return new Table({
    rows,
    width: { size: spec.width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: outer, bottom: outer, left: outer, right: outer, insideHorizontal: inner, insideVertical: inner },
  });
}

/** Standard row heights (twips): a fill-in row, and a taller one for handwriting. */
export const ROW = { normal: 480, tall: 680, opinion: 2200 } as const;

/** A full-width banner row such as 「审 批 意 见」. */
export function bannerRow(text: string, columns: number, size?: number): RowSpec {
  return { cells: [{ text, span: columns, bold: true, size }], height: ROW.normal, keepNext: true };
}

/** Tables printed row by row: cells of a label column followed by values. */
export const label = (text: string, span = 1, extra: Partial<CellSpec> = {}): CellSpec => ({ text, span, ...extra });
export const value = (text: string | number | undefined, span = 1, extra: Partial<CellSpec> = {}): CellSpec => ({
  text: text === undefined ? '' : String(text),
  span,
  align: 'left',
  ...extra,
});
