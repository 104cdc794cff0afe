import type { BackendServices } from '../context';
import { lifecycleOf } from '../lifecycle';
import { openDatabase, type Db } from './connection';

/**
 * The database as of one moment, for a long read that yields to other requests between its steps (an export
 * of a county's register or of the whole database): a second, read-only connection holding one read
 * transaction. WAL lets the office keep writing meanwhile, unseen by it. In recovery mode nothing writes, and
 * the connection in use may be an in-memory copy: that one is read directly. Call `close` when done.
 */
export function openSnapshot(services: BackendServices): { db: Db; close: () => void } {
  if (services.readOnly) return { db: services.db, close: () => {} };
  const db = openDatabase(lifecycleOf(services).dbPath, { readonly: true });
  db.exec('BEGIN');
  db.prepare(`SELECT count(*) FROM sqlite_master`).get(); // the first read fixes the snapshot
  return {
    db,
    close: () => {
      if (db.inTransaction) db.exec('COMMIT');
      db.close();
    },
  };
}
