// Due dates of a running case: the open step, the steps still ahead (projected, each counted from
// the previous one's due date), the whole procedure and the 绿色通道. Colours come from dueStatus().
import { addWorkingDays, compareDates, dueStatus, workingDayOnOrAfter, type DateString, type DueStatus } from '../deadlines';
import { noticePeriod } from '../notice';
import type { CaseState } from './caseState';
import { stepIndex, stepsOf } from './caseState';
import { STEP_LABELS, type ProcedureRules, type StepKey } from './rules';
import { actDateOf, lastSendBackDate, previousActDate } from './stepRules';

export interface StepDue {
  step: StepKey;
  label: string;
  /** open = the awaiting step; projected = a later step, assuming each earlier one finishes on its due date. */
  state: 'open' | 'projected';
  /** The day its clock starts (previous step done, or the send-back). */
  from: DateString | null;
  /** null = the profile sets no limit for this step. */
  due: DateString | null;
}

export interface CaseDeadlines {
  steps: StepDue[];
  /** 识别纳入 only: wholeProcedureWorkingDays from the application (or the opening day before it). */
  wholeDue: DateString | null;
  greenChannelDue: DateString | null;
}

function stepDue(step: StepKey, from: DateString | null, rules: ProcedureRules): DateString | null {
  if (from === null) return null;
  const limit = rules.stepWorkingDays[step];
  if (limit !== undefined) return addWorkingDays(from, limit, rules);
  // Without its own limit a 公示 is due when it may first be closed, on a working day.
  if (step === 'notice') return workingDayOnOrAfter(noticePeriod(from, rules.publicNoticeDays, rules).closableFrom, rules);
  return null;
}

const later = (a: DateString | null, b: DateString | null): DateString | null => (a === null ? b : b === null ? a : compareDates(a, b) >= 0 ? a : b);

/** When the whole identification clock started: the application date once recorded, else the opening day. */
function procedureStart(state: CaseState, rules: ProcedureRules): DateString {
  const first = stepsOf(state.kind)[0];
  const data = (state.steps as Partial<Record<StepKey, Record<string, unknown>>>)[first];
  return data ? actDateOf(first, data, rules) : state.openedOn;
}

export function stepDeadlines(state: CaseState, rules: ProcedureRules): CaseDeadlines {
  if (state.status !== 'inProgress' || state.awaiting === null) return { steps: [], wholeDue: null, greenChannelDue: null };
  const order = stepsOf(state.kind);
  const awaiting = state.awaiting;
  const openFrom = later(previousActDate(state, awaiting, rules) ?? state.openedOn, lastSendBackDate(state));
  const steps: StepDue[] = [];
  let from: DateString | null = openFrom;
  for (const step of order.slice(stepIndex(state.kind, awaiting))) {
    const due = stepDue(step, from, rules);
    steps.push({ step, label: STEP_LABELS[step], state: step === awaiting ? 'open' : 'projected', from, due });
    from = due;
  }
  const wholeDue = state.kind === 'identification' ? addWorkingDays(procedureStart(state, rules), rules.wholeProcedureWorkingDays, rules) : null;
  const greenChannelDue = state.kind === 'identification' ? (state.greenChannel?.completeBy ?? null) : null;
  return { steps, wholeDue, greenChannelDue };
}

/** The most urgent colour of a running case at `now` (open step, whole procedure, 绿色通道). */
export function caseDueStatus(state: CaseState, now: Date, rules: ProcedureRules): DueStatus | null {
  const d = stepDeadlines(state, rules);
  const dues = [d.steps.find((s) => s.state === 'open')?.due ?? null, d.wholeDue, d.greenChannelDue].filter((x): x is DateString => x !== null);
  if (dues.length === 0) return null;
  const statuses = dues.map((due) => dueStatus(due, now, rules));
  return statuses.includes('overdue') ? 'overdue' : statuses.includes('dueSoon') ? 'dueSoon' : 'ok';
}
