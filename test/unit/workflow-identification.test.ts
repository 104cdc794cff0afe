import { describe, expect, it } from 'vitest';
import { advance, recordCountyFollowUp, sendBack, updateObjections, withdraw } from '../../shared/domain/workflow/machine';
import { assertNoOpenCaseOfKind, type CaseState } from '../../shared/domain/workflow/caseState';
import { openGreenChannel, openIdentificationCase } from '../../shared/domain/workflow/identification';
import { IDENTIFICATION_STEPS } from '../../shared/domain/workflow/rules';
import {
  applyData,
  approveData,
  ctxAt,
  deliberateData,
  IDENTIFICATION_DATA,
  identificationAt,
  LATE_CTX,
  noticeData,
  openCase,
  RULES,
  refusal,
  REVIEWER,
  reviewPass,
  verifyData,
  VILLAGE,
} from './workflow-fixtures';

const deepFreeze = <T>(o: T): T => {
  if (o && typeof o === 'object') {
    Object.values(o).forEach(deepFreeze);
    Object.freeze(o);
  }
  return o;
};

describe('identification: the allowed path', () => {
  it('runs 申请 → 入户核实 → 民主评议 → 公示 → 镇街审核 → 县级审定 and ends approved', () => {
    const done = identificationAt('done');
    expect(done.status).toBe('approved');
    expect(done.awaiting).toBeNull();
    expect(done.closedOn).toBe('2026-03-13');
    expect(done.history.map((h) => h.step ?? h.event)).toEqual(['opened', ...IDENTIFICATION_STEPS]);
    expect(done.history.every((h) => h.recordedBy.name === '李经办')).toBe(true);
    const notice = done.history.find((h) => h.step === 'notice');
    expect(notice?.date).toBe('2026-03-11');
    expect(notice?.note).toContain('2026-03-04 至 2026-03-11');
  });

  it('each step moves `awaiting` to the next one, in order', () => {
    let state: CaseState = openCase();
    const seen: (string | null)[] = [state.awaiting];
    while (state.awaiting) {
      state = advance(state, state.awaiting, IDENTIFICATION_DATA[state.awaiting], LATE_CTX);
      seen.push(state.awaiting);
    }
    expect(seen).toEqual([...IDENTIFICATION_STEPS, null]);
  });

  it('never mutates the state it is given', () => {
    const before = deepFreeze(identificationAt('verify'));
    const after = advance(before, 'verify', verifyData(), LATE_CTX);
    expect(before.awaiting).toBe('verify');
    expect(after.awaiting).toBe('deliberate');
  });
});

