import { EventEmitter } from 'node:events';
import { loadavg } from 'node:os';
import { DB_FILE } from '../../electron/backend/index';
import type { BackendServices, Session } from '../../electron/backend/context';
import { openDatabase } from '../../electron/backend/db/connection';
import { dispatch } from '../../electron/backend/dispatch';
import { FileStore } from '../../electron/backend/files';
import { allHandlers } from '../../electron/backend/handlers/index';
import { PROFILE_KEY } from '../../electron/backend/handlers/settings';
import { getSetting } from '../../electron/backend/repos/settings';
import { FixedClock, sequentialIds } from '../../electron/backend/runtime';
import { parseProfile } from '../../shared/domain/profile';
import { COUNTY_FULL, COUNTY_QUICK } from '../countyData';
import { BENCH_NOW, ensureCountyDb, workingCopy, type CountyDb } from '../county';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

// Probe: the requests the 工作台 (renderer/src/features/workbench/cards/*.tsx) fires on load, each
// through the real dispatch (access check, zod input, handler) on the cached county fixture opened
// READ-ONLY (no working copy, no daily backup, no HTTP). Median of N runs after one warm-up run,
// with the load average printed, since other benchmarks may share the 2 cores.
// --explain prints EXPLAIN QUERY PLAN of the statements each request runs.
// The fixture has no visits, pairings nor measures (bench/county.ts): --visits runs on a working
// copy (bench/.data/run/workbench-probe, made once) where every 监测户 gets a 县级审定 date spread
// over 2025–2026, a 帮扶干部 (10% re-paired mid-month), monthly visits July–November and measures.
// Usage: npx tsx bench/probes/workbench-load.ts [reps=5] [--quick] [--visits] [--explain]

const reps = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 5);
const county = await ensureCountyDb(process.argv.includes('--quick') ? COUNTY_QUICK : COUNTY_FULL);
const dbFile = process.argv.includes('--visits') ? withVisits(county) : join(county.dataDir, DB_FILE);
const db = openDatabase(dbFile, { readonly: true });
const clock = new FixedClock(BENCH_NOW);
const ids = sequentialIds('019af000');
const services: BackendServices = {
  db,
  clock,
  ids,
  dataDir: county.dataDir,
  workstationId: 'probe',
  files: new FileStore(db, ids, county.dataDir),
  emit: (event, payload) => new EventEmitter().emit(event, payload),
  profile: () => parseProfile(getSetting<unknown>(db, PROFILE_KEY) ?? {}),
  invalidateSettings: () => {},
  testMode: false,
  readOnly: true,
};
const session: Session = { userId: 'probe', username: 'admin', displayName: '管理员', role: 'admin', scope: { kind: 'all' }, tokenHash: 'probe' };
const handlers = allHandlers();
const log = { error: (m: string, e?: unknown) => console.error(m, e), warn: (m: string) => console.warn(m) };

/** The 工作台's load: card → method + input, as the cards send them. */
export const WORKBENCH_REQUESTS: [string, string, unknown][] = [
  ['逾期事项', 'cases.list', { filter: { due: 'overdue' }, startRow: 0, endRow: 8 }],
  ['逾期事项', 'leads.list', { filter: { due: 'overdue' }, startRow: 0, endRow: 8 }],
  ['48 小时待核实', 'leads.list', { filter: { status: 'awaitingContact' }, startRow: 0, endRow: 8 }],
  ['公示即将到期', 'notices.list', { filter: { active: true }, startRow: 0, endRow: 8 }],
  ['待镇街审核', 'cases.list', { filter: { step: 'townshipReview' }, startRow: 0, endRow: 8 }],
  ['本月待走访', 'followups.coverage', { visitState: 'overdue', startRow: 0, endRow: 8 }],
  ['本月待走访', 'followups.coverage', { visitState: 'pending', startRow: 0, endRow: 8 }],
  ['超期未消除', 'followups.escalations', { startRow: 0, endRow: 8 }],
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Wall ms, and CPU ms of this process (the handlers are synchronous: less noise from the neighbours). */
async function timeOne(method: string, input: unknown): Promise<{ ms: number; cpu: number; total: unknown }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await dispatch(services, handlers, log, method, input, session);
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  const v = r.value as { total?: number; households?: { total: number } };
  return { ms, cpu: (c.user + c.system) / 1000, total: v.total ?? v.households?.total };
}

