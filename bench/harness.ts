import { loadavg } from 'node:os';
import type { BenchContext } from './context';

// The harness: every benchmark is timed against the raw speed of the library underneath it, in
// the same run and interleaved (ours, floor, ours, floor…), so background load on a shared
// machine hits both sides alike and the ratio stays meaningful when absolute times wander.

export type Target =
  /** ours ÷ floor on the median ≤ max */
  | { kind: 'ratio'; max: number }
  /** absolute: ours at the given percentile ≤ maxMs (floor still measured and reported) */
  | { kind: 'ms'; maxMs: number; stat: 'p50' | 'p95' }
  /** absolute memory: ours ≤ maxMb */
  | { kind: 'mb'; maxMb: number };

export interface Skip {
  skip: string;
}
export const skip = (reason: string): Skip => ({ skip: reason });
const isSkip = (x: unknown): x is Skip => typeof x === 'object' && x !== null && 'skip' in x;

/** A measurement the benchmark takes itself (a child process, memory): already-final figures. */
export interface Measured {
  ours: number;
  floor: number | null;
  detail?: Record<string, unknown>;
}

export interface Benchmark<S = unknown> {
  name: string;
  target: Target;
  /** Returns the state ours()/floor() get, or skip(reason) when what it measures does not exist yet. */
  setup?: (ctx: BenchContext) => Promise<S | Skip> | S | Skip;
  ours?: (state: S) => unknown;
  /** Untimed, before every ours() (e.g. a fresh database for an import). */
  prepare?: (state: S) => unknown;
  floor?: (state: S) => unknown;
  /** Instead of ours/floor: a benchmark that measures itself (returns final figures). */
  measure?: (state: S, ctx: BenchContext) => Promise<Measured>;
  teardown?: (state: S) => Promise<void> | void;
  warmup?: number;
  reps?: number;
  /** Quick-mode repetitions (default: reps). */
  quickReps?: number;
  note?: string;
  /** Extra figures computed after the run (e.g. the count(*) share of a page query). */
  detail?: (state: S) => Record<string, unknown> | Promise<Record<string, unknown>>;
}

export interface BenchResult {
  name: string;
  ours_ms: number | null;
  floor_ms: number | null;
  ratio: number | null;
  target: string;
  pass: boolean | null;
  unit: 'ms' | 'MB';
  stat: string;
  ours_p50_ms?: number;
  ours_p95_ms?: number;
  floor_p50_ms?: number;
  floor_p95_ms?: number;
  reps?: number;
  scale: string;
  skipped?: string;
  error?: string;
  note?: string;
  detail?: Record<string, unknown>;
  measured_at: string;
  /** 1-minute load average when the benchmark started: the machine is shared, read times with it. */
  load_avg: number;
}

export const describeTarget = (t: Target): string =>
  t.kind === 'ratio' ? `ratio ≤ ${t.max}` : t.kind === 'ms' ? `${t.stat} ≤ ${t.maxMs} ms` : `≤ ${t.maxMb} MB`;

export function percentile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const rank = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[rank];
}

/** Median time of `runs` synchronous calls of `fn`, in ms to 2 decimals (benchmarks' detail splits). */
export function medianMs(fn: () => unknown, runs = 10): number {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    xs.push(performance.now() - t0);
  }
  return Math.round(percentile(xs, 50) * 100) / 100;
}

const round = (x: number, d = 2): number => Math.round(x * 10 ** d) / 10 ** d;

async function time(fn: () => unknown): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

