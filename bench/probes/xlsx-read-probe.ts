import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { readSheet } from '../../electron/backend/imports/readSheet';
import { guardXlsx } from '../../electron/backend/imports/zipGuard';
import { rosterXlsx, ROSTER_SPEC } from '../fixtures/rosterXlsx';

// The importer's .xlsx read (zip guard + fast reader) against exceljs's streaming reader alone, on the
// P1 roster (10,000 households, ~40,000 rows × 22 columns). `npx tsx bench/probes/xlsx-read-probe.ts`

const { bytes } = await rosterXlsx(ROSTER_SPEC);
const job = { breathe: async () => {}, progress() {}, throwIfCancelled() {} } as never;
async function exceljsOnly(): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  let cells = 0;
  for await (const sheet of reader as unknown as AsyncIterable<AsyncIterable<{ values: unknown[] }>>) for await (const row of sheet) cells += (row.values ?? []).length;
  return cells;
}
const time = async (f: () => Promise<unknown>) => {
  const t = performance.now();
  await f();
  return Math.round(performance.now() - t);
};
for (let k = 0; k < 4; k++) {
  console.log({ exceljs: await time(exceljsOnly), guard: await time(() => guardXlsx(bytes)), ours: await time(() => readSheet(bytes, 'r.xlsx', job, () => {})) });
}
