import { existsSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { createBackend } from '../../electron/backend/index';
import { COUNTY_FULL } from '../countyData';
import { ensureCountyDb, workingCopy } from '../county';
import { login } from '../context';
import { gradeHouseholds, rawWrite, readBack } from '../benchmarks/p5-quarterly';

// P5 probe: the quarterly export on a kept working copy of the county DB (graded once), timed N
// times; --floor interleaves the benchmark's floor (raw exceljs, same rows) and prints the median
// ratio (--lean: also the lean floor, see rawWrite); --profile=FILE writes a CPU profile of the
// runs after the first (warm: page cache, JIT) for chrome://inspect or a script.
// Usage: p5-profile.ts [reps] [--fresh] [--floor] [--lean] [--profile=FILE]

const reps = Number(process.argv[2] ?? 3);
const dir = join(process.cwd(), 'bench/.data/run/p5-probe');
const fresh = process.argv.includes('--fresh') || !existsSync(join(dir, 'graded'));
if (fresh) workingCopy(await ensureCountyDb(COUNTY_FULL), 'p5-probe');
const backend = await createBackend({ dataDir: dir, log: { error: () => {}, warn: () => {} } });
await backend.maintenance;
if (fresh) {
  gradeHouseholds(backend, 10_000);
  writeFileSync(join(dir, 'graded'), '');
}
const session = await login(backend);
const profileFile = process.argv.find((a) => a.startsWith('--profile='))?.slice('--profile='.length);
const inspector = profileFile ? new Session() : undefined;
const post = (method: string, params?: object) => new Promise<unknown>((resolve, reject) => inspector!.post(method, params, (e, r) => (e ? reject(e) : resolve(r))));
inspector?.connect();
const times: number[] = [];
const floors: number[] = [];
const leans: number[] = [];
let rows: unknown[][] | undefined;
for (let i = 0; i < reps; i++) {
  const t0 = performance.now();
  const r = await backend.dispatch('exports.quarterly', { year: 2026, quarter: 4 }, session);
  times.push(Math.round(performance.now() - t0));
  if (!r.ok) throw new Error(r.error.message);
  const bytes = backend.services.files.read((r.value as { fileId: string }).fileId);
  if (i === 0) console.log('rows', (r.value as { rows: number }).rows, 'bytes', bytes.length);
  if (i === 0 && inspector) await post('Profiler.enable').then(() => post('Profiler.start'));
  if (!process.argv.includes('--floor')) continue;
  rows ??= await readBack(bytes);
  const t1 = performance.now();
  await rawWrite(rows);
  floors.push(Math.round(performance.now() - t1));
  if (!process.argv.includes('--lean')) continue;
  const t2 = performance.now();
  await rawWrite(rows, 'lean');
  leans.push(Math.round(performance.now() - t2));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log('ours ms', times.join(' '), '| median', median(times));
if (leans.length) console.log('lean ms', leans.join(' '), '| median', median(leans), '| ratio', (median(times) / median(leans)).toFixed(2));
if (floors.length) console.log('floor ms', floors.join(' '), '| median', median(floors), '| ratio', (median(times) / median(floors)).toFixed(2));
if (inspector) writeFileSync(profileFile!, JSON.stringify(((await post('Profiler.stop')) as { profile: unknown }).profile));
backend.close();
