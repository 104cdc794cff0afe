import type Database from 'better-sqlite3';
import JSZip from 'jszip';
import { DomainError } from '../../../shared/domain/errors';
import type { Db } from '../db/connection';
import { decodeValue, dumpableTables, quoteId } from './logicalDump';
import { partName } from './logicalParts';

// imports.all's reading side: a logical export (format 1: one entry per table; format 2: parts of at most
// PART_ROWS rows) loaded into a NEW database one part at a time, so a county export (~3M rows) never sits in
// memory whole. Every name is checked against the new database's own schema, never trusted.

export const FORMAT = 'guardline-logical-export';
// Zip-bomb guard (reliability bar X-01), sized for a county: ~3M rows in ~700 parts of ≤ 5,000 rows (~2–5 MB
// each). A format-1 export holds a table in one entry: a township's largest is ~30 MB.
const LIMITS = { entries: 50_000, entryBytes: 256 * 1024 * 1024, totalBytes: 16 * 1024 * 1024 * 1024 };

/** Format 2 adds `parts` (entries per table); format 1 has one per table. */
export interface Manifest {
  format: string;
  version: 1 | 2;
  schemaVersion: number;
  appVersion: string;
  exportedAt: string;
  tables: Record<string, number>;
  parts?: Record<string, number>;
}

export interface OpenedExport {
  manifest: Manifest;
  /** The rows of part `k` (1-based) of `table`. */
  part(table: string, k: number): Promise<unknown[]>;
}

const bad = (why: string) => new DomainError('validation', `导出包无法读取：${why}。请确认选择的是本系统“全部数据导出”生成的文件。`);

/** Opens the zip and reads its manifest; parts are inflated only when asked for. */
export async function openExport(bytes: Buffer): Promise<OpenedExport> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw bad('不是有效的压缩包');
  }
  const entries = Object.values(zip.files);
  // Before inflating anything: the sizes the archive declares.
  const sizes = entries.map((f) => (f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0);
  if (entries.length > LIMITS.entries || sizes.some((n) => n > LIMITS.entryBytes) || sizes.reduce((a, b) => a + b, 0) > LIMITS.totalBytes) {
    throw bad('文件数量或解压后大小超出限制');
  }
  const manifestFile = zip.file('manifest.json');
  if (!manifestFile) throw bad('缺少 manifest.json');
  const manifest = JSON.parse(await manifestFile.async('string')) as Manifest;
  if (manifest.format !== FORMAT || (manifest.version !== 1 && manifest.version !== 2) || typeof manifest.tables !== 'object') throw bad('格式标识不符');
  return {
    manifest,
    async part(table, k) {
      const file = zip.file(partName(table, k));
      if (!file) throw bad(`缺少数据表 ${table.slice(0, 40)}${k > 1 ? ` 的第 ${k} 部分` : ''}`);
      const rows = JSON.parse(await file.async('string')) as unknown;
      if (!Array.isArray(rows)) throw bad(`数据表 ${table.slice(0, 40)} 不是行的列表`);
      return rows;
    },
  };
}

const partsOf = (m: Manifest, table: string): number => (m.version === 1 ? 1 : (m.parts?.[table] ?? 1));

/**
 * Inserts every row verbatim (ids, seq numbers and all), part by part, in ONE transaction on the new file (a
 * private connection: nothing else writes to it, so the transaction may wait for the next part). Triggers are
 * set aside while loading — the rows already contain whatever the triggers once produced — and put back after.
 */
export async function loadTables(db: Db, exported: OpenedExport): Promise<void> {
  const { manifest } = exported;
  const known = new Map(dumpableTables(db).map((t) => [t.name, new Set(t.columns)]));
  const names = Object.keys(manifest.tables);
  for (const name of names) if (!known.has(name)) throw new DomainError('validation', `导出包含有本版本没有的数据表：${name.slice(0, 40)}，未导入。`);
  const triggers = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger'`).all() as { name: string; sql: string }[];
  db.pragma('foreign_keys = OFF');
  db.exec('BEGIN');
  try {
    for (const t of triggers) db.exec(`DROP TRIGGER ${quoteId(t.name)}`);
    // AUTOINCREMENT counters last: the inserts before them move them, the export says where they were.
    const ordered = [...names.filter((n) => n !== 'sqlite_sequence'), ...names.filter((n) => n === 'sqlite_sequence')];
    for (const name of ordered) {
      if (name === 'sqlite_sequence') db.exec(`DELETE FROM sqlite_sequence`);
      let loaded = 0;
      for (let k = 1; k <= partsOf(manifest, name); k++) {
        const rows = await exported.part(name, k);
        insertRows(db, name, known.get(name)!, rows); // every name was checked against `known` above
        loaded += rows.length;
      }
      if (loaded !== manifest.tables[name]) throw bad(`数据表 ${name.slice(0, 40)} 的行数与清单不符`);
    }
    for (const t of triggers) db.exec(t.sql);
    db.exec('COMMIT');
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
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
