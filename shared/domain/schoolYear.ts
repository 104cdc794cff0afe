// 在校生年级 must advance every school year (the seed's supervision report faulted "子女就读年级未更新").
// A school year starts on 09-01 (China calendar day); it is named by the year it starts in: '2026' = 2026–2027学年.
// members.school_year_confirmed holds the school year whose 学段/年级 a clerk last confirmed.
import type { Profile } from './profile';

type SchoolStage = Profile['enums']['schoolStages'][number];

const SCHOOL_YEAR_START_MONTH = 9;

/** The school year a China calendar day (YYYY-MM-DD) falls in: 2026-11-29 → 2026, 2027-03-01 → 2026. */
export function schoolYearOf(date: string): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month >= SCHOOL_YEAR_START_MONTH ? year : year - 1;
}

/** 2026 → '2026–2027学年'. */
export const schoolYearLabel = (year: number): string => `${year}–${year + 1}学年`;

export interface SchoolFacts {
  schoolStage: string | null;
  schoolGrade: number | null;
  schoolYearConfirmed: string | null;
  leftAt?: string | null;
}

/** A current student whose 学段/年级 has not been confirmed for the school year of `today`. */
export function gradeUnconfirmed(m: SchoolFacts, today: string): boolean {
  if (m.leftAt || !m.schoolStage) return false;
  return m.schoolYearConfirmed !== String(schoolYearOf(today));
}

export interface GradeProposal {
  /** Proposed 学段 label; null = the student finished a stage and the next step is the clerk's call. */
  stage: string | null;
  grade: number | null;
  /** Chinese, shown next to the proposal. */
  note: string;
  /** true when the clerk must decide (finished a non-compulsory stage, never confirmed, unknown stage …). */
  needsDecision: boolean;
}

/** "小学4年级". */
export const gradeText = (stage: string | null, grade: number | null): string => (stage ? `${stage}${grade ? `${grade}年级` : ''}` : '不在校');

/**
 * The next grade after `years` school years. Within a stage the grade goes up by one per year; after the last
 * grade the student moves to grade 1 of the next stage in the profile's list when that stage is 义务教育 (学前 →
 * 小学, 小学 → 初中); otherwise (初中毕业, 高中毕业 …) the proposal is empty and the clerk records where they went.
 */
export function proposeNextGrade(current: { stage: string; grade: number | null }, stages: readonly SchoolStage[], years: number): GradeProposal {
  const index = stages.findIndex((s) => s.label === current.stage);
  if (index === -1) {
    return { stage: current.stage, grade: current.grade, note: `学段“${current.stage}”不在地方口径的学段列表中，请重新选择`, needsDecision: true };
  }
  if (!current.grade) {
    return { stage: current.stage, grade: null, note: '尚未登记年级，请填写', needsDecision: true };
  }
  let stageIndex = index;
  let grade = current.grade;
  for (let i = 0; i < years; i += 1) {
    const stage = stages[stageIndex];
    if (grade < stage.grades) {
      grade += 1;
      continue;
    }
    const next = stages[stageIndex + 1];
    if (!next?.compulsory) {
      return { stage: null, grade: null, note: `${stage.label}已毕业，请选择升入的学段，或设为不在校并填写去向`, needsDecision: true };
    }
    stageIndex += 1;
    grade = 1;
  }
  const stage = stages[stageIndex];
  const moved = stageIndex !== index;
  return { stage: stage.label, grade, note: moved ? `${stages[index].label}毕业，升入${stage.label}` : `升入${grade}年级`, needsDecision: false };
}

/**
 * The proposal for one student in `schoolYear`: advance by the number of school years since the last
 * confirmation. Never confirmed → keep as is and ask the clerk to check (we cannot know when it was entered).
 */
export function proposeForSchoolYear(m: SchoolFacts & { schoolStage: string }, schoolYear: number, stages: readonly SchoolStage[]): GradeProposal {
  const confirmed = m.schoolYearConfirmed ? Number(m.schoolYearConfirmed) : NaN;
  if (!Number.isInteger(confirmed)) {
    return { stage: m.schoolStage, grade: m.schoolGrade, note: '从未确认过年级，请核对本学年实际就读年级', needsDecision: true };
  }
  const years = schoolYear - confirmed;
  if (years <= 0) return { stage: m.schoolStage, grade: m.schoolGrade, note: '本学年已确认', needsDecision: false };
  return proposeNextGrade({ stage: m.schoolStage, grade: m.schoolGrade }, stages, years);
}
