// The little XML the fast .xlsx reader needs: attributes of one tag, text with entities decoded, and
// the OOXML `_xHHHH_` escapes. Anything it does not understand is reported as `Unsupported`, and the
// caller then reads the file with exceljs instead (readSheet.ts) — so an unusual but valid file is
// never misread, only read more slowly.

/** Thrown for XML outside what the fast reader handles; never shown to a clerk. */
export class Unsupported extends Error {
  constructor(what: string) {
    super(`fast xlsx reader: ${what}`);
  }
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Text content with the five XML entities and character references decoded. */
export function decodeText(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&([^;&]{1,10});|&/g, (whole, name: string | undefined) => {
    if (name === undefined) throw new Unsupported('bare &');
    if (name in NAMED) return NAMED[name];
    const code = name[0] === '#' ? (name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)) : NaN;
    if (!Number.isInteger(code) || code < 0 || code > 0x10ffff) throw new Unsupported(`entity ${whole}`);
    return String.fromCodePoint(code);
  });
}

const ATTRIBUTE = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of one start tag's text (what lies between the name and `>`). */
export function attributesOf(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(tag); m; m = ATTRIBUTE.exec(tag)) out.set(m[1], decodeText(m[2] ?? m[3]));
  return out;
}

/**
 * A part's bytes as text. UTF-8 only (with or without BOM). Markup the reader does not model — a DOCTYPE
 * (entity declarations), CDATA sections, comments or processing instructions past the XML declaration,
 * or element names with a namespace prefix (`<x:row>`) — sends the file to exceljs.
 */
export function partText(bytes: Uint8Array, part: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) throw new Unsupported(`${part} is UTF-16`);
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const body = text.replace(/^\ufeff?\s*<\?xml[^>]*\?>/, '');
  if (body.indexOf('<!') >= 0 || body.indexOf('<?') >= 0) throw new Unsupported(`${part} has DOCTYPE, CDATA, comments or processing instructions`);
  // With an unprefixed root every element the reader looks for is unprefixed too (extensions such as
  // <x14:…> inside <extLst> are prefixed, and ignored).
  if (/^\s*<[A-Za-z_][\w.-]*:/.test(body)) throw new Unsupported(`${part} uses a namespace prefix on its elements`);
  return body;
}

/** Each element `<name …>` or `<name …/>` in `xml` with its attribute text, in document order. */
export function* elements(xml: string, name: string): Generator<{ attrs: string; at: number; selfClosing: boolean }> {
  const open = `<${name}`;
  for (let at = xml.indexOf(open); at >= 0; at = xml.indexOf(open, at + 1)) {
    const next = xml.charCodeAt(at + open.length);
    // `<c` must not match `<cols`: the name ends at whitespace, `>` or `/`.
    if (next !== 32 && next !== 62 && next !== 47 && next !== 9 && next !== 10 && next !== 13) continue;
    const end = xml.indexOf('>', at);
    if (end < 0) throw new Unsupported(`unterminated <${name}>`);
    const selfClosing = xml.charCodeAt(end - 1) === 47;
    yield { attrs: xml.slice(at + open.length, selfClosing ? end - 1 : end), at: end + 1, selfClosing };
  }
}
