import type { Statement } from 'better-sqlite3';
import { makeIdNumber } from '../../shared/domain/idCard';
import type { Db } from '../../electron/backend/db/connection';
import { prng } from '../../electron/backend/demo/generator';
import { matchIdNumbers } from '../../electron/backend/repos/idMatch';
import type { BenchContext } from '../context';
import type { Benchmark } from '../harness';

// P3′ — a department's list of 100,000 ID numbers matched against the county register in one batch
// (repos/idMatch.ts: normalise, dedupe, sort, json_each chunks joined to members + households +
// village) against the floor: the same keys looked up one by one with a plain prepared .get() on
// the unique active-member index. 70% of the keys are registered people, 30% are not (a department
// list always holds people outside the register).

interface State {
  db: Db;
  ids: string[];
  floorStmt: Statement;
}

function sampleIds(db: Db, count: number, seed: number): string[] {
  const rand = prng(seed);
  const maxRowid = (db.prepare(`SELECT max(rowid) AS n FROM members`).get() as { n: number }).n;
  const byRowid = db.prepare(`SELECT id_number FROM members WHERE rowid = ?`).pluck();
  const present = new Set<string>();
  while (present.size < Math.round(count * 0.7)) {
    const id = byRowid.get(1 + Math.floor(rand() * maxRowid)) as string | undefined;
    if (id) present.add(id);
  }
  const absent: string[] = [];
  for (let i = 0; absent.length < count - present.size; i++) {
    const birth = `19${String(40 + Math.floor(rand() * 60)).padStart(2, '0')}${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    absent.push(makeIdNumber('110101', birth, i % 1000)); // 北京东城: never in the bench county
  }
  // Department lists come in their own order, not the register's.
  const all = [...present, ...absent];
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all;
}

const benchmark: Benchmark<State> = {
  name: 'P3 id match 100k',
  target: { kind: 'ratio', max: 2 },
  warmup: 1,
  reps: 5,
  quickReps: 5,
  setup: async (ctx: BenchContext) => {
    const { backend } = await ctx.countyBackend();
    const db = backend.services.db;
    const ids = sampleIds(db, ctx.quick ? 10_000 : 100_000, 7);
    const floorStmt = db.prepare(`SELECT id, household_id FROM members WHERE id_number = ? AND deleted_at IS NULL AND left_at IS NULL`);
    // Both sides must find the same people, or the comparison means nothing.
    const ours = matchIdNumbers(db, ids).filter(Boolean).length;
    const floor = ids.filter((id) => floorStmt.get(id)).length;
    if (ours !== floor) throw new Error(`matcher found ${ours} people, plain lookups ${floor}`);
    return { db, ids, floorStmt };
  },
  ours: (s) => matchIdNumbers(s.db, s.ids),
  floor: (s) => {
    const out: unknown[] = new Array(s.ids.length);
    for (let i = 0; i < s.ids.length; i++) out[i] = s.floorStmt.get(s.ids[i]);
    return out;
  },
  detail: (s) => ({ lookups: s.ids.length, matched: matchIdNumbers(s.db, s.ids).filter(Boolean).length }),
};

export default benchmark;
