import type { ParsedInput } from '../../../shared/api/contract';
import type { GradingFacts } from '../../../shared/api/methods/assessments';
import type { IncomeAccount } from '../../../shared/api/methods/income';
import type { Household } from '../../../shared/api/schemas/household';
import { checksOf, proposeAssessment, proposeIncomeItem, validateAssessment, validateRisks, assessmentRiskHints, type AssessmentRecord } from '../../../shared/domain/assessment';
import { chinaDate } from '../../../shared/domain/chinaTime';
import { validationError } from '../../../shared/domain/errors';
import { gradeHousehold } from '../../../shared/domain/grading';
import { isMemberOn } from '../../../shared/domain/householdSize';
import type { IncomeResult } from '../../../shared/domain/income';
import type { IncomeGroup } from '../../../shared/domain/profile';
import { formatFen } from '../../../shared/domain/money';
import type { HandlerContext } from '../context';
import * as repo from '../repos/assessments';
import { updateGrade } from '../repos/householdState';
import { getHousehold } from '../repos/households';
import { latestAccountOn } from '../repos/income';
import { assertOpen, householdSnapshot } from './eventCommon';
import { loadHousehold } from './incomeService';

// 三保障评估 → 风险评级: the assessor's checks plus the latest 收入核算 go through the profile's rule table; the
// household's current colour and 风险类型 follow the latest assessment, and every grading is kept in the history.

/** A stored 核算 as the domain's IncomeResult (all of it was computed by computeIncome when saved). */
export function asIncomeResult(a: IncomeAccount): IncomeResult {
  const lines = a.items.map((i) => ({ key: i.key, amountFen: i.amountFen, note: i.note, label: i.label, group: i.group as IncomeGroup, counted: i.counted }));
  return {
    year: a.lineYear,
    groupTotalsFen: a.groupTotalsFen as Record<IncomeGroup, number>,
    grossIncomeFen: a.grossIncomeFen,
    netIncomeFen: a.netIncomeFen,
    selfPaidDeductedFen: a.selfPaidDeductedFen,
    memberCount: a.divisor,
    perCapitaFen: a.perCapitaFen,
    povertyLineFen: a.povertyLineFen,
    monitoringLineFen: a.monitoringLineFen,
    lineSource: a.lineSource,
    comparison: a.comparison,
    gapToMonitoringFen: a.gapToMonitoringFen,
    lines,
    excluded: lines.filter((l) => !l.counted),
  };
}

const mainTypes = (risks: readonly { type: string }[]): string[] => [...new Set(risks.map((r) => r.type))];

function gradingFacts(h: Household, income: IncomeAccount | null, risks: string[]): GradingFacts {
  return {
    income: income?.comparison ?? null,
    category: h.category,
    householdType: h.householdType,
    risks,
    // 风险是否已消除 as the household's status says; the case workflow sets the status.
    riskEliminated: h.status === 'eliminated' ? true : h.status === 'monitoring' ? false : null,
    selfPaidMedicalFen: income ? (income.groupTotalsFen.selfPaid ?? 0) : null,
    flags: h.flags,
  };
}

const membersOn = (h: Household, date: string) => [...h.members, ...h.formerMembers].filter((m) => isMemberOn(m, date));

const incomeBrief = (a: IncomeAccount) => ({
  accountId: a.id,
  accountedOn: a.accountedOn,
  windowFrom: a.windowFrom,
  windowTo: a.windowTo,
  perCapitaFen: a.perCapitaFen,
  comparison: a.comparison,
  comparisonLabel: a.comparisonLabel,
});

export function proposeFor(ctx: HandlerContext, householdId: string, dateInput: string | undefined) {
  const h = loadHousehold(ctx, householdId);
  const date = dateInput ?? chinaDate(ctx.now());
  const income = latestAccountOn(ctx.db, h.id, date) ?? null;
  const household = { members: membersOn(h, date), dangerousHouseGrade: h.dangerousHouseGrade };
  const proposals = proposeAssessment(household, income ? asIncomeResult(income) : null, date, ctx.profile());
  const last = repo.listAssessments(ctx.db, h.id, ctx.profile().grading.colourLabels)[0];
  const currentRisks = last?.risks ?? h.riskTypes.map((type) => ({ type, subType: null }));
  return {
    date,
    proposals: proposals as Record<string, { pass: boolean; note: string }>,
    income: income ? incomeBrief(income) : null,
    facts: gradingFacts(h, income, mainTypes(currentRisks)),
    currentRisks,
  };
}

