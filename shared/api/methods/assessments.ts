import { z } from 'zod';
import { GRADE_COLOURS } from '../../domain/profileConditions';
import { method } from '../define';
import { id, isoDate, requiredText, shortText } from '../schemas/common';
import { household } from '../schemas/household';

// 一超过、两不愁、三保障 + 饮水安全: a dated assessment per household by a named assessor; the colour comes from the
// profile's rule table (grading.ts) with the latest 收入核算; grade history kept.

const itemResult = z.strictObject({ pass: z.boolean(), note: shortText(300).default('') });
const itemOut = z.object({ pass: z.boolean(), note: z.string() });
const risk = z.strictObject({ type: requiredText(20), subType: shortText(20).nullable().optional() });
const riskOut = z.object({ type: z.string(), subType: z.string().nullable().optional() });
const water = z.strictObject({ quantity: z.boolean(), quality: z.boolean(), convenience: z.boolean() });
const colour = z.enum(GRADE_COLOURS);

/** The six checks the assessor records (一超过 is computed from the income). */
export const assessmentItemsInput = z.strictObject({
  food: itemResult,
  clothing: itemResult,
  education: itemResult,
  medical: itemResult,
  housing: itemResult,
  water: itemResult,
});

/** The facts a grade was computed from, kept so "why this colour" can be shown later. */
export const gradingFacts = z.object({
  income: z.enum(['belowPoverty', 'belowMonitoring', 'atOrAboveMonitoring']).nullable(),
  category: z.string().nullable(),
  householdType: z.string().nullable(),
  risks: z.array(z.string()),
  riskEliminated: z.boolean().nullable(),
  selfPaidMedicalFen: z.number().int().nullable(),
  flags: z.array(z.string()),
});
export type GradingFacts = z.infer<typeof gradingFacts>;

export const incomeBrief = z.object({
  accountId: id,
  accountedOn: z.string(),
  windowFrom: z.string(),
  windowTo: z.string(),
  perCapitaFen: z.number().int(),
  comparison: z.string(),
  comparisonLabel: z.string(),
});

export const assessmentRecord = z.object({
  id,
  householdId: id,
  date: z.string(),
  assessor: z.string(),
  items: z.record(z.string(), itemOut),
  water: z.object({ quantity: z.boolean(), quality: z.boolean(), convenience: z.boolean() }),
  risks: z.array(riskOut),
  income: incomeBrief.nullable(),
  colour,
  colourLabel: z.string(),
  /** The matching rule's label (or the table's default label). */
  reason: z.string(),
  ruleIndex: z.number().int().nullable(),
  facts: gradingFacts,
  hints: z.array(z.string()),
  note: z.string(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
});
export type AssessmentRecordOut = z.infer<typeof assessmentRecord>;

export const gradeRecord = z.object({
  id,
  householdId: id,
  date: z.string(),
  colour,
  colourLabel: z.string(),
  previousColour: colour.nullable(),
  reason: z.string(),
  riskTypes: z.array(z.string()),
  source: z.string(),
  sourceId: z.string().nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
});
export type GradeRecord = z.infer<typeof gradeRecord>;

export const assessmentsMethods = {
  'assessments.propose': method({
    input: z.strictObject({ householdId: id, date: isoDate.optional() }),
    output: z.object({
      date: z.string(),
      proposals: z.record(z.string(), itemOut),
      income: incomeBrief.nullable(),
      facts: gradingFacts,
      /** Risks with sub-types of the latest assessment, to start from. */
      currentRisks: z.array(riskOut),
    }),
    access: 'register.read',
    write: false,
    summary: '评估建议：根据成员信息、危房等级和最近一次收入核算给出各项建议结果，以及评级所需的户情况',
  }),
  'assessments.save': method({
    input: z.strictObject({
      householdId: id,
      date: isoDate,
      assessor: requiredText(50),
      items: assessmentItemsInput,
      water,
      risks: z.array(risk).max(10).default([]),
      note: shortText(500).optional(),
    }),
    output: z.object({ assessment: assessmentRecord, household }),
    access: 'assessment.write',
    write: true,
    summary: '保存一次三保障评估并按地方口径评级规则确定风险颜色，更新该户当前颜色与风险类型（保留评级历史）',
  }),
  'assessments.list': method({
    input: z.strictObject({ householdId: id }),
    output: z.object({ assessments: z.array(assessmentRecord), grades: z.array(gradeRecord) }),
    access: 'register.read',
    write: false,
    summary: '一户的历次评估与评级历史（最新在前）',
  }),
};