export async function runBenchmark<S>(b: Benchmark<S>, ctx: BenchContext): Promise<BenchResult> {
  const base = { name: b.name, target: describeTarget(b.target), unit: (b.target.kind === 'mb' ? 'MB' : 'ms') as 'ms' | 'MB', scale: ctx.scaleLabel, note: b.note, measured_at: new Date().toISOString(), load_avg: Math.round(loadavg()[0] * 100) / 100 };
  const blank = { ...base, ours_ms: null, floor_ms: null, ratio: null, pass: null, stat: '-' };
  let state: S | Skip | undefined;
  try {
    state = b.setup ? await b.setup(ctx) : (undefined as S);
    if (isSkip(state)) return { ...blank, skipped: state.skip };
    const s = state as S;
    if (b.measure) return finishMeasured(base, b, await b.measure(s, ctx), b.detail ? await b.detail(s) : undefined);
    const reps = ctx.quick ? (b.quickReps ?? b.reps ?? 20) : (b.reps ?? 20);
    const ours1 = async () => {
      if (b.prepare) await b.prepare(s);
      return time(() => b.ours!(s));
    };
    for (let i = 0; i < (b.warmup ?? 2); i++) {
      await ours1();
      if (b.floor) await b.floor(s);
    }
    const ours: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < reps; i++) {
      // alternate which side goes first so neither always inherits the other's warm cache
      if (i % 2 === 0) {
        ours.push(await ours1());
        if (b.floor) floor.push(await time(() => b.floor!(s)));
      } else {
        if (b.floor) floor.push(await time(() => b.floor!(s)));
        ours.push(await ours1());
      }
    }
    return finishTimed(base, b, ours, floor, b.detail ? await b.detail(s) : undefined);
  } catch (e) {
    return { ...blank, pass: false, error: e instanceof Error ? `${e.message}\n${e.stack?.split('\n').slice(1, 4).join('\n')}` : String(e) };
  } finally {
    if (state !== undefined && !isSkip(state) && b.teardown) await b.teardown(state as S);
  }
}

function finishTimed<S>(base: Omit<BenchResult, 'ours_ms' | 'floor_ms' | 'ratio' | 'pass' | 'stat'>, b: Benchmark<S>, ours: number[], floor: number[], detail?: Record<string, unknown>): BenchResult {
  const stat = b.target.kind === 'ms' ? b.target.stat : 'p50';
  const pick = (xs: number[]) => (xs.length ? percentile(xs, stat === 'p95' ? 95 : 50) : NaN);
  const o = pick(ours);
  const f = floor.length ? pick(floor) : null;
  const ratio = f ? o / f : null;
  const pass = b.target.kind === 'ratio' ? (ratio === null ? null : ratio <= b.target.max) : b.target.kind === 'ms' ? o <= b.target.maxMs : null;
  return {
    ...base,
    ours_ms: round(o),
    floor_ms: f === null ? null : round(f),
    ratio: ratio === null ? null : round(ratio, 3),
    pass,
    stat,
    ours_p50_ms: round(percentile(ours, 50)),
    ours_p95_ms: round(percentile(ours, 95)),
    ...(floor.length ? { floor_p50_ms: round(percentile(floor, 50)), floor_p95_ms: round(percentile(floor, 95)) } : {}),
    reps: ours.length,
    ...(detail ? { detail } : {}),
  };
}

function finishMeasured<S>(base: Omit<BenchResult, 'ours_ms' | 'floor_ms' | 'ratio' | 'pass' | 'stat'>, b: Benchmark<S>, m: Measured, detail?: Record<string, unknown>): BenchResult {
  const ratio = m.floor ? m.ours / m.floor : null;
  const t = b.target;
  const pass = t.kind === 'ratio' ? (ratio === null ? null : ratio <= t.max) : t.kind === 'ms' ? m.ours <= t.maxMs : m.ours <= t.maxMb;
  return {
    ...base,
    ours_ms: round(m.ours),
    floor_ms: m.floor === null ? null : round(m.floor),
    ratio: ratio === null ? null : round(ratio, 3),
    pass,
    stat: t.kind === 'ms' ? t.stat : 'p50',
    ...(m.detail || detail ? { detail: { ...m.detail, ...detail } } : {}),
  };
}

/** The printed table: one line per benchmark, misses and skips easy to spot. */
export function formatTable(results: BenchResult[]): string {
  const rows = results.map((r) => [
    r.name,
    r.ours_ms === null ? '-' : `${r.ours_ms}${r.unit === 'MB' ? ' MB' : ''}`,
    r.floor_ms === null ? '-' : `${r.floor_ms}${r.unit === 'MB' ? ' MB' : ''}`,
    r.ratio === null ? '-' : `${r.ratio.toFixed(2)}×`,
    r.stat,
    r.target,
    r.load_avg ? r.load_avg.toFixed(1) : '-',
    r.skipped ? `SKIP: ${r.skipped}` : r.error ? `ERROR: ${r.error.split('\n')[0]}` : r.pass === null ? 'info' : r.pass ? 'pass' : 'MISS',
  ]);
  const head = ['benchmark', 'ours', 'floor', 'ratio', 'stat', 'target', 'load', 'result'];
  const width = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);
  const cols = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(cols[i] - width(c)))).join('  ');
  return [line(head), cols.map((c) => '-'.repeat(c)).join('  '), ...rows.map(line)].join('\n');
}
