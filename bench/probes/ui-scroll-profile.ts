import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { SourceMap } from 'node:module';
import { BENCH_ADMIN_PASSWORD, ensureCountyDb, workingCopy } from '../county';
import { COUNTY_FULL } from '../countyData';
import { CHROMIUM_ARGS, freePort, login, startServer } from '../ui-grid';
import { openRegister, scrollPass, search, settledWorkbench, waitForRow, type ScrollRun } from '../uiPage';

// Where a scrolled frame of the household register spends its main-thread time. Runs the UI
// benchmark's three scroll passes (fast 10,000 rows, back over 5,000 cached rows, 1,000 rows at wheel
// speed) with a CDP CPU profile around each, and prints per pass the CPU figures the benchmark reports
// and self / total time by function and by source package. The renderer is a production build
// without minification and with source maps (names and modules readable); the figures of a minified
// build are what `npm run bench -- --ui` measures.
// Usage: tsx bench/probes/ui-scroll-profile.ts [--static=DIR] [--fresh] [--top=N] [--save=PREFIX] [--shot=PNG]
//   [--no-scroll] [--no-profile] [--selectors] [--timeline] [--search=N [--cold]]
//   --search: time the benchmark's search N times (--cold: each right after a reload, as the benchmark does)
//   --no-profile: the CPU figures per pass only (no profiler overhead), for A/B runs of two builds
//   --static: serve an already built renderer (.js.map beside the chunks for source names)
//   --fresh: a new working copy of the county DB (else bench/.data/run/ui-prof is reused)

const root = resolve(import.meta.dirname, '../..');
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const top = Number(arg('top') ?? 25);
const save = arg('save');

