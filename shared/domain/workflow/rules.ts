// The procedure rules the workflow needs, as plain numbers and lists. They come from the 地方口径
// profile (shared/domain/profile.ts, `procedure` section) through `procedureRulesFromProfile`; the
// workflow never reads the profile itself, so tests can pass a small fixture.
import type { CalendarRules } from '../deadlines';
import type { Permission } from '../permissions';

/** Steps of 识别纳入 (identification), in order. */
export const IDENTIFICATION_STEPS = ['apply', 'verify', 'deliberate', 'notice', 'townshipReview', 'countyDecision'] as const;
/** Steps of 风险消除 (risk elimination), in order. */
export const ELIMINATION_STEPS = ['propose', 'verify', 'deliberate', 'notice', 'townshipReview', 'countyDecision'] as const;

export type IdentificationStep = (typeof IDENTIFICATION_STEPS)[number];
export type EliminationStep = (typeof ELIMINATION_STEPS)[number];
export type StepKey = IdentificationStep | EliminationStep;

/**
 * Acts that need a permission besides the steps themselves: 线索 handling, 回退 of an elimination,
 * opening a 绿色通道, withdrawing an open case, overriding elimination criteria.
 */
export const EXTRA_ACTIONS = ['lead', 'revert', 'greenChannel', 'withdraw', 'override'] as const;
export type ProcedureAction = StepKey | (typeof EXTRA_ACTIONS)[number];

/** 公示 length counted in calendar days (seed: "公示7天") or in working days (a province may say 工作日). */
export type NoticeDayKind = 'calendar' | 'working';

/**
 * Field names follow the profile's `procedure` section where one exists, so the adapter
 * (profileRules.ts) is a copy; categories/risk types come from the profile's `enums`, and
 * `noEliminationWithoutLabour` from `assistance.rules`.
 */
export interface ProcedureRules extends CalendarRules {
  /** 村书记 must contact the household and check on site within this many clock hours (seed 48). */
  leadContactHours: number;
  /** Minimum 公示 length (seed 7; provinces 5–7). */
  publicNoticeDays: number;
  publicNoticeDayKind: NoticeDayKind;
  /** Working days allowed for a step, counted from the previous step's completion. Missing = no step limit. */
  stepWorkingDays: Partial<Record<StepKey, number>>;
  /** Whole procedure, from opening to 县级审定 (seed 15; provinces 15–25). */
  wholeProcedureWorkingDays: number;
  /** 入户核实 team size (seed "每组不少于2人"). */
  minVerifiers: number;
  /** Months between 识别 and the start of 风险消除 (seed 6, nationally checked since 2022-04). */
  eliminationMinMonths: number;
  /** 整户无劳动能力 households are not marked 风险消除 (seed true). */
  noEliminationWithoutLabour: boolean;
  /** Working days to finish the paperwork after assistance started through the 绿色通道. */
  greenChannelWorkingDays: number;
  /** Grade colours that may use the 绿色通道 (seed: red only). */
  greenChannelColours: readonly string[];
  /** 不予纳入告知书 in writing for a lead found not eligible, within this many working days. */
  rejectionNoticeRequired: boolean;
  rejectionNoticeWorkingDays: number;
  /** 监测对象类别 labels (seed: 脱贫不稳定户, 边缘易致贫户, 突发严重困难户). */
  categories: readonly string[];
  /** 风险类型 labels and the most a household may carry (seed 5). */
  riskTypes: readonly string[];
  maxRisks: number;
  /** Which permissions may perform each act; holding any one of them suffices. */
  actionPermissions: Record<ProcedureAction, readonly Permission[]>;
}

export const STEP_LABELS: Record<StepKey, string> = {
  apply: '提交申请（承诺授权）',
  propose: '提出名单',
  verify: '入户核实',
  deliberate: '民主评议',
  notice: '公示',
  townshipReview: '镇街审核',
  countyDecision: '县级审定',
};

export const ACTION_LABELS: Record<ProcedureAction, string> = {
  ...STEP_LABELS,
  lead: '线索核实',
  revert: '风险消除回退',
  greenChannel: '绿色通道',
  withdraw: '撤销案件',
  override: '风险消除条件特批',
};

export const PERMISSION_LABELS: Partial<Record<Permission, string>> = {
  'cases.village': '村级步骤办理',
  'cases.township': '镇街审核',
  'cases.county': '县级审定',
  'cases.override': '风险消除条件特批',
  'cases.read': '查看案件',
};
