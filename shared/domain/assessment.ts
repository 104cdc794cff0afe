// 一超过、两不愁、三保障 + 饮水安全 (DOMAIN.md §4): per household, dated, by a named assessor, each item
// 达标/不达标 with a note. The propose* helpers suggest results from register data; the assessor confirms.
import { type FieldIssue } from './errors';
import { ageOn } from './idCard';
import { incomeSummary, type IncomeResult } from './income';
import { ASSESSMENT_CHECK_LABELS, ASSESSMENT_CHECKS, type AssessmentCheckKey, type Profile } from './profile';

export { ASSESSMENT_CHECKS, ASSESSMENT_CHECK_LABELS, type AssessmentCheckKey };

/** 'incomeAbove' (一超过) is computed from the income result; the other six are checks. */
export const ASSESSMENT_ITEMS = ['incomeAbove', ...ASSESSMENT_CHECKS] as const;
export type AssessmentItemKey = (typeof ASSESSMENT_ITEMS)[number];

export const ASSESSMENT_ITEM_LABELS: Record<AssessmentItemKey, string> = {
  incomeAbove: '收入超过监测范围',
  ...ASSESSMENT_CHECK_LABELS,
};

export interface ItemResult {
  pass: boolean;
  note: string;
}

/** 饮水安全 has three parts; the item passes only when all three do. */
export interface WaterDetail {
  quantity: boolean; // 水量
  quality: boolean; // 水质
  convenience: boolean; // 用水方便程度
}

export interface AssessmentRecord {
  date: string;
  assessor: string;
  items: Record<AssessmentItemKey, ItemResult>;
  water: WaterDetail;
}

/** The member fields the proposals read (names as in shared/api/schemas/household.ts). */
export interface AssessedMember {
  name: string;
  birthDate: string | null;
  schoolStage?: string | null;
  /** 义务教育阶段未上学原因 (e.g. 重度残疾（送教上门）). */
  outOfSchoolReason?: string | null;
  insuredMedical?: boolean | null;
}

export interface AssessedHousehold {
  members: readonly AssessedMember[];
  dangerousHouseGrade?: 'A' | 'B' | 'C' | 'D' | string | null;
  water?: Partial<WaterDetail> | null;
}

const pass = (note: string): ItemResult => ({ pass: true, note });
const fail = (note: string): ItemResult => ({ pass: false, note });

/** 一超过: passes when 人均纯收入 is at or above the 监测范围. Null when income has not been computed. */
export function proposeIncomeItem(income: IncomeResult | null): ItemResult | null {
  if (!income) return null;
  return { pass: income.comparison === 'atOrAboveMonitoring', note: incomeSummary(income) };
}

/**
 * 义务教育: fails when a member aged compulsoryAgeFrom–compulsoryAgeTo (周岁 on `date`, inclusive) has neither a
 * 学段 (any stage counts, 学前 to 高中) nor a recorded 未上学原因. Members without a birth date are named in the note.
 */
export function proposeEducation(members: readonly AssessedMember[], date: string, profile: Profile): ItemResult {
  const { compulsoryAgeFrom: from, compulsoryAgeTo: to } = profile.assessment;
  const outOfSchool: string[] = [];
  const unknownAge: string[] = [];
  for (const m of members) {
    if (!m.birthDate) {
      unknownAge.push(m.name);
      continue;
    }
    const age = ageOn(m.birthDate, date);
    if (age < from || age > to) continue;
    if (!m.schoolStage?.trim() && !m.outOfSchoolReason?.trim()) outOfSchool.push(`${m.name}（${age} 岁）`);
  }
  const unknownNote = unknownAge.length ? `；${unknownAge.join('、')}出生日期不详，未能判断` : '';
  if (outOfSchool.length) {
    return fail(`${outOfSchool.join('、')}处于义务教育年龄，但没有在校生情况，也没有登记未上学原因${unknownNote}`);
  }
  return pass(`${from}–${to} 岁家庭成员均在校或已登记未上学原因${unknownNote}`);
}

/** 基本医疗: fails when any member is not in 城乡居民（或职工）基本医疗保险. */
export function proposeMedical(members: readonly AssessedMember[]): ItemResult {
  const uninsured = members.filter((m) => !m.insuredMedical).map((m) => m.name);
  if (uninsured.length) return fail(`${uninsured.join('、')}未参加基本医疗保险`);
  return pass('家庭成员均已参加基本医疗保险');
}

/** 住房安全: fails for the profile's 危房等级 (seed C/D); no grade recorded means not registered as 危房. */
export function proposeHousing(grade: string | null | undefined, profile: Profile): ItemResult {
  if (!grade) return pass('未登记为危房');
  if ((profile.assessment.housingFailGrades as string[]).includes(grade)) return fail(`住房为 ${grade} 级危房`);
  return pass(`住房鉴定为 ${grade} 级，不属于危房`);
}

const WATER_PARTS: [keyof WaterDetail, string][] = [
  ['quantity', '水量'],
  ['quality', '水质'],
  ['convenience', '用水方便程度'],
];

