// Section schemas of the 地方口径 profile. Every number, list and label a province may set lives here;
// the seed values are in profileSeed.ts. Amounts are integer 分 and their keys end in `Fen`.
import { z } from 'zod';
import { ASSESSMENT_CHECKS, GRADE_COLOURS, gradingSchema } from './profileConditions';
import { PERMISSIONS } from './permissions';
import type { ProcedureAction, StepKey } from './workflow/rules';

const text = z.string();
const name = z.string().trim().min(1, '名称不能为空');
const key = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, '键名只能用英文字母、数字和下划线，且以字母开头');
const fen = z.number().int('金额以分为单位，应为整数').min(0, '金额不能为负数');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const labelList = z.array(name).min(1, '列表至少要有一项');
const keyed = z.strictObject({ key, label: name });

export const officeSchema = z.strictObject({
  profileName: name,
  /** Free text such as "2026.1"; bumped whenever an office edits the profile. */
  profileVersion: name,
  /** 依据文件, e.g. "甘农领办发〔2025〕4号". */
  basis: text,
  province: text,
  city: text,
  county: text,
  township: text,
});

/** The 14 national 帮扶措施 categories (export columns) plus local sub-items. */
export const measureCategorySchema = z.strictObject({
  key,
  label: name,
  /** development = 开发式帮扶 (产业/就业/金融/公益岗位): a labour-capable household needs at least one. */
  kind: z.enum(['development', 'protection', 'other']),
  items: z.array(name),
});

export const riskTypeSchema = z.strictObject({
  label: name,
  /** e.g. 因灾 → 洪涝, 地质 …; empty for most types. */
  subTypes: z.array(name),
});

export const schoolStageSchema = z.strictObject({
  key,
  label: name,
  /** Number of grades (年级) in the stage; grade must be 1..grades and advance each school year. */
  grades: z.number().int().min(1).max(9),
  /** 义务教育 stage: ages 6–16 must be in one of these stages or have a recorded reason. */
  compulsory: z.boolean(),
});

export const HOUSEHOLD_STATUSES = ['normal', 'monitoring', 'eliminated', 'exited', 'cancelled'] as const;
export type HouseholdStatus = (typeof HOUSEHOLD_STATUSES)[number];

export const enumsSchema = z.strictObject({
  householdTypes: labelList,
  householdFlags: z.array(keyed),
  /** 监测对象类别; `forHouseholdTypes` (empty = any) says which 户类型 may carry it. */
  monitoringCategories: z.array(z.strictObject({ label: name, forHouseholdTypes: z.array(name) })).min(1),
  riskTypes: z.array(riskTypeSchema).min(1),
  maxRisksPerHousehold: z.number().int().min(1).max(10),
  relationsToHead: labelList,
  ethnicities: labelList,
  politicalStatuses: labelList,
  educationLevels: labelList,
  schoolStages: z.array(schoolStageSchema).min(1),
  /** 义务教育阶段未上学原因 accepted for ages 6–16 without a school stage. */
  outOfSchoolReasons: labelList,
  healthStatuses: labelList,
  disabilityGrades: labelList,
  /** `capable` = counts as 有劳动能力 for the development-measure rule. */
  labourSkills: z.array(z.strictObject({ label: name, capable: z.boolean() })).min(1),
  insuranceKinds: z.array(keyed).min(1),
  householdStatusLabels: z.strictObject({
    normal: name,
    monitoring: name,
    eliminated: name,
    exited: name,
    cancelled: name,
  }),
  measureCategories: z.array(measureCategorySchema).min(1),
  /** The seed's 八个优先 (local priority programme), shown as a checklist next to measures. */
  priorityMeasures: labelList,
  leadChannels: z
    .array(
      z.strictObject({
        key,
        label: name,
        group: z.enum(['selfReport', 'cadre', 'department', 'inspection', 'petition']),
      }),
    )
    .min(1),
});

export const INCOME_GROUPS = ['wage', 'business', 'businessCost', 'property', 'transfer', 'claims', 'selfPaid'] as const;
export type IncomeGroup = (typeof INCOME_GROUPS)[number];

export const incomeItemSchema = z.strictObject({
  key,
  label: name,
  group: z.enum(INCOME_GROUPS, { error: '收入分组只能是 wage、business、businessCost、property、transfer、claims、selfPaid' }),
  /** false = listed on the 收入核算表 but not counted (one-off relief, 危房改造补助, 医疗报销 …). */
  counted: z.boolean(),
  note: text.optional(),
});

