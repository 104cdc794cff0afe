/**
 * Reads a generated .docx back for assertions: unzips with jszip and turns word/document.xml into
 * tables of cell texts, so a test can say "the cell after 户主姓名 holds 𠮷祥堃".
 */
import JSZip from 'jszip';

export interface ReadDocx {
  xml: string;
  /** every table → rows → cell texts (paragraphs joined with '\n') */
  tables: string[][][];
  /** all text of the body, paragraphs joined with '\n' */
  text: string;
  footers: string[];
  /** number of inline pictures in the body (signature images) */
  drawings: number;
  sections: number;
}

const decode = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Text of an XML fragment: w:t runs joined, paragraphs separated by '\n'. */
export function textOf(fragment: string): string {
  return fragment
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1])).join(''))
    .filter((line, i, all) => line !== '' || i < all.length - 1)
    .join('\n')
    .replace(/\n+$/, '');
}

function tablesOf(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...t[1].matchAll(/<w:tr(?:\s[^>]*)?>([\s\S]*?)<\/w:tr>/g)].map((r) =>
      [...r[1].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => textOf(c[1])),
    ),
  );
}

export async function readDocx(buffer: Uint8Array): Promise<ReadDocx> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file('word/document.xml')!.async('string');
  const footerNames = Object.keys(zip.files).filter((n) => /^word\/footer\d+\.xml$/.test(n));
  const footers = await Promise.all(footerNames.map(async (n) => zip.file(n)!.async('string')));
  return {
    xml,
    tables: tablesOf(xml),
    text: textOf(xml),
    footers,
    drawings: (xml.match(/<w:drawing>/g) ?? []).length,
    sections: (xml.match(/<w:sectPr[\s>]/g) ?? []).length,
  };
}

/** The text of the cell right after the first cell whose text is exactly `label`, in any table. */
export function cellAfter(doc: ReadDocx, label: string): string | undefined {
  for (const table of doc.tables) {
    for (const row of table) {
      const i = row.indexOf(label);
      if (i >= 0 && i + 1 < row.length) return row[i + 1];
    }
  }
  return undefined;
}

/** The first table row whose cells include all of `cells` (exact matches). */
export function rowWith(doc: ReadDocx, ...cells: string[]): string[] | undefined {
  return doc.tables.flat().find((row) => cells.every((c) => row.includes(c)));
}

/** The raw XML of the first table cell whose text contains `needle` (to look for drawings). */
export function cellXmlContaining(doc: ReadDocx, rowNeedle: string, cellIndex: number): string | undefined {
  for (const t of doc.xml.matchAll(/<w:tr(?:\s[^>]*)?>([\s\S]*?)<\/w:tr>/g)) {
    const cells = [...t[1].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => c[1]);
    if (cells.some((c) => textOf(c) === rowNeedle)) return cells[cellIndex];
  }
  return undefined;
}
