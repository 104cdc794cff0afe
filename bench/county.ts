import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend, DB_FILE } from '../electron/backend/index';
import { DEFAULT_MIGRATIONS_DIR } from '../electron/backend/db/migrate';
import { FixedClock, sequentialIds } from '../electron/backend/runtime';
import { countyHouseholds, countyTownships, type CountySpec } from './countyData';
import { HOUSEHOLD_INSERT, householdValues, MEMBER_INSERT, memberValues, orderedId } from './countyRows';

// The county fixture: ~300k households / ~1M people in the app's real schema. This is a BENCH
// FIXTURE, not an app path: rows go straight in with prepared statements in big transactions. The
// app's own use-cases (saveHousehold, imports) also write an audit_log and a change_log row per
// record; those tables stay empty here, which only matters to benchmarks that read them (none).
// The schema comes from the real migrations: createBackend() on an empty dir, then bulk insert.

export const BENCH_ADMIN_PASSWORD = 'Bench-Passw0rd!';
export const BENCH_NOW = '2026-11-29T02:00:00.000Z';
const BUILDER_VERSION = 4;
const DATA_ROOT = resolve(fileURLToPath(new URL('./.data', import.meta.url)));

export interface CountyDb {
  spec: CountySpec;
  /** data dir holding guardline.db (the cached, pristine copy: open a working copy to write) */
  dataDir: string;
  dbPath: string;
  households: number;
  members: number;
  villages: number;
  buildMs: number;
  cached: boolean;
}

/** Schema fingerprint: a changed or added migration rebuilds the fixture instead of migrating 300 MB. */
function schemaHash(): string {
  const h = createHash('sha256');
  for (const f of readdirSync(DEFAULT_MIGRATIONS_DIR).filter((x) => x.endsWith('.sql')).sort()) h.update(f).update(readFileSync(join(DEFAULT_MIGRATIONS_DIR, f)));
  return h.digest('hex').slice(0, 10);
}

export const countyKey = (spec: CountySpec): string =>
  `county-s${spec.seed}-h${spec.households}-t${spec.townships}x${spec.villagesPerTownship}-v${BUILDER_VERSION}-${schemaHash()}`;

export async function ensureCountyDb(spec: CountySpec, log: (m: string) => void = console.log): Promise<CountyDb> {
  const dir = join(DATA_ROOT, countyKey(spec));
  const manifest = join(dir, 'manifest.json');
  if (existsSync(manifest)) return { ...(JSON.parse(readFileSync(manifest, 'utf8')) as CountyDb), dataDir: dir, dbPath: join(dir, DB_FILE), cached: true };
  const tmp = `${dir}.building`;
  rmSync(tmp, { recursive: true, force: true });
  log(`building county fixture ${spec.households} households (cached afterwards under bench/.data/)…`);
  const started = performance.now();
  // 1. the real schema + the admin account, through the app. testMode only so the first admin is not
  //    forced to change its password at first login (the UI benchmark logs in as it).
  const backend = await createBackend({ dataDir: tmp, clock: new FixedClock(BENCH_NOW), ids: sequentialIds('019ad000'), adminPassword: BENCH_ADMIN_PASSWORD, testMode: true, log: { error: () => {}, warn: () => {} } });
  backend.close();
  // 2. bulk rows, straight in
  const counts = bulkLoad(join(tmp, DB_FILE), spec, log);
  const built: CountyDb = { spec, dataDir: dir, dbPath: join(dir, DB_FILE), ...counts, buildMs: Math.round(performance.now() - started), cached: false };
  writeFileSync(join(tmp, 'manifest.json'), JSON.stringify(built, null, 2));
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  log(`county fixture built in ${(built.buildMs / 1000).toFixed(1)} s: ${counts.households} households, ${counts.members} people, ${counts.villages} villages`);
  return { ...built, dataDir: dir, dbPath: join(dir, DB_FILE) };
}

/** A private copy of the county data dir for a run (logins and sessions write to it; the cache stays pristine). */
export function workingCopy(county: CountyDb, name: string): string {
  const dir = join(DATA_ROOT, 'run', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copyFileSync(county.dbPath, join(dir, DB_FILE));
  return dir;
}

export const benchDataDir = (name: string): string => {
  const dir = join(DATA_ROOT, 'run', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
};

function bulkLoad(dbPath: string, spec: CountySpec, log: (m: string) => void): { households: number; members: number; villages: number } {
  const db = new Database(dbPath);
  // Loader-only settings: no journal, no fsync. The app's pragmas apply again when it opens the file.
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  // Dropping the secondary indexes and recreating them from their own SQL afterwards is ~3x faster
  // than inserting through them, and leaves exactly the schema the migrations made.
  const indexes = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('households', 'members') AND sql IS NOT NULL`).all() as { name: string; sql: string }[];
  for (const ix of indexes) db.exec(`DROP INDEX ${ix.name}`);

  const townships = countyTownships(spec);
  const villageIds = insertDivisions(db, townships);
  const insertH = db.prepare(HOUSEHOLD_INSERT);
  const insertM = db.prepare(MEMBER_INSERT);
  let households = 0;
  let members = 0;
  let batch: (() => void)[] = [];
  const flush = db.transaction((work: (() => void)[]) => work.forEach((w) => w()));
  for (const h of countyHouseholds(spec, townships)) {
    const hid = orderedId(1, ++households);
    const v = villageIds[h.villageIndex];
    const mids = h.members.map(() => orderedId(2, ++members));
    batch.push(() => {
      insertH.run(...householdValues(h, hid, v.id, v.groupIds[h.groupIndex], BENCH_NOW, '2026-06-30'));
      h.members.forEach((m, i) => insertM.run(...memberValues(m, mids[i], hid, i, BENCH_NOW)));
    });
    if (batch.length === 20_000) {
      flush(batch);
      batch = [];
      log(`  … ${households} households`);
    }
  }
  flush(batch);
  log('  recreating indexes…');
  for (const ix of indexes) db.exec(ix.sql);
  db.pragma('journal_mode = WAL');
  db.close();
  return { households, members, villages: villageIds.length };
}

function insertDivisions(db: Database.Database, townships: ReturnType<typeof countyTownships>): { id: string; groupIds: string[] }[] {
  const ins = db.prepare(`INSERT INTO divisions (id, parent_id, level, name, sort_order, created_at, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?)`);
  let n = 0;
  const out: { id: string; groupIds: string[] }[] = [];
  db.transaction(() => {
    townships.forEach((t, ti) => {
      const tid = orderedId(3, ++n);
      ins.run(tid, null, 'township', t.name, (ti + 1) * 10, BENCH_NOW, BENCH_NOW, 'admin');
      t.villages.forEach((v, vi) => {
        const vid = orderedId(3, ++n);
        ins.run(vid, tid, 'village', v.name, (ti + 1) * 1000 + (vi + 1) * 10, BENCH_NOW, BENCH_NOW, 'admin');
        const groupIds = v.groups.map((g, gi) => {
          const gid = orderedId(3, ++n);
          ins.run(gid, vid, 'group', g, (gi + 1) * 10, BENCH_NOW, BENCH_NOW, 'admin');
          return gid;
        });
        out.push({ id: vid, groupIds });
      });
    });
  })();
  return out;
}
