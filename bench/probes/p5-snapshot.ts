import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { buildScenario, fileBytes } from '../../test/integration/documents-wiring/scenario';
import { startTestBackend } from '../../test/support/backend';

// P5 probe: a canonical dump of the 季度风险评估表 as the clerk gets it (every cell's value and
// resolved style, merges, column widths/styles, views, page setup), to diff the exporter's output
// before and after a change. Usage:
//   p5-snapshot.ts scenario OUT.json [Q.xlsx]  the test scenario's Q4 2026 table (2 households +
//                                        totals) and its four 台账 (they share the row writer);
//                                        Q.xlsx: also the quarterly file itself, to look at
//   p5-snapshot.ts file X.xlsx OUT.json  any quarterly file (e.g. one from p5-profile.ts)
//   p5-snapshot.ts compare A.xlsx B.xlsx  every cell's value and style, but row 2 (export time)

const sorted = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(sorted) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, sorted(x)])) : v;

async function dump(bytes: Buffer): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const rows: unknown[] = [];
  const styles = new Map<string, number>();
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: unknown[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = row.getCell(c);
      const style = JSON.stringify(sorted(cell.style));
      styles.set(style, (styles.get(style) ?? 0) + 1);
      cells.push({ v: cell.value, t: cell.type, s: style, m: cell.isMerged ? cell.master.address : undefined });
    }
    // Long tables: the first 30 data rows and the last 3 in full, the rest only through the style histogram.
    if (r <= 34 || r > ws.rowCount - 3) rows.push({ r, height: row.height, cells });
  }
  return sorted({
    name: ws.name,
    rowCount: ws.rowCount,
    columnCount: ws.columnCount,
    merges: (ws.model as { merges: string[] }).merges,
    columns: ws.columns.map((c) => ({ width: c.width, style: c.style })),
    views: ws.views,
    pageSetup: ws.pageSetup,
    styleHistogram: Object.fromEntries(styles),
    rows,
  });
}

const [mode, a, b] = process.argv.slice(2);
if (mode === 'scenario') {
  const t = await startTestBackend();
  await buildScenario(t);
  const r = await t.call('exports.quarterly', { year: 2026, quarter: 4 });
  const out: Record<string, unknown> = { quarterly: await dump(fileBytes(t, r.fileId)) };
  if (b) writeFileSync(b, fileBytes(t, r.fileId));
  for (const kind of ['monitored', 'warnings', 'measures', 'visits'] as const) out[kind] = await dump(fileBytes(t, (await t.call('exports.ledger', { kind })).fileId));
  writeFileSync(a, JSON.stringify(out, null, 1));
  t.close();
} else if (mode === 'compare') {
  const cells = async (file: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const out: string[] = [];
    wb.worksheets[0].eachRow({ includeEmpty: true }, (row, r) => {
      if (r !== 2) row.eachCell({ includeEmpty: true }, (c) => out.push(JSON.stringify(sorted({ a: c.address, v: c.value, s: c.style }))));
    });
    return out;
  };
  const [x, y] = [await cells(a), await cells(b)];
  const differing = x.filter((c, i) => c !== y[i]);
  console.log(`${x.length} / ${y.length} cells, ${differing.length} differ`, differing.slice(0, 3));
} else writeFileSync(b, JSON.stringify(await dump(readFileSync(a)), null, 1));
