import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { workingCopy } from '../county';
import type { BenchContext } from '../context';
import { percentile, type Benchmark, type Measured } from '../harness';

// P6 — start and memory, each measured in a fresh child process (bench/probes/start.ts), three
// times per side, alternating, medians reported. Page cache is warm (the working copy was just
// written): a first start after a reboot reads the file from disk and is slower.
// createBackend returns once the backend can answer: the county file's quick_check runs on a
// worker afterwards (backend.integrity) and, on the first start of a day, the verified daily
// backup after that (backend.maintenance). The first probe on the fresh working copy is that
// first start: it waits for the backup and is reported apart; the medians are ordinary starts.
// The floor is the same inline work done by better-sqlite3 alone (open, pragmas, user_version,
// schema read); both sides' quick_check times are reported in the detail.

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
type Probe = Record<string, number | boolean | string | null>;

function probe(mode: 'ours' | 'floor', dataDir: string, variant: 'first' | 'ordinary' = 'ordinary'): Promise<Probe> {
  return new Promise((res, rej) => {
    const child = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'bench/probes/start.ts'), mode, dataDir, variant], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !last.startsWith('{')) rej(new Error(`start probe (${mode}) failed: ${err.slice(-800) || out.slice(-800)}`));
      else res(JSON.parse(last) as Probe);
    });
  });
}

interface State {
  ours: Probe[];
  floor: Probe[];
  firstOfDay: Probe;
}
const runs = new WeakMap<BenchContext, Promise<State>>();

/** Both P6 results come from the same child runs. */
function measureOnce(ctx: BenchContext): Promise<State> {
  let p = runs.get(ctx);
  if (!p) {
    p = (async () => {
      const dataDir = workingCopy(await ctx.county(), 'p6');
      const s: State = { ours: [], floor: [], firstOfDay: await probe('ours', dataDir, 'first') };
      for (let i = 0; i < 3; i++) {
        s.ours.push(await probe('ours', dataDir));
        s.floor.push(await probe('floor', dataDir));
      }
      return s;
    })();
    runs.set(ctx, p);
  }
  return p;
}

const med = (xs: Probe[], key: string) => Math.round(percentile(xs.map((x) => x[key] as number), 50) * 10) / 10;

const round = (x: unknown) => (typeof x === 'number' ? Math.round(x) : x);

const start: Benchmark<BenchContext> = {
  name: 'P6 start (createBackend)',
  target: { kind: 'ms', maxMs: 300, stat: 'p50' },
  note: 'ours = createBackend as shipped (open, pragmas, header/schema checks, migration check, start audit; the county file is quick_checked on a worker after the start); floor = better-sqlite3 open + pragmas + user_version + schema read',
  setup: (ctx) => ctx,
  measure: async (ctx): Promise<Measured> => {
    const s = await measureOnce(ctx);
    const first = s.firstOfDay;
    return {
      ours: percentile(s.ours.map((x) => x.startMs as number), 50),
      floor: percentile(s.floor.map((x) => x.startMs as number), 50),
      detail: {
        background_verdict: [...new Set(s.ours.map((x) => x.verdict))].join(','),
        background_check_ms: med(s.ours, 'backgroundCheckMs'),
        verdict_after_start_call_ms: med(s.ours, 'verdictAfterMs'),
        event_loop_max_delay_during_check_ms: med(s.ours, 'verdictLagMaxMs'),
        floor_quick_check_ms: med(s.floor, 'quickCheckMs'),
        quick_check_ok: s.ours.every((x) => x.quickCheckOk) && s.floor.every((x) => x.quickCheckOk),
        first_start_of_day_ms: round(first.startMs),
        first_start_daily_backup_done_after_ms: round(first.dailyBackupAfterMs),
        first_start_daily_backup: first.dailyBackupId,
        first_start_event_loop_max_delay_during_backup_ms: round(first.dailyBackupLagMaxMs),
        first_start_event_loop_p99_delay_during_backup_ms: round(first.dailyBackupLagP99Ms),
      },
    };
  },
};

const rss: Benchmark<BenchContext> = {
  name: 'P6 backend RSS after P2',
  target: { kind: 'mb', maxMb: 300 },
  setup: (ctx) => ctx,
  measure: async (ctx): Promise<Measured> => {
    const s = await measureOnce(ctx);
    return { ours: med(s.ours, 'rssAfter'), floor: med(s.floor, 'rssAfter'), detail: { ours_rss_after_start_mb: med(s.ours, 'rssStart'), floor_rss_after_open_mb: med(s.floor, 'rssStart') } };
  },
};

export default [start, rss];
