import { rmSync } from 'node:fs';
import { createBackend } from '../../electron/backend/index';
import { BENCH_ADMIN_PASSWORD, benchDataDir } from '../county';
import { login } from '../context';
import { ROSTER_SPEC, rosterXlsx } from '../fixtures/rosterXlsx';
import { dropTarget, emptyTarget, rowsWrittenSince } from '../importWriteFloor';

// Where P1's write floor goes: the raw re-insert of one import's rows, per table, with the schema as
// it is and with chosen indexes dropped. `npx tsx bench/probes/write-floor-parts.ts [index ...]`

const drop = process.argv.slice(2);
const roster = await rosterXlsx(ROSTER_SPEC);
const dataDir = benchDataDir('wf-probe');
const backend = await createBackend({ dataDir, adminPassword: BENCH_ADMIN_PASSWORD, log: { error: () => {}, warn: () => {} } });
await backend.maintenance;
const session = await login(backend);
const call = async (m: string, i: unknown) => { const r = await backend.dispatch(m, i, session); if (!r.ok) throw new Error(r.error.message); return r.value as { id: string; previewId: string }; };
const t = await call('divisions.save', { level: 'township', name: roster.township });
for (const v of roster.villages) { const vv = await call('divisions.save', { level: 'village', name: v.name, parentId: t.id }); for (const g of v.groups) await call('divisions.save', { level: 'group', name: g, parentId: vv.id }); }
const token = backend.services.files.put(roster.bytes, { originalName: 'r.xlsx', kind: 'upload', at: new Date().toISOString(), createdBy: 'admin' }).id;
const since = new Date().toISOString();
const p = await call('imports.roster.preview', { file: token, options: {} });
await call('imports.roster.commit', { previewId: p.previewId });
const db = backend.services.db;
const written = rowsWrittenSince(db, since);
const divisions = db.prepare('SELECT * FROM divisions').raw(true);
const cols = divisions.columns().map((c) => c.name);
const divRows = divisions.all() as unknown[][];
for (const tbl of written.tables) console.log(tbl.table, tbl.rows.length, 'avg bytes', Math.round(JSON.stringify(tbl.rows).length / Math.max(1, tbl.rows.length)));
async function run(label: string, dropIdx: string[]) {
  const times: Record<string, number>[] = [];
  for (let i = 0; i < 3; i++) {
    const target = await emptyTarget(`wf-${i}`, divRows, cols);
    for (const ix of dropIdx) target.db.exec(`DROP INDEX IF EXISTS ${ix}`);
    const per: Record<string, number> = {};
    const stmts = written.tables.map((tb) => ({ tb, stmt: target.db.prepare(`INSERT INTO ${tb.table} (${tb.columns.join(', ')}) VALUES (${tb.columns.map(() => '?').join(', ')})`) }));
    const t0 = performance.now();
    target.db.transaction(() => {
      for (const { tb, stmt } of stmts) { const a = performance.now(); for (const r of tb.rows) stmt.run(...r); per[tb.table] = Math.round(performance.now() - a); }
      per.beforeCommit = Math.round(performance.now() - t0);
    })();
    per.total = Math.round(performance.now() - t0);
    times.push(per);
    dropTarget(target);
  }
  console.log(label, JSON.stringify(times[1]), JSON.stringify(times[2]));
}
await run('as is', []);
if (drop.length) await run(`without ${drop.join(',')}`, drop);
backend.close();
rmSync(dataDir, { recursive: true, force: true });
