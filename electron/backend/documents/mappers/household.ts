/**
 * A household's records gathered once (HouseholdFacts) and turned into the household blocks every
 * form shares: 家庭基本情况, 家庭成员, 三保障, 帮扶责任人.
 */
import type { AssessmentRecordOut } from '../../../../shared/api/methods/assessments';
import type { CadreAssignment } from '../../../../shared/api/methods/cadres';
import type { IncomeAccount } from '../../../../shared/api/methods/income';
import type { Household, Member } from '../../../../shared/api/schemas/household';
import { notFound } from '../../../../shared/domain/errors';
import { listAssessments } from '../../repos/assessments';
import { listAssignments } from '../../repos/cadres';
import { getCase, type CaseRecord } from '../../repos/cases';
import { householdCaseIds, measuresOf, villagePlace, type MeasureRow } from '../../repos/documentsRead';
import { getHousehold } from '../../repos/households';
import { latestAccountOn } from '../../repos/income';
import type { AssuranceChecksVM, CheckVM, HelperCadreVM, HouseholdVM, MemberVM } from '../model';
import { idText, phoneText, type MapContext } from './context';

export interface HouseholdFacts {
  household: Household;
  place: { village: string; township: string };
  /** the 收入核算 in force today */
  account: IncomeAccount | undefined;
  /** the latest 三保障评估 */
  assessment: AssessmentRecordOut | undefined;
  /** 结对帮扶干部 paired today */
  cadres: CadreAssignment[];
  measures: MeasureRow[];
  /** newest first */
  cases: CaseRecord[];
}

export function loadHouseholdFacts(ctx: MapContext, householdId: string): HouseholdFacts {
  const household = getHousehold(ctx.db, householdId);
  if (!household) throw notFound('该农户');
  return {
    household,
    place: villagePlace(ctx.db, household.villageId),
    account: latestAccountOn(ctx.db, householdId, ctx.today),
    assessment: listAssessments(ctx.db, householdId, ctx.profile.grading.colourLabels)[0],
    cadres: listAssignments(ctx.db, { kind: 'all' }, { householdId, activeOn: ctx.today }),
    measures: measuresOf(ctx.db, [householdId]),
    cases: householdCaseIds(ctx.db, householdId)
      .map((id) => getCase(ctx.db, id))
      .filter((c): c is CaseRecord => c !== undefined),
  };
}

/** 户主 first, 配偶 second, then the register order (forms.md §2.1). */
export function printOrder(members: readonly Member[]): Member[] {
  const rank = (m: Member) => (m.isHead ? 0 : m.relation === '配偶' ? 1 : 2);
  return [...members].sort((a, b) => rank(a) - rank(b));
}

const head = (h: Household): Member | undefined => h.members.find((m) => m.isHead);

export const isLabourCapable = (ctx: MapContext, skill: string | null): boolean =>
  ctx.profile.enums.labourSkills.some((s) => s.label === skill && s.capable);

export function householdVM(ctx: MapContext, f: HouseholdFacts): HouseholdVM {
  const h = f.household;
  const headMember = head(h);
  return {
    ...(h.householdNo ? { 户编号: h.householdNo } : {}),
    村民小组: h.groupName ?? '',
    家庭住址: h.address || `${f.place.township}${f.place.village}${h.groupName ?? ''}`,
    户主姓名: h.headName,
    ...(headMember?.sex ? { 户主性别: headMember.sex } : {}),
    ...(headMember?.ethnicity ? { 民族: headMember.ethnicity } : {}),
    ...(headMember?.politicalStatus ? { 政治面貌: headMember.politicalStatus } : {}),
    证件类型: headMember?.idType ?? '居民身份证',
    证件号码: idText(ctx, headMember?.idNumber ?? h.headIdNumber),
    联系电话: phoneText(ctx, h.phone),
    家庭人口数: h.members.length,
    劳动力人数: h.members.filter((m) => isLabourCapable(ctx, m.labourSkill)).length,
    户类型: h.householdType,
    是否军烈属: h.flags.includes('militaryMartyr'),
    整户无劳动能力兜底保障户: h.flags.includes('noLabourCapacity'),
    居住在异地扶贫搬迁集中安置区: h.flags.includes('relocated'),
  };
}

