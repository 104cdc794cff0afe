import type { Scope } from '../../../shared/domain/permissions';
import type { Db } from '../db/connection';
import { householdScope, type WhereSql } from './assistanceFacts';

// Narrow reads behind the 工作台's follow-up cards (followups.coverage, followups.escalations). At
// county scale (≈12k 监测户 among 300k households) reading every monitored household's full row —
// risk_types/flags JSON included — and parsing it cost more than the whole answer needs: these read
// only the columns each method decides on, in the same order as assistanceFacts.monitoredHouseholds
// (so a stable sort on top gives the same ties), and the full facts for the one page shown.

/** What followups.coverage needs of every monitored household (its state, counts, the page). */
export interface CoverageHouseholdFacts {
  id: string;
  headName: string;
  villageId: string;
  villageName: string;
  colour: string | null;
  monitoredSince: string | null;
}

const MONITORED_ORDER = 'ORDER BY v.sort_order, v.name, h.head_name, h.id';

/**
 * `h` 监测中 within a scope. With a village constraint the village index is the selective one, but
 * without ANALYZE statistics (the app never runs it) the planner takes the status index and reads
 * all ≈12k monitored households of the county: the unary `+` keeps it off the status index then.
 */
function monitoredWhere(scope: Scope, villageId: string | undefined): WhereSql {
  const where = householdScope(scope, villageId);
  const byVillage = scope.kind === 'villages' || Boolean(villageId);
  return { sql: `${where.sql} AND ${byVillage ? '+h.status' : 'h.status'} = 'monitoring'`, params: where.params };
}

export function coverageHouseholds(db: Db, scope: Scope, villageId?: string): CoverageHouseholdFacts[] {
  const where = monitoredWhere(scope, villageId);
  const rows = db
    .prepare(
      `SELECT h.id, h.head_name, h.village_id, v.name AS village_name, h.colour, h.monitored_since
         FROM households h LEFT JOIN divisions v ON v.id = h.village_id
        WHERE ${where.sql}
        ${MONITORED_ORDER}`,
    )
    .raw()
    .all(...where.params) as [string, string, string, string | null, string | null, string | null][];
  return rows.map(([id, headName, villageId, villageName, colour, monitoredSince]) => ({ id, headName, villageId, villageName: villageName ?? '', colour, monitoredSince }));
}

/**
 * Visit dates in [from, to] of the monitored households of a scope, per household: one query
 * driven by the households (as coverageHouseholds selects them) instead of 500-id IN lists.
 */
export function monitoredVisitDates(db: Db, scope: Scope, villageId: string | undefined, from: string, to: string): Map<string, string[]> {
  const where = monitoredWhere(scope, villageId);
  const rows = db
    .prepare(
      `SELECT f.household_id, f.visit_date FROM households h JOIN followups f ON f.household_id = h.id
        WHERE ${where.sql} AND f.visit_date >= ? AND f.visit_date <= ? AND f.deleted_at IS NULL`,
    )
    .raw()
    .all(...where.params, from, to) as [string, string][];
  const out = new Map<string, string[]>();
  for (const [householdId, date] of rows) {
    const list = out.get(householdId);
    if (list) list.push(date);
    else out.set(householdId, [date]);
  }
  return out;
}

/**
 * 结对帮扶干部 paired at some point in [from, to] with each monitored household of a scope, each
 * household's by cadre name then id (as assistanceFacts.cadresOf, whose per-chunk IN lists this
 * replaces). Sorted per household in JS — lists of one or two — not all rows in a temp B-tree.
 */
export function monitoredCadres(db: Db, scope: Scope, villageId: string | undefined, from: string, to: string): Map<string, { cadreId: string; name: string }[]> {
  const where = monitoredWhere(scope, villageId);
  const rows = db
    .prepare(
      `SELECT a.household_id, c.id AS cadre_id, c.name
         FROM households h JOIN cadre_assignments a ON a.household_id = h.id JOIN cadres c ON c.id = a.cadre_id
        WHERE ${where.sql} AND a.deleted_at IS NULL AND c.deleted_at IS NULL
          AND a.start_date <= ? AND (a.end_date IS NULL OR a.end_date >= ?)`,
    )
    .raw()
    .all(...where.params, to, from) as [string, string, string][];
  const out = new Map<string, { cadreId: string; name: string }[]>();
  for (const [householdId, cadreId, name] of rows) {
    const list = out.get(householdId);
    if (list) list.push({ cadreId, name });
    else out.set(householdId, [{ cadreId, name }]);
  }
  for (const [householdId, list] of out) {
    if (list.length === 1) continue;
    list.sort((a, b) => byCodePoints(a.name, b.name) || byCodePoints(a.cadreId, b.cadreId));
    // A cadre paired twice in the period (ended and re-paired) is one cadre.
    out.set(householdId, list.filter((c, i) => list.findIndex((x) => x.cadreId === c.cadreId) === i));
  }
  return out;
}

/**
 * SQLite's BINARY order (UTF-8 bytes = code points). Not `<`, which compares UTF-16 units and puts
 * characters beyond U+FFFF (rare 生僻字 in names) before U+E000–U+FFFF.
 */
export function byCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const x = a[Symbol.iterator]();
  const y = b[Symbol.iterator]();
  for (;;) {
    const p = x.next();
    const q = y.next();
    if (p.done || q.done) return p.done ? (q.done ? 0 : -1) : 1;
    const d = p.value.codePointAt(0)! - q.value.codePointAt(0)!;
    if (d) return d;
  }
}

/** What the 3-month rule and its sort need: monitored households with a 县级审定 date. */
export interface EscalationCandidate {
  id: string;
  headName: string;
  villageOrder: number;
  monitoredSince: string;
}

export function escalationCandidates(db: Db, scope: Scope, villageId?: string): EscalationCandidate[] {
  const where = monitoredWhere(scope, villageId);
  const rows = db
    .prepare(
      `SELECT h.id, h.head_name, v.sort_order, h.monitored_since
         FROM households h LEFT JOIN divisions v ON v.id = h.village_id
        WHERE ${where.sql} AND h.monitored_since IS NOT NULL
        ${MONITORED_ORDER}`,
    )
    .raw()
    .all(...where.params) as [string, string, number | null, string][];
  return rows.map(([id, headName, villageOrder, monitoredSince]) => ({ id, headName, villageOrder: villageOrder ?? 0, monitoredSince }));
}

/** The facts an escalation row shows, for the households of one page (a handful of ids). */
export interface EscalationHouseholdFacts {
  headName: string;
  villageId: string;
  villageName: string;
  colour: string | null;
  category: string | null;
  riskTypes: string[];
}

export function escalationFactsOf(db: Db, householdIds: string[]): Map<string, EscalationHouseholdFacts> {
  if (!householdIds.length) return new Map();
  const rows = db
    .prepare(
      `SELECT h.id, h.head_name, h.village_id, v.name AS village_name, h.colour, h.category, h.risk_types
         FROM households h LEFT JOIN divisions v ON v.id = h.village_id
        WHERE h.id IN (${householdIds.map(() => '?').join(',')})`,
    )
    .all(...householdIds) as Record<string, unknown>[];
  return new Map(
    rows.map((r) => [
      r.id as string,
      {
        headName: r.head_name as string,
        villageId: r.village_id as string,
        villageName: (r.village_name as string | null) ?? '',
        colour: (r.colour as string | null) ?? null,
        category: (r.category as string | null) ?? null,
        riskTypes: JSON.parse(r.risk_types as string) as string[],
      },
    ]),
  );
}
