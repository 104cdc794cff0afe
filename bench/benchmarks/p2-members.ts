import { methodDef } from '../../shared/api/contract';
import type { MemberFilter } from '../../shared/api/methods/members';
import { chinaDate } from '../../shared/domain/chinaTime';
import { birthBoundsForAges } from '../../shared/domain/memberAge';
import { schoolYearOf } from '../../shared/domain/schoolYear';
import { listMembers } from '../../electron/backend/repos/memberList';
import type { Db } from '../../electron/backend/db/connection';
import type { BenchContext, CountyBackend } from '../context';
import { medianMs, type Benchmark, type Target } from '../harness';
import { captureStatements, rawReplay, type CapturedStatement } from '../sqlCapture';

// P2 members — the 人员名册 on the county DB (1M members), through backend.dispatch('members.list') as admin
// (zod parse, access check, repo, masking and row mapping) against the floor: the very SQL the repo ran for
// that request (count, plan choice, page), prepared once and run raw. Blocks are asked as the grid asks:
// the first with the count, later ones without (withTotal: false). Parameters come from the data itself.

type Sort = { colId: string; sort: 'asc' | 'desc' }[];
interface Case {
  filter: MemberFilter;
  sort?: Sort;
  startRow?: number;
}
interface Input {
  filter: MemberFilter;
  sort: Sort;
  startRow: number;
  endRow: number;
  withTotal: boolean;
}
interface State {
  cb: CountyBackend;
  input: Input;
  floor: () => unknown;
  parts: { page: () => unknown; rest: () => unknown };
  sql: string[];
}

/** A village in the middle of the list and a real person (name, ID number) from the middle of the county. */
interface Picks {
  villageId: string;
  name: string;
  idNumber: string;
}
const picksCache = new WeakMap<Db, Picks>();
function picks(db: Db): Picks {
  let p = picksCache.get(db);
  if (!p) {
    const m = db.prepare(`SELECT name, id_number FROM members WHERE relation = '配偶' AND rowid >= (SELECT max(rowid) / 2 FROM members) ORDER BY rowid LIMIT 1`).get() as { name: string; id_number: string };
    const v = db.prepare(`SELECT id FROM divisions WHERE level = 'village' ORDER BY sort_order, name LIMIT 1 OFFSET 7`).get() as { id: string };
    p = { villageId: v.id, name: m.name, idNumber: m.id_number };
    picksCache.set(db, p);
  }
  return p;
}

/** The repo query the handler runs for `input` (age bounds and school year from the backend's own clock). */
function repoCall(input: Input, cb: CountyBackend) {
  const today = chinaDate(cb.backend.services.clock.now());
  const scope = cb.session.scope;
  const { ageFrom, ageTo, gradeUnconfirmed, ...rest } = input.filter;
  const query = { ...rest, ...birthBoundsForAges(today, ageFrom, ageTo), unconfirmedFor: gradeUnconfirmed ? String(schoolYearOf(today)) : undefined };
  return (db: Db) => listMembers(db, query, input.sort, input.startRow, input.endRow, scope, input.withTotal);
}

const isPage = (s: CapturedStatement) => s.sql.startsWith('WITH page');

function memberBench(name: string, target: Target, makeCase: (p: Picks) => Case, note?: string): Benchmark<State> {
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
      const startRow = c.startRow ?? 0;
      const input: Input = { filter: c.filter, sort: c.sort ?? [], startRow, endRow: startRow + 100, withTotal: startRow === 0 };
      const parsed = methodDef('members.list').input.parse(input) as Input;
      const statements = captureStatements(db, repoCall(parsed, cb));
      return {
        cb,
        input,
        floor: rawReplay(db, statements),
        parts: { page: rawReplay(db, statements.filter(isPage)), rest: rawReplay(db, statements.filter((s) => !isPage(s))) },
        sql: statements.map((s) => s.sql.replace(/\s+/g, ' ')),
      };
    },
    ours: async (s) => {
      const r = await s.cb.backend.dispatch('members.list', s.input, s.cb.session);
      if (!r.ok) throw new Error(`members.list failed: ${r.error.message}`);
    },
    floor: (s) => s.floor(),
    detail: (s) => {
      // Where the floor's time goes: the page statement vs the count and the plan choice.
      const pageRows = (s.parts.page() as unknown[][])[0]?.length ?? 0;
      return { page_only_p50_ms: medianMs(s.parts.page), count_and_choice_p50_ms: medianMs(s.parts.rest), page_rows: pageRows, statements: s.sql.length, input: s.input };
    },
  };
}

const p95 = (maxMs: number): Target => ({ kind: 'ms', maxMs, stat: 'p95' });

export default [
  memberBench('P2 members first page', p95(150), () => ({ filter: {} }), 'register order + count of 1M'),
  memberBench('P2 members rows 10,000', p95(100), () => ({ filter: {}, startRow: 10_000 }), 'a later block (no count), as scrolling asks'),
  memberBench('P2 members village', p95(100), (p) => ({ filter: { villageId: p.villageId } })),
  memberBench('P2 members 残疾', p95(100), () => ({ filter: { health: '残疾' } }), 'quick filter, 2.5% of people'),
  memberBench('P2 members 残疾 rows 10,000', p95(100), () => ({ filter: { health: '残疾' }, startRow: 10_000 }), 'a rare filter far down: its matches sorted'),
  memberBench('P2 members 60+', p95(100), () => ({ filter: { ageFrom: 60 } }), 'quick filter, 25% of people'),
  memberBench('P2 members 义务教育年龄', p95(100), () => ({ filter: { ageFrom: 6, ageTo: 15 } })),
  memberBench('P2 members 年级未确认', p95(100), () => ({ filter: { gradeUnconfirmed: true } }), 'matches no one in the fixture'),
  memberBench('P2 members 学段 小学', p95(100), () => ({ filter: { schoolStage: '小学' } })),
  memberBench('P2 members 劳动技能', p95(100), () => ({ filter: { labourSkill: '技能劳动力' } })),
  memberBench('P2 members village + 残疾', p95(100), (p) => ({ filter: { villageId: p.villageId, health: '残疾' } })),
  memberBench('P2 members sort name', p95(100), () => ({ filter: {}, sort: [{ colId: 'name', sort: 'asc' }] })),
  memberBench('P2 members sort age', p95(100), () => ({ filter: {}, sort: [{ colId: 'age', sort: 'desc' }] })),
  memberBench('P2 members sort 健康状况', p95(100), () => ({ filter: {}, sort: [{ colId: 'health', sort: 'asc' }] }), 'whole county; a (health, id) index would serve it, +36 MB (0009)'),
  memberBench('P2 members sort 户主', p95(100), () => ({ filter: {}, sort: [{ colId: 'headName', sort: 'asc' }] })),
  memberBench('P2 members search name', p95(100), (p) => ({ filter: { search: p.name } }), 'a real full name'),
  memberBench('P2 members search surname', p95(100), (p) => ({ filter: { search: p.name.slice(0, 1) } }), 'one character: 1–8% of people'),
  memberBench('P2 members search ID 14', p95(100), (p) => ({ filter: { search: p.idNumber.slice(0, 14) } })),
] satisfies Benchmark<State>[];
