import Database from 'better-sqlite3';
import JSZip from 'jszip';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { BackupInfo } from '../../../shared/api/methods/backups';
import { chinaDate } from '../../../shared/domain/chinaTime';
import { DomainError } from '../../../shared/domain/errors';
import type { HandlerContext } from '../context';
import { schemaVersion } from '../db/migrate';
import { openSnapshot } from '../db/snapshot';
import { APP_VERSION } from '../handlers/system';
import { migrationsFor } from '../lifecycle';
import { checkCopyPassword } from './offsite';
import { isSealed, seal, unseal } from './crypto';
import { dumpableTables } from './logicalDump';
import { FORMAT, loadTables, openExport, type Manifest } from './logicalLoad';
import { countRows, partName, tablePartStreams } from './logicalParts';
import { fsyncFile } from './sqliteFile';
import { backupDirOf, publishBackupFile, reserveBackupName } from './store';

// exports.all / imports.all: the whole database as JSON files in a zip (optionally sealed with a
// password), and the way back — into a NEW database file that joins the backup list, so the
// switch-over is an ordinary, undoable restore.

export async function exportAll(ctx: HandlerContext, password: string | undefined): Promise<{ fileId: string; name: string; tables: number; rows: number }> {
  if (password !== undefined) checkCopyPassword(ctx, password);
  const snapshot = openSnapshot(ctx.services);
  let bytes: Buffer;
  let manifest: Manifest;
  try {
    const tables: Record<string, number> = {};
    const parts: Record<string, number> = {};
    const zip = new JSZip();
    for (const table of dumpableTables(snapshot.db)) {
      const streams = tablePartStreams(snapshot.db, table, (tables[table.name] = countRows(snapshot.db, table.name)));
      parts[table.name] = streams.length;
      streams.forEach((stream, i) => zip.file(partName(table.name, i + 1), stream));
    }
    manifest = { format: FORMAT, version: 2, schemaVersion: schemaVersion(snapshot.db), appVersion: APP_VERSION, exportedAt: ctx.nowIso(), tables, parts };
    zip.file('manifest.json', JSON.stringify(manifest, null, 2));
    // Parts are read as the writer reaches them, between which other requests are served.
    bytes = await collect(zip.generateNodeStream({ streamFiles: true, compression: 'DEFLATE', compressionOptions: { level: 6 } }));
  } finally {
    snapshot.close();
  }
  const tableCount = Object.keys(manifest.tables).length;
  const out = password === undefined ? bytes : seal(bytes, password, 'logical', ctx.now());
  const stamp = chinaDate(ctx.now()).replace(/-/g, '');
  const name = `防返贫监测全部数据-${stamp}${password === undefined ? '.zip' : '.glbak'}`;
  const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
  return ctx.tx(() => {
    const file = ctx.services.files.put(out, { originalName: name, kind: 'generated', createdBy: ctx.user().username, at: ctx.nowIso() });
    ctx.audit({
      action: 'export',
      entity: 'database',
      summary: `全部数据导出（${tableCount} 张表，${rows} 行，${password === undefined ? '未加密' : '已加密'}，SHA-256 ${createHash('sha256').update(out).digest('hex').slice(0, 16)}…）`,
    });
    return { fileId: file.id, name, tables: tableCount, rows };
  });
}

function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/** Rebuilds a database from an export into the backup folder; returns the new backup. */
export async function importAll(ctx: HandlerContext, fileToken: string, password: string | undefined): Promise<BackupInfo> {
  let bytes: Buffer = ctx.services.files.read(fileToken);
  if (isSealed(bytes)) {
    if (password === undefined) throw new DomainError('validation', '这是加密的导出包，请填写导出时设置的密码。', { issues: [{ path: 'password', message: '请填写密码。' }] });
    const opened = unseal(bytes, password);
    if (opened.kind !== 'logical') throw new DomainError('validation', '这是数据库备份副本，请在“导入加密备份”中导入。');
    bytes = opened.bytes;
  }
  const exported = await openExport(bytes);
  const { manifest } = exported;
  const migrations = migrationsFor(ctx.services);
  if (manifest.schemaVersion < 1 || manifest.schemaVersion > migrations.length) {
    throw new DomainError('validation', `导出包的数据结构版本为 ${manifest.schemaVersion}，本程序支持 1–${migrations.length}。请用相同或更新版本的程序导入。`);
  }
  const { tmp, final } = reserveBackupName(backupDirOf(ctx.services.dataDir), ctx.now(), 'logical-import');
  const db = new Database(tmp);
  try {
    for (const m of migrations.filter((x) => x.version <= manifest.schemaVersion)) db.exec(m.sql);
    db.pragma(`user_version = ${manifest.schemaVersion}`);
    await loadTables(db, exported);
    db.close();
  } catch (e) {
    db.close();
    rmSync(tmp, { force: true });
    throw e;
  }
  fsyncFile(tmp);
  const info = publishBackupFile(tmp, final, { reason: 'logical-import', now: ctx.now(), appVersion: APP_VERSION });
  if (!ctx.services.readOnly) ctx.audit({ action: 'import', entity: 'database', entityId: info.id, summary: `由全部数据导出包重建数据库（导出于 ${manifest.exportedAt.slice(0, 10)}），已加入备份列表：${info.id}` });
  return info;
}
