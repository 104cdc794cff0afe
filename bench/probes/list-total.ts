import { openDatabase } from '../../electron/backend/db/connection';
import { listHouseholds } from '../../electron/backend/repos/households';
import { listMembers } from '../../electron/backend/repos/memberList';
import type { HouseholdFilter } from '../../shared/api/schemas/household';
import type { Scope } from '../../shared/domain/permissions';
import { COUNTY_FULL, COUNTY_QUICK } from '../countyData';
import { ensureCountyDb } from '../county';

// Probe: what one register block costs the backend with and without the total count (withTotal), on the
// cached county fixture opened read-only (the repo functions households.list / members.list run, minus
// HTTP and zod, which are the same either way). Interleaved runs, medians; then the 100 blocks of a
// scroll to row 10,000 as the grid now asks for them (count on block 0 only) against one count per block.
// Usage: npx tsx bench/probes/list-total.ts [reps=15] [--quick]

const reps = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 15);
const county = await ensureCountyDb(process.argv.includes('--quick') ? COUNTY_QUICK : COUNTY_FULL);
const db = openDatabase(county.dbPath, { readonly: true });
const ALL: Scope = { kind: 'all' };
const village = (db.prepare(`SELECT id FROM divisions WHERE level = 'village' ORDER BY sort_order LIMIT 1`).get() as { id: string }).id;
const term = (listHouseholds(db, {}, [], 5000, 5001, ALL).rows[0]?.headName ?? '张').slice(0, 2);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** Median ms of one block with the count and without it, runs interleaved so drift hits both alike. */
function block(run: (withTotal: boolean) => unknown): { withCount: number; without: number } {
  run(true);
  run(false); // warm both statements and the page cache
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < reps; i++) {
    a.push(time(() => run(true)));
    b.push(time(() => run(false)));
  }
  return { withCount: median(a), without: median(b) };
}

const cases: [string, (withTotal: boolean) => unknown][] = [];
const households = (label: string, filter: HouseholdFilter, startRow: number, sort: { colId: string; sort: 'asc' | 'desc' }[] = []) =>
  cases.push([`households.list ${label} rows ${startRow}–${startRow + 100}`, (w) => listHouseholds(db, filter, sort, startRow, startRow + 100, ALL, w)]);
households('all', {}, 0);
households('all', {}, 5000);
households('all', {}, 10_000);
households('by name desc', {}, 5000, [{ colId: 'headName', sort: 'desc' }]);
households('one village', { villageId: village }, 0);
households('colour red', { colour: 'red' }, 0);
households(`search "${term}"`, { search: term }, 0);
cases.push(['members.list all rows 5000–5100', (w) => listMembers(db, {}, [], 5000, 5100, ALL, w)]);

console.log(`${county.households} households, ${county.members} people; median of ${reps} (ms)`);
console.log('block'.padEnd(48), 'with count', ' without', '  saved');
for (const [label, run] of cases) {
  const r = block(run);
  console.log(label.padEnd(48), r.withCount.toFixed(1).padStart(10), r.without.toFixed(1).padStart(8), (r.withCount - r.without).toFixed(1).padStart(7));
}

/** The 100 blocks of a scroll from the top to row 10,000, each counted (before) or only the first (now). */
function scroll(countEvery: boolean): number {
  return time(() => {
    for (let start = 0; start < 10_000; start += 100) listHouseholds(db, {}, [], start, start + 100, ALL, countEvery || start === 0);
  });
}
const before: number[] = [];
const now: number[] = [];
for (let i = 0; i < Math.max(3, Math.ceil(reps / 5)); i++) {
  before.push(scroll(true));
  now.push(scroll(false));
}
console.log(`scroll to row 10,000 (100 blocks): count every block ${median(before).toFixed(0)} ms, count block 0 only ${median(now).toFixed(0)} ms`);
db.close();
