import { type Cell, EMPTY, toCell } from '../../../shared/domain/cellText';
import { runsText } from './xlsxParts';
import { Unsupported, attributesOf, decodeText } from './xlsxXml';

// One worksheet's <sheetData> → rows of plain cells, by scanning the XML text directly. exceljs's
// streaming reader builds a SAX event, a Row and a Cell object with style for each of ~900,000 cells
// of a 40,000-person roster (~1.5 s); this reads the same values in a fraction of that. The values
// are what exceljs yields, turned into cells by the same toCell; where exceljs is plainly wrong the
// scanner is right instead: inline rich text keeps all its runs, formulas keep a boolean/error/date
// result, rows and cells without a reference take the next number as the schema says.

export interface ScannedRow {
  rowNo: number;
  cells: Cell[];
}

export interface ScanStyles {
  strings: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
}

export interface ScanLimits {
  maxColumns: number;
}

/** exceljs's utils.excelToDate. */
const excelToDate = (serial: number, date1904: boolean) => new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));

/**
 * `name="…"` from a tag's attribute text, for the tags Excel, WPS, LibreOffice and exceljs write (one
 * space between attributes, double quotes); other spellings go through the general attribute parser.
 */
function attr(tag: string, name: string): string | undefined {
  if (tag.indexOf("'") >= 0 || /[\t\n\r]/.test(tag)) return attributesOf(tag).get(name);
  const key = ` ${name}="`;
  const at = tag.indexOf(key);
  if (at < 0) return undefined;
  const end = tag.indexOf('"', at + key.length);
  return decodeText(tag.slice(at + key.length, end));
}

/** The text of child `<name>` in a cell's content: undefined when absent, '' when empty or self-closing. */
function childText(content: string, name: string): string | undefined {
  const open = `<${name}`;
  for (let at = content.indexOf(open); at >= 0; at = content.indexOf(open, at + 1)) {
    const next = content.charCodeAt(at + open.length);
    if (next !== 62 && next !== 32 && next !== 47) continue;
    const end = content.indexOf('>', at);
    if (content.charCodeAt(end - 1) === 47) return '';
    const close = content.indexOf(`</${name}>`, end);
    if (close < 0) throw new Unsupported(`unterminated <${name}>`);
    return content.slice(end + 1, close);
  }
  return undefined;
}

/** A number cell's value: a date when its style shows a date (exceljs's rule), else the number. */
function numberCell(v: string, s: number, styles: ScanStyles): Cell {
  const n = parseFloat(v);
  return styles.dateStyles[s] ? toCell(excelToDate(n, styles.date1904)) : toCell(n);
}

/** A cell's value from its type, style and content; null when the cell holds no value at all. */
function valueOf(t: string | undefined, s: number, content: string, styles: ScanStyles): Cell | null {
  // The plain shape, almost every cell: <v>…</v> and nothing else.
  let v: string | undefined;
  let formula = false;
  if (content.startsWith('<v>') && content.indexOf('<', 3) === content.length - 4) v = content.slice(3, -4);
  else {
    if (t === 'inlineStr') {
      const inline = childText(content, 'is');
      return inline === undefined ? null : toCell(runsText(inline));
    }
    formula = childText(content, 'f') !== undefined;
    v = childText(content, 'v');
    if (v === undefined) return formula ? EMPTY : null;
  }
  switch (t) {
    case 's': {
      const text = styles.strings[parseInt(v, 10)];
      return text === undefined ? (formula ? EMPTY : null) : toCell(text);
    }
    case 'str':
    case 'inlineStr':
      return toCell(decodeText(v));
    case 'b':
      return toCell(parseInt(v, 10) !== 0);
    case 'e':
      return { kind: 'error', text: decodeText(v) };
    case 'd':
      return toCell(new Date(decodeText(v)));
    default:
      return numberCell(v, s, styles);
  }
}

/** Each <row> of the sheet in order (empty rows included, as exceljs emits them), with how far into the text it ends. */
export function* scanSheet(xml: string, styles: ScanStyles, limits: ScanLimits): Generator<{ row: ScannedRow; progress: number }> {
  const start = xml.indexOf('<sheetData');
  if (start < 0) return;
  const dataEnd = xml.indexOf('</sheetData>', start);
  const stop = dataEnd < 0 ? xml.length : dataEnd;
  let rowNo = 0;
  const shared: (Cell | undefined)[] = [];
  for (let at = xml.indexOf('<row', start); at >= 0 && at < stop; at = xml.indexOf('<row', at + 1)) {
    const next = xml.charCodeAt(at + 4);
    if (next !== 32 && next !== 62 && next !== 47) continue;
    const tagEnd = xml.indexOf('>', at);
    const selfClosing = xml.charCodeAt(tagEnd - 1) === 47;
    const r = attr(xml.slice(at + 4, selfClosing ? tagEnd - 1 : tagEnd), 'r');
    rowNo = r === undefined ? rowNo + 1 : parseInt(r, 10);
    if (selfClosing) {
      yield { row: { rowNo, cells: [] }, progress: at / xml.length };
      continue;
    }
    const rowEnd = xml.indexOf('</row>', tagEnd);
    if (rowEnd < 0) throw new Unsupported('unterminated <row>');
    yield { row: { rowNo, cells: cellsOf(xml, tagEnd + 1, rowEnd, styles, limits, shared) }, progress: rowEnd / xml.length };
    at = rowEnd;
  }
}

