import type { Statement } from 'better-sqlite3';
import type { Db } from '../electron/backend/db/connection';

// The floor of a repo query is "the same SQL, prepared once, run raw". Rather than copy the repo's
// SQL into the bench (and drift when the lead changes it), run the repo function once against a
// recording proxy of the connection and keep exactly what it prepared and bound.

export interface CapturedStatement {
  sql: string;
  method: 'all' | 'get' | 'run' | 'iterate';
  params: unknown[];
  raw?: boolean;
  pluck?: boolean;
}

export function captureStatements(db: Db, fn: (db: Db) => unknown): CapturedStatement[] {
  const captured: CapturedStatement[] = [];
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'prepare') {
        const v = Reflect.get(target, prop, receiver) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      }
      return (sql: string) => {
        const stmt = target.prepare(sql);
        const modes: { raw?: boolean; pluck?: boolean } = {};
        const proxied: Statement = new Proxy(stmt, {
          get(s, p) {
            const v = Reflect.get(s, p) as unknown;
            if (p === 'all' || p === 'get' || p === 'run' || p === 'iterate') {
              return (...params: unknown[]) => {
                captured.push({ sql, method: p, params, ...modes });
                return (v as (...a: unknown[]) => unknown).apply(s, params);
              };
            }
            // Mode setters return the statement: keep returning the proxy so the call after them is seen.
            if (p === 'raw' || p === 'pluck') {
              return (on = true) => {
                modes[p] = on;
                (v as (on: boolean) => unknown).call(s, on);
                return proxied;
              };
            }
            return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(s) : v;
          },
        });
        return proxied;
      };
    },
  });
  fn(proxy);
  return captured;
}

/** Prepares each captured statement once; the returned function replays them all raw. */
export function rawReplay(db: Db, statements: CapturedStatement[]): () => unknown[] {
  const prepared = statements.map((s) => {
    const stmt = db.prepare(s.sql);
    if (s.raw) stmt.raw(true);
    if (s.pluck) stmt.pluck(true);
    return { stmt, s };
  });
  return () => prepared.map(({ stmt, s }) => (s.method === 'all' ? stmt.all(...s.params) : s.method === 'get' ? stmt.get(...s.params) : s.method === 'iterate' ? [...stmt.iterate(...s.params)] : stmt.run(...s.params)));
}
