import { countyBackend } from '../countyBackend';
import { loadavg } from 'node:os';
import { contract, methodNames } from '../../shared/api/contract';

// Sweep: every READ method of the API contract (write: false) on the county database, called as the admin
// with the smallest input its schema accepts ({} or a first page), plus inputs naming a real household,
// member and village. Prints each call's time (median of 3) slowest first, to find a county-scale stall no
// benchmark covers. Methods whose input needs more than that are listed as skipped. Jobs that are slow by
// nature (a backup, a full check, the logical export) have their own probes (county-backup, county-export).
// `npx tsx bench/probes/county-read-sweep.ts`

const { backend, session } = await countyBackend('county-sweep');
const db = backend.services.db;
const household = db.prepare(`SELECT id FROM households LIMIT 1 OFFSET 150000`).pluck().get() as string;
const member = db.prepare(`SELECT id FROM members WHERE household_id = ?`).pluck().get(household) as string;
const village = db.prepare(`SELECT village_id FROM households WHERE id = ?`).pluck().get(household) as string;
const only = process.argv.slice(2);
const JOBS = new Set(['backups.create', 'system.check', 'exports.all', 'imports.all', 'backups.exportEncrypted', 'backups.importEncrypted', 'backups.restore']);
const candidates = [{}, { householdId: household }, { id: household }, { memberId: member }, { villageId: village }, { filter: {} }, { filter: {}, startRow: 0, endRow: 100 }];
const results: { method: string; ms: number; input: string }[] = [];
const skipped: string[] = [];
for (const name of methodNames) {
  const def = contract[name] as { write: boolean; input: { safeParse: (v: unknown) => { success: boolean } } };
  if (def.write || name.startsWith('testing.') || name.startsWith('auth.') || JOBS.has(name) || (only.length && !only.includes(name))) continue;
  const input = candidates.find((c) => def.input.safeParse(c).success);
  if (!input) {
    skipped.push(name);
    continue;
  }
  process.stderr.write(`… ${name} ${JSON.stringify(input).slice(0, 40)}\n`);
  const times: number[] = [];
  let error = '';
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const r = await backend.dispatch(name, input, session);
    times.push(performance.now() - t0);
    if (!r.ok) error = r.error.message.slice(0, 60);
  }
  times.sort((a, b) => a - b);
  results.push({ method: name, ms: Math.round(times[1] * 10) / 10, input: JSON.stringify(input).slice(0, 40) + (error ? `  ERROR ${error}` : '') });
}
results.sort((a, b) => b.ms - a.ms);
console.log(`load ${loadavg()[0].toFixed(1)}`);
for (const r of results) console.log(`${String(r.ms).padStart(8)} ms  ${r.method.padEnd(32)} ${r.input}`);
console.log('skipped (input needs more):', skipped.join(', '));
backend.close();
