import Database from 'better-sqlite3';

export type Db = Database.Database;

/**
 * Opens the office database with the pragmas we rely on, and asserts each one took effect —
 * a pragma silently ignored (e.g. WAL on a network share) must stop us rather than lose data.
 *
 * synchronous=FULL, not NORMAL: in WAL mode NORMAL can lose the last commits on power loss, and
 * township PCs lose power. The cost (one extra fsync per commit) is invisible at clerk speed, and
 * bulk imports run in one transaction so they pay it once.
 */
export function openDatabase(file: string, options: { readonly?: boolean } = {}): Db {
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: false });
  try {
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      assertPragma(db, 'journal_mode', 'wal');
    }
    db.pragma('synchronous = FULL');
    assertPragma(db, 'synchronous', 2);
    db.pragma('foreign_keys = ON');
    assertPragma(db, 'foreign_keys', 1);
    db.pragma('busy_timeout = 5000');
    assertPragma(db, 'busy_timeout', 5000);
    // Hardening (reliability bar D-01): schema code can't call app functions, deleted personal data
    // is overwritten on disk, and damaged pages are detected as they are read.
    db.pragma('trusted_schema = OFF');
    assertPragma(db, 'trusted_schema', 0);
    db.pragma('secure_delete = ON');
    assertPragma(db, 'secure_delete', 1);
    db.pragma('cell_size_check = ON');
    assertPragma(db, 'cell_size_check', 1);
    // Bounded WAL growth between checkpoints; clean shutdown checkpoints fully (closeDatabase).
    db.pragma('journal_size_limit = 67108864');
    // A 64 MB page cache (SQLite's default is 2 MB). A register save touches ~20 index b-trees; a
    // 10,000-household import spilled the default cache to the WAL mid-transaction (~20% of its CPU),
    // and county-scale register queries re-read the same index pages. Bounded: RSS stays < 300 MB (P6).
    db.pragma('cache_size = -65536');
    assertPragma(db, 'cache_size', -65536);
    // Prefix LIKE on indexed text columns (names, pinyin) must use the index: see ECOSYSTEM §2.
    db.pragma('case_sensitive_like = ON');
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

function assertPragma(db: Db, name: string, expected: string | number): void {
  const actual = db.pragma(name, { simple: true });
  if (actual !== expected) {
    throw new Error(`PRAGMA ${name} is ${String(actual)}, expected ${String(expected)}`);
  }
}

/** Clean shutdown: fold the WAL back into the main file so a copied .db file is complete. */
export function closeDatabase(db: Db): void {
  if (!db.open) return;
  try {
    if (!db.readonly) db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}
