import type { Scope } from '../../../shared/domain/permissions';
import type { Db } from '../db/connection';
import { chunked, householdScope } from './assistanceFacts';

// Bulk reads behind the outgoing Excel reports (季度风险评估表, 台账): one query per kind of fact for
// all households of a report, never one per household. SQL only; the sheets are laid out elsewhere.

const str = (v: unknown): string | null => (v as string | null) ?? null;
const inList = (ids: readonly string[]) => ids.map(() => '?').join(',') || 'NULL';

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

const HOUSEHOLD_SELECT = `SELECT h.*, v.name AS village_name, g.name AS group_name
  FROM households h LEFT JOIN divisions v ON v.id = h.village_id LEFT JOIN divisions g ON g.id = h.group_id`;
const HOUSEHOLD_ORDER = `ORDER BY v.sort_order, v.name, g.sort_order, g.name, h.head_pinyin, h.head_name, h.id`;

const toHousehold = (r: Record<string, unknown>): ReportHousehold => ({
  id: r.id as string,
  householdNo: str(r.household_no) || null,
  villageName: (r.village_name as string | null) ?? '',
  groupName: str(r.group_name),
  headName: r.head_name as string,
  headIdNumber: str(r.head_id_number),
  phone: r.phone as string,
  memberCount: r.member_count as number,
  householdType: r.household_type as string,
  category: str(r.category),
  status: r.status as string,
  riskTypes: JSON.parse(r.risk_types as string) as string[],
  flags: JSON.parse(r.flags as string) as string[],
  monitoredSince: str(r.monitored_since),
});

/** Households graded (assessment, visit re-grade, elimination …) within [from, to]. */
export function householdsGradedIn(db: Db, scope: Scope, villageId: string | undefined, from: string, to: string): ReportHousehold[] {
  const where = householdScope(scope, villageId);
  const rows = db
    .prepare(
      // Driven from the quarter's grades (index household_grades_graded_on), not by probing every household.
      `${HOUSEHOLD_SELECT} WHERE ${where.sql} AND h.id IN (SELECT household_id FROM household_grades
         WHERE graded_on >= ? AND graded_on <= ? AND deleted_at IS NULL) ${HOUSEHOLD_ORDER}`,
    )
    .all(...where.params, from, to) as Record<string, unknown>[];
  return rows.map(toHousehold);
}

/** 监测对象: households monitored now or whose risk was eliminated. */
export function monitoredObjects(db: Db, scope: Scope, villageId: string | undefined): ReportHousehold[] {
  const where = householdScope(scope, villageId);
  const rows = db.prepare(`${HOUSEHOLD_SELECT} WHERE ${where.sql} AND h.status IN ('monitoring', 'eliminated') ${HOUSEHOLD_ORDER}`).all(...where.params) as Record<string, unknown>[];
  return rows.map(toHousehold);
}

export interface GradeRow {
  date: string;
  colour: string;
  reason: string;
  riskTypes: string[];
}

/** Grade history up to `to`, oldest first, per household. */
export function gradesUpTo(db: Db, ids: string[], to: string): Map<string, GradeRow[]> {
  const rows = chunked(ids, (part) =>
    db
      .prepare(
        `SELECT household_id, graded_on, colour, reason, risk_types FROM household_grades WHERE household_id IN (${inList(part)})
          AND graded_on <= ? AND deleted_at IS NULL ORDER BY household_id, graded_on, created_at, rowid`,
      )
      .all(...part, to) as Record<string, unknown>[],
  );
  const out = new Map<string, GradeRow[]>();
  for (const r of rows) {
    const list = out.get(r.household_id as string) ?? [];
    list.push({ date: r.graded_on as string, colour: r.colour as string, reason: r.reason as string, riskTypes: JSON.parse(r.risk_types as string) as string[] });
    out.set(r.household_id as string, list);
  }
  return out;
}

/** Latest row per household of `table` dated on or before `upTo` (first row of each household in `order`). */
function latestPer(db: Db, ids: string[], sql: string, upTo: string): Map<string, Record<string, unknown>> {
  const rows = chunked(ids, (part) => db.prepare(sql.replace('$IDS', inList(part))).all(...part, upTo) as Record<string, unknown>[]);
  const out = new Map<string, Record<string, unknown>>();
  for (const r of rows) if (!out.has(r.household_id as string)) out.set(r.household_id as string, r);
  return out;
}

/** 人均纯收入 of the 收入核算 in force on `upTo`. */
export function perCapitaOn(db: Db, ids: string[], upTo: string): Map<string, number> {
  const rows = latestPer(
    db,
    ids,
    `SELECT household_id, per_capita_fen FROM income_accounts WHERE household_id IN ($IDS) AND accounted_on <= ? AND deleted_at IS NULL
      ORDER BY household_id, window_to DESC, accounted_on DESC`,
    upTo,
  );
  return new Map([...rows].map(([k, r]) => [k, r.per_capita_fen as number]));
}

/** Items ({food: {pass, note}, …}) of the latest 三保障评估 on or before `upTo`. */
export function assessmentItemsOn(db: Db, ids: string[], upTo: string): Map<string, Record<string, { pass: boolean; note: string }>> {
  const rows = latestPer(
    db,
    ids,
    `SELECT household_id, items FROM assessments WHERE household_id IN ($IDS) AND assessed_on <= ? AND deleted_at IS NULL
      ORDER BY household_id, assessed_on DESC, created_at DESC, rowid DESC`,
    upTo,
  );
  return new Map([...rows].map(([k, r]) => [k, JSON.parse(r.items as string) as Record<string, { pass: boolean; note: string }>]));
}

/** 风险消除方式 and date of households whose elimination case ended 风险已消除. */
export function eliminationsOf(db: Db, ids: string[]): Map<string, { mode: string | null; closedOn: string | null }> {
  const rows = chunked(ids, (part) =>
    db
      .prepare(`SELECT household_id, mode, closed_on FROM cases WHERE household_id IN (${inList(part)}) AND kind = 'elimination' AND outcome = 'eliminated' AND deleted_at IS NULL ORDER BY closed_on`)
      .all(...part) as Record<string, unknown>[],
  );
  return new Map(rows.map((r) => [r.household_id as string, { mode: str(r.mode), closedOn: str(r.closed_on) }]));
}

/** Cadres paired on `date` with their phone (for 帮扶联系人 / 联系电话). */
export function cadreContactsOn(db: Db, ids: string[], date: string): Map<string, { name: string; phone: string }[]> {
  const rows = chunked(ids, (part) =>
    db
      .prepare(
        `SELECT a.household_id, c.name, c.phone FROM cadre_assignments a JOIN cadres c ON c.id = a.cadre_id
          WHERE a.household_id IN (${inList(part)}) AND a.deleted_at IS NULL AND c.deleted_at IS NULL AND a.start_date <= ? AND (a.end_date IS NULL OR a.end_date >= ?)
          ORDER BY a.household_id, a.start_date, c.name`,
      )
      .all(...part, date, date) as Record<string, unknown>[],
  );
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
