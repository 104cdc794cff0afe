import { copyFileSync, constants, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fsyncDir, fsyncFile } from './sqliteFile';

// A damaged database is copied, with its -wal and -shm, to quarantine/<time>/ before anything
// else happens. Nothing in Guardline ever deletes a quarantine folder: it is what an expert
// needs to recover data the backups do not have (reliability bar D-06).

export const quarantineRootOf = (dataDir: string): string => join(dataDir, 'quarantine');

/** Copies db + wal + shm (those that exist) to a new folder and returns it; never moves or deletes. */
export function quarantineDatabase(dbPath: string, dataDir: string, now: Date, reason: string): string {
  const stamp = now.toISOString().replace(/[-:.]/g, '');
  let dir = join(quarantineRootOf(dataDir), stamp);
  for (let n = 2; existsSync(dir); n++) dir = join(quarantineRootOf(dataDir), `${stamp}-${n}`);
  mkdirSync(dir, { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) {
    const source = `${dbPath}${suffix}`;
    if (!existsSync(source)) continue;
    const target = join(dir, basename(source));
    copyFileSync(source, target, constants.COPYFILE_EXCL);
    fsyncFile(target);
  }
  writeFileSync(
    join(dir, '说明.txt'),
    [
      '此文件夹保存的是检测到损坏时的数据库原始文件（含 -wal/-shm），供技术人员抢救数据使用。',
      '请勿删除或修改。',
      `检测时间（UTC）：${now.toISOString()}`,
      `原因：${reason}`,
      '',
    ].join('\r\n'),
  );
  fsyncDir(dir);
  return dir;
}
