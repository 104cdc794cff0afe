import type { IncomeAccount, IncomeAccountSummary } from '../../../shared/api/methods/income';
import { INCOME_COMPARISON_LABELS, type IncomeComparison, type IncomeWarning } from '../../../shared/domain/income';
import type { Db } from '../db/connection';

// 收入核算 rows ↔ API records. The account row holds the computed totals; income_items its lines.

export interface IncomeItemWrite {
  key: string;
  label: string;
  group: string;
  counted: boolean;
  amountFen: number;
  note: string;
}

export interface IncomeAccountWrite {
  id: string;
  householdId: string;
  accountedOn: string;
  windowKind: string;
  windowFrom: string;
  windowTo: string;
  lineYear: number;
  divisor: number;
  divisorOverridden: boolean;
  divisorReason: string | null;
  membersAtWindowEnd: number;
  groupTotalsFen: Record<string, number>;
  grossIncomeFen: number;
  netIncomeFen: number;
  selfPaidDeductedFen: number;
  perCapitaFen: number;
  povertyLineFen: number;
  monitoringLineFen: number;
  lineSource: string;
  comparison: IncomeComparison;
  gapToMonitoringFen: number;
  warnings: IncomeWarning[];
  confirmedWarnings: string[];
  accountant: string;
  note: string;
}

const GROUP_COLUMNS: [string, string][] = [
  ['wage', 'wage_fen'],
  ['business', 'business_fen'],
  ['businessCost', 'business_cost_fen'],
  ['property', 'property_fen'],
  ['transfer', 'transfer_fen'],
  ['claims', 'claims_fen'],
  ['selfPaid', 'self_paid_fen'],
];

const COLUMNS: [string, (a: IncomeAccountWrite) => unknown][] = [
  ['household_id', (a) => a.householdId],
  ['accounted_on', (a) => a.accountedOn],
  ['window_kind', (a) => a.windowKind],
  ['window_from', (a) => a.windowFrom],
  ['window_to', (a) => a.windowTo],
  ['line_year', (a) => a.lineYear],
  ['divisor', (a) => a.divisor],
  ['divisor_overridden', (a) => (a.divisorOverridden ? 1 : 0)],
  ['divisor_reason', (a) => a.divisorReason],
  ['members_at_window_end', (a) => a.membersAtWindowEnd],
  ...GROUP_COLUMNS.map(([g, col]): [string, (a: IncomeAccountWrite) => unknown] => [col, (a) => a.groupTotalsFen[g] ?? 0]),
  ['gross_income_fen', (a) => a.grossIncomeFen],
  ['net_income_fen', (a) => a.netIncomeFen],
  ['self_paid_deducted_fen', (a) => a.selfPaidDeductedFen],
  ['per_capita_fen', (a) => a.perCapitaFen],
  ['poverty_line_fen', (a) => a.povertyLineFen],
  ['monitoring_line_fen', (a) => a.monitoringLineFen],
  ['line_source', (a) => a.lineSource],
  ['comparison', (a) => a.comparison],
  ['gap_to_monitoring_fen', (a) => a.gapToMonitoringFen],
  ['warnings', (a) => JSON.stringify(a.warnings)],
  ['confirmed_warnings', (a) => JSON.stringify(a.confirmedWarnings)],
  ['accountant', (a) => a.accountant],
  ['note', (a) => a.note],
];

export function insertAccount(db: Db, a: IncomeAccountWrite, at: string, by: string | null): void {
  db.prepare(
    `INSERT INTO income_accounts (id, ${COLUMNS.map(([c]) => c).join(', ')}, created_at, updated_at, updated_by)
     VALUES (?, ${COLUMNS.map(() => '?').join(', ')}, ?, ?, ?)`,
  ).run(a.id, ...COLUMNS.map(([, v]) => v(a)), at, at, by);
}

export function updateAccount(db: Db, a: IncomeAccountWrite, at: string, by: string | null): void {
  db.prepare(
    `UPDATE income_accounts SET ${COLUMNS.map(([c]) => `${c} = ?`).join(', ')}, row_version = row_version + 1, updated_at = ?, updated_by = ? WHERE id = ?`,
  ).run(...COLUMNS.map(([, v]) => v(a)), at, by, a.id);
}

