import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../electron/backend/db/connection';
import { closeDatabase, openDatabase } from '../electron/backend/db/connection';
import { createBackend } from '../electron/backend/index';
import { BENCH_ADMIN_PASSWORD, benchDataDir } from './county';

// P1's second floor: what the database alone costs for the rows an import writes. The rows the
// import committed (households, members, and their audit and change-log rows) are re-inserted,
// column for column, with plain prepared INSERTs in one transaction into a fresh database of the same
// schema and pragmas — better-sqlite3 with no app code at all. "Exceljs reading the file" + this is
// the least any import that validates nothing could cost.

const TABLES = ['households', 'members', 'audit_log', 'change_log'] as const;

export interface WrittenRows {
  tables: { table: string; columns: string[]; rows: unknown[][] }[];
  count: number;
}

/** The rows of `db` written at or after `since` (ISO time) in the four tables an import fills. */
export function rowsWrittenSince(db: Db, since: string): WrittenRows {
  const tables = TABLES.map((table) => {
    const timeCol = table === 'audit_log' || table === 'change_log' ? 'at' : 'created_at';
    const stmt = db.prepare(`SELECT * FROM ${table} WHERE ${timeCol} >= ? ${table === 'audit_log' ? `AND action NOT LIKE 'import.%'` : ''}`).raw(true);
    const columns = stmt.columns().map((c) => c.name).filter((c) => c !== 'seq');
    const keep = stmt.columns().map((c) => c.name !== 'seq');
    const rows = (stmt.all(since) as unknown[][]).map((r) => r.filter((_, i) => keep[i]));
    return { table, columns, rows };
  });
  return { tables, count: tables.reduce((n, t) => n + t.rows.length, 0) };
}

/** A fresh database with the schema (migrations run by the backend) and the divisions the rows refer to. */
export async function emptyTarget(name: string, divisions: unknown[][], divisionColumns: string[]): Promise<{ db: Db; dataDir: string }> {
  const dataDir = benchDataDir(name);
  const backend = await createBackend({ dataDir, adminPassword: BENCH_ADMIN_PASSWORD, log: { error: () => {}, warn: () => {} } });
  const file = join(dataDir, 'guardline.db');
  await backend.maintenance;
  backend.close();
  const db = openDatabase(file);
  const insert = db.prepare(`INSERT OR IGNORE INTO divisions (${divisionColumns.join(', ')}) VALUES (${divisionColumns.map(() => '?').join(', ')})`);
  db.transaction(() => divisions.forEach((d) => insert.run(...d)))();
  return { db, dataDir };
}

/** Times the raw re-insert of `written` into `db` (one transaction, prepared statements). */
export function timeRawInsert(db: Db, written: WrittenRows): number {
  const statements = written.tables.map((t) => ({ stmt: db.prepare(`INSERT INTO ${t.table} (${t.columns.join(', ')}) VALUES (${t.columns.map(() => '?').join(', ')})`), rows: t.rows }));
  const t0 = performance.now();
  db.transaction(() => {
    for (const { stmt, rows } of statements) for (const r of rows) stmt.run(...r);
  })();
  return performance.now() - t0;
}

export function dropTarget(target: { db: Db; dataDir: string }): void {
  closeDatabase(target.db);
  rmSync(target.dataDir, { recursive: true, force: true });
}
