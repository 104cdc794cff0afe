import type { Scope } from '../../../shared/domain/permissions';
import type { Db } from '../db/connection';
import { householdScope } from './assistanceFacts';

// Bulk reads behind the outgoing Excel reports (季度风险评估表, 台账): one query per kind of fact for
// all households of a report, never one per household. SQL only; the sheets are laid out elsewhere.

const str = (v: unknown): string | null => (v as string | null) ?? null;
const inList = (ids: readonly string[]) => ids.map(() => '?').join(',') || 'NULL';
/**
 * `x IN (SELECT value FROM json_each(?))` with the ids as ONE JSON parameter: one statement for any
 * number of households (a report's 10,000), where 500-id IN lists meant twenty statements compiled
 * and run per kind of fact. Sorted, because SQLite builds its lookup list from them and sorted keys
 * build it in half the time.
 */
const IN_IDS = `IN (SELECT value FROM json_each(?))`;
const sortedJson = new WeakMap<readonly string[], string>(); // a report asks for several facts of the same ids
function idsParam(ids: readonly string[]): string {
  let json = sortedJson.get(ids);
  if (json === undefined) sortedJson.set(ids, (json = JSON.stringify([...ids].sort())));
  return json;
}

export interface ReportHousehold {
  id: string;
  householdNo: string | null;
  villageName: string;
  groupName: string | null;
  headName: string;
  headIdNumber: string | null;
  phone: string;
  memberCount: number;
  householdType: string;
  category: string | null;
  status: string;
  riskTypes: string[];
  flags: string[];
  monitoredSince: string | null;
}

// The columns a report prints, not h.*, read as arrays (raw): a household row has ~30 columns, and
// building h.* into objects for 10,000 households cost five times the read itself.
const HOUSEHOLD_SELECT = `SELECT h.id, h.household_no, h.head_name, h.head_id_number, h.phone, h.member_count, h.household_type,
    h.category, h.status, h.risk_types, h.flags, h.monitored_since, v.name AS village_name, g.name AS group_name
  FROM households h LEFT JOIN divisions v ON v.id = h.village_id LEFT JOIN divisions g ON g.id = h.group_id`;
const HOUSEHOLD_ORDER = `ORDER BY v.sort_order, v.name, g.sort_order, g.name, h.head_pinyin, h.head_name, h.id`;
type HouseholdRaw = [string, string | null, string, string | null, string, number, string, string | null, string, string, string, string | null, string | null, string | null];

const toHousehold = (r: HouseholdRaw): ReportHousehold => ({
  id: r[0],
  householdNo: r[1] || null,
  villageName: r[12] ?? '',
  groupName: r[13],
  headName: r[2],
  headIdNumber: r[3],
  phone: r[4],
  memberCount: r[5],
  householdType: r[6],
  category: r[7],
  status: r[8],
  riskTypes: JSON.parse(r[9]) as string[],
  flags: JSON.parse(r[10]) as string[],
  monitoredSince: r[11],
});

function readHouseholds(db: Db, where: string, params: unknown[]): ReportHousehold[] {
  return (db.prepare(`${HOUSEHOLD_SELECT} WHERE ${where} ${HOUSEHOLD_ORDER}`).raw().all(...params) as HouseholdRaw[]).map(toHousehold);
}

/** Households graded (assessment, visit re-grade, elimination …) within [from, to]. */
export function householdsGradedIn(db: Db, scope: Scope, villageId: string | undefined, from: string, to: string): ReportHousehold[] {
  const where = householdScope(scope, villageId);
  // Driven from the quarter's grades (index household_grades_graded_on), not by probing every household.
  const graded = `h.id IN (SELECT household_id FROM household_grades WHERE graded_on >= ? AND graded_on <= ? AND deleted_at IS NULL)`;
  return readHouseholds(db, `${where.sql} AND ${graded}`, [...where.params, from, to]);
}

/** 监测对象: households monitored now or whose risk was eliminated. */
export function monitoredObjects(db: Db, scope: Scope, villageId: string | undefined): ReportHousehold[] {
  const where = householdScope(scope, villageId);
  return readHouseholds(db, `${where.sql} AND h.status IN ('monitoring', 'eliminated')`, where.params);
}

export interface GradeRow {
  date: string;
  colour: string;
  reason: string;
}