function buildRenderer(): string {
  const dir = join(root, 'bench/.data/renderer-prof');
  console.log('building an unminified renderer with source maps into', dir);
  const r = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', dir, '--emptyOutDir', '--minify', 'false', '--sourcemap', '--logLevel', 'warn'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr || r.stdout);
  return dir;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Source file of a bundled position, via the chunk's source map (null without one); Node's own SourceMap reader. */
function sourceResolver(staticDir: string) {
  const maps = new Map<string, SourceMap | null>();
  return (url: string, line: number, column: number): { source: string; line: number } | null => {
    const file = url.split('/').pop() ?? '';
    if (!file.endsWith('.js')) return null;
    if (!maps.has(file)) {
      const p = join(staticDir, 'assets', `${file}.map`);
      maps.set(file, existsSync(p) ? new SourceMap(JSON.parse(readFileSync(p, 'utf8')) as ConstructorParameters<typeof SourceMap>[0]) : null);
    }
    const at = maps.get(file)?.findEntry(line, column) as { originalSource?: string; originalLine?: number } | undefined;
    return at?.originalSource ? { source: at.originalSource, line: (at.originalLine ?? 0) + 1 } : null;
  };
}

/** node_modules/<pkg> (scoped too), our source path, or the V8/browser bucket. */
function packageOf(source: string | null, url: string): string {
  if (!source) return url ? `(unmapped) ${url.split('/').pop()}` : '(native/GC/idle)';
  const nm = source.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = source.slice(nm + 13).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  return source.replace(/^(\.\.\/)+/, '');
}

const ms = (us: number) => (us / 1000).toFixed(1).padStart(8);

/** Self and total (inclusive, once per stack) time by function, and self time by package. */
function summarise(profile: CpuProfile, where: ReturnType<typeof sourceResolver>, frames: number): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = new Map<number, { fn: string; pkg: string }>();
  for (const n of profile.nodes) {
    const f = n.callFrame;
    const src = where(f.url, f.lineNumber, f.columnNumber);
    const at = src ? `${src.source.split('node_modules/').pop()}:${src.line}` : `${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    label.set(n.id, { fn: `${f.functionName || '(anonymous)'} ${at}`, pkg: packageOf(src?.source ?? null, f.url) });
  }
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const pkgSelf = new Map<string, number>();
  const pkgTotal = new Map<string, number>();
  let all = 0;
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    const node = byId.get(id)!;
    if (node.callFrame.functionName === '(idle)') return;
    all += dt;
    add(self, label.get(id)!.fn, dt);
    add(pkgSelf, label.get(id)!.pkg, dt);
    const seenFn = new Set<string>();
    const seenPkg = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const l = label.get(at)!;
      // a recursive function counts once per sample
      if (!seenFn.has(l.fn)) {
        add(total, l.fn, dt);
        seenFn.add(l.fn);
      }
      if (!seenPkg.has(l.pkg)) {
        add(pkgTotal, l.pkg, dt);
        seenPkg.add(l.pkg);
      }
    }
  });
  const topOf = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  console.log(`  sampled non-idle ${ms(all)} ms (${(all / 1000 / frames).toFixed(1)} ms/frame over ${frames} frames)`);
  console.log('  by package: self ms | total ms | self ms/frame');
  for (const [k, v] of topOf(pkgSelf, 15)) console.log(`  ${ms(v)} ${ms(pkgTotal.get(k) ?? 0)} ${(v / 1000 / frames).toFixed(2).padStart(6)}  ${k}`);
  console.log('  by function, self:');
  for (const [k, v] of topOf(self, top)) console.log(`  ${ms(v)}  ${k}`);
  console.log('  by function, total:');
  for (const [k, v] of topOf(total, top)) console.log(`  ${ms(v)}  ${k}`);
}

async function profiledPass(page: Page, cdp: CDPSession, name: string, toRow: number, rowsPerSecond: number, where: ReturnType<typeof sourceResolver>): Promise<void> {
  const profiling = !process.argv.includes('--no-profile');
  if (profiling) {
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  const run: ScrollRun = await scrollPass(page, cdp, toRow, rowsPerSecond);
  const { cpu, frames } = run;
  const perFrame = (x: number) => (x / frames.length).toFixed(1);
  console.log(`\n== ${name}: ${frames.length} frames in ${Math.round(run.elapsedMs)} ms; per frame: main thread ${cpu.mainThreadMsPerFrame} ms, script ${perFrame(cpu.scriptMs)}, style ${perFrame(cpu.styleMs)}, layout ${perFrame(cpu.layoutMs)}`);
  if (!profiling) return;
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  if (save) writeFileSync(`${save}-${name}.cpuprofile`, JSON.stringify(profile));
  summarise(profile, where, frames.length);
}

// The traced passes go back and forth between rows 6,000 (where the wheel pass ends) and 5,000: all cached.
let tracedRow = 6_000;
const nextTracedRow = () => (tracedRow = tracedRow === 6_000 ? 5_000 : 6_000);

interface SelectorTiming {
  selector: string;
  elapsed: number;
  match_attempts: number;
  match_count: number;
}

/**
 * Style recalculation by CSS selector (Chrome's selector stats, the DevTools "CSS selector stats") over
 * a cached scroll back 1,000 rows: which rules the new rows' elements cost matching against.
 */
async function selectorStats(page: Page, cdp: CDPSession): Promise<void> {
  const events: { name: string; args?: { selector_stats?: { selector_timings: SelectorTiming[] } } }[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as typeof events)));
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['disabled-by-default-blink.debug', 'devtools.timeline'] }, transferMode: 'ReportEvents' });
  await scrollPass(page, cdp, nextTracedRow(), 2000);
  await cdp.send('Tracing.end');
  await done;
  const by = new Map<string, SelectorTiming>();
  for (const e of events)
    for (const t of e.args?.selector_stats?.selector_timings ?? []) {
      const a = by.get(t.selector) ?? { selector: t.selector, elapsed: 0, match_attempts: 0, match_count: 0 };
      // Chrome names the field "elapsed (us)"
      a.elapsed += (t as unknown as Record<string, number>)['elapsed (us)'] ?? t.elapsed;
      a.match_attempts += t.match_attempts;
      a.match_count += t.match_count;
      by.set(t.selector, a);
    }
  const all = [...by.values()].sort((a, b) => b.elapsed - a.elapsed);
  console.log(`\n== selector stats (cached scroll over 1,000 rows): ${all.length} selectors, ${ms(all.reduce((n, t) => n + t.elapsed, 0))} ms matching`);
  const sourceOf = (sel: string) => (/\.ant-|css-/.test(sel) ? 'antd' : /ag-/.test(sel) ? 'ag-grid' : /gl-/.test(sel) ? 'ours' : 'other');
  const bySource = new Map<string, number>();
  for (const t of all) bySource.set(sourceOf(t.selector), (bySource.get(sourceOf(t.selector)) ?? 0) + t.elapsed);
  console.log('  by stylesheet (guessed from the selector):', [...bySource].map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} ms`).join(', '));
  console.log('  elapsed ms | attempts | matches | selector');
  for (const t of all.slice(0, top)) console.log(`  ${ms(t.elapsed)} ${String(t.match_attempts).padStart(9)} ${String(t.match_count).padStart(8)}  ${t.selector.slice(0, 160)}`);
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tid: number;
  args?: { name?: string };
}

