import type { Scope } from '../../../shared/domain/permissions';
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';

// Dashboard counts. ONE pass over the covering partial index households_live_stats (0008) groups
// live households by every dimension at once (~3,000 cells at county scale); the handler rolls the
// cells up per dimension. Reading the households table itself instead takes ~1 s at 300k rows, and
// so does any other index (row lookups); test/integration/query-plans.test.ts pins the plan.

export interface StatsCell {
  villageId: string;
  householdType: string;
  colour: string | null;
  category: string | null;
  status: string;
  households: number;
  people: number;
}

export interface VillageRow {
  villageId: string;
  villageName: string;
  townshipId: string | null;
  townshipName: string;
}

const inScope = (scope: Scope, column: string): { sql: string; params: string[] } =>
  scope.kind === 'villages' ? { sql: ` AND ${column} IN (${scope.villageIds.map(() => '?').join(',') || 'NULL'})`, params: scope.villageIds } : { sql: '', params: [] };

type CellRow = [string, string, string | null, string | null, string, number, number];

export function householdStatsCells(db: Db, scope: Scope): StatsCell[] {
  const s = inScope(scope, 'village_id');
  const rows = stmt(
    db,
    `SELECT village_id, household_type, colour, category, status, count(*), coalesce(sum(member_count), 0)
       FROM households
      WHERE deleted_at IS NULL${s.sql}
      GROUP BY village_id, household_type, colour, category, status`,
  )
    .raw(true)
    .all(...s.params) as CellRow[];
  return rows.map((r) => ({ villageId: r[0], householdType: r[1], colour: r[2], category: r[3], status: r[4], households: r[5], people: r[6] }));
}

/** Live villages in scope with their township, in division order. */
export function villagesInScope(db: Db, scope: Scope): VillageRow[] {
  const s = inScope(scope, 'v.id');
  return stmt(
    db,
    `SELECT v.id AS villageId, v.name AS villageName, t.id AS townshipId, coalesce(t.name, '') AS townshipName
       FROM divisions v LEFT JOIN divisions t ON t.id = v.parent_id
      WHERE v.level = 'village' AND v.deleted_at IS NULL${s.sql}
      ORDER BY coalesce(t.sort_order, 0), t.name, v.sort_order, v.name`,
  ).all(...s.params) as VillageRow[];
}
