import { build } from 'esbuild';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

// Runs test/fault/child/worker.ts as a separate process and kills it with SIGKILL — the closest
// a test can get to a crash or a power cut at the process level (reliability bar F-01..F-04).

/** GUARDLINE_LONG=1 runs the full counts of the reliability bar; CI runs a shorter loop. */
export const LONG = process.env.GUARDLINE_LONG === '1';
const MIGRATIONS = join(process.cwd(), 'electron', 'backend', 'db', 'migrations');
let bundled: Promise<string> | null = null;

/** Bundles the worker once per run: starting a bundle takes ~0.2 s, tsx would re-transform every time. */
export function workerBundle(): Promise<string> {
  // Inside node_modules so the bundle resolves better-sqlite3 from the project.
  const out = join(process.cwd(), 'node_modules', '.cache', 'guardline-fault', 'worker.mjs');
  bundled ??= (async () => {
    mkdirSync(join(out, '..'), { recursive: true });
    await build({ entryPoints: [join(process.cwd(), 'test', 'fault', 'child', 'worker.ts')], bundle: true, platform: 'node', format: 'esm', outfile: out, external: ['better-sqlite3'], logLevel: 'error', banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } });
    return out;
  })();
  return bundled;
}

export interface Run {
  child: ChildProcess;
  lines: string[];
  /** Resolves when a stdout line starting with `prefix` has arrived. */
  waitFor(prefix: string): Promise<void>;
  exited: Promise<number | null>;
  stderr(): string;
}

export async function startWorker(args: string[]): Promise<Run> {
  const child = spawn(process.execPath, [await workerBundle(), ...args], { env: { ...process.env, GUARDLINE_MIGRATIONS_DIR: MIGRATIONS }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let err = '';
  const waiters: { prefix: string; resolve: () => void }[] = [];
  let buffer = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      for (const w of waiters.filter((x) => line.startsWith(x.prefix))) w.resolve();
    }
  });
  child.stderr!.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    lines,
    exited,
    stderr: () => err,
    waitFor: (prefix) =>
      lines.some((l) => l.startsWith(prefix))
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            waiters.push({ prefix, resolve });
            void exited.then(() => setTimeout(() => reject(new Error(`worker exited before ${prefix}: ${err.slice(0, 500)}`)), 50));
          }),
  };
}

/** Kills after `ms` (or lets it finish if it is done sooner) and waits for the process to be gone. */
export async function killAfter(run: Run, ms: number): Promise<'killed' | 'finished'> {
  const timer = new Promise<'timer'>((r) => setTimeout(() => r('timer'), ms));
  const first = await Promise.race([timer, run.exited.then(() => 'exit' as const)]);
  if (first === 'exit') return 'finished';
  run.child.kill('SIGKILL');
  await run.exited;
  return run.lines.includes('DONE') ? 'finished' : 'killed';
}

/** A small deterministic PRNG so a failing iteration can be replayed from its seed. */
export function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
