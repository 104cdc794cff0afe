// Case state of the two procedures (识别纳入, 风险消除): an explicit machine — `awaiting` is the one
// step that may be done next, `status` says whether the case is still running or how it ended —
// plus the timeline of everything that happened, which is never rewritten (a send-back clears a
// step's current data but its history entry stays).
import type { DateString } from '../deadlines';
import type { Permission } from '../permissions';
import { workflowRule } from '../errors';
import type { CriteriaOverride, CriteriaReport } from './eliminationCriteria';
import { ACTION_LABELS, ELIMINATION_STEPS, IDENTIFICATION_STEPS, PERMISSION_LABELS, STEP_LABELS } from './rules';
import type { EliminationStep, IdentificationStep, ProcedureAction, ProcedureRules, StepKey } from './rules';
import type {
  ApplyData,
  DeliberateData,
  EliminationDecisionData,
  EliminationMode,
  IdentificationDecisionData,
  NoticeData,
  ProposeData,
  TownshipReviewData,
  VerifyData,
} from './steps';

export type CaseKind = 'identification' | 'elimination';

/**
 * inProgress → one of: approved (纳入) | rejected (不予纳入) for identification;
 * eliminated (风险已消除) | notEliminated (维持监测) for elimination; withdrawn (撤销) for either;
 * eliminated → reverted (风险消除回退).
 */
export type CaseStatus = 'inProgress' | 'approved' | 'rejected' | 'eliminated' | 'notEliminated' | 'withdrawn' | 'reverted';

export const CASE_KIND_LABELS: Record<CaseKind, string> = { identification: '识别纳入', elimination: '风险消除' };
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  inProgress: '办理中',
  approved: '已纳入监测',
  rejected: '不予纳入',
  eliminated: '风险已消除',
  notEliminated: '不予消除（继续监测）',
  withdrawn: '已撤销',
  reverted: '已回退（恢复监测）',
};

export interface Actor {
  id: string;
  name: string;
}

/** Everything an act needs besides its data. `now` is injected; nothing here reads the clock. */
export interface WorkflowContext {
  now: Date;
  rules: ProcedureRules;
  actorPermissions: readonly Permission[];
  /** Who records the act (the logged-in user), for the timeline. */
  actor: Actor;
}

export type HistoryEvent =
  | 'opened'
  | 'completed'
  | 'sentBack'
  | 'objectionsUpdated'
  | 'countyFollowUp'
  | 'greenChannel'
  | 'withdrawn'
  | 'reverted';

export interface HistoryEntry {
  seq: number;
  event: HistoryEvent;
  step?: StepKey;
  /** Target of a send-back. */
  toStep?: StepKey;
  /** When the act itself happened (China date), which may be earlier than when it was recorded. */
  date: DateString;
  /** When it was recorded (UTC ISO). */
  recordedAt: string;
  recordedBy: Actor;
  note?: string;
  /** Snapshot of the step data, so the timeline survives a send-back. */
  data?: unknown;
}

export interface GreenChannel {
  grade: string;
  reason: string;
  assistanceStartedOn: DateString;
  /** All steps must be completed by this date (working days from the start of assistance). */
  completeBy: DateString;
}

/** Township review as stored on a case: only a pass completes the step. */
export type TownshipPass = Extract<TownshipReviewData, { decision: 'pass' }>;

export interface IdentificationStepData {
  apply: ApplyData;
  verify: VerifyData;
  deliberate: DeliberateData;
  notice: NoticeData;
  townshipReview: TownshipPass;
  countyDecision: IdentificationDecisionData;
}

export interface EliminationStepData {
  propose: ProposeData;
  verify: VerifyData;
  deliberate: DeliberateData;
  notice: NoticeData;
  townshipReview: TownshipPass;
  countyDecision: EliminationDecisionData;
}

interface CaseBase {
  caseId: string;
  householdId: string;
  openedOn: DateString;
  status: CaseStatus;
  closedOn?: DateString;
  history: HistoryEntry[];
}

export interface IdentificationCase extends CaseBase {
  kind: 'identification';
  awaiting: IdentificationStep | null;
  steps: Partial<IdentificationStepData>;
  greenChannel?: GreenChannel;
}

export interface EliminationCase extends CaseBase {
  kind: 'elimination';
  awaiting: EliminationStep | null;
  steps: Partial<EliminationStepData>;
  mode: EliminationMode;
  /** 识别 date the 6-month rule was measured from. */
  identifiedOn: DateString;
  criteria: CriteriaReport;
  override?: CriteriaOverride;
}

export type CaseState = IdentificationCase | EliminationCase;

/** What other code knows about a household's cases, for `assertNoOpenCaseOfKind`. */
export interface CaseSummary {
  caseId: string;
  kind: CaseKind;
  status: CaseStatus;
}

export const stepsOf = (kind: CaseKind): readonly StepKey[] => (kind === 'identification' ? IDENTIFICATION_STEPS : ELIMINATION_STEPS);

export const stepIndex = (kind: CaseKind, step: StepKey): number => stepsOf(kind).indexOf(step);

/** Refuses a second running case of the same kind for one household. */
export function assertNoOpenCaseOfKind(existingCases: readonly CaseSummary[], kind: CaseKind): void {
  const open = existingCases.find((c) => c.kind === kind && c.status === 'inProgress');
  if (open) {
    throw workflowRule(`该户已有一个办理中的${CASE_KIND_LABELS[kind]}案件（编号 ${open.caseId}），请先办结或撤销该案件，再发起新的案件。`, {
      caseId: open.caseId,
    });
  }
}

/** Refuses an act when none of the actor's permissions is assigned to it in the profile. */
export function assertPermitted(ctx: WorkflowContext, action: ProcedureAction): void {
  const allowed = ctx.rules.actionPermissions[action] ?? [];
  if (allowed.some((p) => ctx.actorPermissions.includes(p))) return;
  const names = allowed.map((p) => PERMISSION_LABELS[p] ?? p).join('、') || '（未配置）';
  throw workflowRule(`您没有办理「${ACTION_LABELS[action]}」的权限（需要：${names}）。请由有权限的人员办理，或请管理员调整角色。`, {
    action,
    allowed,
  });
}

export function assertInProgress(state: CaseState, what: string): void {
  if (state.status !== 'inProgress') {
    throw workflowRule(`该${CASE_KIND_LABELS[state.kind]}案件已办结（${CASE_STATUS_LABELS[state.status]}），不能再${what}。`);
  }
}

export const stepLabel = (step: StepKey): string => `「${STEP_LABELS[step]}」`;

export function withHistory<T extends CaseState>(state: T, entry: Omit<HistoryEntry, 'seq' | 'recordedAt' | 'recordedBy'>, ctx: WorkflowContext): T {
  const full: HistoryEntry = {
    seq: state.history.length + 1,
    ...entry,
    recordedAt: ctx.now.toISOString(),
    recordedBy: { ...ctx.actor },
  };
  return { ...state, history: [...state.history, full] };
}
