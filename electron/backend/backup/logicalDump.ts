import type { Db } from '../db/connection';

// The logical (JSON) form of a database: every ordinary table's rows, by table name. Independent
// of SQLite's file format, so a register can be rebuilt even if every backup file were unusable
// (reliability bar B-05). Sessions are left out on purpose: a token hash must never travel.

export const EXCLUDED_TABLES = new Set(['sessions']);

export interface TableInfo {
  name: string;
  columns: string[];
}

/** Ordinary tables in creation order, without virtual tables and their shadow tables. */
export function dumpableTables(db: Db): TableInfo[] {
  const all = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY rowid`).all() as { name: string; sql: string | null }[];
  const virtual = all.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql ?? '')).map((t) => t.name);
  return all
    .filter((t) => !EXCLUDED_TABLES.has(t.name))
    .filter((t) => t.name === 'sqlite_sequence' || !t.name.startsWith('sqlite_'))
    .filter((t) => !virtual.some((v) => t.name === v || t.name.startsWith(`${v}_`)))
    .map((t) => ({ name: t.name, columns: columnsOf(db, t.name) }));
}

export const columnsOf = (db: Db, table: string): string[] =>
  (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name);

/** Identifiers come from sqlite_master of our own schema, never from a file; quoted anyway. */
export const quoteId = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** BLOBs become {"$b64": "..."} so JSON can carry them; everything else is JSON-native in our schema. */
export function encodeRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = Buffer.isBuffer(v) ? { $b64: v.toString('base64') } : typeof v === 'bigint' ? Number(v) : v;
  return out;
}

export function decodeValue(v: unknown): unknown {
  if (v && typeof v === 'object' && '$b64' in v && typeof (v as { $b64: unknown }).$b64 === 'string') return Buffer.from((v as { $b64: string }).$b64, 'base64');
  if (v !== null && typeof v === 'object') throw new Error('unexpected object value');
  return v;
}

/** rowid order keeps the dump stable, so two dumps of equal databases are equal. */
export function readTable(db: Db, table: TableInfo): Record<string, unknown>[] {
  const order = hasRowid(db, table.name) ? 'ORDER BY rowid' : '';
  return (db.prepare(`SELECT * FROM ${quoteId(table.name)} ${order}`).all() as Record<string, unknown>[]).map(encodeRow);
}

function hasRowid(db: Db, table: string): boolean {
  const sql = (db.prepare(`SELECT sql FROM sqlite_master WHERE name = ?`).get(table) as { sql: string | null } | undefined)?.sql ?? '';
  return !/WITHOUT\s+ROWID/i.test(sql);
}

/** The whole database as {table: rows}, read in one transaction so it is one consistent moment. */
export function dumpDatabase(db: Db): Record<string, Record<string, unknown>[]> {
  return db.transaction(() => Object.fromEntries(dumpableTables(db).map((t) => [t.name, readTable(db, t)])))();
}
