// Finding the header of a roster sheet: a title row or two may sit above it, and the header itself may be
// 1–3 rows with merged group cells ("户主信息" over 姓名/证件号码). Works on cell text only, so it gives the
// same answer for a streamed sheet (no merge information) and a CSV.
import { type Cell, cellText } from './cellText';
import { type HeaderColumn, isKnownLabel, normaliseLabel } from './rosterColumns';

export interface DetectedHeader {
  /** 0-based indexes into the scanned rows: the header block is [firstRow, lastRow]. */
  firstRow: number;
  lastRow: number;
  columns: HeaderColumn[];
}

/** How many rows from the top are searched for the header. */
export const HEADER_SCAN_ROWS = 20;
const MAX_HEADER_ROWS = 3;

const texts = (row: readonly Cell[] | undefined): string[] => (row ?? []).map((c) => (c.kind === 'text' ? cellText(c) : ''));
const knownCount = (row: readonly Cell[] | undefined): number => texts(row).filter((t) => t && isKnownLabel(t)).length;
const filledCount = (row: readonly Cell[] | undefined): number => (row ?? []).filter((c) => c.kind !== 'empty').length;

// A data row, not a header row: it holds numbers, dates or an ID-number-like value.
function looksLikeData(row: readonly Cell[] | undefined): boolean {
  return (row ?? []).some((c) => c.kind === 'number' || c.kind === 'date' || (c.kind === 'text' && /\d{6,}/.test(c.text)));
}

/**
 * The header block: the row naming the most known columns, grown upward by group-label rows (rows with
 * several labels and no data) and downward by further label rows, to at most 3 rows. A title row (one
 * merged cell) is never part of it. Returns null when no row names at least two known columns.
 */
export function detectHeader(rows: readonly (readonly Cell[])[]): DetectedHeader | null {
  const scan = rows.slice(0, HEADER_SCAN_ROWS);
  let best = -1;
  let bestCount = 1;
  scan.forEach((row, i) => {
    const n = knownCount(row);
    if (n > bestCount) {
      best = i;
      bestCount = n;
    }
  });
  if (best < 0) return null;
  let first = best;
  let last = best;
  const isLabelRow = (i: number) => i >= 0 && i < scan.length && filledCount(scan[i]) >= 2 && !looksLikeData(scan[i]);
  while (last - first + 1 < MAX_HEADER_ROWS && isLabelRow(first - 1)) first -= 1;
  while (last - first + 1 < MAX_HEADER_ROWS && isLabelRow(last + 1) && knownCount(scan[last + 1]) >= 1) last += 1;
  return { firstRow: first, lastRow: last, columns: headerColumns(scan.slice(first, last + 1)) };
}

/**
 * One entry per column that has a label: the leaf is the lowest non-empty header cell; the parents are
 * the cells above it, where an empty cell takes the nearest label to its left in the same row (that is
 * how a horizontally merged group cell reads without merge information).
 */
export function headerColumns(block: readonly (readonly Cell[])[]): HeaderColumn[] {
  const grid = block.map(texts);
  const width = Math.max(0, ...grid.map((r) => r.length));
  const filled = grid.map((r) => fillForward(r, width));
  const columns: HeaderColumn[] = [];
  for (let c = 0; c < width; c++) {
    let leafRow = -1;
    for (let r = grid.length - 1; r >= 0; r--) {
      if (grid[r][c]) {
        leafRow = r;
        break;
      }
    }
    if (leafRow < 0) continue;
    const parents: string[] = [];
    for (let r = 0; r < leafRow; r++) {
      const p = filled[r][c];
      if (p && normaliseLabel(p) !== normaliseLabel(grid[leafRow][c]) && !parents.includes(p)) parents.push(p);
    }
    columns.push({ index: c, leaf: grid[leafRow][c], parents });
  }
  return columns;
}

function fillForward(row: readonly string[], width: number): string[] {
  const out: string[] = [];
  let last = '';
  for (let c = 0; c < width; c++) {
    if (row[c]) last = row[c];
    out.push(row[c] || last);
  }
  return out;
}

/** "户主信息 / 姓名": how a column is shown in the mapping table and the problem report. */
export const columnTitle = (c: HeaderColumn): string => [...c.parents, c.leaf].join(' / ');