export const incomeLineSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  /** 国家扶贫标准 (the "red" line), 元 × 100. */
  povertyLineFen: fen,
  /** 监测范围 / 认定标准 of the province or county, 元 × 100. */
  monitoringLineFen: fen,
  /** Where the number comes from (文号, date) — shown on the 收入核算表. */
  source: text,
});

export const incomeSchema = z.strictObject({
  /** rolling12 = the 12 months before the assessment date; calendarYear = a whole 自然年 (see below). */
  window: z.enum(['rolling12', 'calendarYear']),
  /**
   * Only for calendarYear: from this month on the window is the current year (年底算账 estimates the year),
   * before it the previous complete year. 13 = always the previous year.
   */
  calendarYearCurrentFromMonth: z.number().int().min(1).max(13),
  lines: z.array(incomeLineSchema).min(1, '至少要有一个年度的收入标准'),
  items: z.array(incomeItemSchema).min(1),
  /** 合规自付支出 (selfPaid items) deducted from 纯收入 before the comparison; 2023+ criteria weigh it. */
  deductSelfPaidMedical: z.boolean(),
  /** Item keys the data-quality warnings look for (the seed's supervision report faults these). */
  warnKeys: z.strictObject({
    farmlandSubsidy: z.array(key).min(1),
    ecoCompensation: z.array(key).min(1),
    publicWelfareJob: z.array(key).min(1),
  }),
});

// Step and action keys are the workflow's own (shared/domain/workflow/rules.ts), so procedureRulesFromProfile can
// copy this section without renaming. They are repeated here (not imported) so the profile never depends on the
// workflow at run time; the type checks below fail the build if the two lists drift apart.
const STEP_KEYS = ['apply', 'propose', 'verify', 'deliberate', 'notice', 'townshipReview', 'countyDecision'] as const;
const ACTION_KEYS = [...STEP_KEYS, 'lead', 'revert', 'greenChannel', 'withdraw', 'override'] as const;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const stepKeysMatchWorkflow: Same<(typeof STEP_KEYS)[number], StepKey> = true;
const actionKeysMatchWorkflow: Same<(typeof ACTION_KEYS)[number], ProcedureAction> = true;
void stepKeysMatchWorkflow;
void actionKeysMatchWorkflow;
const stepDays = z.number().int().min(1, '步骤时限至少 1 个工作日').max(60, '步骤时限不能超过 60 个工作日');

export const procedureSchema = z.strictObject({
  /** 村书记/第一书记 contacts the household and checks on site within this many hours (seed: 48). */
  leadContactHours: z.number().int().min(1).max(240),
  publicNoticeDays: z.number().int('公示天数应为整数').min(5, '公示天数不能少于 5 天').max(7, '公示天数不能超过 7 天'),
  publicNoticeDayKind: z.enum(['calendar', 'working']),
  /** Working days allowed for a step, counted from the previous step's completion; a missing step has no own limit. */
  stepWorkingDays: z.partialRecord(z.enum(STEP_KEYS), stepDays),
  /** Whole 识别纳入 procedure, from application to 县级审定 (seed 15; provinces 15–25). */
  wholeProcedureWorkingDays: z.number().int().min(5, '办理总时限不能少于 5 个工作日').max(60, '办理总时限不能超过 60 个工作日'),
  minVerifiers: z.number().int().min(2, '入户核实人员不能少于 2 人').max(10),
  /** 风险消除 only after this many months since identification (nationally checked since 2022-04). */
  eliminationMinMonths: z.number().int().min(1).max(36),
  /** 绿色通道 (先帮扶后认定): paperwork completed within this many working days; which grade colours may use it. */
  greenChannelWorkingDays: z.number().int().min(1).max(60),
  greenChannelColours: z.array(z.enum(GRADE_COLOURS)),
  /** Extra 放假 days and 调休上班 days on top of the national calendar. */
  localHolidays: z.array(isoDate),
  localWorkdays: z.array(isoDate),
  /** 不予纳入告知书 in writing (Gansu: within 5 working days); otherwise 解释沟通 is recorded only. */
  rejectionNoticeRequired: z.boolean(),
  rejectionNoticeWorkingDays: z.number().int().min(1).max(30),
  /** Which permissions may perform each step/act (holding any one suffices); the backend enforces it. */
  actionPermissions: z.record(z.enum(ACTION_KEYS), z.array(z.enum(PERMISSIONS)).min(1, '每个步骤至少要指定一个权限')),
});

