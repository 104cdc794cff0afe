// The fixed vocabulary of 帮扶措施 and 走访 (values stored in the database, with their Chinese labels).
// Kept apart from the rules so the renderer can import the labels without the calendar data.

export const MEASURE_STATUSES = ['planned', 'implemented', 'ended'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];
/** 计划 / 已实施 / 已结束 — the national export knows only 已实施 / 尚未实施 (planned). */
export const MEASURE_STATUS_LABELS: Record<MeasureStatus, string> = { planned: '计划', implemented: '已实施', ended: '已结束' };

/** A measure counts as delivered (落实) once it started; an ended one was delivered too. */
export const isDelivered = (status: MeasureStatus): boolean => status !== 'planned';

export const FINDING_CODES = ['noMeasureDelivered', 'developmentMeasureMissing', 'riskMeasureMissing', 'weakMeasuresOnly'] as const;
export type FindingCode = (typeof FINDING_CODES)[number];
export const FINDING_LABELS: Record<FindingCode, string> = {
  noMeasureDelivered: '监测满期未落实帮扶措施',
  developmentMeasureMissing: '有劳动能力未落实开发式帮扶',
  riskMeasureMissing: '风险类型缺少对应帮扶措施',
  weakMeasuresOnly: '开发式帮扶措施单一',
};

export const VISIT_METHODS = ['home', 'phone', 'other'] as const;
export type VisitMethod = (typeof VISIT_METHODS)[number];
export const VISIT_METHOD_LABELS: Record<VisitMethod, string> = { home: '入户', phone: '电话', other: '其他' };

/** The household's own verdict at a visit; feeds 认可度 (DOMAIN §7). */
export const SATISFACTIONS = ['satisfied', 'basicallySatisfied', 'dissatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];
export const SATISFACTION_LABELS: Record<Satisfaction, string> = { satisfied: '满意', basicallySatisfied: '基本满意', dissatisfied: '不满意' };

/** Follow-up state of one household for one month: 已走访 / 未走访 (still in time) / 逾期未走访. */
export const VISIT_STATES = ['visited', 'pending', 'overdue'] as const;
export type VisitState = (typeof VISIT_STATES)[number];
export const VISIT_STATE_LABELS: Record<VisitState, string> = { visited: '已走访', pending: '未走访', overdue: '逾期未走访' };
