import { isMethodName } from '../../shared/api/contract';
import { HandlerContext } from '../../electron/backend/context';
import { statsSummary } from '../../electron/backend/handlers/stats';
import { householdStatsCells, villagesInScope } from '../../electron/backend/repos/stats';
import type { BenchContext, CountyBackend } from '../context';
import type { Benchmark } from '../harness';
import { captureStatements, rawReplay } from '../sqlCapture';

// P7 — stats.summary (dashboard counts: households and people by village, 户类型, colour, 类别,
// status) on the county DB, against the floor: the repo's SQL prepared once and run raw. Through
// backend.dispatch once the lead has registered statsMethods; until then the handler is called
// directly with a real HandlerContext (same work minus the zod/access step).

interface State {
  cb: CountyBackend;
  viaDispatch: boolean;
  floor: () => unknown;
}

const benchmark: Benchmark<State> = {
  name: 'P7 stats.summary',
  target: { kind: 'ms', maxMs: 200, stat: 'p95' },
  warmup: 2,
  reps: 15,
  quickReps: 10,
  setup: async (ctx: BenchContext) => {
    const cb = await ctx.countyBackend();
    const db = cb.backend.services.db;
    const statements = captureStatements(db, (pdb) => {
      householdStatsCells(pdb, cb.session.scope);
      villagesInScope(pdb, cb.session.scope);
    });
    return { cb, viaDispatch: isMethodName('stats.summary'), floor: rawReplay(db, statements) };
  },
  ours: async (s) => {
    if (!s.viaDispatch) return statsSummary(new HandlerContext(s.cb.backend.services, s.cb.session), {});
    const r = await s.cb.backend.dispatch('stats.summary', {}, s.cb.session);
    if (!r.ok) throw new Error(`stats.summary failed: ${r.error.message}`);
    return r.value;
  },
  floor: (s) => s.floor(),
  detail: (s) => {
    const v = statsSummary(new HandlerContext(s.cb.backend.services, s.cb.session), {});
    return { via: s.viaDispatch ? 'dispatch' : 'handler (stats.summary not registered in the contract yet)', households: v.households, people: v.people, villages: v.byVillage.length };
  },
};

export default benchmark;
