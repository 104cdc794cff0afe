import type { Statement } from 'better-sqlite3';
import type { Db } from './connection';

// better-sqlite3 compiles SQL on every db.prepare(); hot paths (saving a household writes a dozen
// statements, imports save thousands) reuse compiled statements per connection instead.
const caches = new WeakMap<Db, Map<string, Statement>>();

/** The prepared statement for `sql` on `db`, compiled once per connection. */
export function stmt(db: Db, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let s = cache.get(sql);
  if (!s) {
    s = db.prepare(sql);
    cache.set(sql, s);
  }
  return s;
}
