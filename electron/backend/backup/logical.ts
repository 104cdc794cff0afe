import Database from 'better-sqlite3';
import JSZip from 'jszip';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { BackupInfo } from '../../../shared/api/methods/backups';
import { chinaDate } from '../../../shared/domain/chinaTime';
import { DomainError } from '../../../shared/domain/errors';
import type { HandlerContext } from '../context';
import type { Db } from '../db/connection';
import { schemaVersion } from '../db/migrate';
import { APP_VERSION } from '../handlers/system';
import { migrationsFor } from '../lifecycle';
import { checkCopyPassword } from './offsite';
import { isSealed, seal, unseal } from './crypto';
import { decodeValue, dumpDatabase, dumpableTables, quoteId } from './logicalDump';
import { fsyncFile } from './sqliteFile';
import { backupDirOf, publishBackupFile, reserveBackupName } from './store';

// exports.all / imports.all: the whole database as JSON files in a zip (optionally sealed with a
// password), and the way back — into a NEW database file that joins the backup list, so the
// switch-over is an ordinary, undoable restore.

const FORMAT = 'guardline-logical-export';
const LIMITS = { entries: 500, totalBytes: 1024 * 1024 * 1024 };

interface Manifest {
  format: string;
  version: 1;
  schemaVersion: number;
  appVersion: string;
  exportedAt: string;
  tables: Record<string, number>;
}

