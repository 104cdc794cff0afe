// The small declarative language of the 风险评级 rule table (地方口径 profile → grading).
// A rule table is data, not code, so an office can switch from the seed's 红/橙/黄/蓝 to 蓝/黄/红 = 低/中/高
// without a release. grading.ts evaluates these conditions; this file only defines and validates them.
import { z } from 'zod';

/** The 两不愁三保障 + 饮水 items of an assessment (收入 is computed separately). */
export const ASSESSMENT_CHECKS = ['food', 'clothing', 'education', 'medical', 'housing', 'water'] as const;
export type AssessmentCheckKey = (typeof ASSESSMENT_CHECKS)[number];

export const ASSESSMENT_CHECK_LABELS: Record<AssessmentCheckKey, string> = {
  food: '吃不愁',
  clothing: '穿不愁',
  education: '义务教育有保障',
  medical: '基本医疗有保障',
  housing: '住房安全有保障',
  water: '饮水安全有保障',
};

export const GRADE_COLOURS = ['red', 'orange', 'yellow', 'blue'] as const;
export type GradeColour = (typeof GRADE_COLOURS)[number];

/** Which income line a condition compares with: 国家扶贫标准 or the provincial 监测范围/认定标准. */
export type IncomeLineKind = 'poverty' | 'monitoring';

/**
 * One condition. Semantics (grading.ts):
 * - all / any / not: logic; `all: []` is not allowed (it would silently match everything).
 * - incomeBelow: 人均纯收入 known and strictly below the line. Exactly at the line is NOT below.
 * - incomeAtOrAbove: 人均纯收入 known and ≥ the line. (Unknown income matches neither.)
 * - incomeKnown: whether income has been computed for the household.
 * - checkFailed: that assessment item recorded as 不达标; 'anyBasic' = any of the six.
 * - checksAllPassed: every one of the six items assessed and 达标 (unassessed items do not pass).
 * - category / householdType: the household's 监测对象类别 / 户类型 is one of these labels.
 * - hasRisk: the household has at least one open 风险类型 (true) or none (false).
 * - riskIn: at least one open risk is one of these labels (main types: 因灾, not its sub-type 洪涝灾害).
 * - riskEliminated: the case's 风险是否已消除.
 * - selfPaidMedicalAboveFen: 合规自付医疗支出 in the window strictly above this many 分.
 * - flag: the household carries this flag key (e.g. noLabourCapacity).
 */
export type GradingCondition =
  | { all: GradingCondition[] }
  | { any: GradingCondition[] }
  | { not: GradingCondition }
  | { incomeBelow: IncomeLineKind }
  | { incomeAtOrAbove: IncomeLineKind }
  | { incomeKnown: boolean }
  | { checkFailed: AssessmentCheckKey | 'anyBasic' }
  | { checksAllPassed: true }
  | { category: string | string[] }
  | { householdType: string | string[] }
  | { hasRisk: boolean }
  | { riskIn: string[] }
  | { riskEliminated: boolean }
  | { selfPaidMedicalAboveFen: number }
  | { flag: string };

const lineKind = z.enum(['poverty', 'monitoring'], { error: '收入线只能是 poverty（国家扶贫标准）或 monitoring（监测范围）' });
const labels = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)], { error: '应填写一个名称或名称列表' });

const CONDITION_KEYS =
  'all、any、not、incomeBelow、incomeAtOrAbove、incomeKnown、checkFailed、checksAllPassed、category、householdType、' +
  'hasRisk、riskIn、riskEliminated、selfPaidMedicalAboveFen、flag';

// One strict object with every key optional plus an exactly-one-key check, rather than a union of 15 objects:
// a union can only say "no option matched" at the top, while this points at the misspelt key deep in a tree.
const conditionObject = z
  .strictObject({
    all: z.array(z.lazy(() => gradingConditionSchema)).min(1, 'all 至少要有一个条件').optional(),
    any: z.array(z.lazy(() => gradingConditionSchema)).min(1, 'any 至少要有一个条件').optional(),
    not: z.lazy(() => gradingConditionSchema).optional(),
    incomeBelow: lineKind.optional(),
    incomeAtOrAbove: lineKind.optional(),
    incomeKnown: z.boolean().optional(),
    checkFailed: z.enum([...ASSESSMENT_CHECKS, 'anyBasic']).optional(),
    checksAllPassed: z.literal(true).optional(),
    category: labels.optional(),
    householdType: labels.optional(),
    hasRisk: z.boolean().optional(),
    riskIn: z.array(z.string().min(1)).min(1).optional(),
    riskEliminated: z.boolean().optional(),
    selfPaidMedicalAboveFen: z.number().int('金额以分为单位，应为整数').min(0).optional(),
    flag: z.string().min(1).optional(),
  }, {
    error: (iss) =>
      iss.code === 'unrecognized_keys'
        ? `评级条件中有未知的键“${iss.keys.join('、')}”，可用的键：${CONDITION_KEYS}`
        : `评级条件应为一个对象，例如 { "incomeBelow": "poverty" }`,
  })
  .refine((c) => Object.values(c).filter((v) => v !== undefined).length === 1, {
    error: (iss) => {
      const n = Object.values(iss.input as object).filter((v) => v !== undefined).length;
      return `每个评级条件必须恰好有一个键（当前 ${n} 个），多个条件请用 all 或 any 组合；可用的键：${CONDITION_KEYS}`;
    },
    when: (payload) => payload.issues.length === 0,
  });

export const gradingConditionSchema: z.ZodType<GradingCondition> = conditionObject as unknown as z.ZodType<GradingCondition>;

export const gradingRuleSchema = z.strictObject({
  colour: z.enum(GRADE_COLOURS, { error: '颜色只能是 red、orange、yellow、blue' }),
  /** Shown as the reason: "why red". */
  label: z.string().min(1, '规则说明不能为空'),
  when: gradingConditionSchema,
});
export type GradingRule = z.infer<typeof gradingRuleSchema>;

export const gradingSchema = z.strictObject({
  /** Display names per colour; an office that uses only three colours still names all four. */
  colourLabels: z.strictObject({
    red: z.string().min(1),
    orange: z.string().min(1),
    yellow: z.string().min(1),
    blue: z.string().min(1),
  }),
  /** Ordered: the first rule whose condition holds decides the colour. */
  rules: z.array(gradingRuleSchema).min(1, '评级规则表至少要有一条规则'),
  /** When no rule matches (e.g. income not yet computed). */
  defaultColour: z.enum(GRADE_COLOURS),
  defaultLabel: z.string().min(1),
});
export type GradingTable = z.infer<typeof gradingSchema>;

/** Walks a condition tree depth-first (used to check that referenced labels exist in the profile). */
export function forEachCondition(condition: GradingCondition, visit: (c: GradingCondition) => void): void {
  visit(condition);
  if ('all' in condition) condition.all.forEach((c) => forEachCondition(c, visit));
  else if ('any' in condition) condition.any.forEach((c) => forEachCondition(c, visit));
  else if ('not' in condition) forEachCondition(condition.not, visit);
}