if (process.argv.includes('--explain')) {
  // Capture the SQL each request prepares, then print its plan.
  const prepare = db.prepare.bind(db);
  const seen = new Map<string, string>();
  let current = '';
  (db as unknown as { prepare: (s: string) => unknown }).prepare = (sql: string) => {
    if (!seen.has(sql)) seen.set(sql, current);
    return prepare(sql);
  };
  for (const [, method, input] of WORKBENCH_REQUESTS) {
    current = method;
    await timeOne(method, input);
  }
  (db as unknown as { prepare: typeof prepare }).prepare = prepare;
  for (const [sql, method] of seen) {
    if (!/^\s*(SELECT|WITH)/i.test(sql)) continue;
    console.log(`\n── ${method}\n${sql.replace(/\s+/g, ' ').slice(0, 600)}`);
    const named = Object.fromEntries([...sql.matchAll(/@(\w+)/g)].map((m) => [m[1], null]));
    const positional = Array((sql.match(/\?/g) ?? []).length).fill(null);
    const args = Object.keys(named).length ? [named] : positional;
    for (const p of db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]) console.log('   ', p.detail);
  }
}

console.log(`${county.households} households, ${county.members} people${dbFile.includes('workbench-probe') ? ' + visits/cadres/measures' : ''}; median of ${reps} (ms); load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
for (const [card, method, input] of WORKBENCH_REQUESTS) {
  const first = await timeOne(method, input); // warm (statement cache, page cache)
  const runs = [];
  for (let i = 0; i < reps; i++) runs.push(await timeOne(method, input));
  const wall = median(runs.map((r) => r.ms));
  const cpu = median(runs.map((r) => r.cpu));
  console.log(`${card.padEnd(10)} ${method.padEnd(22)} ${JSON.stringify(input).slice(0, 60).padEnd(62)} first ${first.ms.toFixed(1).padStart(7)}  median ${wall.toFixed(1).padStart(7)}  cpu ${cpu.toFixed(1).padStart(7)}  total ${String(first.total)}`);
}
console.log(`load average after: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
db.close();

/** The working copy with follow-up facts (see the header), seeded once, deterministic. */
function withVisits(c: CountyDb): string {
  const dir = join(c.dataDir, '..', 'run', 'workbench-probe');
  const marker = join(dir, 'seeded');
  // Re-seeded when the fixture (its key names the schema) changed since.
  if (existsSync(marker) && readFileSync(marker, 'utf8') === basename(c.dataDir)) return join(dir, DB_FILE);
  workingCopy(c, 'workbench-probe');
  const w = openDatabase(join(dir, DB_FILE));
  let seed = 42;
  const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pad = (n: number) => String(n).padStart(2, '0');
  const at = '2026-11-01T00:00:00.000Z';
  const ids = w.prepare(`SELECT id FROM households WHERE status = 'monitoring'`).pluck().all() as string[];
  w.transaction(() => {
    const since = w.prepare(`UPDATE households SET monitored_since = ? WHERE id = ?`);
    const cadre = w.prepare(`INSERT INTO cadres (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)`);
    const pair = w.prepare(`INSERT INTO cadre_assignments (id, cadre_id, household_id, start_date, end_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    const visit = w.prepare(`INSERT INTO followups (id, household_id, visit_date, method, findings, satisfaction, created_at, updated_at) VALUES (?, ?, ?, 'home', '走访', ?, ?, ?)`);
    const measure = w.prepare(`INSERT INTO measures (id, household_id, category, content, status, created_at, updated_at) VALUES (?, ?, 'industry', '产业帮扶', ?, ?, ?)`);
    for (let i = 0; i < 600; i++) cadre.run(`cadre-${i}`, `${'张王李赵刘陈杨黄周吴'[i % 10]}干部${i}`, at, at);
    let n = 0;
    for (const id of ids) {
      const r = rnd();
      since.run(r < 0.05 ? null : `202${r < 0.5 ? 5 : 6}-${pad(1 + Math.floor(rnd() * 11))}-${pad(1 + Math.floor(rnd() * 28))}`, id);
      if (r < 0.9) pair.run(`a${n++}`, `cadre-${Math.floor(rnd() * 600)}`, id, '2026-01-15', r < 0.1 ? '2026-11-10' : null, at, at);
      if (r < 0.1) pair.run(`a${n++}`, `cadre-${Math.floor(rnd() * 600)}`, id, '2026-11-11', null, at, at);
      for (const m of [7, 8, 9, 10, 11]) {
        if (rnd() < (m === 11 ? 0.55 : 0.9)) visit.run(`f${n++}`, id, `2026-${pad(m)}-${pad(1 + Math.floor(rnd() * 28))}`, ['satisfied', 'basicallySatisfied', null][Math.floor(rnd() * 3)], at, at);
      }
      if (rnd() < 0.5) measure.run(`m${n++}`, id, rnd() < 0.5 ? 'planned' : 'implemented', at, at);
    }
  })();
  w.close();
  writeFileSync(marker, basename(c.dataDir));
  return join(dir, DB_FILE);
}