export async function exportAll(ctx: HandlerContext, password: string | undefined): Promise<{ fileId: string; name: string; tables: number; rows: number }> {
  if (password !== undefined) checkCopyPassword(ctx, password);
  const dump = dumpDatabase(ctx.db);
  const manifest: Manifest = { format: FORMAT, version: 1, schemaVersion: schemaVersion(ctx.db), appVersion: APP_VERSION, exportedAt: ctx.nowIso(), tables: {} };
  const zip = new JSZip();
  for (const [table, rows] of Object.entries(dump)) {
    manifest.tables[table] = rows.length;
    zip.file(`tables/${table}.json`, JSON.stringify(rows));
  }
  zip.file('manifest.json', JSON.stringify(manifest, null, 2));
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  const out = password === undefined ? bytes : seal(bytes, password, 'logical', ctx.now());
  const stamp = chinaDate(ctx.now()).replace(/-/g, '');
  const name = `防返贫监测全部数据-${stamp}${password === undefined ? '.zip' : '.glbak'}`;
  const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
  return ctx.tx(() => {
    const file = ctx.services.files.put(out, { originalName: name, kind: 'generated', createdBy: ctx.user().username, at: ctx.nowIso() });
    ctx.audit({
      action: 'export',
      entity: 'database',
      summary: `全部数据导出（${Object.keys(dump).length} 张表，${rows} 行，${password === undefined ? '未加密' : '已加密'}，SHA-256 ${createHash('sha256').update(out).digest('hex').slice(0, 16)}…）`,
    });
    return { fileId: file.id, name, tables: Object.keys(dump).length, rows };
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
  const { manifest, tables } = await readExport(bytes);
  const migrations = migrationsFor(ctx.services);
  if (manifest.schemaVersion < 1 || manifest.schemaVersion > migrations.length) {
    throw new DomainError('validation', `导出包的数据结构版本为 ${manifest.schemaVersion}，本程序支持 1–${migrations.length}。请用相同或更新版本的程序导入。`);
  }
  const { tmp, final } = reserveBackupName(backupDirOf(ctx.services.dataDir), ctx.now(), 'logical-import');
  const db = new Database(tmp);
  try {
    for (const m of migrations.filter((x) => x.version <= manifest.schemaVersion)) db.exec(m.sql);
    db.pragma(`user_version = ${manifest.schemaVersion}`);
    loadTables(db, tables);
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

async function readExport(bytes: Buffer): Promise<{ manifest: Manifest; tables: Map<string, unknown[]> }> {
  const bad = (why: string) => new DomainError('validation', `导出包无法读取：${why}。请确认选择的是本系统“全部数据导出”生成的文件。`);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw bad('不是有效的压缩包');
  }
  const entries = Object.values(zip.files);
  // Zip-bomb guard before inflating anything (reliability bar X-01).
  const declared = entries.reduce((sum, f) => sum + ((f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0), 0);
  if (entries.length > LIMITS.entries || declared > LIMITS.totalBytes) throw bad('文件数量或解压后大小超出限制');
  const manifestFile = zip.file('manifest.json');
  if (!manifestFile) throw bad('缺少 manifest.json');
  const manifest = JSON.parse(await manifestFile.async('string')) as Manifest;
  if (manifest.format !== FORMAT || manifest.version !== 1 || typeof manifest.tables !== 'object') throw bad('格式标识不符');
  const tables = new Map<string, unknown[]>();
  for (const [name, count] of Object.entries(manifest.tables)) {
    const file = zip.file(`tables/${name}.json`);
    if (!file) throw bad(`缺少数据表 ${name.slice(0, 40)}`);
    const rows = JSON.parse(await file.async('string')) as unknown;
    if (!Array.isArray(rows) || rows.length !== count) throw bad(`数据表 ${name.slice(0, 40)} 的行数与清单不符`);
    tables.set(name, rows);
  }
  return { manifest, tables };
}

/**
 * Inserts every row verbatim (ids, seq numbers and all). Triggers are set aside while loading —
 * the rows already contain whatever the triggers once produced — and put back afterwards.
 * Table and column names are checked against the new database's own schema, never trusted.
 */
function loadTables(db: Db, tables: Map<string, unknown[]>): void {
  const known = new Map(dumpableTables(db).map((t) => [t.name, new Set(t.columns)]));
  for (const name of tables.keys()) if (!known.has(name)) throw new DomainError('validation', `导出包含有本版本没有的数据表：${name.slice(0, 40)}，未导入。`);
  const triggers = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger'`).all() as { name: string; sql: string }[];
  db.pragma('foreign_keys = OFF');
  db.transaction(() => {
    for (const t of triggers) db.exec(`DROP TRIGGER ${quoteId(t.name)}`);
    for (const [name, rows] of tables) if (name !== 'sqlite_sequence') insertRows(db, name, known.get(name)!, rows);
    // AUTOINCREMENT counters last: the inserts above moved them, the export says where they were.
    db.exec(`DELETE FROM sqlite_sequence`);
    insertRows(db, 'sqlite_sequence', known.get('sqlite_sequence') ?? new Set(['name', 'seq']), tables.get('sqlite_sequence') ?? []);
    for (const t of triggers) db.exec(t.sql);
  })();
  db.pragma('foreign_keys = ON');
  const problems = (db.pragma('foreign_key_check') as unknown[]).length;
  if (problems) throw new DomainError('validation', `导出包中有 ${problems} 处引用找不到对应记录，未导入。文件可能不完整。`);
}

function insertRows(db: Db, table: string, columns: Set<string>, rows: unknown[]): void {
  const statements = new Map<string, Database.Statement>();
  for (const row of rows) {
    if (!row || typeof row !== 'object' || Array.isArray(row)) throw new DomainError('validation', `数据表 ${table} 中有无法识别的行，未导入。`);
    const keys = Object.keys(row);
    const unknown = keys.find((k) => !columns.has(k));
    if (unknown) throw new DomainError('validation', `数据表 ${table} 含有本版本没有的字段 ${unknown.slice(0, 40)}，未导入。`);
    const sig = keys.join(',');
    let stmt = statements.get(sig);
    if (!stmt) {
      stmt = db.prepare(`INSERT INTO ${quoteId(table)} (${keys.map(quoteId).join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`);
      statements.set(sig, stmt);
    }
    stmt.run(...keys.map((k) => decodeValue((row as Record<string, unknown>)[k]) as never));
  }
}
