import Database from 'better-sqlite3';
import { loadavg } from 'node:os';
import { countyHouseholds, countyTownships } from '../countyData';
import { HOUSEHOLD_INSERT, householdValues, MEMBER_INSERT, memberValues, orderedId } from '../countyRows';

// Probe: what the member register's indexes cost a roster import. Inserts a township's worth of new households
// and members (12,000 households, ~40,000 people, one transaction, as an import commits) into a county DB that
// already holds 1M members, then ROLLS BACK, so the file is unchanged and runs can repeat; the last run commits
// to include writing the pages (WAL). Run it on a copy with and without 0009 and compare.
// Usage: npx tsx bench/probes/members-insert-cost.ts DBPATH [runs=3] [--commit]

const [dbPath, runsArg] = process.argv.slice(2);
if (!dbPath) throw new Error('usage: members-insert-cost.ts DBPATH [runs] [--commit]');
const runs = Number(runsArg ?? 3);
const db = new Database(dbPath);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('cache_size = -65536');
db.pragma('foreign_keys = ON');

const spec = { seed: 4242, households: 12_000, townships: 1, villagesPerTownship: 10 };
const villages = db.prepare(`SELECT v.id, (SELECT g.id FROM divisions g WHERE g.parent_id = v.id ORDER BY g.sort_order LIMIT 1) AS groupId FROM divisions v WHERE v.level = 'village' ORDER BY v.sort_order LIMIT 10`).all() as { id: string; groupId: string }[];
// New ids sort after the fixture's (kinds 1–3), as UUIDv7 ids of new rows do; ID numbers get a region code no
// fixture person has, so the unique active-ID index never refuses one.
const rows = [...countyHouseholds(spec, countyTownships(spec))].map((h, i) => ({
  ...h,
  members: h.members.map((m) => ({ ...m, idNumber: `99${m.idNumber!.slice(2)}` })),
  hid: orderedId(5, i + 1),
}));
const people = rows.reduce((n, h) => n + h.members.length, 0);
const insertH = db.prepare(HOUSEHOLD_INSERT);
const insertM = db.prepare(MEMBER_INSERT);
let next = 0;
function insertAll(): void {
  for (const h of rows) {
    const v = villages[h.villageIndex % villages.length];
    insertH.run(...householdValues(h, h.hid, v.id, v.groupId, '2026-11-29T02:00:00.000Z', '2026-06-30'));
    h.members.forEach((m, i) => insertM.run(...memberValues(m, orderedId(6, ++next), h.hid, i, '2026-11-29T02:00:00.000Z')));
  }
}

const indexes = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'members'`).pluck().all() as string[]).join(', ');
console.log(`${dbPath}: ${rows.length} households, ${people} people; load ${loadavg()[0].toFixed(2)}\nmembers indexes: ${indexes}`);
const times: number[] = [];
for (let i = 0; i < runs; i++) {
  next = 0;
  db.exec('BEGIN');
  const t0 = performance.now();
  insertAll();
  times.push(performance.now() - t0);
  db.exec('ROLLBACK');
}
console.log(`insert (rolled back), ms: ${times.map((t) => t.toFixed(0)).join(' ')}; median ${[...times].sort((a, b) => a - b)[Math.floor(times.length / 2)].toFixed(0)}`);
if (process.argv.includes('--commit')) {
  next = 0;
  const t0 = performance.now();
  db.transaction(insertAll)();
  console.log(`insert + commit, ms: ${(performance.now() - t0).toFixed(0)}`);
}
db.close();
