import type { Scope } from '../../../shared/domain/permissions';
import type { Db } from '../db/connection';

// Bulk reads behind the assistance worklists (rule findings, coverage, escalations): one query per
// kind of fact for all monitored households of a scope, never one query per household.

export interface WhereSql {
  sql: string;
  params: unknown[];
}

/** `h` = households alias. Village accounts see only their villages. */
export function householdScope(scope: Scope, villageId?: string, householdId?: string): WhereSql {
  const parts = ['h.deleted_at IS NULL'];
  const params: unknown[] = [];
  if (scope.kind === 'villages') {
    parts.push(`h.village_id IN (${scope.villageIds.map(() => '?').join(',') || 'NULL'})`);
    params.push(...scope.villageIds);
  }
  if (villageId) {
    parts.push('h.village_id = ?');
    params.push(villageId);
  }
  if (householdId) {
    parts.push('h.id = ?');
    params.push(householdId);
  }
  return { sql: parts.join(' AND '), params };
}

export interface MonitoredHousehold {
  id: string;
  headName: string;
  villageId: string;
  villageName: string;
  villageOrder: number;
  status: string;
  colour: string | null;
  category: string | null;
  monitoredSince: string | null;
  riskTypes: string[];
  flags: string[];
}

/** Households 监测中 (or one household, whatever its status, when `householdId` is given). */
export function monitoredHouseholds(db: Db, scope: Scope, filter: { villageId?: string; householdId?: string } = {}): MonitoredHousehold[] {
  const where = householdScope(scope, filter.villageId, filter.householdId);
  const status = filter.householdId ? '' : ` AND h.status = 'monitoring'`;
  const rows = db
    .prepare(
      `SELECT h.id, h.head_name, h.village_id, v.name AS village_name, v.sort_order AS village_order, h.status, h.colour, h.category,
              h.monitored_since, h.risk_types, h.flags
         FROM households h LEFT JOIN divisions v ON v.id = h.village_id
        WHERE ${where.sql}${status}
        ORDER BY v.sort_order, v.name, h.head_name, h.id`,
    )
    .all(...where.params) as Record<string, unknown>[];
  return rows.map((r) => ({
    id: r.id as string,
    headName: r.head_name as string,
    villageId: r.village_id as string,
    villageName: (r.village_name as string | null) ?? '',
    villageOrder: (r.village_order as number | null) ?? 0,
    status: r.status as string,
    colour: (r.colour as string | null) ?? null,
    category: (r.category as string | null) ?? null,
    monitoredSince: (r.monitored_since as string | null) ?? null,
    riskTypes: JSON.parse(r.risk_types as string) as string[],
    flags: JSON.parse(r.flags as string) as string[],
  }));
}

const inList = (ids: string[]) => ids.map(() => '?').join(',') || 'NULL';

/** Runs `fn` over ids in chunks, staying under SQLite's bound-parameter limit. */
export function chunked<T>(ids: string[], fn: (chunk: string[]) => T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...fn(ids.slice(i, i + 500)));
  return out;
}

const groupBy = <V>(rows: { household_id: string }[], value: (r: Record<string, unknown>) => V): Map<string, V[]> => {
  const out = new Map<string, V[]>();
  for (const r of rows) {
    const list = out.get(r.household_id) ?? [];
    list.push(value(r as Record<string, unknown>));
    out.set(r.household_id, list);
  }
  return out;
};

/** 劳动技能 of each household's current members. */
export function labourSkillsOf(db: Db, householdIds: string[]): Map<string, (string | null)[]> {
  const rows = chunked(householdIds, (ids) =>
    db.prepare(`SELECT household_id, labour_skill FROM members WHERE household_id IN (${inList(ids)}) AND deleted_at IS NULL AND left_at IS NULL`).all(...ids) as { household_id: string }[],
  );
  return groupBy(rows, (r) => (r.labour_skill as string | null) ?? null);
}

