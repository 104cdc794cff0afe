import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { rosterXlsx, ROSTER_SPEC } from '../fixtures/rosterXlsx';

// Which exceljs read is the fastest on the P1 roster (the honest floor for P1): the streaming
// WorkbookReader or Workbook.xlsx.load. `npx tsx bench/probes/exceljs-read-modes.ts`

const { bytes } = await rosterXlsx(ROSTER_SPEC);
async function streaming(): Promise<void> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  for await (const sheet of reader as unknown as AsyncIterable<AsyncIterable<unknown>>) for await (const row of sheet) void row;
}
async function load(): Promise<void> {
  await new ExcelJS.Workbook().xlsx.load(bytes as never);
}
for (let k = 0; k < 3; k++) {
  let t = performance.now();
  await streaming();
  const s = Math.round(performance.now() - t);
  t = performance.now();
  await load();
  console.log({ streaming: s, load: Math.round(performance.now() - t) });
}
