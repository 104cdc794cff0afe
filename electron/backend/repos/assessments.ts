import type { AssessmentRecordOut, GradeRecord, GradingFacts } from '../../../shared/api/methods/assessments';
import { INCOME_COMPARISON_LABELS, type IncomeComparison } from '../../../shared/domain/income';
import type { GradeColour } from '../../../shared/domain/profile';
import type { Db } from '../db/connection';

// 三保障评估 and 风险评级 history rows ↔ API records. Colour labels come from the current profile (passed in).

type ColourLabels = Record<GradeColour, string>;

export interface AssessmentWrite {
  id: string;
  householdId: string;
  date: string;
  assessor: string;
  items: Record<string, { pass: boolean; note: string }>;
  water: { quantity: boolean; quality: boolean; convenience: boolean };
  risks: { type: string; subType?: string | null }[];
  incomeAccountId: string | null;
  colour: GradeColour;
  reason: string;
  ruleIndex: number | null;
  facts: GradingFacts;
  hints: string[];
  note: string;
}

export function insertAssessment(db: Db, a: AssessmentWrite, at: string, by: string | null): void {
  db.prepare(
    `INSERT INTO assessments (id, household_id, assessed_on, assessor, items, water, risks, income_account_id, colour, colour_reason, rule_index, facts, hints, note, created_at, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    a.id, a.householdId, a.date, a.assessor, JSON.stringify(a.items), JSON.stringify(a.water), JSON.stringify(a.risks), a.incomeAccountId,
    a.colour, a.reason, a.ruleIndex, JSON.stringify(a.facts), JSON.stringify(a.hints), a.note, at, at, by,
  );
}

const SELECT_ASSESSMENT = `SELECT a.*, i.accounted_on, i.window_from, i.window_to, i.per_capita_fen, i.comparison
  FROM assessments a LEFT JOIN income_accounts i ON i.id = a.income_account_id`;

function toAssessment(r: Record<string, unknown>, labels: ColourLabels): AssessmentRecordOut {
  const comparison = (r.comparison as IncomeComparison | null) ?? null;
  return {
    id: r.id as string,
    householdId: r.household_id as string,
    date: r.assessed_on as string,
    assessor: r.assessor as string,
    items: JSON.parse(r.items as string) as AssessmentRecordOut['items'],
    water: JSON.parse(r.water as string) as AssessmentRecordOut['water'],
    risks: JSON.parse(r.risks as string) as AssessmentRecordOut['risks'],
    income:
      r.income_account_id && comparison
        ? {
            accountId: r.income_account_id as string,
            accountedOn: r.accounted_on as string,
            windowFrom: r.window_from as string,
            windowTo: r.window_to as string,
            perCapitaFen: r.per_capita_fen as number,
            comparison,
            comparisonLabel: INCOME_COMPARISON_LABELS[comparison],
          }
        : null,
    colour: r.colour as GradeColour,
    colourLabel: labels[r.colour as GradeColour],
    reason: r.colour_reason as string,
    ruleIndex: (r.rule_index as number | null) ?? null,
    facts: JSON.parse(r.facts as string) as GradingFacts,
    hints: JSON.parse(r.hints as string) as string[],
    note: r.note as string,
    recordedBy: (r.updated_by as string | null) ?? null,
    recordedAt: r.created_at as string,
  };
}

export function getAssessment(db: Db, id: string, labels: ColourLabels): AssessmentRecordOut | undefined {
  const r = db.prepare(`${SELECT_ASSESSMENT} WHERE a.id = ?`).get(id) as Record<string, unknown> | undefined;
  return r ? toAssessment(r, labels) : undefined;
}

/** Newest first: by assessment date, then by when it was recorded. */
export function listAssessments(db: Db, householdId: string, labels: ColourLabels): AssessmentRecordOut[] {
  const rows = db
    .prepare(`${SELECT_ASSESSMENT} WHERE a.household_id = ? AND a.deleted_at IS NULL ORDER BY a.assessed_on DESC, a.created_at DESC, a.rowid DESC`)
    .all(householdId) as Record<string, unknown>[];
  return rows.map((r) => toAssessment(r, labels));
}

/** True when another assessment of the household is dated after `date` (a back-dated one does not regrade). */
export const hasLaterAssessment = (db: Db, householdId: string, date: string): boolean =>
  !!db.prepare(`SELECT 1 FROM assessments WHERE household_id = ? AND assessed_on > ? AND deleted_at IS NULL LIMIT 1`).get(householdId, date);

export interface GradeWrite {
  id: string;
  householdId: string;
  date: string;
  colour: GradeColour;
  previousColour: GradeColour | null;
  reason: string;
  riskTypes: string[];
  source: string;
  sourceId: string | null;
}

export function insertGrade(db: Db, g: GradeWrite, at: string, by: string | null): void {
  db.prepare(
    `INSERT INTO household_grades (id, household_id, graded_on, colour, previous_colour, reason, risk_types, source, source_id, created_at, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(g.id, g.householdId, g.date, g.colour, g.previousColour, g.reason, JSON.stringify(g.riskTypes), g.source, g.sourceId, at, at, by);
}

/** The colour in force on `date` from the grade history (null before the first grading). */
export const colourOn = (db: Db, householdId: string, date: string): GradeColour | null =>
  (
    db
      .prepare(`SELECT colour FROM household_grades WHERE household_id = ? AND graded_on <= ? AND deleted_at IS NULL ORDER BY graded_on DESC, created_at DESC, rowid DESC LIMIT 1`)
      .get(householdId, date) as { colour: GradeColour } | undefined
  )?.colour ?? null;

export function listGrades(db: Db, householdId: string, labels: ColourLabels): GradeRecord[] {
  const rows = db
    .prepare(`SELECT * FROM household_grades WHERE household_id = ? AND deleted_at IS NULL ORDER BY graded_on DESC, created_at DESC, rowid DESC`)
    .all(householdId) as Record<string, unknown>[];
  return rows.map((r) => ({
    id: r.id as string,
    householdId: r.household_id as string,
    date: r.graded_on as string,
    colour: r.colour as GradeColour,
    colourLabel: labels[r.colour as GradeColour],
    previousColour: (r.previous_colour as GradeColour | null) ?? null,
    reason: r.reason as string,
    riskTypes: JSON.parse(r.risk_types as string) as string[],
    source: r.source as string,
    sourceId: (r.source_id as string | null) ?? null,
    recordedBy: (r.updated_by as string | null) ?? null,
    recordedAt: r.created_at as string,
  }));
}
