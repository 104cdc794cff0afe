import type { Db } from '../electron/backend/db/connection';

// The floor of a repo query is "the same SQL, prepared once, run raw". Rather than copy the repo's
// SQL into the bench (and drift when the lead changes it), run the repo function once against a
// recording proxy of the connection and keep exactly what it prepared and bound.

export interface CapturedStatement {
  sql: string;
  method: 'all' | 'get' | 'run' | 'iterate';
  params: unknown[];
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
        return new Proxy(stmt, {
          get(s, p) {
            const v = Reflect.get(s, p) as unknown;
            if (p === 'all' || p === 'get' || p === 'run' || p === 'iterate') {
              return (...params: unknown[]) => {
                captured.push({ sql, method: p, params });
                return (v as (...a: unknown[]) => unknown).apply(s, params);
              };
            }
            return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(s) : v;
          },
        });
      };
    },
  });
  fn(proxy);
  return captured;
}

/** Prepares each captured statement once; the returned function replays them all raw. */
export function rawReplay(db: Db, statements: CapturedStatement[]): () => unknown[] {
  const prepared = statements.map((s) => ({ stmt: db.prepare(s.sql), s }));
  return () => prepared.map(({ stmt, s }) => (s.method === 'all' ? stmt.all(...s.params) : s.method === 'get' ? stmt.get(...s.params) : s.method === 'iterate' ? [...stmt.iterate(...s.params)] : stmt.run(...s.params)));
}
