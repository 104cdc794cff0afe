import { methodDef } from '../../shared/api/contract';
import type { HouseholdFilter } from '../../shared/api/schemas/household';
import { listHouseholds } from '../../electron/backend/repos/households';
import type { Db } from '../../electron/backend/db/connection';
import type { BenchContext, CountyBackend } from '../context';
import { medianMs, type Benchmark, type Target } from '../harness';
import { captureStatements, rawReplay } from '../sqlCapture';

// P2 — the household register on the county DB, through backend.dispatch('households.list') as
// admin (zod parse, access check, repo, row mapping) against the floor: the very SQL the repo
// prepared (rows page + count(*)), prepared once and run raw. Query parameters are picked from the
// data itself (a real village, a real person's ID, name and initials) so they always match.

type Sort = { colId: string; sort: 'asc' | 'desc' }[];
interface Case {
  filter: HouseholdFilter;
  sort: Sort;
  startRow?: number;
}
interface State {
  cb: CountyBackend;
  input: { filter: HouseholdFilter; sort: Sort; startRow: number; endRow: number };
  floor: () => unknown;
  parts: { rows: () => unknown; count: () => unknown };
  sql: string[];
}

/** A person in the middle of the county (household n/2), and a village + colour with real rows. */
interface Picks {
  villageId: string;
  idNumber: string;
  name: string;
  initials: string;
}
const picksCache = new WeakMap<Db, Picks>();
function picks(db: Db): Picks {
  let p = picksCache.get(db);
  if (!p) {
    const n = (db.prepare(`SELECT count(*) AS n FROM households`).get() as { n: number }).n;
    const m = db.prepare(`SELECT name, pinyin, id_number FROM members WHERE relation = '配偶' AND rowid >= ? ORDER BY rowid LIMIT 1`).get(Math.floor(n * 1.5)) as { name: string; pinyin: string; id_number: string };
    const v = db.prepare(`SELECT id FROM divisions WHERE level = 'village' ORDER BY sort_order LIMIT 1 OFFSET 7`).get() as { id: string };
    p = { villageId: v.id, idNumber: m.id_number, name: m.name, initials: m.pinyin };
    picksCache.set(db, p);
  }
  return p;
}

function listBench(name: string, target: Target, makeCase: (p: Picks) => Case, note?: string): Benchmark<State> {
  return {
    name,
    target,
    note,
    warmup: 3,
    reps: 40,
    quickReps: 20,
    setup: async (ctx: BenchContext) => {
      const cb = await ctx.countyBackend();
      const db = cb.backend.services.db;
      const c = makeCase(picks(db));
      const input = { filter: c.filter, sort: c.sort, startRow: c.startRow ?? 0, endRow: (c.startRow ?? 0) + 100 };
      const parsed = methodDef('households.list').input.parse(input) as typeof input;
      const statements = captureStatements(db, (pdb) => listHouseholds(pdb, parsed.filter, parsed.sort, parsed.startRow, parsed.endRow, cb.session.scope));
      return {
        cb,
        input,
        floor: rawReplay(db, statements),
        parts: { rows: rawReplay(db, statements.slice(0, 1)), count: rawReplay(db, statements.slice(1)) },
        sql: statements.map((s) => s.sql.replace(/\s+/g, ' ')),
      };
    },
    ours: async (s) => {
      const r = await s.cb.backend.dispatch('households.list', s.input, s.cb.session);
      if (!r.ok) throw new Error(`households.list failed: ${r.error.message}`);
    },
    floor: (s) => s.floor(),
    detail: (s) => {
      // Where the floor's time goes: the page of rows vs the count(*) of the total.
      const [rows, count] = s.floor() as [unknown[], { n: number }];
      return { rows_only_p50_ms: medianMs(s.parts.rows), count_only_p50_ms: medianMs(s.parts.count), page_rows: rows.length, total: count.n, input: s.input };
    },
  };
}

const p95 = (maxMs: number): Target => ({ kind: 'ms', maxMs, stat: 'p95' });

export default [
  listBench('P2 first page', p95(150), () => ({ filter: {}, sort: [] })),
  listBench('P2 village+colour', p95(100), (p) => ({ filter: { villageId: p.villageId, colour: 'blue' }, sort: [{ colId: 'headName', sort: 'asc' }] })),
  listBench('P2 sort by name desc', p95(100), () => ({ filter: {}, sort: [{ colId: 'headName', sort: 'desc' }] })),
  listBench('P2 search ID prefix 14', p95(100), (p) => ({ filter: { search: p.idNumber.slice(0, 14) }, sort: [] }), 'region + birth date'),
  listBench('P2 search ID full', p95(100), (p) => ({ filter: { search: p.idNumber }, sort: [] })),
  listBench('P2 search name', p95(100), (p) => ({ filter: { search: p.name }, sort: [] }), 'a real full name'),
  listBench('P2 search pinyin', p95(100), (p) => ({ filter: { search: p.initials }, sort: [] }), 'that name’s initials'),
  listBench('P2 stress ID prefix 10', p95(100), (p) => ({ filter: { search: p.idNumber.slice(0, 10) }, sort: [] }), 'region + birth year: ~1% of people'),
  listBench('P2 stress surname', p95(100), (p) => ({ filter: { search: p.name.slice(0, 1) }, sort: [] }), 'one character: 2–8% of people'),
  listBench('P2 stress pinyin 2', p95(100), (p) => ({ filter: { search: p.initials.slice(0, 2) }, sort: [] }), 'two initials'),
  listBench('P2 page at row 10,000', p95(100), () => ({ filter: {}, sort: [], startRow: 10_000 }), 'what scrolling the grid asks for'),
] satisfies Benchmark<State>[];
