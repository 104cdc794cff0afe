import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './db/connection';

/**
 * Copies the database aside before a migration, through SQLite's online backup API (consistent
 * even with a WAL). The fuller backup service (rotation, verification, restore) builds on this.
 */
export async function backupBeforeMigration(db: Db, dataDir: string, fromVersion: number, now: Date): Promise<string> {
  const dir = join(dataDir, 'backups');
  mkdirSync(dir, { recursive: true });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const file = join(dir, `pre-migrate-v${fromVersion}-${stamp}.db`);
  await db.backup(file);
  return file;
}
