import type { Backend } from '../electron/backend/index';
import { createBackend } from '../electron/backend/index';
import type { Session } from '../electron/backend/context';
import { BENCH_ADMIN_PASSWORD, ensureCountyDb, workingCopy, type CountyDb } from './county';
import { COUNTY_FULL, COUNTY_QUICK, type CountySpec } from './countyData';

// What every benchmark can reach: the scale, the cached county fixture, and ONE shared backend on
// a working copy of it (opened on first use, logged in as admin), so seven benchmarks do not open
// a 600 MB database seven times.

export interface CountyBackend {
  backend: Backend;
  session: Session;
  dataDir: string;
}

export interface BenchContext {
  quick: boolean;
  scaleLabel: string;
  spec: CountySpec;
  log(message: string): void;
  county(): Promise<CountyDb>;
  countyBackend(): Promise<CountyBackend>;
  close(): Promise<void>;
}

export async function login(backend: Backend, password = BENCH_ADMIN_PASSWORD): Promise<Session> {
  const r = await backend.dispatch('auth.login', { username: 'admin', password }, null);
  if (!r.ok) throw new Error(`bench login failed: ${r.error.message}`);
  const session = backend.authenticate((r.value as { token: string }).token);
  if (!session) throw new Error('bench session not found after login');
  return session;
}

export function createContext(options: { quick: boolean; log?: (m: string) => void }): BenchContext {
  const spec = options.quick ? COUNTY_QUICK : COUNTY_FULL;
  const log = options.log ?? ((m: string) => console.log(m));
  let county: Promise<CountyDb> | undefined;
  let shared: Promise<CountyBackend> | undefined;
  const ctx: BenchContext = {
    quick: options.quick,
    scaleLabel: `${options.quick ? 'quick' : 'county'} ${spec.households} households`,
    spec,
    log,
    county: () => (county ??= ensureCountyDb(spec, log)),
    countyBackend: () =>
      (shared ??= (async () => {
        const c = await ctx.county();
        const dataDir = workingCopy(c, 'shared');
        const backend = await createBackend({ dataDir, log: { error: (m, e) => log(`[backend] ${m} ${String(e ?? '')}`), warn: (m) => log(`[backend] ${m}`) } });
        // The start no longer waits for the day's first backup; the benchmarks must not run beside it.
        await backend.maintenance;
        return { backend, session: await login(backend), dataDir };
      })()),
    close: async () => {
      if (shared) (await shared).backend.close();
    },
  };
  return ctx;
}
