/**
 * Body rows of an exported sheet written straight into the worksheet's XML stream — the same bytes
 * exceljs' own row writer renders for value-only cells (numbers, shared strings, styled empty
 * cells), without building a Row, 14 Cells, their values and models per row first. For a
 * 10,000-household 季度风险评估表 exceljs' per-cell objects cost more than everything else the
 * export does. Styles and shared strings still go through the workbook's own registries, in the
 * order exceljs would register them, so styles.xml and sharedStrings.xml are unchanged too.
 *
 * This uses exceljs' streaming writer internals (4.x: WorksheetWriter.stream, its workbook's
 * `styles` and `sharedStrings`); `rowXmlWriter` checks they are there and throws otherwise, so an
 * exceljs upgrade that moves them fails the export tests instead of writing a broken sheet.
 */
import ExcelJS from 'exceljs';

export type OutValue = string | number | null;

interface WriterInternals {
  useSharedStrings?: boolean;
  startedData?: boolean;
  _rows?: unknown[] | null;
  stream?: { write(xml: string): unknown };
  _workbook?: {
    styles?: { addStyleModel(style: object, cellType?: number): number };
    sharedStrings?: { add(text: string): number };
  };
}

export interface RowXmlWriter {
  /** One row: a value and a style object per column (style objects shared, see common.ts). */
  write(rowNo: number, values: readonly OutValue[], styles: readonly Partial<ExcelJS.Style>[], rowStyle: Partial<ExcelJS.Style>): void;
}

/** A, B, … Z, AA, … — the column letters of a cell reference. */
function columnLetters(n: number): string {
  let out = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) out = String.fromCharCode(65 + ((c - 1) % 26)) + out;
  return out;
}

const writers = new WeakMap<ExcelJS.Worksheet, RowXmlWriter>();

/**
 * The row sink of a streaming worksheet whose earlier rows (title, header) are all committed. Rows
 * must then be written in order, and no more rows may go through exceljs' getRow().
 */
export function rowXmlWriter(sheet: ExcelJS.Worksheet, columnCount: number): RowXmlWriter {
  const known = writers.get(sheet);
  if (known) return known;
  const ws = sheet as unknown as WriterInternals;
  const styles = ws._workbook?.styles;
  const strings = ws._workbook?.sharedStrings;
  if (!ws.stream || !styles || !strings || ws.useSharedStrings !== true || ws.startedData !== true || !Array.isArray(ws._rows) || ws._rows.some(Boolean)) {
    throw new Error('rowXml: not an exceljs 4 streaming worksheet with shared strings and committed header rows');
  }
  const stream = ws.stream;
  const letters = Array.from({ length: columnCount }, (_, i) => columnLetters(i + 1));
  const spans = ` spans="1:${columnCount}"`;
  const writer: RowXmlWriter = {
    write(rowNo, values, cellStyles, rowStyle) {
      // exceljs skips a row without any value (styled empty cells alone do not make a row)
      if (!values.some((v) => v !== null)) return;
      const rowStyleId = styles.addStyleModel(rowStyle);
      let xml = `<row r="${rowNo}"${spans}${rowStyleId ? ` s="${rowStyleId}" customFormat="1"` : ''} x14ac:dyDescent="0.25">`;
      for (let i = 0; i < columnCount; i++) {
        const v = values[i];
        const type = v === null ? ExcelJS.ValueType.Null : typeof v === 'number' ? ExcelJS.ValueType.Number : ExcelJS.ValueType.String;
        const styleId = styles.addStyleModel(cellStyles[i], type);
        if (v === null && !styleId) continue;
        const head = `<c r="${letters[i]}${rowNo}"${styleId ? ` s="${styleId}"` : ''}`;
        if (v === null) xml += `${head}/>`;
        else if (typeof v === 'number') xml += `${head}><v>${v}</v></c>`;
        else xml += `${head} t="s"><v>${strings.add(v)}</v></c>`;
      }
      stream.write(`${xml}</row>`);
    },
  };
  writers.set(sheet, writer);
  return writer;
}
