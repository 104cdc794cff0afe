// Spreadsheet cells as the import sees them, and the text rules both directions share:
// reading (whatever a cell held → one of a few plain kinds) and writing (formula-injection neutralising).
// Pure: no spreadsheet library here; the backend hands in exceljs/CSV values as `unknown`.

/** A cell reduced to what an import can use. Formulas never survive: only their cached result does. */
export type Cell =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'date'; iso: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'error'; text: string };

export const EMPTY: Cell = { kind: 'empty' };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** YYYY-MM-DD of a Date read in UTC: spreadsheet libraries build dates at UTC midnight, so no zone shift applies. */
export function utcDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * Any cell value (exceljs value shapes, CSV strings, plain JS values) → Cell.
 * - a formula (`{formula|sharedFormula, result}`) becomes its cached result; the formula text is dropped,
 *   so nothing is ever evaluated and no external link is followed;
 * - rich text and hyperlinks become their visible text.
 */
export function toCell(raw: unknown): Cell {
  if (raw === null || raw === undefined) return EMPTY;
  if (typeof raw === 'string') return raw.trim() === '' ? EMPTY : { kind: 'text', text: raw };
  if (typeof raw === 'number') return Number.isFinite(raw) ? { kind: 'number', value: raw } : EMPTY;
  if (typeof raw === 'boolean') return { kind: 'bool', value: raw };
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? EMPTY : { kind: 'date', iso: utcDay(raw) };
  if (!isObject(raw)) return EMPTY;
  if ('formula' in raw || 'sharedFormula' in raw) return 'result' in raw ? toCell(raw.result) : EMPTY;
  if (Array.isArray(raw.richText)) return toCell(raw.richText.map((r: { text?: unknown }) => String(r?.text ?? '')).join(''));
  if ('error' in raw) return { kind: 'error', text: String(raw.error) };
  if ('text' in raw) return toCell(raw.text);
  return EMPTY;
}

// Zero-width characters and BOMs that survive copy-paste from web pages and Word.
const INVISIBLE = /[\u200b-\u200f\u2028\u2029\u2060\ufeff]/g;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Any character outside printable ASCII (space excluded) and the CJK Unified Ideographs block. */
const NEEDS_CLEANING = /[^\u0021-\u007e\u4e00-\u9fff]/;

/** Free text from a cell: NFC, invisible and control characters removed, whitespace runs collapsed, trimmed. */
export function cleanText(s: string): string {
  // Most cells are plain ASCII without spaces or common CJK ideographs (NFC already, nothing to strip):
  // one test instead of a normalisation and three replaces, ~900k times for a 40,000-row roster.
  if (!NEEDS_CLEANING.test(s)) return s;
  return s.normalize('NFC').replace(INVISIBLE, '').replace(CONTROL, '').replace(/[\s\u3000]+/g, ' ').trim();
}

/** A person's name: like cleanText but with no spaces at all ("张 三" → "张三"); the middle dot stays. */
export function cleanName(s: string): string {
  return cleanText(s).replace(/ /g, '').replace(/[•・]/g, '·');
}

/** Text a cell shows, for messages and free-text fields. Numbers keep all digits JS holds (no exponent for integers). */
export function cellText(cell: Cell): string {
  switch (cell.kind) {
    case 'empty':
      return '';
    case 'text':
      return cleanText(restoreNeutralised(cell.text));
    case 'number':
      return Number.isInteger(cell.value) && Math.abs(cell.value) < 1e21 ? BigInt(cell.value).toString() : String(cell.value);
    case 'date':
      return cell.iso;
    case 'bool':
      return cell.value ? '是' : '否';
    case 'error':
      return cell.text;
  }
}

/** How Excel itself would show a large number in a General cell (4.30102E+17): used to explain lost digits. */
export function excelScientific(n: number): string {
  const [mantissa, exp] = n.toExponential(5).split('e');
  return `${mantissa.replace(/\.?0+$/, '')}E${exp.startsWith('-') ? exp : `+${exp.replace('+', '')}`}`;
}

// ── Writing: formula-injection neutralising (OWASP ASVS 1.2.10, CWE-1236; reliability-bar X-04) ──

/**
 * First characters that make Excel/WPS/LibreOffice treat a typed or imported value as a formula or DDE:
 * = + - @, TAB, CR, LF, NUL — and their full-width forms ＝＋－＠, which WPS is not verified to ignore.
 */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\n', '\0', '＝', '＋', '－', '＠']);

export const startsLikeFormula = (text: string): boolean => text.length > 0 && FORMULA_TRIGGERS.has(text[0]);

/**
 * Neutralises a TEXT cell value for export: a leading apostrophe is prefixed when the text starts with a
 * formula trigger. We chose the visible-apostrophe variant (not the `quotePrefix` style flag) because exceljs
 * cannot write quotePrefix and the same rule then holds for CSV; the cell is also always written as a string,
 * never as a formula. Numbers are not passed through here: they are written as numeric cells.
 */
export function neutraliseFormula(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}

/**
 * The reverse on import: "'=SUM(…)" as our own export (or a careful clerk) wrote it is read back as "=SUM(…)",
 * so an exported register imports again unchanged. Stored text is never evaluated, so this is safe; the
 * only loss is a value that genuinely began with an apostrophe followed by a trigger character.
 */
export function restoreNeutralised(text: string): string {
  return text.length > 1 && text[0] === "'" && FORMULA_TRIGGERS.has(text[1]) ? text.slice(1) : text;
}
