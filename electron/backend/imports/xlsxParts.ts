import { Unsupported, attributesOf, decodeText, elements, partText } from './xlsxXml';

// The workbook-level parts the fast reader needs, from the inflated zip entries the zip guard already
// produced: the sheets in tab order (name, visibility, part), the 1904 date system flag, the shared
// strings, and which cell styles show a date. Semantics follow exceljs 4.4.0's reader, which is the
// fallback and the reference the tests compare with.

export type Parts = ReadonlyMap<string, Uint8Array>;

export interface SheetRef {
  name: string;
  visible: boolean;
  part: string;
}

export interface Workbook {
  sheets: SheetRef[];
  date1904: boolean;
  strings: string[];
  /** Cell style index (`s`) → true when its number format is a date or time. */
  dateStyles: boolean[];
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

function need(parts: Parts, name: string): string {
  const bytes = parts.get(name);
  if (!bytes) throw new Unsupported(`missing ${name}`);
  return partText(bytes, name);
}

/** A relationship target relative to xl/ (or absolute from the package root) → the zip entry name. */
function entryOf(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  if (target.includes('..') || target.includes('://')) throw new Unsupported(`relationship target ${target}`);
  return `xl/${target}`;
}

export function readWorkbook(parts: Parts): Workbook {
  const rels = new Map<string, { type: string; entry: string }>();
  for (const el of elements(need(parts, 'xl/_rels/workbook.xml.rels'), 'Relationship')) {
    const a = attributesOf(el.attrs);
    if (a.get('TargetMode') === 'External') continue;
    rels.set(a.get('Id') ?? '', { type: a.get('Type') ?? '', entry: entryOf(a.get('Target') ?? '') });
  }
  const workbook = need(parts, 'xl/workbook.xml');
  const sheets: SheetRef[] = [];
  for (const el of elements(workbook, 'sheet')) {
    const a = attributesOf(el.attrs);
    const rel = rels.get(a.get('r:id') ?? '');
    // A chart sheet or a dialog sheet has no cells to import.
    if (!rel || rel.type !== `${REL}worksheet`) continue;
    sheets.push({ name: a.get('name') ?? '', visible: (a.get('state') ?? 'visible') === 'visible', part: rel.entry });
  }
  // None found: Strict OOXML (other relationship namespaces) or an odd package — exceljs decides.
  if (!sheets.length) throw new Unsupported('no worksheet relationships');
  const pr = elements(workbook, 'workbookPr').next().value;
  // exceljs reads only date1904="1"; "true" is the other spelling the schema allows.
  const date1904 = pr ? ['1', 'true'].includes(attributesOf(pr.attrs).get('date1904') ?? '') : false;
  const byType = (t: string) => [...rels.values()].find((r) => r.type === `${REL}${t}`)?.entry;
  const stringsPart = byType('sharedStrings');
  const stylesPart = byType('styles');
  return {
    sheets,
    date1904,
    strings: stringsPart && parts.has(stringsPart) ? sharedStrings(need(parts, stringsPart)) : [],
    dateStyles: stylesPart && parts.has(stylesPart) ? dateStylesOf(need(parts, stylesPart)) : [],
  };
}

/** Each `<si>`'s visible text: its `<t>` runs joined, phonetic guides (`<rPh>`) left out. */
export function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (const si of elements(xml, 'si')) {
    if (si.selfClosing) {
      out.push('');
      continue;
    }
    const end = xml.indexOf('</si>', si.at);
    if (end < 0) throw new Unsupported('unterminated <si>');
    out.push(runsText(xml.slice(si.at, end)));
  }
  return out;
}

/**
 * The text of a rich-text container (`<si>` or `<is>` content): `<t>` elements outside `<rPh>`.
 * `_xHHHH_` escapes are kept as written, as exceljs's streaming reader keeps them.
 */
export function runsText(content: string): string {
  // The common shape, one plain run: <t>text</t> or <t xml:space="preserve">text</t>.
  if (content.startsWith('<t') && content.endsWith('</t>') && content.indexOf('<', 2) === content.length - 4) {
    const open = content.indexOf('>');
    if (content.charCodeAt(open - 1) !== 47) return decodeText(content.slice(open + 1, -4));
  }
  let text = '';
  let from = 0;
  const phonetic = stripPhonetic(content);
  for (const t of elements(phonetic, 't')) {
    if (t.at < from) continue;
    if (t.selfClosing) continue;
    const end = phonetic.indexOf('</t>', t.at);
    if (end < 0) throw new Unsupported('unterminated <t>');
    text += phonetic.slice(t.at, end);
    from = end;
  }
  return decodeText(text);
}

function stripPhonetic(content: string): string {
  if (content.indexOf('<rPh') < 0) return content;
  return content.replace(/<rPh\b[^>]*\/>|<rPh\b[\s\S]*?<\/rPh>/g, '');
}

// exceljs knows a built-in number format only by its invariant code (NumFmtXform.getDefaultFmtCode
// reads `.f`); of those, these ids are dates or times. Locale-only ids (27–36, 50–58) stay numbers there
// and here, and the date columns read them as Excel serial numbers anyway (cellParse.ts).
// test/unit/imports/xlsxParts.test.ts checks this list against exceljs's own table.
export const BUILT_IN_DATE_FORMATS: readonly number[] = [14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47];

/** exceljs's utils.isDateFmt: a date/time code letter outside quotes and brackets. */
export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

function section(xml: string, name: string): string {
  const open = elements(xml, name).next().value;
  if (!open || open.selfClosing) return '';
  const end = xml.indexOf(`</${name}>`, open.at);
  return end < 0 ? '' : xml.slice(open.at, end);
}

export function dateStylesOf(xml: string): boolean[] {
  const custom = new Map<number, string>();
  for (const el of elements(section(xml, 'numFmts'), 'numFmt')) {
    const a = attributesOf(el.attrs);
    custom.set(Number(a.get('numFmtId')), a.get('formatCode') ?? '');
  }
  const out: boolean[] = [];
  for (const el of elements(section(xml, 'cellXfs'), 'xf')) {
    const id = Number(attributesOf(el.attrs).get('numFmtId') ?? 0);
    const code = custom.get(id);
    out.push(code !== undefined ? isDateFormat(code) : BUILT_IN_DATE_FORMATS.includes(id));
  }
  return out;
}