/** Grade history up to `to`, oldest first, per household. */
export function gradesUpTo(db: Db, ids: readonly string[], to: string): Map<string, GradeRow[]> {
  const rows = db
    .prepare(
      `SELECT household_id, graded_on, colour, reason FROM household_grades WHERE household_id ${IN_IDS}
        AND graded_on <= ? AND deleted_at IS NULL ORDER BY household_id, graded_on, created_at, rowid`,
    )
    .raw()
    .all(idsParam(ids), to) as [string, string, string, string][];
  const out = new Map<string, GradeRow[]>();
  for (const [householdId, date, colour, reason] of rows) {
    const list = out.get(householdId);
    if (list) list.push({ date, colour, reason });
    else out.set(householdId, [{ date, colour, reason }]);
  }
  return out;
}

/** Latest row per household of `table` dated on or before `upTo` (first row of each household in `order`). */
function latestPer(db: Db, ids: readonly string[], sql: string, upTo: string): Map<string, Record<string, unknown>> {
  const rows = db.prepare(sql.replace('$IDS', IN_IDS)).all(idsParam(ids), upTo) as Record<string, unknown>[];
  const out = new Map<string, Record<string, unknown>>();
  for (const r of rows) if (!out.has(r.household_id as string)) out.set(r.household_id as string, r);
  return out;
}

/** 人均纯收入 of the 收入核算 in force on `upTo`. */
export function perCapitaOn(db: Db, ids: readonly string[], upTo: string): Map<string, number> {
  const rows = latestPer(
    db,
    ids,
    `SELECT household_id, per_capita_fen FROM income_accounts WHERE household_id $IDS AND accounted_on <= ? AND deleted_at IS NULL
      ORDER BY household_id, window_to DESC, accounted_on DESC`,
    upTo,
  );
  return new Map([...rows].map(([k, r]) => [k, r.per_capita_fen as number]));
}

/** Items ({food: {pass, note}, …}) of the latest 三保障评估 on or before `upTo`. */
export function assessmentItemsOn(db: Db, ids: readonly string[], upTo: string): Map<string, Record<string, { pass: boolean; note: string }>> {
  const rows = latestPer(
    db,
    ids,
    `SELECT household_id, items FROM assessments WHERE household_id $IDS AND assessed_on <= ? AND deleted_at IS NULL
      ORDER BY household_id, assessed_on DESC, created_at DESC, rowid DESC`,
    upTo,
  );
  return new Map([...rows].map(([k, r]) => [k, JSON.parse(r.items as string) as Record<string, { pass: boolean; note: string }>]));
}

export interface MeasureLine {
  householdId: string;
  category: string;
  item: string | null;
  content: string;
  status: string;
  actualStart: string | null;
}

/** The measures of households (what a report line prints of them), per household by start date. */
export function measureLinesOf(db: Db, ids: readonly string[]): MeasureLine[] {
  const rows = db
    .prepare(
      `SELECT household_id, category, item, content, status, actual_start FROM measures WHERE household_id ${IN_IDS} AND deleted_at IS NULL
        ORDER BY household_id, coalesce(actual_start, planned_start), created_at, id`,
    )
    .raw()
    .all(idsParam(ids)) as [string, string, string | null, string, string, string | null][];
  return rows.map(([householdId, category, item, content, status, actualStart]) => ({ householdId, category, item, content, status, actualStart }));
}

/** Names of the cadres paired with each household at some time in [from, to], each cadre once, by name. */
export function cadreNamesIn(db: Db, ids: readonly string[], from: string, to: string): Map<string, string[]> {
  const rows = db
    .prepare(
      `SELECT DISTINCT a.household_id, c.name, c.id FROM cadre_assignments a JOIN cadres c ON c.id = a.cadre_id
        WHERE a.household_id ${IN_IDS} AND a.deleted_at IS NULL AND c.deleted_at IS NULL AND a.start_date <= ? AND (a.end_date IS NULL OR a.end_date >= ?)
        ORDER BY c.name, c.id`,
    )
    .raw()
    .all(idsParam(ids), to, from) as [string, string, string][];
  const out = new Map<string, string[]>();
  for (const [householdId, name] of rows) {
    const list = out.get(householdId);
    if (list) list.push(name);
    else out.set(householdId, [name]);
  }
  return out;
}

