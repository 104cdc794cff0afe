import Database from 'better-sqlite3';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Db } from '../../electron/backend/db/connection';
import { captureStatements, rawReplay } from '../sqlCapture';

// P6 probe, run in a FRESH process per measurement (bench/benchmarks/p6-start.ts) so start time and
// RSS are what an app start sees, not what a bench process full of fixtures holds.
//   ours:  createBackend() on the county data dir, as shipped: open, pragmas, cheap header/schema
//          checks, migration check, start audit — the county file's quick_check then runs on a
//          worker (backend.integrity) and, on the first start of a day, the daily backup after it
//          (backend.maintenance). Reports the start, when the background verdict landed, the main
//          thread's worst event-loop delay meanwhile, then the P2 queries through dispatch; RSS.
//          `ours first` additionally waits for the day's backup (so later probes are ordinary starts).
//   floor: better-sqlite3 alone: open + the same pragmas + user_version + schema read (what the
//          start still does inline), then quick_check timed apart; the same register SQL raw; RSS.
// Prints one JSON line. Modules load inside each mode, so the floor's RSS holds no backend code.

const DB_FILE = 'guardline.db';

const [mode, dataDir, variant] = process.argv.slice(2);
const mb = () => Math.round((process.memoryUsage().rss / 1024 / 1024) * 10) / 10;

/** The P2 query set, parameters picked from the data as p2-register.ts does. */
function p2Inputs(db: Db): { filter: Record<string, string>; sort: { colId: string; sort: 'asc' | 'desc' }[]; startRow: number; endRow: number }[] {
  const n = (db.prepare(`SELECT count(*) AS n FROM households`).get() as { n: number }).n;
  const m = db.prepare(`SELECT name, pinyin, id_number FROM members WHERE relation = '配偶' AND rowid >= ? ORDER BY rowid LIMIT 1`).get(Math.floor(n * 1.5)) as { name: string; pinyin: string; id_number: string };
  const v = (db.prepare(`SELECT id FROM divisions WHERE level = 'village' ORDER BY sort_order LIMIT 1 OFFSET 7`).get() as { id: string }).id;
  const page = (filter: Record<string, string>, sort: { colId: string; sort: 'asc' | 'desc' }[] = [], startRow = 0) => ({ filter, sort, startRow, endRow: startRow + 100 });
  return [
    page({}),
    page({ villageId: v, colour: 'blue' }, [{ colId: 'headName', sort: 'asc' }]),
    page({}, [{ colId: 'headName', sort: 'desc' }]),
    page({ search: m.id_number.slice(0, 14) }),
    page({ search: m.id_number }),
    page({ search: m.name }),
    page({ search: m.pinyin }),
    page({ search: m.id_number.slice(0, 10) }),
    page({ search: m.name.slice(0, 1) }),
    page({ search: m.pinyin.slice(0, 2) }),
    page({}, [], 10_000),
  ];
}

async function ours(firstOfDay: boolean): Promise<Record<string, number | boolean | string | null>> {
  const { createBackend } = await import('../../electron/backend/index');
  const { login } = await import('../context');
  const t0 = performance.now();
  const backend = await createBackend({ dataDir, log: { error: (m, e) => console.error(m, e ?? ''), warn: () => {} } });
  const startMs = performance.now() - t0;
  const rssStart = mb();
  // While the worker checks the file the main thread should stay free: the worst delay it sees.
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const verdict = await backend.integrity;
  const verdictAfterMs = performance.now() - t0;
  lag.disable();
  const verdictLagMaxMs = lag.max / 1e6;
  let daily: { afterMs: number; lagMaxMs: number; lagP99Ms: number; id: string | null } | null = null;
  if (firstOfDay) {
    lag.reset();
    lag.enable();
    const info = await backend.maintenance;
    lag.disable();
    daily = { afterMs: performance.now() - t0, lagMaxMs: lag.max / 1e6, lagP99Ms: lag.percentile(99) / 1e6, id: info?.id ?? null };
  }
  const session = await login(backend);
  for (const input of p2Inputs(backend.services.db)) {
    const r = await backend.dispatch('households.list', input, session);
    if (!r.ok) throw new Error(r.error.message);
  }
  const rssAfter = mb();
  backend.close();
  return {
    startMs,
    verdict: `${verdict.status}/${verdict.mode}`,
    quickCheckOk: verdict.status === 'ok',
    backgroundCheckMs: verdict.ms,
    verdictAfterMs,
    verdictLagMaxMs,
    dailyBackupAfterMs: daily?.afterMs ?? null,
    dailyBackupLagMaxMs: daily?.lagMaxMs ?? null,
    dailyBackupLagP99Ms: daily?.lagP99Ms ?? null,
    dailyBackupId: daily?.id ?? null,
    rssStart,
    rssAfter,
  };
}

async function floor(): Promise<Record<string, number | boolean | string | null>> {
  const { listHouseholds } = await import('../../electron/backend/repos/households');
  const t0 = performance.now();
  const db = new Database(join(dataDir, DB_FILE));
  // connection.ts's pragmas (openDatabase also reads each back to assert it took effect).
  for (const p of ['journal_mode = WAL', 'synchronous = FULL', 'foreign_keys = ON', 'busy_timeout = 5000', 'trusted_schema = OFF', 'secure_delete = ON', 'cell_size_check = ON', 'journal_size_limit = 67108864', 'case_sensitive_like = ON']) db.pragma(p);
  db.pragma('user_version', { simple: true });
  db.prepare(`SELECT count(*) FROM sqlite_master`).get();
  const startMs = performance.now() - t0;
  const rssStart = mb();
  const t1 = performance.now();
  const ok = db.pragma('quick_check(100)', { simple: true }) === 'ok';
  const quickCheckMs = performance.now() - t1;
  const scope = { kind: 'all' } as const;
  for (const i of p2Inputs(db)) rawReplay(db, captureStatements(db, (pdb) => listHouseholds(pdb, i.filter, i.sort, i.startRow, i.endRow, scope)))();
  const rssAfter = mb();
  db.close();
  return { startMs, quickCheckMs, quickCheckOk: ok, rssStart, rssAfter };
}

const result = mode === 'floor' ? await floor() : await ours(variant === 'first');
console.log(JSON.stringify(result));
