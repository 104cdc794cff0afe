import { describe, expect, it } from 'vitest';
import { advance } from '../../shared/domain/workflow/machine';
import type { CaseState, EliminationCase } from '../../shared/domain/workflow/caseState';
import { openEliminationCase, revertElimination, type OpenEliminationInput } from '../../shared/domain/workflow/elimination';
import { evaluateEliminationCriteria, type EliminationCriteriaInput } from '../../shared/domain/workflow/eliminationCriteria';
import { ELIMINATION_STEPS } from '../../shared/domain/workflow/rules';
import { ctxAt, deliberateData, noticeData, RULES, refusal, REVIEWER, reviewPass, verifyData, VILLAGE } from './workflow-fixtures';

const passing: Omit<EliminationCriteriaInput, 'identifiedOn' | 'checkedOn' | 'mode'> = {
  latestIncome: { accountedOn: '2026-03-01', perCapitaNetFen: 1_052_000, lineFen: 860_000 },
  security: {
    food: { pass: true },
    clothing: { pass: true },
    education: { pass: true },
    medical: { pass: true },
    housing: { pass: true },
    water: { pass: true },
  },
  deliveredMeasures: 2,
  wholeHouseholdWithoutLabour: false,
};

const input = (over: Partial<OpenEliminationInput> = {}): OpenEliminationInput => ({
  caseId: 'e1',
  householdId: 'h1',
  existingCases: [],
  mode: '帮扶消除',
  identifiedOn: '2025-09-15',
  criteria: passing,
  ...over,
});

const CTX = ctxAt('2026-03-27 17:00');
const criteria = (over: Partial<EliminationCriteriaInput> = {}) =>
  evaluateEliminationCriteria({ ...passing, identifiedOn: '2025-09-15', checkedOn: '2026-03-16', mode: '帮扶消除', ...over }, RULES);
const failedKeys = (over: Partial<EliminationCriteriaInput>) => criteria(over).results.filter((r) => !r.passed).map((r) => r.key);

const STEP_DATA: Record<string, unknown> = {
  propose: { date: '2026-03-16', proposedBy: '村两委、驻村工作队', mode: '帮扶消除', basis: '务工收入稳定，住院费用已报销' },
  verify: verifyData('2026-03-17'),
  deliberate: deliberateData('2026-03-18'),
  notice: noticeData('2026-03-18'),
  townshipReview: reviewPass('2026-03-26'),
  countyDecision: { decision: 'eliminate', date: '2026-03-27', mode: '帮扶消除', docNumber: '某乡振〔2026〕9号' },
};

function eliminationAt(stop: string): CaseState {
  let state: CaseState = openEliminationCase(input(), CTX);
  while (state.awaiting !== null && state.awaiting !== stop) state = advance(state, state.awaiting, STEP_DATA[state.awaiting], CTX);
  return state;
}

