import type { z } from 'zod';
import type { Permission } from '../domain/permissions';

/**
 * Who may call a method: a permission from the role table, any logged-in user, or anyone
 * (login, health, first-run setup).
 */
export type Access = Permission | 'authenticated' | 'public';

export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** true when the method changes data: refused in read-only recovery mode, run in one transaction. */
  write: boolean;
  /** Chinese one-liner shown in GET /api/methods for office IT staff. */
  summary: string;
  /** Only registered when the backend runs with --test-mode. */
  testOnly?: boolean;
}

export const method = <I extends z.ZodType, O extends z.ZodType>(def: MethodDef<I, O>): MethodDef<I, O> => def;

/** Merges per-aggregate method tables, refusing a name defined twice (Actual Budget's rule). */
export function mergeMethodTables<T extends Record<string, MethodDef>[]>(...tables: T): UnionToIntersection<T[number]> {
  const out: Record<string, MethodDef> = {};
  for (const table of tables) {
    for (const [name, def] of Object.entries(table)) {
      if (name in out) throw new Error(`API method defined twice: ${name}`);
      out[name] = def;
    }
  }
  return out as UnionToIntersection<T[number]>;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
