// Shared fixtures for the procedure tests: a fixed rule set (seed-like values written out here, so a
// change of the seed profile does not silently change what these tests check), fixed clocks, actors
// and step data builders.
import type { Permission } from '../../shared/domain/permissions';
import { ROLE_PERMISSIONS } from '../../shared/domain/permissions';
import type { CaseState, IdentificationCase, WorkflowContext } from '../../shared/domain/workflow/caseState';
import { advance } from '../../shared/domain/workflow/machine';
import { openIdentificationCase } from '../../shared/domain/workflow/identification';
import type { ProcedureRules, StepKey } from '../../shared/domain/workflow/rules';

export const RULES: ProcedureRules = {
  leadContactHours: 48,
  publicNoticeDays: 7,
  publicNoticeDayKind: 'calendar',
  stepWorkingDays: { verify: 2, deliberate: 2, townshipReview: 2, countyDecision: 3 },
  wholeProcedureWorkingDays: 15,
  minVerifiers: 2,
  eliminationMinMonths: 6,
  noEliminationWithoutLabour: true,
  greenChannelWorkingDays: 15,
  greenChannelColours: ['red'],
  rejectionNoticeRequired: false,
  rejectionNoticeWorkingDays: 5,
  localHolidays: [],
  localWorkdays: [],
  categories: ['脱贫不稳定户', '边缘易致贫户', '突发严重困难户'],
  riskTypes: ['因病', '因残', '因学', '因灾', '因意外事故', '因产业失败', '因务工就业不稳', '因缺劳动力', '因安全饮水', '住房安全', '其他'],
  maxRisks: 5,
  actionPermissions: {
    apply: ['cases.village'],
    propose: ['cases.village'],
    verify: ['cases.village'],
    deliberate: ['cases.village'],
    notice: ['cases.village'],
    townshipReview: ['cases.township'],
    countyDecision: ['cases.county'],
    lead: ['cases.village'],
    revert: ['cases.county'],
    greenChannel: ['cases.township'],
    withdraw: ['cases.township'],
    override: ['cases.override'],
  },
};

export const ADMIN: readonly Permission[] = ROLE_PERMISSIONS.admin;
export const VILLAGE: readonly Permission[] = ROLE_PERMISSIONS.village;
export const REVIEWER: readonly Permission[] = ROLE_PERMISSIONS.reviewer;

/** A context at a China wall-clock time, e.g. ctxAt('2026-03-12 09:00'). */
export function ctxAt(chinaTime: string, permissions: readonly Permission[] = ADMIN, rules: ProcedureRules = RULES): WorkflowContext {
  return { now: new Date(`${chinaTime.replace(' ', 'T')}:00+08:00`), rules, actorPermissions: permissions, actor: { id: 'u1', name: '李经办' } };
}

export const applyData = (date = '2026-03-02') => ({
  date,
  applicantName: '王大山',
  receivedBy: '村委会 张秀英',
  commitment: true,
  authorisation: true,
  mark: { signed: false, fingerprint: true, medium: 'paper' },
});

export const verifyData = (date = '2026-03-03', names = ['赵镇干', '钱驻村']) => ({
  date,
  verifiers: names.map((name) => ({ name })),
  findings: '家庭成员 4 人，长子务工不稳定。',
});

export const deliberateData = (date = '2026-03-04', outcome: 'pass' | 'fail' = 'pass') => ({
  date,
  meetingId: 'm1',
  outcome,
  votes: outcome === 'pass' ? { agree: 9, disagree: 1, abstain: 1 } : { agree: 2, disagree: 8, abstain: 1 },
});

export const noticeData = (startDate = '2026-03-04', objections: unknown[] = []) => ({
  startDate,
  days: 7,
  place: '村委会公示栏',
  objections,
});

export const reviewPass = (date = '2026-03-12') => ({ decision: 'pass', date, reviewer: '孙审核', opinion: '程序规范，同意上报。' });

export const approveData = (date = '2026-03-13') => ({
  decision: 'approve',
  date,
  category: '边缘易致贫户',
  risks: ['因务工就业不稳', '因病'],
  docNumber: '某乡振〔2026〕3号',
  systemEntryDate: date,
});

/** Data that completes each identification step on the standard timeline (all done by 2026-03-13). */
export const IDENTIFICATION_DATA: Record<string, unknown> = {
  apply: applyData(),
  verify: verifyData(),
  deliberate: deliberateData(),
  notice: noticeData(),
  townshipReview: reviewPass(),
  countyDecision: approveData(),
};

export const LATE_CTX = ctxAt('2026-03-13 17:00');

export function openCase(ctx: WorkflowContext = LATE_CTX): IdentificationCase {
  return openIdentificationCase({ caseId: 'c1', householdId: 'h1', existingCases: [], openedOn: '2026-03-02' }, ctx);
}

/** Runs the standard identification timeline until `stop` is the awaiting step. */
export function identificationAt(stop: StepKey | 'done', ctx: WorkflowContext = LATE_CTX): CaseState {
  let state: CaseState = openCase(ctx);
  while (state.awaiting !== null && state.awaiting !== stop) {
    state = advance(state, state.awaiting, IDENTIFICATION_DATA[state.awaiting], ctx);
  }
  return state;
}

/** Runs `fn`, expecting a DomainError; returns it for assertions on code and message. */
export function refusal(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    const err = e as { code?: string; message: string };
    if (!err.code) throw e;
    return { code: err.code, message: err.message };
  }
  throw new Error('expected a refusal, but the call succeeded');
}