/** The lines belong to the account: replaced as a whole when it is saved. */
export function replaceItems(db: Db, accountId: string, items: IncomeItemWrite[]): void {
  db.prepare(`DELETE FROM income_items WHERE account_id = ?`).run(accountId);
  const insert = db.prepare(
    `INSERT INTO income_items (account_id, item_key, label, group_key, counted, amount_fen, note, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  items.forEach((i, n) => insert.run(accountId, i.key, i.label, i.group, i.counted ? 1 : 0, i.amountFen, i.note, n));
}

function itemsOf(db: Db, accountId: string): IncomeItemWrite[] {
  const rows = db.prepare(`SELECT * FROM income_items WHERE account_id = ? ORDER BY sort_order`).all(accountId) as Record<string, unknown>[];
  return rows.map((r) => ({
    key: r.item_key as string,
    label: r.label as string,
    group: r.group_key as string,
    counted: r.counted === 1,
    amountFen: r.amount_fen as number,
    note: r.note as string,
  }));
}

function toAccount(db: Db, r: Record<string, unknown>): IncomeAccount {
  const confirmed = JSON.parse(r.confirmed_warnings as string) as string[];
  const comparison = r.comparison as IncomeComparison;
  return {
    id: r.id as string,
    householdId: r.household_id as string,
    accountedOn: r.accounted_on as string,
    windowKind: r.window_kind as string,
    windowFrom: r.window_from as string,
    windowTo: r.window_to as string,
    lineYear: r.line_year as number,
    divisor: r.divisor as number,
    divisorOverridden: r.divisor_overridden === 1,
    divisorReason: (r.divisor_reason as string | null) ?? null,
    membersAtWindowEnd: r.members_at_window_end as number,
    items: itemsOf(db, r.id as string),
    groupTotalsFen: Object.fromEntries(GROUP_COLUMNS.map(([g, col]) => [g, r[col] as number])),
    grossIncomeFen: r.gross_income_fen as number,
    netIncomeFen: r.net_income_fen as number,
    selfPaidDeductedFen: r.self_paid_deducted_fen as number,
    perCapitaFen: r.per_capita_fen as number,
    povertyLineFen: r.poverty_line_fen as number,
    monitoringLineFen: r.monitoring_line_fen as number,
    lineSource: r.line_source as string,
    comparison,
    comparisonLabel: INCOME_COMPARISON_LABELS[comparison],
    gapToMonitoringFen: r.gap_to_monitoring_fen as number,
    warnings: (JSON.parse(r.warnings as string) as IncomeWarning[]).map((w) => ({ ...w, confirmed: confirmed.includes(w.code) })),
    accountant: r.accountant as string,
    note: r.note as string,
    rowVersion: r.row_version as number,
    updatedAt: r.updated_at as string,
    updatedBy: (r.updated_by as string | null) ?? null,
  };
}

export function getAccount(db: Db, id: string): IncomeAccount | undefined {
  const r = db.prepare(`SELECT * FROM income_accounts WHERE id = ? AND deleted_at IS NULL`).get(id) as Record<string, unknown> | undefined;
  return r ? toAccount(db, r) : undefined;
}

export function findAccountByWindow(db: Db, householdId: string, from: string, to: string): IncomeAccount | undefined {
  const r = db
    .prepare(`SELECT * FROM income_accounts WHERE household_id = ? AND window_from = ? AND window_to = ? AND deleted_at IS NULL`)
    .get(householdId, from, to) as Record<string, unknown> | undefined;
  return r ? toAccount(db, r) : undefined;
}

/** The 核算 in force on `date`: accounted on or before it, latest window first. */
export function latestAccountOn(db: Db, householdId: string, date: string): IncomeAccount | undefined {
  const r = db
    .prepare(
      `SELECT * FROM income_accounts WHERE household_id = ? AND accounted_on <= ? AND deleted_at IS NULL
       ORDER BY window_to DESC, accounted_on DESC LIMIT 1`,
    )
    .get(householdId, date) as Record<string, unknown> | undefined;
  return r ? toAccount(db, r) : undefined;
}

/** Accounts whose window ends on or after `date`: their 期末人口 may change when an event is dated `date`. */
export function accountsEndingFrom(db: Db, householdId: string, date: string): IncomeAccount[] {
  const rows = db
    .prepare(`SELECT * FROM income_accounts WHERE household_id = ? AND window_to >= ? AND deleted_at IS NULL ORDER BY window_to`)
    .all(householdId, date) as Record<string, unknown>[];
  return rows.map((r) => toAccount(db, r));
}

export function listAccountSummaries(db: Db, householdId: string): IncomeAccountSummary[] {
  const rows = db
    .prepare(`SELECT * FROM income_accounts WHERE household_id = ? AND deleted_at IS NULL ORDER BY window_to DESC, accounted_on DESC`)
    .all(householdId) as Record<string, unknown>[];
  return rows.map((r) => {
    const comparison = r.comparison as IncomeComparison;
    return {
      id: r.id as string,
      accountedOn: r.accounted_on as string,
      windowFrom: r.window_from as string,
      windowTo: r.window_to as string,
      divisor: r.divisor as number,
      netIncomeFen: r.net_income_fen as number,
      perCapitaFen: r.per_capita_fen as number,
      comparison,
      comparisonLabel: INCOME_COMPARISON_LABELS[comparison],
      updatedAt: r.updated_at as string,
      updatedBy: (r.updated_by as string | null) ?? null,
    };
  });
}