describe('identification: refusals', () => {
  it('refuses a skipped step and names the step to do first', () => {
    const r = refusal(() => advance(openCase(), 'verify', verifyData(), LATE_CTX));
    expect(r.code).toBe('workflow_rule');
    expect(r.message).toContain('不能跳过步骤');
    expect(r.message).toContain('提交申请');
    expect(refusal(() => advance(identificationAt('deliberate'), 'townshipReview', reviewPass(), LATE_CTX)).message).toContain('民主评议');
  });

  it('refuses redoing a finished step without a send-back', () => {
    expect(refusal(() => advance(identificationAt('deliberate'), 'apply', applyData(), LATE_CTX)).message).toContain('已经办理过');
  });

  it('refuses a step that belongs to the other procedure', () => {
    const r = refusal(() => advance(openCase(), 'propose', {}, LATE_CTX));
    expect(r.message).toBe('识别纳入流程没有「提出名单」这一步骤。');
  });

  it('refuses fewer verifiers than the profile requires (同名只计一次)', () => {
    const state = identificationAt('verify');
    expect(refusal(() => advance(state, 'verify', verifyData('2026-03-03', ['赵镇干']), LATE_CTX)).message).toContain('每组不少于 2 人，目前只有 1 人');
    expect(refusal(() => advance(state, 'verify', verifyData('2026-03-03', ['赵镇干', '赵镇干']), LATE_CTX)).message).toContain('只有 1 人');
    const strict = ctxAt('2026-03-13 17:00', undefined, { ...RULES, minVerifiers: 3 });
    expect(refusal(() => advance(state, 'verify', verifyData(), strict)).message).toContain('不少于 3 人');
    expect(advance(state, 'verify', verifyData('2026-03-03', ['甲', '乙', '丙']), strict).awaiting).toBe('deliberate');
  });

  it('refuses an actor whose permissions the profile does not assign to the step', () => {
    const village = ctxAt('2026-03-13 17:00', VILLAGE);
    const r = refusal(() => advance(identificationAt('townshipReview'), 'townshipReview', reviewPass(), village));
    expect(r.code).toBe('workflow_rule');
    expect(r.message).toContain('没有办理「镇街审核」的权限');
    const reviewer = ctxAt('2026-03-13 17:00', REVIEWER);
    expect(refusal(() => advance(identificationAt('verify'), 'verify', verifyData(), reviewer)).message).toContain('入户核实');
    expect(advance(identificationAt('townshipReview'), 'townshipReview', reviewPass(), reviewer).awaiting).toBe('countyDecision');
  });

  it('refuses ending the 公示 before its 7 days have passed, by the injected clock', () => {
    const state = identificationAt('notice');
    const r = refusal(() => advance(state, 'notice', noticeData(), ctxAt('2026-03-11 23:59')));
    expect(r.message).toBe('公示期未满：公示自 2026-03-04 起 7 天，至 2026-03-11 期满，2026-03-12 起方可结束公示并报镇街审核。');
    expect(advance(state, 'notice', noticeData(), ctxAt('2026-03-12 00:00')).awaiting).toBe('townshipReview');
    // 16:00 UTC on 03-11 is already 03-12 in China.
    const utcCtx = { ...ctxAt('2026-03-12 00:00'), now: new Date('2026-03-11T16:00:00Z') };
    expect(advance(state, 'notice', noticeData(), utcCtx).awaiting).toBe('townshipReview');
  });

  it('refuses a 公示 shorter than the profile minimum', () => {
    const r = refusal(() => advance(identificationAt('notice'), 'notice', { ...noticeData(), days: 5 }, LATE_CTX));
    expect(r.message).toContain('不能少于 7 天');
  });

  it('refuses 镇街审核 while an objection is unresolved, until it is investigated', () => {
    const objection = { date: '2026-03-06', content: '反映该户长子在外务工收入较高', resolved: false };
    const afterNotice = advance(identificationAt('notice'), 'notice', noticeData('2026-03-04', [objection]), LATE_CTX);
    const r = refusal(() => advance(afterNotice, 'townshipReview', reviewPass(), LATE_CTX));
    expect(r.message).toContain('1 条异议未处理完毕');
    const unresolvedWithoutResult = refusal(() => updateObjections(afterNotice, [{ ...objection, resolved: true }], LATE_CTX));
    expect(unresolvedWithoutResult.code).toBe('validation');
    expect(refusal(() => updateObjections(afterNotice, [], LATE_CTX)).message).toContain('不能删除');
    const resolved = updateObjections(afterNotice, [{ ...objection, investigation: '核实务工收入每月约 1500 元', result: '异议不成立', resolved: true }], LATE_CTX);
    expect(resolved.history.at(-1)?.event).toBe('objectionsUpdated');
    expect(advance(resolved, 'townshipReview', reviewPass(), LATE_CTX).awaiting).toBe('countyDecision');
  });

  it('refuses an objection dated before the 公示 started', () => {
    const r = refusal(() => advance(identificationAt('notice'), 'notice', noticeData('2026-03-04', [{ date: '2026-03-01', content: 'x', resolved: false }]), LATE_CTX));
    expect(r.message).toContain('第 1 条异议');
  });

  it('refuses dates in the future or before the previous step', () => {
    expect(refusal(() => advance(openCase(), 'apply', applyData('2026-03-14'), LATE_CTX)).message).toContain('晚于今天');
    expect(refusal(() => advance(identificationAt('verify'), 'verify', verifyData('2026-03-01'), LATE_CTX)).message).toContain('早于前一步骤的日期 2026-03-02');
    expect(refusal(() => advance(identificationAt('townshipReview'), 'townshipReview', reviewPass('2026-03-11'), LATE_CTX)).message).toContain('公示期满后的日期 2026-03-12');
  });

  it('refuses invalid data with Chinese field messages', () => {
    const r = refusal(() => advance(openCase(), 'apply', { ...applyData(), commitment: false, applicantName: '' }, LATE_CTX));
    expect(r.code).toBe('validation');
    expect(r.message).toContain('承诺如实提供家庭情况');
    expect(r.message).toContain('「申请人姓名」不能为空');
    const proxy = { ...applyData(), mark: { signed: true, fingerprint: false, medium: 'paper' }, proxyFiller: { name: '王小明', relation: '之子' } };
    expect(refusal(() => advance(openCase(), 'apply', proxy, LATE_CTX)).message).toContain('申请人本人按手印');
  });

  it('refuses a 评议 marked passed when the votes do not carry it', () => {
    const bad = { ...deliberateData(), votes: { agree: 3, disagree: 3, abstain: 0 } };
    expect(refusal(() => advance(identificationAt('deliberate'), 'deliberate', bad, LATE_CTX)).message).toContain('不能为“通过”');
  });

  it('checks the county decision against the profile lists', () => {
    const state = identificationAt('countyDecision');
    expect(refusal(() => advance(state, 'countyDecision', { ...approveData(), category: '低保户' }, LATE_CTX)).message).toContain('只能是：脱贫不稳定户');
    const six = ['因病', '因残', '因学', '因灾', '因意外事故', '因产业失败'];
    expect(refusal(() => advance(state, 'countyDecision', { ...approveData(), risks: six }, LATE_CTX)).message).toContain('最多 5 项');
    expect(refusal(() => advance(state, 'countyDecision', { ...approveData(), risks: ['因病', '因病'] }, LATE_CTX)).message).toContain('重复');
    expect(refusal(() => advance(state, 'countyDecision', { ...approveData(), announcementDate: '2026-03-12' }, LATE_CTX)).message).toContain('不能早于县级审定日期');
  });

  it('refuses every act on a closed case', () => {
    const done = identificationAt('done');
    expect(refusal(() => advance(done, 'countyDecision', approveData(), LATE_CTX)).message).toBe('该识别纳入案件已办结（已纳入监测），不能再办理「县级审定」。');
    expect(refusal(() => sendBack(done, 'verify', '补充材料', LATE_CTX)).code).toBe('workflow_rule');
    expect(refusal(() => withdraw(done, '误建', LATE_CTX)).code).toBe('workflow_rule');
  });
});