/** 饮水安全: passes only when 水量, 水质 and 用水方便程度 all pass; null when none of them was recorded. */
export function proposeWater(water: Partial<WaterDetail> | null | undefined): ItemResult | null {
  if (!water || WATER_PARTS.every(([k]) => water[k] === undefined)) return null;
  const failed = WATER_PARTS.filter(([k]) => water[k] === false).map(([, label]) => label);
  const missing = WATER_PARTS.filter(([k]) => water[k] === undefined).map(([, label]) => label);
  if (failed.length) return fail(`饮水${failed.join('、')}不达标`);
  if (missing.length) return null;
  return pass('水量、水质、用水方便程度均达标');
}

/**
 * Proposals for the items register data can decide. 吃不愁/穿不愁 are never proposed: only the home visit can
 * tell, so the assessor always records them.
 */
export function proposeAssessment(
  household: AssessedHousehold,
  income: IncomeResult | null,
  date: string,
  profile: Profile,
): Partial<Record<AssessmentItemKey, ItemResult>> {
  const proposals: Partial<Record<AssessmentItemKey, ItemResult>> = {
    education: proposeEducation(household.members, date, profile),
    medical: proposeMedical(household.members),
    housing: proposeHousing(household.dangerousHouseGrade, profile),
  };
  const incomeItem = proposeIncomeItem(income);
  if (incomeItem) proposals.incomeAbove = incomeItem;
  const water = proposeWater(household.water);
  if (water) proposals.water = water;
  return proposals;
}

/** Problems that block saving an assessment, with Chinese messages naming the item. */
export function validateAssessment(record: AssessmentRecord, profile: Profile): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(record.date)) issues.push({ path: 'date', message: '评估日期格式应为 YYYY-MM-DD' });
  if (!record.assessor?.trim()) issues.push({ path: 'assessor', message: '请填写评估人姓名' });
  for (const key of ASSESSMENT_ITEMS) {
    const item = record.items[key];
    const label = ASSESSMENT_ITEM_LABELS[key];
    if (!item || typeof item.pass !== 'boolean') {
      issues.push({ path: `items.${key}`, message: `“${label}”尚未评估，请选择达标或不达标` });
    } else if (!item.pass && profile.assessment.requireNoteOnFail && !item.note?.trim()) {
      issues.push({ path: `items.${key}.note`, message: `“${label}”不达标，请在说明中写明具体问题` });
    }
  }
  const water = record.items.water;
  const allWaterParts = WATER_PARTS.every(([k]) => record.water?.[k] === true);
  if (water && typeof water.pass === 'boolean' && water.pass !== allWaterParts) {
    issues.push({
      path: 'items.water',
      message: water.pass ? '饮水安全标为达标，但水量、水质、用水方便程度中有不达标项，请核对' : '饮水安全标为不达标，但水量、水质、用水方便程度都达标，请核对',
    });
  }
  return issues;
}

/** The six checks as grading.ts reads them: true = 达标. */
export function checksOf(record: Pick<AssessmentRecord, 'items'>): Partial<Record<AssessmentCheckKey, boolean>> {
  return Object.fromEntries(ASSESSMENT_CHECKS.filter((k) => record.items[k]).map((k) => [k, record.items[k].pass]));
}

export interface RiskEntry {
  type: string;
  /** 因灾 sub-type (洪涝灾害 …) when the type has sub-types. */
  subType?: string | null;
}

/** 风险类型: at most N (seed 5), each from the profile list, no repeats, a sub-type where the type has them. */
export function validateRisks(risks: readonly RiskEntry[], profile: Profile): FieldIssue[] {
  const { riskTypes, maxRisksPerHousehold: max } = profile.enums;
  const issues: FieldIssue[] = [];
  if (risks.length > max) issues.push({ path: 'risks', message: `风险类型最多选 ${max} 项，当前 ${risks.length} 项，请保留最主要的 ${max} 项` });
  const seen = new Set<string>();
  risks.forEach((r, i) => {
    const def = riskTypes.find((t) => t.label === r.type);
    if (!def) {
      issues.push({ path: `risks.${i}.type`, message: `风险类型“${r.type}”不在地方口径的风险类型中，请重新选择` });
      return;
    }
    if (seen.has(r.type)) issues.push({ path: `risks.${i}.type`, message: `风险类型“${r.type}”重复选择了` });
    seen.add(r.type);
    if (def.subTypes.length && !r.subType) issues.push({ path: `risks.${i}.subType`, message: `“${r.type}”请选择具体类型（${def.subTypes.join('、')}）` });
    if (r.subType && !def.subTypes.includes(r.subType)) issues.push({ path: `risks.${i}.subType`, message: `“${r.type}”没有“${r.subType}”这一类型` });
  });
  return issues;
}

/**
 * Consistency hints between the assessment and the risks: a failed check without the 风险类型 the profile pairs
 * with it (national rule 4_11_006: 饮水出现安全问题但风险没有因安全饮水). Warnings, not errors.
 */
export function assessmentRiskHints(record: Pick<AssessmentRecord, 'items'>, risks: readonly RiskEntry[], profile: Profile): string[] {
  const types = new Set(risks.map((r) => r.type));
  const hints: string[] = [];
  for (const check of ASSESSMENT_CHECKS) {
    const risk = profile.assessment.failedCheckRisks[check];
    if (risk && record.items[check]?.pass === false && !types.has(risk)) {
      hints.push(`“${ASSESSMENT_CHECK_LABELS[check]}”不达标，但风险类型中没有“${risk}”，请核对`);
    }
  }
  return hints;
}