/** 劳动意愿 recorded for households (absent = not recorded). */
export function labourIntentsOf(db: Db, householdIds: string[]): Map<string, { willing: boolean; reason: string; rowVersion: number }> {
  const rows = chunked(householdIds, (ids) =>
    db.prepare(`SELECT household_id, willing, reason, row_version FROM household_labour_intent WHERE household_id IN (${inList(ids)}) AND deleted_at IS NULL`).all(...ids) as Record<string, unknown>[],
  );
  return new Map(rows.map((r) => [r.household_id as string, { willing: r.willing === 1, reason: r.reason as string, rowVersion: r.row_version as number }]));
}

export function upsertLabourIntent(db: Db, householdId: string, willing: boolean, reason: string, at: string, by: string): void {
  db.prepare(
    `INSERT INTO household_labour_intent (household_id, willing, reason, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (household_id) DO UPDATE SET willing = excluded.willing, reason = excluded.reason, row_version = row_version + 1,
       updated_at = excluded.updated_at, updated_by = excluded.updated_by, deleted_at = NULL`,
  ).run(householdId, willing ? 1 : 0, reason, at, at, by);
}

/** Measures of households, as the rules need them. */
export function measureFactsOf(db: Db, householdIds: string[]): Map<string, { category: string; item: string | null; status: string }[]> {
  const rows = chunked(householdIds, (ids) =>
    db.prepare(`SELECT household_id, category, item, status FROM measures WHERE household_id IN (${inList(ids)}) AND deleted_at IS NULL`).all(...ids) as { household_id: string }[],
  );
  return groupBy(rows, (r) => ({ category: r.category as string, item: (r.item as string | null) ?? null, status: r.status as string }));
}

/** Visit dates per household within [from, to]. */
export function visitDatesOf(db: Db, householdIds: string[], from: string, to: string): Map<string, string[]> {
  const rows = chunked(householdIds, (ids) =>
    db
      .prepare(`SELECT household_id, visit_date FROM followups WHERE household_id IN (${inList(ids)}) AND visit_date >= ? AND visit_date <= ? AND deleted_at IS NULL`)
      .all(...ids, from, to) as { household_id: string }[],
  );
  return groupBy(rows, (r) => r.visit_date as string);
}

/** Latest visit on or before `upTo`, per household. */
export function lastVisitsOf(db: Db, householdIds: string[], upTo: string): Map<string, string> {
  const rows = chunked(householdIds, (ids) =>
    db
      .prepare(`SELECT household_id, max(visit_date) AS last FROM followups WHERE household_id IN (${inList(ids)}) AND visit_date <= ? AND deleted_at IS NULL GROUP BY household_id`)
      .all(...ids, upTo) as Record<string, unknown>[],
  );
  return new Map(rows.map((r) => [r.household_id as string, r.last as string]));
}

/** 结对帮扶干部 paired with each household at some point in [from, to]. */
export function cadresOf(db: Db, householdIds: string[], from: string, to: string): Map<string, { cadreId: string; name: string }[]> {
  const rows = chunked(householdIds, (ids) =>
    db
      .prepare(
        `SELECT a.household_id, c.id AS cadre_id, c.name FROM cadre_assignments a JOIN cadres c ON c.id = a.cadre_id
          WHERE a.household_id IN (${inList(ids)}) AND a.deleted_at IS NULL AND c.deleted_at IS NULL
            AND a.start_date <= ? AND (a.end_date IS NULL OR a.end_date >= ?)
          ORDER BY c.name, c.id`,
      )
      .all(...ids, to, from) as { household_id: string }[],
  );
  const grouped = groupBy(rows, (r) => ({ cadreId: r.cadre_id as string, name: r.name as string }));
  // A cadre paired twice in the period (ended and re-paired) is one cadre.
  for (const [k, list] of grouped) grouped.set(k, list.filter((c, i) => list.findIndex((x) => x.cadreId === c.cadreId) === i));
  return grouped;
}