describe('identification: terminal outcomes', () => {
  it('a failed 民主评议 ends the case as 不予纳入', () => {
    const failed = advance(identificationAt('deliberate'), 'deliberate', deliberateData('2026-03-04', 'fail'), LATE_CTX);
    expect(failed.status).toBe('rejected');
    expect(failed.closedOn).toBe('2026-03-04');
    expect(refusal(() => advance(failed, 'notice', noticeData(), LATE_CTX)).message).toContain('不予纳入');
  });

  it('a county rejection ends the case as 不予纳入', () => {
    const rejected = advance(identificationAt('countyDecision'), 'countyDecision', { decision: 'reject', date: '2026-03-13', reason: '比对发现有商品房' }, LATE_CTX);
    expect(rejected.status).toBe('rejected');
  });

  it('withdraw needs a reason and the permission', () => {
    expect(refusal(() => withdraw(openCase(), ' ', LATE_CTX)).message).toContain('原因');
    expect(refusal(() => withdraw(openCase(), '误建', ctxAt('2026-03-13 17:00', VILLAGE))).message).toContain('撤销案件');
    expect(withdraw(openCase(), '误建', LATE_CTX).status).toBe('withdrawn');
  });

  it('fills in 公告日期 after the decision, not before it', () => {
    const done = identificationAt('done');
    const filled = recordCountyFollowUp(done, { announcementDate: '2026-03-13' }, LATE_CTX);
    expect(filled.steps.countyDecision).toMatchObject({ announcementDate: '2026-03-13', systemEntryDate: '2026-03-13' });
    expect(refusal(() => recordCountyFollowUp(done, { announcementDate: '2026-03-12' }, LATE_CTX)).message).toContain('不能早于');
    expect(refusal(() => recordCountyFollowUp(identificationAt('notice'), {}, LATE_CTX)).code).toBe('workflow_rule');
  });
});

