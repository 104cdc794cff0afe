import type { AssessmentCheckKey } from '../../../shared/domain/profileConditions';
import { ASSESSMENT_CHECKS } from '../../../shared/domain/profileConditions';
import type { SecurityCheck } from '../../../shared/domain/workflow/eliminationCriteria';
import type { Db } from '../db/connection';

// Facts the 风险消除 criteria read from other areas' tables (收入核算 0002, 三保障评估 0002, 帮扶措施 0005)
// and the household columns a decided case changes. Each read degrades to "no record" when the table
// is missing, so the criteria say what is missing instead of the call failing.

const hasTable = (db: Db, name: string): boolean =>
  db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined;

export interface LatestIncome {
  accountedOn: string;
  perCapitaNetFen: number;
  lineFen: number;
}

/** The latest 收入核算 (by window end, then accounting date) against its own 监测范围 line. */
export function latestIncome(db: Db, householdId: string): LatestIncome | null {
  if (!hasTable(db, 'income_accounts')) return null;
  const r = db
    .prepare(
      `SELECT accounted_on, per_capita_fen, monitoring_line_fen FROM income_accounts
        WHERE household_id = ? AND deleted_at IS NULL ORDER BY window_to DESC, accounted_on DESC LIMIT 1`,
    )
    .get(householdId) as { accounted_on: string; per_capita_fen: number; monitoring_line_fen: number } | undefined;
  return r ? { accountedOn: r.accounted_on, perCapitaNetFen: r.per_capita_fen, lineFen: r.monitoring_line_fen } : null;
}

/** The checks of the latest 三保障评估; every check null (未评估) when there is none. */
export function latestSecurity(db: Db, householdId: string): { assessedOn: string | null; checks: Record<AssessmentCheckKey, SecurityCheck> } {
  const none = Object.fromEntries(ASSESSMENT_CHECKS.map((k) => [k, null])) as Record<AssessmentCheckKey, SecurityCheck>;
  if (!hasTable(db, 'assessments')) return { assessedOn: null, checks: none };
  const r = db
    .prepare(`SELECT assessed_on, items FROM assessments WHERE household_id = ? AND deleted_at IS NULL ORDER BY assessed_on DESC, created_at DESC LIMIT 1`)
    .get(householdId) as { assessed_on: string; items: string } | undefined;
  if (!r) return { assessedOn: null, checks: none };
  const items = JSON.parse(r.items) as Partial<Record<string, { pass: boolean; note?: string }>>;
  const checks = Object.fromEntries(
    ASSESSMENT_CHECKS.map((k) => {
      const item = items[k];
      return [k, item ? { pass: item.pass === true, ...(item.note ? { note: item.note } : {}) } : null];
    }),
  ) as Record<AssessmentCheckKey, SecurityCheck>;
  return { assessedOn: r.assessed_on, checks };
}

/** Measures delivered (已实施 / 已结束) for the household. */
export function deliveredMeasureCount(db: Db, householdId: string): number {
  if (!hasTable(db, 'measures')) return 0;
  return (db.prepare(`SELECT count(*) AS n FROM measures WHERE household_id = ? AND deleted_at IS NULL AND status <> 'planned'`).get(householdId) as { n: number }).n;
}

/** 劳动技能 of the current members and the household flags, for 整户无劳动能力. */
export function labourFacts(db: Db, householdId: string): { labourSkills: (string | null)[]; flags: string[] } {
  const skills = db
    .prepare(`SELECT labour_skill FROM members WHERE household_id = ? AND deleted_at IS NULL AND left_at IS NULL`)
    .all(householdId) as { labour_skill: string | null }[];
  const h = db.prepare(`SELECT flags FROM households WHERE id = ?`).get(householdId) as { flags: string } | undefined;
  return { labourSkills: skills.map((s) => s.labour_skill), flags: h ? (JSON.parse(h.flags) as string[]) : [] };
}

export interface ProcedureHouseholdState {
  status: string;
  category: string | null;
  colour: string | null;
  riskTypes: string[];
  monitoredSince: string | null;
}

/** Writes the columns a decided case changes (识别纳入 / 风险消除 / 回退), bumping row_version. */
export function setProcedureState(db: Db, householdId: string, s: ProcedureHouseholdState, at: string, by: string): void {
  db.prepare(
    `UPDATE households SET status = ?, category = ?, colour = ?, risk_types = ?, monitored_since = ?,
       row_version = row_version + 1, updated_at = ?, updated_by = ? WHERE id = ?`,
  ).run(s.status, s.category, s.colour, JSON.stringify(s.riskTypes), s.monitoredSince, at, by, householdId);
}