type SaveInput = ParsedInput<'assessments.save'>;

export function saveAssessment(ctx: HandlerContext, input: SaveInput) {
  const profile = ctx.profile();
  const h = loadHousehold(ctx, input.householdId);
  assertOpen(h, '三保障评估');
  const today = chinaDate(ctx.now());
  if (input.date > today) throw validationError([{ path: 'date', message: `「评估日期」${input.date} 晚于今天，请填写实际入户评估的日期。` }]);
  const income = latestAccountOn(ctx.db, h.id, input.date) ?? null;
  const incomeItem = proposeIncomeItem(income ? asIncomeResult(income) : null);
  const items = { ...input.items, ...(incomeItem ? { incomeAbove: incomeItem } : {}) };
  const record = { date: input.date, assessor: input.assessor, items, water: input.water } as AssessmentRecord;
  // Without a 核算 the 一超过 item is simply not known yet: the grade says so (rule table default), not an error.
  const issues = [...validateAssessment(record, profile).filter((i) => income || i.path !== 'items.incomeAbove'), ...validateRisks(input.risks, profile)];
  if (issues.length) throw validationError(issues);

  const risks = mainTypes(input.risks);
  const facts = gradingFacts(h, income, risks);
  const grade = gradeHousehold({ ...facts, checks: checksOf(record) }, profile.grading);
  const at = ctx.nowIso();
  const by = ctx.user().username;
  const id = ctx.ids.newId();
  const hints = assessmentRiskHints(record, input.risks, profile);
  repo.insertAssessment(
    ctx.db,
    { id, householdId: h.id, date: input.date, assessor: input.assessor, items, water: input.water, risks: input.risks, incomeAccountId: income?.id ?? null, colour: grade.colour, reason: grade.reason, ruleIndex: grade.ruleIndex, facts, hints, note: input.note ?? '' },
    at,
    by,
  );
  const assessment = repo.getAssessment(ctx.db, id, profile.grading.colourLabels)!;
  const incomeText = income ? `人均纯收入 ${formatFen(income.perCapitaFen)} 元` : '尚未核算收入';
  ctx.audit({ action: 'create', entity: 'assessment', entityId: id, householdId: h.id, summary: `三保障评估（${input.date}，评估人 ${input.assessor}）：${incomeText}，评为${grade.colourLabel}` });
  ctx.change('assessment', id, 1, 'upsert', assessment);

  const previousColour = repo.colourOn(ctx.db, h.id, input.date);
  const gradeId = ctx.ids.newId();
  const gradeRow = { id: gradeId, householdId: h.id, date: input.date, colour: grade.colour, previousColour, reason: grade.reason, riskTypes: risks, source: 'assessment', sourceId: id };
  repo.insertGrade(ctx.db, gradeRow, at, by);
  ctx.change('household_grade', gradeId, 1, 'upsert', gradeRow);
  if (!repo.hasLaterAssessment(ctx.db, h.id, input.date)) applyCurrentGrade(ctx, h, grade.colour, risks, grade.colourLabel);
  return { assessment, household: getHousehold(ctx.db, h.id)! };
}

/** The household's current colour and 风险类型 follow its latest assessment. */
function applyCurrentGrade(ctx: HandlerContext, h: Household, colour: Household['colour'] & string, risks: string[], label: string): void {
  updateGrade(ctx.db, h.id, colour, risks, ctx.nowIso(), ctx.user().username);
  const after = getHousehold(ctx.db, h.id)!;
  const labels = ctx.profile().grading.colourLabels;
  ctx.audit({
    action: 'update',
    entity: 'household',
    entityId: h.id,
    householdId: h.id,
    summary: h.colour === colour ? `「${h.headName}」户重新评级，仍为${label}` : `「${h.headName}」户风险颜色：${h.colour ? labels[h.colour] : '未评级'} → ${label}`,
    changes: [
      ...(h.colour !== colour ? [{ field: 'colour', label: '风险颜色', old: h.colour ? labels[h.colour] : null, new: label }] : []),
      ...(JSON.stringify(h.riskTypes) !== JSON.stringify(risks) ? [{ field: 'riskTypes', label: '风险类型', old: h.riskTypes.join('、'), new: risks.join('、') }] : []),
    ],
  });
  ctx.change('household', h.id, after.rowVersion, 'upsert', householdSnapshot(after));
}