describe('send back (退回)', () => {
  it('镇街审核 may send the case back to an earlier step; later data is cleared, history kept', () => {
    const review = { decision: 'sendBack', date: '2026-03-12', reviewer: '孙审核', sendBackTo: 'verify', reason: '核实人员未签字，请补正' };
    const back = advance(identificationAt('townshipReview'), 'townshipReview', review, LATE_CTX);
    expect(back.status).toBe('inProgress');
    expect(back.awaiting).toBe('verify');
    expect(Object.keys(back.steps)).toEqual(['apply']);
    const last = back.history.at(-1);
    expect(last).toMatchObject({ event: 'sentBack', step: 'townshipReview', toStep: 'verify', date: '2026-03-12', note: '核实人员未签字，请补正' });
    expect(back.history.filter((h) => h.step === 'verify' && h.event === 'completed')).toHaveLength(1);
    // The redone step must come after the send-back.
    expect(refusal(() => advance(back, 'verify', verifyData('2026-03-03'), LATE_CTX)).message).toContain('早于退回日期 2026-03-12');
    expect(advance(back, 'verify', verifyData('2026-03-13'), LATE_CTX).awaiting).toBe('deliberate');
  });

  it('refuses sending back to the current or a later step, without a reason, or without permission', () => {
    const state = identificationAt('townshipReview');
    expect(refusal(() => sendBack(state, 'countyDecision', '原因', LATE_CTX)).message).toContain('只能退回到「镇街审核」之前');
    expect(refusal(() => sendBack(state, 'townshipReview', '原因', LATE_CTX)).message).toContain('之前的步骤');
    expect(refusal(() => sendBack(state, 'propose', '原因', LATE_CTX)).message).toContain('没有「提出名单」');
    expect(refusal(() => sendBack(state, 'verify', '  ', LATE_CTX)).message).toContain('退回原因');
    expect(refusal(() => sendBack(state, 'verify', '原因', ctxAt('2026-03-13 17:00', VILLAGE))).message).toContain('权限');
    const county = sendBack(identificationAt('countyDecision'), 'townshipReview', '审批表缺少盖章', LATE_CTX);
    expect(county.awaiting).toBe('townshipReview');
    expect(county.steps.notice).toBeDefined();
  });
});

describe('assertNoOpenCaseOfKind', () => {
  it('refuses a second running case of the same kind only', () => {
    const existing = [{ caseId: 'c9', kind: 'identification' as const, status: 'inProgress' as const }];
    expect(refusal(() => assertNoOpenCaseOfKind(existing, 'identification')).message).toContain('编号 c9');
    expect(() => assertNoOpenCaseOfKind(existing, 'elimination')).not.toThrow();
    expect(() => assertNoOpenCaseOfKind([{ ...existing[0], status: 'rejected' }], 'identification')).not.toThrow();
    expect(refusal(() => openIdentificationCase({ caseId: 'c2', householdId: 'h1', existingCases: existing }, LATE_CTX)).code).toBe('workflow_rule');
  });
});

describe('绿色通道', () => {
  const input = { grade: 'red', reason: '突发火灾，住房被毁，已发放临时救助', assistanceStartedOn: '2026-03-02' };

  it('records assistance before paperwork with a completion deadline in working days', () => {
    const state = openGreenChannel(openCase(), input, LATE_CTX);
    expect(state.greenChannel).toMatchObject({ grade: 'red', assistanceStartedOn: '2026-03-02', completeBy: '2026-03-23' });
    expect(state.history.at(-1)?.event).toBe('greenChannel');
    expect(refusal(() => openGreenChannel(state, input, LATE_CTX)).message).toContain('已于 2026-03-02 开通');
  });

  it('is refused for grades the profile does not list, and without permission', () => {
    expect(refusal(() => openGreenChannel(openCase(), { ...input, grade: 'orange' }, LATE_CTX)).message).toBe(
      '绿色通道仅适用于红色等级的农户，该户当前为橙色，请按正常程序办理。',
    );
    expect(refusal(() => openGreenChannel(openCase(), input, ctxAt('2026-03-13 17:00', VILLAGE))).message).toContain('绿色通道');
  });

  it('does not let any step be skipped', () => {
    const state = openGreenChannel(openCase(), input, LATE_CTX);
    expect(refusal(() => advance(state, 'countyDecision', approveData(), LATE_CTX)).message).toContain('不能跳过步骤');
  });
});
