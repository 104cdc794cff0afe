import { mkdirSync, statfsSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../../../shared/domain/errors';
import type { Db } from '../db/connection';
import type { HandlerContext } from '../context';
import { createBackup } from '../backup/service';

// The automatic backup before an import commit (reliability-bar B-02, X-03 step 5): SQLite's online
// backup API through the backup service, after checking there is room for it.

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
 * the reliability bar suggests), instead of failing halfway; then takes a verified backup through the
 * backup service (listed, retained and restorable like every other). Returns the backup's id.
 */
export async function backupBeforeImport(ctx: HandlerContext, onProgress: (fraction: number) => void = () => {}): Promise<string> {
  const dir = join(ctx.services.dataDir, 'backups');
  mkdirSync(dir, { recursive: true });
  const need = 3 * dbBytes(ctx.db);
  const free = freeBytes(dir);
  if (free !== null && free < need) {
    throw new DomainError('io', `磁盘空间不足：导入前需要先备份数据库，至少需要 ${(need / 1048576).toFixed(0)} MB 可用空间，当前只有 ${(free / 1048576).toFixed(0)} MB。请清理磁盘后再导入，本次未写入任何数据。`);
  }
  const backup = await createBackup(ctx.services, 'pre-import', ctx.user(), { onProgress });
  onProgress(1);
  return backup.id;
}
