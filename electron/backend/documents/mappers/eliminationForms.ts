/**
 * 风险消除 forms and the 不予纳入告知书: 风险消除评估表 (internal), 帮扶措施落实情况表 (PUBLIC: posted with
 * the 风险消除 公示) and the 告知书 (goes to the household; no ID number).
 */
import { workflowRule } from '../../../../shared/domain/errors';
import type { CriterionKey, CriteriaReport } from '../../../../shared/domain/workflow/eliminationCriteria';
import { isDelivered, type MeasureStatus } from '../../../../shared/domain/assistanceTerms';
import type { CaseRecord } from '../../repos/cases';
import { householdLeadIds } from '../../repos/documentsRead';
import { getLead } from '../../repos/leads';
import type { EliminationAssessmentVM, EliminationCriterionVM, MeasureVM, MeasuresSheetVM, RejectionNoticeVM } from '../model';
import { DEFAULT_ELIMINATION_CRITERIA } from '../options';
import { villageCommittee } from '../forms/common';
import { completedStepLabels, countyOpinion, householdMarkAtVerify, postingPeriod, stepsOf, townshipOpinion, verifiersOf, voteSummary } from './caseBlocks';
import { monthOf, officeFor, type MapContext } from './context';
import { requireIncome } from './householdForms';
import { assuranceVM, casesOfKind, currentRisks, householdVM, type HouseholdFacts } from './household';
import { postableText, publicRisks } from './publicText';

const categoryLabel = (ctx: MapContext, key: string): string => ctx.profile.enums.measureCategories.find((c) => c.key === key)?.label ?? key;

/** Delivered measures (已实施/已结束) in start order. */
const delivered = (f: HouseholdFacts) => f.measures.filter((m) => isDelivered(m.status as MeasureStatus));

/** 「就业帮扶（公益性岗位）；产业帮扶（小额信贷）」 */
export const measuresSummary = (ctx: MapContext, f: HouseholdFacts): string =>
  delivered(f).map((m) => `${categoryLabel(ctx, m.category)}（${m.item ?? m.content}）`).join('；');

function eliminationCase(f: HouseholdFacts, given?: CaseRecord): CaseRecord {
  const c = given ? (given.kind === 'elimination' ? given : undefined) : casesOfKind(f, 'elimination')[0];
  if (!c) throw workflowRule(`户主「${f.household.headName}」没有风险消除案件，不能生成风险消除评估表。请先在「风险消除」中发起案件。`);
  return c;
}

/** The 风险消除 checklist rows (forms.md §3.1) filled from the recorded criteria check and assessment. */
function criteriaRows(report: CriteriaReport | undefined, f: HouseholdFacts): EliminationCriterionVM[] {
  const result = (key: CriterionKey) => report?.results.find((r) => r.key === key);
  const items = f.assessment?.items ?? {};
  const fromCriterion = (key: CriterionKey) => ({ 达到: result(key)?.passed ?? null, ...(result(key) ? { 核实情况: result(key)!.explanation } : {}) });
  const fromItem = (...keys: string[]) => {
    const found = keys.map((k) => items[k]).filter(Boolean);
    if (found.length === 0) return { 达到: null };
    const note = found.map((i) => i.note).filter(Boolean).join('；');
    return { 达到: found.every((i) => i.pass), ...(note ? { 核实情况: note } : {}) };
  };
  const fill: Record<string, Partial<EliminationCriterionVM>> = {
    '一超过（收入）': fromCriterion('income'),
    '不愁吃、不愁穿': fromItem('food', 'clothing'),
    义务教育有保障: fromItem('education'),
    基本医疗有保障: fromItem('medical'),
    住房安全有保障: fromItem('housing'),
    饮水安全有保障: fromItem('water'),
    不得消除情形: fromCriterion('labour'),
    监测时长与措施: result('minMonths') && result('measures') ? { 达到: result('minMonths')!.passed && result('measures')!.passed, 核实情况: `${result('minMonths')!.explanation}；${result('measures')!.explanation}` } : { 达到: null },
  };
  return DEFAULT_ELIMINATION_CRITERIA.map((row) => ({ ...row, 达到: null, ...fill[row.核实项目] }));
}