describe('elimination criteria', () => {
  it('all pass with a Chinese explanation each', () => {
    const report = criteria();
    expect(report.allPassed).toBe(true);
    expect(report.results.map((r) => r.key)).toEqual(['minMonths', 'income', 'security', 'measures', 'labour']);
    expect(report.results.find((r) => r.key === 'income')?.explanation).toBe(
      '最近一次收入核算（2026-03-01）人均纯收入 10,520.00 元，监测范围 8,600.00 元，高于监测范围。',
    );
  });

  it('5 months after identification is refused, 6 months is allowed (end-of-month clamped)', () => {
    expect(failedKeys({ checkedOn: '2026-03-14' })).toEqual(['minMonths']);
    expect(criteria({ checkedOn: '2026-03-14' }).results[0].explanation).toContain('2026-03-15 起方可启动');
    expect(failedKeys({ checkedOn: '2026-03-15' })).toEqual([]);
    expect(failedKeys({ identifiedOn: '2025-08-31', checkedOn: '2026-02-27' })).toEqual(['minMonths']);
    expect(failedKeys({ identifiedOn: '2025-08-31', checkedOn: '2026-02-28' })).toEqual([]);
  });

  it('income must be strictly above the line, and accounted at all', () => {
    expect(failedKeys({ latestIncome: { accountedOn: '2026-03-01', perCapitaNetFen: 860_000, lineFen: 860_000 } })).toEqual(['income']);
    expect(failedKeys({ latestIncome: { accountedOn: '2026-03-01', perCapitaNetFen: 860_001, lineFen: 860_000 } })).toEqual([]);
    expect(criteria({ latestIncome: null }).results[1].explanation).toContain('尚无收入核算记录');
  });

  it('两不愁三保障+饮水: lists what failed and what was not assessed', () => {
    const report = criteria({ security: { ...passing.security, water: { pass: false, note: '季节性缺水' }, housing: null } });
    expect(report.results[2]).toMatchObject({ passed: false, explanation: '未达标：饮水安全（季节性缺水）；未评估：住房安全。' });
  });

  it('帮扶消除 needs a delivered measure; 自然消除 does not', () => {
    expect(failedKeys({ deliveredMeasures: 0 })).toEqual(['measures']);
    expect(failedKeys({ deliveredMeasures: 0, mode: '自然消除' })).toEqual([]);
  });

  it('a whole household without labour capacity is not eliminated, unless the profile allows it', () => {
    expect(failedKeys({ wholeHouseholdWithoutLabour: true })).toEqual(['labour']);
    const relaxed = evaluateEliminationCriteria(
      { ...passing, wholeHouseholdWithoutLabour: true, identifiedOn: '2025-09-15', checkedOn: '2026-03-16', mode: '帮扶消除' },
      { ...RULES, noEliminationWithoutLabour: false },
    );
    expect(relaxed.allPassed).toBe(true);
  });
});

describe('opening an elimination case', () => {
  it('is refused at 5 months and allowed at 6 months, by the injected clock', () => {
    const early = refusal(() => openEliminationCase(input(), ctxAt('2026-03-14 18:00')));
    expect(early.code).toBe('workflow_rule');
    expect(early.message).toContain('不符合风险消除条件');
    expect(early.message).toContain('未满 6 个月');
    const ok = openEliminationCase(input(), ctxAt('2026-03-15 08:00'));
    expect(ok).toMatchObject({ kind: 'elimination', awaiting: 'propose', status: 'inProgress', identifiedOn: '2025-09-15' });
    expect(ok.criteria.allPassed).toBe(true);
  });

  it('an override needs the override permission and a reason, and is kept on the case', () => {
    const failing = input({ criteria: { ...passing, deliveredMeasures: 0 } });
    expect(refusal(() => openEliminationCase({ ...failing, override: { reason: '措施已落实未录入' } }, ctxAt('2026-03-27 17:00', VILLAGE))).message).toContain(
      '风险消除条件特批',
    );
    expect(refusal(() => openEliminationCase({ ...failing, override: { reason: '是' } }, CTX)).message).toContain('写明理由');
    const c = openEliminationCase({ ...failing, override: { reason: '措施已落实，台账待补录' } }, CTX);
    expect(c.override).toMatchObject({ reason: '措施已落实，台账待补录', failedKeys: ['measures'], by: { name: '李经办' } });
    expect(c.history[0].note).toContain('特批发起');
  });

  it('refuses a second running elimination for the household', () => {
    const existing = [{ caseId: 'e0', kind: 'elimination' as const, status: 'inProgress' as const }];
    expect(refusal(() => openEliminationCase(input({ existingCases: existing }), CTX)).message).toContain('办理中的风险消除案件');
  });
});

