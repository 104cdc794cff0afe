import type { Scope } from '../../../shared/domain/permissions';
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';

// Dashboard counts. ONE pass over the covering partial index households_live_stats (0008) groups
// live households by every dimension at once (~20,000 cells at county scale); the handler rolls the
// cells up per dimension. Reading the households table itself instead takes ~1 s at 300k rows, and
// so does any other index (row lookups); test/integration/query-plans.test.ts pins the plan.

export interface StatsCell {
  villageId: string;
  groupId: string | null;
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

type CellRow = [string, string | null, string, string | null, string | null, string, number, number];

export function householdStatsCells(db: Db, scope: Scope): StatsCell[] {
  const s = inScope(scope, 'village_id');
  const rows = stmt(
    db,
    `SELECT village_id, group_id, household_type, colour, category, status, count(*), coalesce(sum(member_count), 0)
       FROM households
      WHERE deleted_at IS NULL${s.sql}
      GROUP BY village_id, group_id, household_type, colour, category, status`,
  )
    .raw(true)
    .all(...s.params) as CellRow[];
  return rows.map((r) => ({ villageId: r[0], groupId: r[1], householdType: r[2], colour: r[3], category: r[4], status: r[5], households: r[6], people: r[7] }));
}

/**
 * Live households per village and per group (村民小组), for the division tree (divisions.list):
 * one index-only pass instead of one correlated count per division.
 */
export function householdCountsByDivision(db: Db): Map<string, number> {
  const rows = stmt(db, `SELECT village_id, group_id, count(*) FROM households WHERE deleted_at IS NULL GROUP BY village_id, group_id`)
    .raw(true)
    .all() as [string, string | null, number][];
  const counts = new Map<string, number>();
  for (const [village, group, n] of rows) {
    counts.set(village, (counts.get(village) ?? 0) + n);
    if (group) counts.set(group, (counts.get(group) ?? 0) + n);
  }
  return counts;
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
