import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createContext } from './context';
import { formatTable, runBenchmark, type Benchmark, type BenchResult } from './harness';

// npm run bench                 all benchmarks at county scale (300k households; builds the fixture once, ~2 min)
// npm run bench -- --quick      a tenth of the scale, under 2 minutes
// npm run bench -- --ui         the Playwright register-grid measurement (Chromium) on the county DB
// npm run bench -- --only P2,P7 only benchmarks whose name starts with one of these
// Results: a table on stdout and bench/results.json (merged by name when --only/--ui ran a subset;
// a full run keeps the UI entries).

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, ui: { type: 'boolean', default: false }, only: { type: 'string' } },
});
const benchDir = fileURLToPath(new URL('.', import.meta.url));
const resultsFile = join(benchDir, 'results.json');

async function loadBenchmarks(): Promise<Benchmark<unknown>[]> {
  const dir = join(benchDir, 'benchmarks');
  const files = readdirSync(dir).filter((f) => /\.ts$/.test(f)).sort();
  const out: Benchmark<unknown>[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(dir, f)).href)) as { default?: Benchmark<unknown> | Benchmark<unknown>[] };
    if (!mod.default) throw new Error(`bench/benchmarks/${f} has no default export`);
    out.push(...(Array.isArray(mod.default) ? mod.default : [mod.default]));
  }
  return out;
}

async function main(): Promise<void> {
  const ctx = createContext({ quick: values.quick });
  const only = values.only?.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
  const results: BenchResult[] = [];
  try {
    if (values.ui) {
      const { runUiBenchmarks } = await import('./ui-grid');
      results.push(...(await runUiBenchmarks(ctx)));
    } else {
      const all = await loadBenchmarks();
      const chosen = only ? all.filter((b) => only.some((p) => b.name.toUpperCase().startsWith(p))) : all;
      for (const b of chosen) {
        ctx.log(`▶ ${b.name}`);
        const t0 = performance.now();
        const r = await runBenchmark(b, ctx);
        ctx.log(`  (${((performance.now() - t0) / 1000).toFixed(1)} s) ${r.skipped ? `skipped: ${r.skipped}` : r.error ? `ERROR ${r.error}` : `ours ${r.ours_ms} · floor ${r.floor_ms ?? '-'} · ${r.pass === null ? 'info' : r.pass ? 'pass' : 'MISS'}`}`);
        results.push(r);
      }
    }
  } finally {
    await ctx.close();
  }
  console.log(`\n${ctx.scaleLabel}\n${formatTable(results)}\n`);
  writeResults(results, Boolean(values.ui || only));
  if (results.some((r) => r.error)) process.exitCode = 1;
}

/**
 * A subset run (--only, --ui) replaces its own entries and keeps the others; a full run writes the
 * backend benchmarks afresh but keeps the UI entries (only --ui makes those). measured_at dates each.
 */
function writeResults(results: BenchResult[], merge: boolean): void {
  let out = results;
  if (existsSync(resultsFile)) {
    const previous = JSON.parse(readFileSync(resultsFile, 'utf8')) as BenchResult[];
    const names = new Set(results.map((r) => r.name));
    const keep = previous.filter((r) => !names.has(r.name) && (merge || r.name.startsWith('UI ')));
    out = [...results, ...keep];
  }
  // P1…P7 in order, the UI measurements last.
  const rank = (r: BenchResult) => `${r.name.startsWith('UI ') ? 'Z' : 'A'}${r.name}`;
  out = [...out].sort((a, b) => rank(a).localeCompare(rank(b)));
  writeFileSync(resultsFile, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`wrote ${resultsFile}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