describe('elimination: steps', () => {
  it('runs 提出名单 → 入户核实 → 评议 → 公示 → 镇街审核 → 县级审定 and ends eliminated', () => {
    const done = eliminationAt('done') as EliminationCase;
    expect(done.status).toBe('eliminated');
    expect(done.closedOn).toBe('2026-03-27');
    expect(done.history.map((h) => h.step ?? h.event)).toEqual(['opened', ...ELIMINATION_STEPS]);
  });

  it('refuses skipped steps and identification-only steps', () => {
    expect(refusal(() => advance(eliminationAt('propose'), 'verify', STEP_DATA.verify, CTX)).message).toContain('「提出名单」');
    expect(refusal(() => advance(eliminationAt('propose'), 'apply', {}, CTX)).message).toBe('风险消除流程没有「提交申请（承诺授权）」这一步骤。');
  });

  it('refuses a proposal or decision whose mode differs from the case', () => {
    const natural = { ...(STEP_DATA.propose as object), mode: '自然消除' };
    expect(refusal(() => advance(eliminationAt('propose'), 'propose', natural, CTX)).message).toContain('不一致');
    const decision = { ...(STEP_DATA.countyDecision as object), mode: '自然消除' };
    expect(refusal(() => advance(eliminationAt('countyDecision'), 'countyDecision', decision, CTX)).message).toContain('不一致');
  });

  it('applies the same verifier, 公示 and objection rules as identification', () => {
    expect(refusal(() => advance(eliminationAt('verify'), 'verify', verifyData('2026-03-17', ['赵镇干']), CTX)).message).toContain('不少于 2 人');
    expect(refusal(() => advance(eliminationAt('notice'), 'notice', noticeData('2026-03-18'), ctxAt('2026-03-25 20:00'))).message).toContain('公示期未满');
    const objection = { date: '2026-03-20', content: '该户近期仍有大额医疗支出', resolved: false };
    const posted = advance(eliminationAt('notice'), 'notice', noticeData('2026-03-18', [objection]), CTX);
    expect(refusal(() => advance(posted, 'townshipReview', reviewPass('2026-03-26'), CTX)).message).toContain('异议未处理完毕');
  });

  it('a failed 评议 or a county rejection keeps the household monitored', () => {
    expect(advance(eliminationAt('deliberate'), 'deliberate', deliberateData('2026-03-18', 'fail'), CTX).status).toBe('notEliminated');
    const reject = { decision: 'reject', date: '2026-03-27', reason: '比对发现新增住院自付 3 万元' };
    expect(advance(eliminationAt('countyDecision'), 'countyDecision', reject, CTX).status).toBe('notEliminated');
  });

  it('refuses the county step to a township reviewer', () => {
    expect(refusal(() => advance(eliminationAt('countyDecision'), 'countyDecision', STEP_DATA.countyDecision, ctxAt('2026-03-27 17:00', REVIEWER))).message).toContain(
      '县级审定',
    );
  });
});

describe('风险消除回退', () => {
  const revert = { date: '2026-04-10', reason: '务工中断，收入不稳定', docNumber: '某乡振〔2026〕12号' };

  it('undoes an elimination, with reason and date, by a permitted actor', () => {
    const reverted = revertElimination(eliminationAt('done'), revert, ctxAt('2026-04-10 10:00'));
    expect(reverted.status).toBe('reverted');
    expect(reverted.history.at(-1)).toMatchObject({ event: 'reverted', date: '2026-04-10', note: '务工中断，收入不稳定' });
  });

  it('is refused for a case not eliminated, before the elimination date, or without permission', () => {
    expect(refusal(() => revertElimination(eliminationAt('townshipReview'), revert, ctxAt('2026-04-10 10:00'))).message).toContain('只有“风险已消除”');
    expect(refusal(() => revertElimination(eliminationAt('done'), { ...revert, date: '2026-03-20' }, ctxAt('2026-04-10 10:00'))).message).toContain(
      '不能早于风险消除日期 2026-03-27',
    );
    expect(refusal(() => revertElimination(eliminationAt('done'), revert, ctxAt('2026-04-10 10:00', VILLAGE))).message).toContain('风险消除回退');
    expect(refusal(() => revertElimination(eliminationAt('done'), { ...revert, reason: '' }, ctxAt('2026-04-10 10:00'))).code).toBe('validation');
  });
});
