// The inspectors' rules about 帮扶措施 (domain-sources §2.2.4, DOMAIN §5 and §8), as pure checks
// of one household's facts. Every list they use (labour skills, measure categories, which risk needs
// which category, how many months) comes from the 地方口径 profile.
import { addMonths, compareDates } from './deadlines';
import { isDelivered, type FindingCode, type MeasureStatus } from './assistanceTerms';
import type { Profile } from './profile';

/** The household flag that marks 整户无劳动能力 (兜底保障): such a household needs no development measure. */
export const NO_LABOUR_FLAG = 'noLabourCapacity';


export interface MeasureFact {
  category: string;
  item: string | null;
  status: MeasureStatus;
}

export interface HouseholdFacts {
  status: string;
  monitoredSince: string | null;
  riskTypes: string[];
  /** Household flag keys (profile.enums.householdFlags). */
  flags: string[];
  /** 劳动技能 of the current members. */
  labourSkills: (string | null)[];
  /** 劳动意愿: null = not recorded, read as willing (the national check assumes so). */
  labourWilling: boolean | null;
  measures: MeasureFact[];
}

export interface RuleFinding {
  code: FindingCode;
  /** Chinese, says what is missing and what to do. */
  message: string;
  /** For riskMeasureMissing: the 风险类型 concerned. */
  risk?: string;
  /** Category keys that would satisfy the rule. */
  categories?: string[];
}

export type AssistanceRuleProfile = Pick<Profile, 'enums' | 'assistance'>;

const categoryLabel = (p: AssistanceRuleProfile, key: string): string => p.enums.measureCategories.find((c) => c.key === key)?.label ?? key;
const developmentKeys = (p: AssistanceRuleProfile): string[] => p.enums.measureCategories.filter((c) => c.kind === 'development').map((c) => c.key);
const joinLabels = (p: AssistanceRuleProfile, keys: string[]): string => keys.map((k) => categoryLabel(p, k)).join('、');

/** 有劳动能力: at least one member whose 劳动技能 the profile marks capable, unless the whole household is flagged otherwise. */
export function isLabourCapable(facts: Pick<HouseholdFacts, 'flags' | 'labourSkills'>, profile: AssistanceRuleProfile): boolean {
  if (facts.flags.includes(NO_LABOUR_FLAG)) return false;
  const capable = new Set(profile.enums.labourSkills.filter((s) => s.capable).map((s) => s.label));
  return facts.labourSkills.some((s) => s !== null && capable.has(s));
}

const plannedNote = (measures: MeasureFact[], keys: string[]): string => {
  const planned = measures.filter((m) => keys.includes(m.category) && !isDelivered(m.status)).length;
  return planned ? `（已有 ${planned} 项计划，尚未实施，请实施后把状态改为“已实施”）` : '';
};

/** 5_11_030: a labour-capable, willing household needs ≥ 1 delivered 产业/就业/金融/公益岗位 (development) measure. */
export function checkDevelopmentMeasure(facts: HouseholdFacts, profile: AssistanceRuleProfile): RuleFinding | null {
  if (!profile.assistance.rules.developmentMeasureForLabourCapable) return null;
  if (facts.labourWilling === false || !isLabourCapable(facts, profile)) return null;
  const keys = developmentKeys(profile);
  if (facts.measures.some((m) => keys.includes(m.category) && isDelivered(m.status))) return null;
  return {
    code: 'developmentMeasureMissing',
    categories: keys,
    message: `该户有劳动能力、有劳动意愿，但没有已实施的开发式帮扶措施（${joinLabels(profile, keys)}）${plannedNote(facts.measures, keys)}。请至少落实一项；如确无劳动意愿，请在“帮扶措施”中登记原因。`,
  };
}

/** A risk type the profile ties to categories (因病 → 健康/综合保障, 因学 → 教育 …) needs a delivered measure of one of them. */
export function checkRiskMeasures(facts: HouseholdFacts, profile: AssistanceRuleProfile): RuleFinding[] {
  return profile.assistance.rules.riskMeasures.flatMap((rule): RuleFinding[] => {
    if (!facts.riskTypes.includes(rule.risk)) return [];
    if (facts.measures.some((m) => rule.anyOfCategories.includes(m.category) && isDelivered(m.status))) return [];
    return [
      {
        code: 'riskMeasureMissing',
        risk: rule.risk,
        categories: rule.anyOfCategories,
        message: `风险类型为“${rule.risk}”，但没有已实施的${joinLabels(profile, rule.anyOfCategories)}措施${plannedNote(facts.measures, rule.anyOfCategories)}。请补充对应的帮扶措施。`,
      },
    ];
  });
}

/** 1_11_010: monitored for measureDueMonths or longer with no measure delivered. */
export function checkMeasureDelivered(facts: HouseholdFacts, profile: AssistanceRuleProfile, today: string): RuleFinding | null {
  if (!facts.monitoredSince) return null;
  const due = addMonths(facts.monitoredSince, profile.assistance.measureDueMonths);
  if (compareDates(today, due) < 0) return null;
  if (facts.measures.some((m) => isDelivered(m.status))) return null;
  return {
    code: 'noMeasureDelivered',
    message: `该户自 ${facts.monitoredSince} 纳入监测，已满 ${profile.assistance.measureDueMonths} 个月（${due} 起），仍没有已实施的帮扶措施${plannedNote(
      facts.measures,
      facts.measures.map((m) => m.category),
    )}。请尽快落实帮扶措施。`,
  };
}

/** 5_12_011: delivered development measures are all weak items (only 其他 / 技能培训). */
export function checkWeakMeasures(facts: HouseholdFacts, profile: AssistanceRuleProfile): RuleFinding | null {
  if (!profile.assistance.rules.flagWeakMeasuresOnly) return null;
  const keys = developmentKeys(profile);
  const delivered = facts.measures.filter((m) => keys.includes(m.category) && isDelivered(m.status));
  if (!delivered.length || delivered.some((m) => !m.item || !profile.assistance.rules.weakMeasureItems.includes(m.item))) return null;
  return {
    code: 'weakMeasuresOnly',
    categories: keys,
    message: `该户的开发式帮扶措施只有“${profile.assistance.rules.weakMeasureItems.join('”或“')}”，督查会认定为措施单一。请补充更有针对性的产业或就业帮扶。`,
  };
}

/** All findings for one household. Only households still under monitoring (监测中) are checked. */
export function checkAssistanceRules(facts: HouseholdFacts, profile: AssistanceRuleProfile, today: string): RuleFinding[] {
  if (facts.status !== 'monitoring') return [];
  const findings: (RuleFinding | null)[] = [
    checkMeasureDelivered(facts, profile, today),
    checkDevelopmentMeasure(facts, profile),
    ...checkRiskMeasures(facts, profile),
    checkWeakMeasures(facts, profile),
  ];
  return findings.filter((f): f is RuleFinding => f !== null);
}
