// Each rule the procedures enforce, refused through the API with the domain's Chinese message and
// nothing written.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../shared/api/schemas/procedures';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { advance, householdInput, saveMeeting, setup, signAll, verifyData, writeEliminationFacts } from './helpers';

const applyData = (date: string) => ({ date, applicantName: '王大山', receivedBy: '李会计', commitment: true, authorisation: true, mark: { signed: true, fingerprint: false, medium: 'paper' } });

describe('procedures: refusals', () => {
  let t: TestBackend;
  let villageId: string;
  let householdId: string;
  beforeEach(async () => {
    t = await startTestBackend();
    const s = await setup(t);
    villageId = s.villageId;
    householdId = (await t.call('households.save', householdInput(villageId, s.groupIds[0]))).id;
  });
  afterEach(() => t.close());

  const auditCount = () => (t.backend.services.db.prepare(`SELECT count(*) AS n FROM audit_log`).get() as { n: number }).n;

  async function toNotice(): Promise<{ c: CaseDetail; noticeId: string }> {
    let c = await t.call('cases.open', { householdId, kind: 'identification' });
    c = await advance(t, c, 'apply', applyData('2026-11-29'));
    c = await advance(t, c, 'verify', verifyData('2026-11-29'));
    const m = await signAll(t, await saveMeeting(t, villageId, '2026-11-29', [{ caseId: c.id, proposal: '边缘易致贫户' }]));
    c = await advance(t, c, 'deliberate', { meetingId: m.id });
    const n = await t.call('notices.create', { meetingId: m.id, kind: 'identification', postedOn: '2026-11-29', place: '公示栏', objectionContact: '村委会' });
    return { c, noticeId: n.id };
  }

  it('refuses 入户核实 with one verifier', async () => {
    let c = await t.call('cases.open', { householdId, kind: 'identification' });
    c = await advance(t, c, 'apply', applyData('2026-11-29'));
    const before = auditCount();
    const err = await t.fail('cases.advance', { caseId: c.id, step: 'verify', data: verifyData('2026-11-29', ['赵镇干']) });
    expect(err.code).toBe('workflow_rule');
    expect(err.message).toContain('每组不少于 2 人');
    expect(auditCount()).toBe(before);
    expect((await t.call('cases.get', { id: c.id })).currentStep).toBe('verify');
  });

  it('refuses closing the 公示 before the period has run, and accepts it after', async () => {
    const { c, noticeId } = await toNotice();
    t.clock.set('2026-12-05T02:00:00.000Z');
    const err = await t.fail('cases.advance', { caseId: c.id, step: 'notice', data: { noticeId } });
    expect(err.code).toBe('workflow_rule');
    expect(err.message).toContain('公示期未满');
    expect(err.message).toContain('2026-12-07 起方可结束公示');
    t.clock.set('2026-12-07T02:00:00.000Z');
    expect((await advance(t, c, 'notice', { noticeId })).currentStep).toBe('townshipReview');
  });

  it('refuses 镇街审核 while an objection is unresolved', async () => {
    const { c, noticeId } = await toNotice();
    t.clock.set('2026-12-07T02:00:00.000Z');
    await advance(t, c, 'notice', { noticeId });
    // Raised after the 公示 step was recorded: the case is updated through updateObjections.
    const n = await t.call('notices.addObjection', { noticeId, caseId: c.id, date: '2026-12-06', objectionText: '该户儿子在县城有住房。' });
    expect(n.objections[0].resolved).toBe(false);
    const err = await t.fail('cases.advance', { caseId: c.id, step: 'townshipReview', data: { decision: 'pass', date: '2026-12-07', reviewer: '孙审核', opinion: '同意' } });
    expect(err.code).toBe('workflow_rule');
    expect(err.message).toContain('1 条异议未处理完毕');
    // A send-back by the reviewer is still possible.
    const back = await advance(t, c, 'townshipReview', { decision: 'sendBack', date: '2026-12-07', reviewer: '孙审核', sendBackTo: 'verify', reason: '请重新入户核实住房情况。' });
    expect(back.currentStep).toBe('verify');
    expect(back.state.history.at(-1)?.event).toBe('sentBack');
  });

  it('refuses a second open case of one kind, in the domain and in SQL', async () => {
    const first = await t.call('cases.open', { householdId, kind: 'identification' });
    const err = await t.fail('cases.open', { householdId, kind: 'identification' });
    expect(err.code).toBe('workflow_rule');
    expect(err.message).toContain('已有一个办理中的识别纳入案件');
    // The partial unique index holds even if a writer bypassed the domain.
    const db = t.backend.services.db;
    const row = db.prepare(`SELECT * FROM cases WHERE id = ?`).get(first.id) as Record<string, unknown>;
    expect(() => db.prepare(`INSERT INTO cases (id, kind, household_id, village_id, status, outcome, opened_on, state, created_at, updated_at) VALUES ('dup', 'identification', ?, ?, 'open', 'inProgress', ?, '{}', ?, ?)`).run(householdId, row.village_id, row.opened_on, row.created_at, row.created_at)).toThrow(/UNIQUE/);
  });

  it('refuses 风险消除 five months after identification, naming the date it may start', async () => {
    // Identified on 2026-12-08 (written as the county decision would leave it).
    t.backend.services.db.prepare(`UPDATE households SET status = 'monitoring', monitored_since = '2026-12-08', category = '边缘易致贫户' WHERE id = ?`).run(householdId);
    t.clock.set('2027-05-08T02:00:00.000Z');
    const preview = await t.call('cases.criteria', { householdId, mode: '帮扶消除' });
    const failed = preview.report!.results.filter((r) => !r.passed).map((r) => r.key);
    expect(failed).toEqual(['minMonths', 'income', 'security', 'measures']);
    expect(preview.report!.results.find((r) => r.key === 'income')?.explanation).toContain('尚无收入核算记录');

    writeEliminationFacts(t, householdId, '2027-05-01');
    const err = await t.fail('cases.open', { householdId, kind: 'elimination', mode: '帮扶消除' });
    expect(err.code).toBe('workflow_rule');
    expect(err.message).toContain('未满 6 个月');
    expect(err.message).toContain('2027-06-08 起方可启动风险消除');
    // A reason alone does not let a role without cases.override through (village clerk).
    await t.call('users.save', { username: 'cun1', displayName: '村文书', role: 'village', scope: { kind: 'villages', villageIds: [villageId] }, initialPassword: 'Cun-Passw0rd!' });
    const session = await t.loginAs('cun1', 'Cun-Passw0rd!');
    const denied = await t.fail('cases.open', { householdId, kind: 'elimination', override: { reason: '县里特批提前消除' } }, session);
    expect(denied.message).toContain('风险消除条件特批');
    // A permitted role may override with a reason; the override is kept on the case.
    const ok = await t.call('cases.open', { householdId, kind: 'elimination', override: { reason: '县里特批提前消除' } });
    expect(ok.state.kind === 'elimination' && ok.state.override?.failedKeys).toEqual(['minMonths']);
  });

  it('refuses an edit of locked minutes, and an addendum before locking', async () => {
    const c = await t.call('cases.open', { householdId, kind: 'identification' });
    const m = await saveMeeting(t, villageId, '2026-11-29', [{ caseId: c.id, proposal: '边缘易致贫户' }]);
    const early = await t.fail('meetings.addendum', { meetingId: m.id, date: '2026-11-29', text: '更正', reason: '笔误', signerIds: [m.meeting.attendees[0].id] });
    expect(early.message).toContain('尚未全部签字');
    const locked = await signAll(t, m);
    expect(locked.lockHash).toMatch(/^[0-9a-f]{64}$/);
    expect(locked.currentHash).toBe(locked.lockHash);
    const edit = {
      id: m.id,
      villageId,
      date: '2026-11-29',
      place: '村委会会议室',
      host: '张书记',
      recorder: '李会计',
      minutesText: '改过的内容',
      attendees: locked.meeting.attendees,
      items: [{ id: locked.meeting.items[0].id, caseId: c.id, proposal: '边缘易致贫户', votes: { agree: 2, disagree: 1, abstain: 0 }, outcome: 'pass' as const }],
    };
    const before = auditCount();
    const err = await t.fail('meetings.save', edit);
    expect(err.code).toBe('workflow_rule');
    expect(err.message).toContain('已全部签字并锁定，不能修改');
    expect(auditCount()).toBe(before);
    const after = await t.call('meetings.get', { id: m.id });
    expect(after.minutesText).toBe('逐户评议。');
    expect(after.currentHash).toBe(locked.lockHash);
  });
});