/** Main-thread time by trace event (inclusive, so nested events overlap) over a cached scroll of 1,000 rows. */
async function timeline(page: Page, cdp: CDPSession): Promise<void> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'] }, transferMode: 'ReportEvents' });
  const run = await scrollPass(page, cdp, nextTracedRow(), 2000);
  await cdp.send('Tracing.end');
  await done;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')?.tid;
  const by = new Map<string, number>();
  for (const e of events) if (e.tid === main && e.ph === 'X' && e.dur) by.set(e.name, (by.get(e.name) ?? 0) + e.dur);
  console.log(`\n== timeline (cached scroll over 1,000 rows, ${run.frames.length} frames): inclusive ms, ms/frame`);
  for (const [k, v] of [...by].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${ms(v)} ${(v / 1000 / run.frames.length).toFixed(2).padStart(7)}  ${k}`);
}

const staticDir = arg('static') ? resolve(arg('static')!) : buildRenderer();
const dataDir = join(root, 'bench/.data/run/ui-prof');
if (process.argv.includes('--fresh') || !existsSync(dataDir)) workingCopy(await ensureCountyDb(COUNTY_FULL), 'ui-prof');
const port = await freePort();
const server = await startServer(dataDir, port, staticDir);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  await profileScrolls(await browser.newPage({ viewport: { width: 1400, height: 900 } }), port);
} finally {
  await browser.close();
  server.kill('SIGTERM');
}

/** The benchmark's search (a 户主 name from row 5,000) `n` times, each followed by clearing the box. */
async function searches(page: Page, port: number, n: number): Promise<void> {
  const call = async (method: string, input: unknown, token?: string) =>
    ((await (await fetch(`http://127.0.0.1:${port}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(input) })).json()) as { value: unknown }).value;
  const { token } = (await call('auth.login', { username: 'admin', password: BENCH_ADMIN_PASSWORD })) as { token: string };
  const { rows } = (await call('households.list', { filter: {}, sort: [], startRow: 5000, endRow: 5001 }, token)) as { rows: { headName: string }[] };
  const times: number[] = [];
  const cold = process.argv.includes('--cold');
  const t00 = performance.now();
  const at = () => Math.round(performance.now() - t00);
  const log = (what: string) => (r: { url(): string }) => void (r.url().includes('/api/') && console.log(`    ${String(at()).padStart(6)} ${what} ${r.url().split('/api/')[1]}`));
  if (process.argv.includes('--log-api')) {
    page.on('request', log('→'));
    page.on('requestfinished', log('←'));
  }
  for (let i = 0; i < n; i++) {
    if (cold && process.argv.includes('--log-api')) {
      // the benchmark's whole sequence: a settled 工作台, the register opened from it, then the reload
      await settledWorkbench(page);
      console.log(`    ${String(at()).padStart(6)} workbench settled`);
      await openRegister(page);
    }
    if (cold) {
      // as the benchmark does: right after a reload of the register has shown its first rows
      await page.reload();
      await waitForRow(page, 0, 180_000);
    }
    const listed = page.waitForResponse((r) => r.url().endsWith('/api/households.list') && (r.request().postData() ?? '').includes(rows[0].headName));
    const t0 = performance.now();
    console.log(`    ${String(at()).padStart(6)} search starts`);
    const total = search(page, rows[0].headName);
    await listed;
    const responseMs = Math.round(performance.now() - t0);
    times.push(Math.round(await total));
    console.log(`  search ${i + 1}: response after ${responseMs} ms, rows after ${times[i]} ms`);
    await page.getByLabel('搜索农户').fill('');
    await page.getByLabel('搜索农户').press('Enter');
    await waitForRow(page, 0);
  }
  console.log(`search "${rows[0].headName}" ms: ${times.join(' ')} | median ${[...times].sort((a, b) => a - b)[Math.floor(n / 2)]}`);
}

async function profileScrolls(page: Page, port: number): Promise<void> {
  await login(page, `http://127.0.0.1:${port}`);
  console.log('register first rows ms', Math.round((await openRegister(page)).ms));
  const dom = await page.evaluate(() => {
    const grid = document.querySelector('[data-testid="household-grid"]')!;
    return { rows: grid.querySelectorAll('.ag-row').length, cells: grid.querySelectorAll('.ag-cell').length, elements: grid.querySelectorAll('*').length };
  });
  console.log('register DOM at rest', JSON.stringify(dom));
  if (arg('shot')) await page.screenshot({ path: arg('shot')! });
  if (arg('search')) await searches(page, port, Number(arg('search')));
  if (process.argv.includes('--no-scroll')) return;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('Profiler.enable');
  const where = sourceResolver(staticDir);
  await profiledPass(page, cdp, 'fast', 10_000, 2000, where);
  await waitForRow(page, 10_000);
  await profiledPass(page, cdp, 'cached', 5_000, 2000, where);
  await profiledPass(page, cdp, 'wheel', 6_000, 300, where);
  if (process.argv.includes('--selectors')) await selectorStats(page, cdp);
  if (process.argv.includes('--timeline')) await timeline(page, cdp);
}
