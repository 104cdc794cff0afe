import { existsSync, mkdirSync, statfsSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../../../shared/domain/errors';
import type { Db } from '../db/connection';

// The automatic backup before an import commit (reliability-bar B-02, X-03 step 5): SQLite's online
// backup API into <dataDir>/backups/pre-import-<timestamp>.db, after checking there is room for it.

const PAGES_PER_STEP = 1000;

const dbBytes = (db: Db): number => (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);

/** Free bytes on the volume of `dir`, or null where the platform cannot tell. */
function freeBytes(dir: string): number | null {
  try {
    const s = statfsSync(dir);
    return Number(s.bavail) * Number(s.bsize);
  } catch {
    return null;
  }
}

/**
 * Refuses up front when the disk cannot hold the backup plus the import's growth (3 × the database, as
 * the reliability bar suggests), instead of failing halfway. Returns the backup's file name.
 */
export async function backupBeforeImport(db: Db, dataDir: string, now: Date, onProgress: (fraction: number) => void = () => {}): Promise<string> {
  const dir = join(dataDir, 'backups');
  mkdirSync(dir, { recursive: true });
  const need = 3 * dbBytes(db);
  const free = freeBytes(dir);
  if (free !== null && free < need) {
    throw new DomainError('io', `磁盘空间不足：导入前需要先备份数据库，至少需要 ${(need / 1048576).toFixed(0)} MB 可用空间，当前只有 ${(free / 1048576).toFixed(0)} MB。请清理磁盘后再导入，本次未写入任何数据。`);
  }
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let name = `pre-import-${stamp}.db`;
  // Never overwrite an earlier backup (two imports within the same millisecond, or a fixed test clock).
  for (let n = 2; existsSync(join(dir, name)); n++) name = `pre-import-${stamp}-${n}.db`;
  await db.backup(join(dir, name), {
    progress: ({ totalPages, remainingPages }) => {
      onProgress(totalPages ? 1 - remainingPages / totalPages : 1);
      return PAGES_PER_STEP;
    },
  });
  onProgress(1);
  return name;
}