/** 风险消除方式 and date of households whose elimination case ended 风险已消除. */
export function eliminationsOf(db: Db, ids: readonly string[]): Map<string, { mode: string | null; closedOn: string | null }> {
  const rows = db
    .prepare(`SELECT household_id, mode, closed_on FROM cases WHERE household_id ${IN_IDS} AND kind = 'elimination' AND outcome = 'eliminated' AND deleted_at IS NULL ORDER BY closed_on`)
    .all(idsParam(ids)) as Record<string, unknown>[];
  return new Map(rows.map((r) => [r.household_id as string, { mode: str(r.mode), closedOn: str(r.closed_on) }]));
}

/** Cadres paired on `date` with their phone (for 帮扶联系人 / 联系电话). */
export function cadreContactsOn(db: Db, ids: readonly string[], date: string): Map<string, { name: string; phone: string }[]> {
  const rows = db
    .prepare(
      `SELECT a.household_id, c.name, c.phone FROM cadre_assignments a JOIN cadres c ON c.id = a.cadre_id
        WHERE a.household_id ${IN_IDS} AND a.deleted_at IS NULL AND c.deleted_at IS NULL AND a.start_date <= ? AND (a.end_date IS NULL OR a.end_date >= ?)
        ORDER BY a.household_id, a.start_date, c.name`,
    )
    .all(idsParam(ids), date, date) as Record<string, unknown>[];
  const out = new Map<string, { name: string; phone: string }[]>();
  for (const r of rows) out.set(r.household_id as string, [...(out.get(r.household_id as string) ?? []), { name: r.name as string, phone: r.phone as string }]);
  return out;
}

export interface HouseholdColumns {
  headName: string;
  headIdNumber: string | null;
  villageName: string;
  groupName: string | null;
}

const withHousehold = (r: Record<string, unknown>): HouseholdColumns => ({
  headName: r.head_name as string,
  headIdNumber: str(r.head_id_number),
  villageName: (r.village_name as string | null) ?? '',
  groupName: str(r.group_name),
});

const JOIN = `JOIN households h ON h.id = x.household_id LEFT JOIN divisions v ON v.id = h.village_id LEFT JOIN divisions g ON g.id = h.group_id`;

/** Rows of one table joined to their household, in register order then `order`. */
function ledgerRows(db: Db, scope: Scope, villageId: string | undefined, table: string, extraWhere: string, extraParams: unknown[], order: string): Record<string, unknown>[] {
  const where = householdScope(scope, villageId);
  return db
    .prepare(
      `SELECT x.*, h.head_name, h.head_id_number, v.name AS village_name, g.name AS group_name FROM ${table} x ${JOIN}
        WHERE ${where.sql} AND x.deleted_at IS NULL ${extraWhere} ORDER BY v.sort_order, v.name, g.sort_order, h.head_pinyin, h.head_name, ${order}`,
    )
    .all(...where.params, ...extraParams) as Record<string, unknown>[];
}

export interface LeadLedgerRow extends HouseholdColumns {
  channel: string;
  reporter: string;
  receivedAt: string;
  summary: string;
  status: string;
  contactDueAt: string;
  contactedAt: string | null;
  caseId: string | null;
}

/** Leads of the given channels (预警台账 reads 部门预警 leads until warnings land). */
export function leadsOfChannels(db: Db, scope: Scope, villageId: string | undefined, channels: string[]): LeadLedgerRow[] {
  return ledgerRows(db, scope, villageId, 'leads', `AND x.channel IN (${inList(channels)})`, channels, 'x.received_at').map((r) => ({
    ...withHousehold(r),
    channel: r.channel as string,
    reporter: r.reporter as string,
    receivedAt: r.received_at as string,
    summary: r.summary as string,
    status: r.status as string,
    contactDueAt: r.contact_due_at as string,
    contactedAt: str(r.contacted_at),
    caseId: str(r.case_id),
  }));
}

export type MeasureLedgerRow = HouseholdColumns & Record<string, unknown>;

/** Every measure with its household (columns as stored: category, item, content, …). */
export const measureLedgerRows = (db: Db, scope: Scope, villageId: string | undefined): MeasureLedgerRow[] =>
  ledgerRows(db, scope, villageId, 'measures', '', [], 'coalesce(x.actual_start, x.planned_start), x.id').map((r) => ({ ...r, ...withHousehold(r) }));

/** Every visit with its household (columns as stored: visit_date, visitors, method, findings, …). */
export const visitLedgerRows = (db: Db, scope: Scope, villageId: string | undefined): MeasureLedgerRow[] =>
  ledgerRows(db, scope, villageId, 'followups', '', [], 'x.visit_date, x.id').map((r) => ({ ...r, ...withHousehold(r) }));