export function eliminationModel(ctx: MapContext, f: HouseholdFacts, given?: CaseRecord): EliminationAssessmentVM {
  const c = eliminationCase(f, given);
  const a = requireIncome(f);
  const state = c.state.kind === 'elimination' ? c.state : undefined;
  const h = householdVM(ctx, f);
  const verify = stepsOf(c).verify;
  const votes = voteSummary(ctx, c);
  const posting = postingPeriod(ctx, c);
  const township = townshipOpinion(c);
  const county = countyOpinion(c);
  return {
    office: officeFor(ctx, f.household.villageId),
    户: { ...(h.户编号 ? { 户编号: h.户编号 } : {}), 村民小组: h.村民小组, 户主姓名: h.户主姓名, 证件号码: h.证件号码, 家庭人口数: h.家庭人口数 },
    监测对象类别: f.household.category ?? '',
    识别监测时间: monthOf(state?.identifiedOn ?? f.household.monitoredSince) ?? '',
    识别时主要风险: currentRisks(f),
    已落实帮扶措施: measuresSummary(ctx, f),
    收入: { 人均纯收入: a.perCapitaFen, 监测范围: a.monitoringLineFen, 合规自付支出: sumGroup(a.items, 'selfPaid'), 家庭理赔收入: sumGroup(a.items, 'claims') },
    保障: assuranceVM(f.assessment),
    拟消除方式: (c.mode as '帮扶消除' | '自然消除' | null) ?? state?.mode ?? '帮扶消除',
    整户无劳动能力: f.household.flags.includes('noLabourCapacity'),
    标准核实: criteriaRows(state?.criteria, f),
    入户核实: { ...(verify?.findings ? { 意见: verify.findings } : {}), 核实人: verifiersOf(c), ...(verify ? { 日期: verify.date } : {}) },
    ...(votes ? { 民主评议: votes } : {}),
    ...(posting ? { 村内公示: posting } : {}),
    ...(township ? { 乡镇意见: township } : {}),
    ...(county ? { 县意见: county } : {}),
  };
}

const sumGroup = (items: readonly { group: string; amountFen: number }[], group: string) => items.filter((i) => i.group === group).reduce((s, i) => s + i.amountFen, 0);

/** One posted measure: only whitelisted fields, free text that would reveal health or numbers withheld. */
function postedMeasure(ctx: MapContext, m: HouseholdFacts['measures'][number]): MeasureVM {
  const who = [m.responsibleUnit, m.responsiblePerson].filter(Boolean).join('/');
  return {
    帮扶类别: categoryLabel(ctx, m.category),
    具体帮扶措施: postableText([m.item, m.content].filter(Boolean).join('：')),
    ...(m.actualStart ? { 落实时间: m.actualStart } : {}),
    ...(m.amountFen !== null ? { 帮扶资金: m.amountFen } : {}),
    ...(m.effect ? { 帮扶成效: postableText(m.effect) } : {}),
    ...(who ? { 责任单位或责任人: postableText(who) } : {}),
  };
}

/** 帮扶措施落实情况表 — PUBLIC. Built field by field: nothing personal can reach it. */
export function measuresModel(ctx: MapContext, f: HouseholdFacts, given?: CaseRecord): MeasuresSheetVM {
  const c = given?.kind === 'elimination' ? given : casesOfKind(f, 'elimination')[0];
  return {
    office: officeFor(ctx, f.household.villageId),
    村民小组: f.household.groupName ?? '',
    户主姓名: f.household.headName,
    家庭人口数: f.household.members.length,
    监测对象类别: f.household.category ?? '',
    识别监测时间: monthOf(f.household.monitoredSince) ?? '',
    主要风险: publicRisks(ctx, currentRisks(f)),
    ...(f.cadres[0] ? { 帮扶联系人: f.cadres.map((x) => x.cadreName).join('、') } : {}),
    措施: delivered(f).map((m) => postedMeasure(ctx, m)),
    户主签字: householdMarkAtVerify(ctx, c),
    核实人: verifiersOf(c),
  };
}

/**
 * Days the household has to object. No profile field holds it (only 告知书 delivery days do); the
 * seed procedure's 公示 objection window is 7 days, used here until a province needs another value.
 */
const OBJECTION_DAYS = 7;

/** 不予纳入告知书: from a rejected identification case, else from a lead closed as not eligible. */
export function rejectionModel(ctx: MapContext, f: HouseholdFacts, given?: CaseRecord): RejectionNoticeVM {
  const office = officeFor(ctx, f.household.villageId);
  const committee = villageCommittee(office.村);
  const base = { office, 户主姓名: f.household.headName, 村民小组: f.household.groupName ?? '', 异议期限天数: OBJECTION_DAYS, 异议受理单位: `${committee}或${office.乡镇}人民政府`, 发文单位: committee };
  const c = given ?? casesOfKind(f, 'identification').find((x) => x.outcome === 'rejected');
  const decision = stepsOf(c).countyDecision;
  if (c && c.outcome === 'rejected' && decision) {
    const apply = (c.state.steps as { apply?: { date: string } }).apply;
    return { ...base, 申请日期: apply?.date ?? c.openedOn, 已开展程序: completedStepLabels(c).filter((l) => l !== '受理申请' && l !== '县级审定'), 不予纳入原因: decision.reason ?? '', 发文日期: decision.date, ...(decision.docNumber ? { 文号: decision.docNumber } : {}) };
  }
  const lead = householdLeadIds(ctx.db, f.household.id).map((id) => getLead(ctx.db, id)).find((l) => l?.status === 'closedNotEligible');
  const closure = lead?.state.closure;
  if (!lead || !closure) throw workflowRule(`户主「${f.household.headName}」没有不予纳入的记录（县级审定不予纳入的案件或核实后不予纳入的线索），无需告知书。`);
  return { ...base, 申请日期: lead.receivedAt.slice(0, 10), 已开展程序: ['入户核实'], 不予纳入原因: closure.reason, 发文日期: closure.date };
}
