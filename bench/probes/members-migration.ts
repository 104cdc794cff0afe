import { copyFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { openDatabase } from '../../electron/backend/db/connection';
import { applyMigrations, loadMigrations, schemaVersion } from '../../electron/backend/db/migrate';

// Probe: how long the pending migrations take on a county database (1M members), through the app's own
// openDatabase + applyMigrations (each migration one transaction). Works on a copy: pass a database at the
// schema version before (e.g. a county fixture built before 0009) and a scratch path for the copy.
// Usage: npx tsx bench/probes/members-migration.ts OLD_DB COPY_PATH

const [from, to] = process.argv.slice(2);
if (!from || !to) throw new Error('usage: members-migration.ts OLD_DB COPY_PATH');
rmSync(to, { force: true });
rmSync(`${to}-wal`, { force: true });
rmSync(`${to}-shm`, { force: true });
copyFileSync(from, to);
const db = openDatabase(to);
const before = schemaVersion(db);
const migrations = loadMigrations();
console.log(`${from}: schema ${before} → ${migrations.length}; load ${loadavg()[0].toFixed(2)}`);
for (const m of migrations.filter((x) => x.version > before)) {
  const t0 = performance.now();
  applyMigrations(db, migrations.filter((x) => x.version <= m.version));
  console.log(`  ${String(m.version).padStart(4, '0')}_${m.name}: ${((performance.now() - t0) / 1000).toFixed(2)} s`);
}
const t0 = performance.now();
db.close(); // checkpoints the WAL into the file, as the app's close does
console.log(`  close (WAL checkpoint): ${((performance.now() - t0) / 1000).toFixed(2)} s`);
