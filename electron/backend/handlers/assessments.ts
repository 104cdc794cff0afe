import * as repo from '../repos/assessments';
import { proposeFor, saveAssessment } from '../registers/assessmentService';
import { loadHousehold } from '../registers/incomeService';
import type { HandlerTable } from './types';

// 三保障评估 and 风险评级; the use-cases live in registers/assessmentService.ts.
export const assessmentsHandlers: HandlerTable = {
  'assessments.propose': (ctx, { householdId, date }) => proposeFor(ctx, householdId, date),

  'assessments.save': (ctx, input) => saveAssessment(ctx, input),

  'assessments.list': (ctx, { householdId }) => {
    loadHousehold(ctx, householdId);
    const labels = ctx.profile().grading.colourLabels;
    return { assessments: repo.listAssessments(ctx.db, householdId, labels), grades: repo.listGrades(ctx.db, householdId, labels) };
  },
};