/** 学段 key or label + grade → 「小学四年级」. */
function schoolText(ctx: MapContext, m: Member): string | undefined {
  if (!m.schoolStage) return undefined;
  const stage = ctx.profile.enums.schoolStages.find((s) => s.key === m.schoolStage || s.label === m.schoolStage);
  const grades = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
  return `${stage?.label ?? m.schoolStage}${m.schoolGrade ? `${grades[m.schoolGrade] ?? m.schoolGrade}年级` : ''}`;
}

export function memberVM(ctx: MapContext, m: Member): MemberVM {
  const school = schoolText(ctx, m);
  return {
    姓名: m.name,
    性别: m.sex ?? '',
    证件类型: m.idType,
    证件号码: idText(ctx, m.idNumber),
    与户主关系: m.relation,
    ...(m.birthDate ? { 出生日期: m.birthDate } : {}),
    ...(m.ethnicity ? { 民族: m.ethnicity } : {}),
    ...(m.politicalStatus ? { 政治面貌: m.politicalStatus } : {}),
    ...(m.education ? { 文化程度: m.education } : {}),
    ...(school ? { 在校生状况: school } : {}),
    健康状况: m.health ?? '',
    劳动技能: m.labourSkill ?? '',
    ...(m.workPlace ? { 务工所在地: m.workPlace } : {}),
    ...(m.workMonths !== null ? { 务工时间: m.workMonths } : {}),
    ...(m.phone ? { 家庭成员联系电话: phoneText(ctx, m.phone) } : {}),
    是否参加城乡居民基本医疗保险: m.insuredMedical,
    是否参加大病保险: m.insuredCritical,
    是否参加城乡居民基本养老保险: m.insuredPension,
    是否享受农村居民最低生活保障: m.dibao,
    是否特困供养人员: m.tekun,
    ...(m.publicWelfareJobMonths ? { 公益性岗位: '是', 公益性岗位月数: m.publicWelfareJobMonths } : {}),
    ...(m.outOfSchoolReason ? { 义务教育阶段未上学原因: m.outOfSchoolReason } : {}),
  };
}

export const membersVM = (ctx: MapContext, f: HouseholdFacts): MemberVM[] => printOrder(f.household.members).map((m) => memberVM(ctx, m));

const check = (item: { pass: boolean; note: string } | undefined): CheckVM =>
  item ? { 达标: item.pass, ...(item.note ? { 情况: item.note } : {}) } : { 达标: null };

/** 两不愁三保障 + 饮水 from the latest assessment; not assessed → unticked boxes. */
export function assuranceVM(a: AssessmentRecordOut | undefined): AssuranceChecksVM {
  const items = a?.items ?? {};
  const food = items.food;
  const clothing = items.clothing;
  const both = food && clothing ? { pass: food.pass && clothing.pass, note: [food.note, clothing.note].filter(Boolean).join('；') } : (food ?? clothing);
  return {
    吃穿不愁: check(both),
    义务教育保障: check(items.education),
    基本医疗保障: check(items.medical),
    住房安全保障: check(items.housing),
    饮水安全保障: check(items.water),
  };
}

/** 帮扶责任人: the cadres paired today (the unit is printed, the phone only on internal forms). */
export const helperCadres = (ctx: MapContext, f: HouseholdFacts): HelperCadreVM[] =>
  f.cadres.map((c) => ({
    姓名: c.cadreName,
    ...(c.cadreUnit ? { 帮扶单位名称: c.cadreUnit } : {}),
    ...(c.cadrePhone ? { 联系电话: phoneText(ctx, c.cadrePhone) } : {}),
    帮扶开始时间: c.startDate,
    ...(c.endDate ? { 帮扶结束时间: c.endDate } : {}),
  }));

/** Risks in force: the household's current risk types, else the latest assessment's. */
export function currentRisks(f: HouseholdFacts): string[] {
  if (f.household.riskTypes.length > 0) return f.household.riskTypes;
  return (f.assessment?.risks ?? []).map((r) => r.type);
}

/** Cases of one kind, newest first. */
export const casesOfKind = (f: HouseholdFacts, kind: 'identification' | 'elimination'): CaseRecord[] => f.cases.filter((c) => c.kind === kind);