export const assistanceSchema = z.strictObject({
  followUpCadence: z.enum(['weekly', 'monthly', 'quarterly']),
  /** Visits of a month are due by this day (seed text: 每月 20 日前); null = by the month's end. */
  followUpDueDay: z.number().int().min(1).max(28).nullable(),
  /** A risk still open after this many months escalates (加大帮扶力度). */
  escalationMonths: z.number().int().min(1).max(24),
  /** Monitored this many months with no measure → flagged (national rule 1_11_010). */
  measureDueMonths: z.number().int().min(1).max(12),
  /** 季度风险评估表 due on this day of the first month of each quarter. */
  quarterlyReportDueDay: z.number().int().min(1).max(28),
  rules: z.strictObject({
    developmentMeasureForLabourCapable: z.boolean(),
    flagWeakMeasuresOnly: z.boolean(),
    /** Development-measure items that alone count as 措施单一 (督查 finding). */
    weakMeasureItems: z.array(name),
    noEliminationWithoutLabour: z.boolean(),
    /** A risk needs a measure from one of these category keys (因病 → 健康/社会/综合保障 …). */
    riskMeasures: z.array(z.strictObject({ risk: name, anyOfCategories: z.array(key).min(1) })),
  }),
});

export const assessmentSchema = z.strictObject({
  /** 义务教育保障: members aged from..to (周岁, inclusive) must be in school or have a recorded reason (seed 6–16). */
  compulsoryAgeFrom: z.number().int().min(3).max(10),
  compulsoryAgeTo: z.number().int().min(12).max(18),
  /** 住房安全: these 危房等级 fail the check (seed C/D 级危房). */
  housingFailGrades: z.array(z.enum(['A', 'B', 'C', 'D'])).min(1),
  /** A 不达标 item must carry a note saying what is wrong. */
  requireNoteOnFail: z.boolean(),
  /** A failed check should come with this 风险类型 (rule 4_11_006: 饮水 problem → 因安全饮水); hint only. */
  failedCheckRisks: z.partialRecord(z.enum(ASSESSMENT_CHECKS), name),
});

export const warningsSchema = z.strictObject({
  /** Department-warning thresholds (DOMAIN §6): 住院自付 for 脱贫人口 and for others. */
  selfPaidMedicalPovertyFen: fen,
  selfPaidMedicalOtherFen: fen,
  responseHours: z.number().int().min(1).max(240),
});

const maskPattern = z.strictObject({
  keepStart: z.number().int().min(0).max(10),
  keepEnd: z.number().int().min(0).max(10),
  maskChar: z.string().length(1),
});

export const privacySchema = z.strictObject({
  idMaskPattern: maskPattern,
  phoneMask: maskPattern,
  /** Document kinds posted in public (公示/公告): these never show the fields below, not even masked. */
  publicDocumentKinds: z.array(key),
  publicForbiddenFields: z.array(key),
  /** Lists that leave the office (non-public) show masked IDs/phones unless pii.unmask is used. */
  maskOutgoingExports: z.boolean(),
  /**
   * 公示/公告 lists and the posted 帮扶措施落实情况表 print 主要风险. Off by default: 因病/因残 reveal health
   * status, which a posting may not show (秦安县 rule, DOMAIN §9); an office may switch it on.
   */
  noticeShowsRisks: z.boolean(),
});

export const securitySchema = z.strictObject({
  lockoutAttempts: z.number().int().min(3, '锁定前允许的失败次数不能少于 3').max(20),
  lockoutMinutes: z.number().int().min(1).max(1440),
  idleMinutes: z.number().int().min(1).max(240),
  passwordMinLength: z.number().int().min(8, '密码最小长度不能少于 8 位').max(64),
  /** How many of 大写/小写/数字/符号 a password must contain. */
  passwordMinClasses: z.number().int().min(1).max(4),
});

const marginCm = z.number().min(0).max(10);
export const documentsSchema = z.strictObject({
  marginsCm: z.strictObject({ top: marginCm, bottom: marginCm, left: marginCm, right: marginCm }),
  fonts: z.strictObject({ title: name, titleFallback: name, body: name, bodyFallback: name }),
  /** Point sizes: 二号 = 22, 三号 = 16, 四号 = 14. */
  sizesPt: z.strictObject({ title: z.number().min(6).max(72), body: z.number().min(6).max(72), table: z.number().min(6).max(72) }),
});

export { gradingSchema };
