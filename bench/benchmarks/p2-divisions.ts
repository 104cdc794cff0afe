import { listDivisions } from '../../electron/backend/repos/divisions';
import type { BenchContext, CountyBackend } from '../context';
import { percentile, type Benchmark } from '../harness';
import { captureStatements, rawReplay } from '../sqlCapture';

// P2 (extra) — divisions.list, which the register page loads for its village/group pickers: the
// division tree with each division's household count. Not in the list, but the register
// is not "instant" if this is not. Floor: the SQL listDivisions ran (now the grouped count of
// repos/stats.householdCountsByDivision + the division rows), prepared once, run raw. One trial
// first: a per-division full scan (minutes at county scale before 0008 and the grouped count) is
// reported from that single run rather than repeated.

interface State {
  cb: CountyBackend;
  floor: () => unknown;
}

async function timed(fn: () => unknown): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

const benchmark: Benchmark<State> = {
  name: 'P2 divisions.list',
  target: { kind: 'ms', maxMs: 150, stat: 'p95' },
  note: 'division tree + household count per division (register page pickers)',
  setup: async (ctx: BenchContext) => {
    const cb = await ctx.countyBackend();
    const statements = captureStatements(cb.backend.services.db, (pdb) => listDivisions(pdb));
    return { cb, floor: rawReplay(cb.backend.services.db, statements) };
  },
  measure: async (s, ctx) => {
    const ours = async () => {
      const r = await s.cb.backend.dispatch('divisions.list', {}, s.cb.session);
      if (!r.ok) throw new Error(`divisions.list failed: ${r.error.message}`);
    };
    const first = await timed(ours);
    if (first > 5_000) return { ours: first, floor: await timed(s.floor), detail: { single_trial: true } };
    const reps = ctx.quick ? 5 : 10;
    const o: number[] = [];
    const f: number[] = [];
    for (let i = 0; i < reps; i++) {
      o.push(await timed(ours));
      f.push(await timed(s.floor));
    }
    const r2 = (x: number) => Math.round(x * 100) / 100;
    return { ours: percentile(o, 95), floor: percentile(f, 95), detail: { reps, ours_p50_ms: r2(percentile(o, 50)), floor_p50_ms: r2(percentile(f, 50)) } };
  },
};

export default benchmark;