/** A cell tag's r, s and t, read in place: one pass over the attribute text, no slicing but `t`. */
interface CellTag {
  col: number;
  style: number;
  type: string | undefined;
}

function readCellTag(xml: string, from: number, to: number, previousCol: number, out: CellTag): void {
  out.col = 0;
  out.style = 0;
  out.type = undefined;
  let i = from;
  while (i < to) {
    let c = xml.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    const nameStart = i;
    while (i < to && (c = xml.charCodeAt(i)) !== 61 && c !== 32) i++;
    const nameEnd = i;
    while (i < to && xml.charCodeAt(i) !== 34 && xml.charCodeAt(i) !== 39) i++;
    const quote = xml.charCodeAt(i);
    const valueStart = ++i;
    while (i < to && xml.charCodeAt(i) !== quote) i++;
    if (i >= to) throw new Unsupported('broken cell attributes');
    const valueEnd = i++;
    if (nameEnd - nameStart !== 1) continue;
    const name = xml.charCodeAt(nameStart);
    if (name === 114 /* r */) out.col = columnAt(xml, valueStart, valueEnd);
    else if (name === 115 /* s */) out.style = digitsAt(xml, valueStart, valueEnd);
    else if (name === 116 /* t */) out.type = xml.slice(valueStart, valueEnd);
  }
  if (out.col === 0) out.col = previousCol + 1;
}

/** 1-based column of the reference at xml[from, to), e.g. "AB12" → 28. */
function columnAt(xml: string, from: number, to: number): number {
  let col = 0;
  for (let i = from; i < to; i++) {
    const c = xml.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (col === 0) throw new Unsupported('cell reference');
  return col;
}

function digitsAt(xml: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = xml.charCodeAt(i) - 48;
    if (d < 0 || d > 9) throw new Unsupported('non-numeric attribute');
    n = n * 10 + d;
  }
  return n;
}

/** The cells between `from` and `to` (one row's content), as a dense array up to the last valued cell. */
function cellsOf(xml: string, from: number, to: number, styles: ScanStyles, limits: ScanLimits, shared: (Cell | undefined)[]): Cell[] {
  const cells: Cell[] = [];
  const tag: CellTag = { col: 0, style: 0, type: undefined };
  for (let at = xml.indexOf('<c', from); at >= 0 && at < to; at = xml.indexOf('<c', at + 2)) {
    const next = xml.charCodeAt(at + 2);
    if (next !== 32 && next !== 62 && next !== 47) continue;
    const tagEnd = xml.indexOf('>', at);
    const selfClosing = xml.charCodeAt(tagEnd - 1) === 47;
    readCellTag(xml, at + 2, selfClosing ? tagEnd - 1 : tagEnd, tag.col, tag);
    if (selfClosing) continue;
    const cellEnd = xml.indexOf('</c>', tagEnd);
    if (cellEnd < 0 || cellEnd > to) throw new Unsupported('unterminated <c>');
    at = cellEnd;
    if (tag.col > limits.maxColumns) continue;
    const value = valueAt(xml, tagEnd + 1, cellEnd, tag, styles, shared);
    if (value === null) continue;
    // Cells come in column order; a gap is filled with empties, a cell out of order overwrites.
    while (cells.length < tag.col - 1) cells.push(EMPTY);
    cells[tag.col - 1] = value;
  }
  return cells;
}

/** The common cell, `<v>…</v>` alone, read in place; anything else through valueOf. */
function valueAt(xml: string, from: number, to: number, tag: CellTag, styles: ScanStyles, shared: (Cell | undefined)[]): Cell | null {
  if (xml.startsWith('<v>', from) && xml.indexOf('<', from + 3) === to - 4) {
    if (tag.type === 's') return sharedCell(styles, shared, digitsAt(xml, from + 3, to - 4));
    if (tag.type === undefined || tag.type === 'n') return numberCell(xml.slice(from + 3, to - 4), tag.style, styles);
  }
  return valueOf(tag.type, tag.style, xml.slice(from, to), styles);
}

/** Shared strings become cells once each; cells are read-only downstream, so one frozen object serves every use. */
function sharedCell(styles: ScanStyles, shared: (Cell | undefined)[], index: number): Cell | null {
  let cell = shared[index];
  if (cell === undefined) {
    const text = styles.strings[index];
    if (text === undefined) return null;
    cell = shared[index] = Object.freeze(toCell(text));
  }
  return cell;
}
