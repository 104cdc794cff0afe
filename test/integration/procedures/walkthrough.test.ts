// One household from a 12317 lead to 县级审定 纳入, then, six months on, through 风险消除 and its 回退.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { advance, householdInput, saveMeeting, setup, signAll, uploadScan, verifyData, writeEliminationFacts } from './helpers';

const db = (t: TestBackend) => t.backend.services.db;
const count = (t: TestBackend, sql: string, ...p: unknown[]) => (db(t).prepare(sql).get(...p) as { n: number }).n;

describe('procedures: a 12317 lead through identification and elimination', () => {
  let t: TestBackend;
  beforeEach(async () => {
    t = await startTestBackend(); // 2026-11-29 10:00 China time
  });
  afterEach(() => t.close());

  it('walks lead → 识别纳入 → 监测中 → (6 months) 风险消除 → 回退', async () => {
    const { villageId, groupIds } = await setup(t);

    // 线索: hotline call for a household not yet registered; 48-hour contact due.
    const lead = await t.call('leads.create', {
      newHousehold: householdInput(villageId, groupIds[0]),
      channel: 'selfHotline',
      reporter: '王大山（户主本人）',
      receivedAt: '2026-11-29T09:00:00+08:00',
      summary: '户主务工受伤，三个月无收入。',
    });
    expect(lead.contactDueAt).toBe('2026-12-01T01:00:00.000Z');
    expect(lead.channelLabel).toBe('农户自主申报-12317热线');
    expect(lead.dueStatus).toBe('ok');
    const householdId = lead.householdId;

    const resolved = await t.call('leads.resolve', {
      leadId: lead.id,
      contact: { contactedAt: '2026-11-29T09:40:00+08:00', contactedBy: '村书记 张书记', siteVisited: true, findings: '情况属实，收入骤减。' },
      outcome: { kind: 'openCase' },
    });
    expect(resolved.lead.status).toBe('converted');
    expect(resolved.lead.late).toBe(false);
    const caseId = resolved.caseId!;

    let c = await t.call('cases.get', { id: caseId });
    expect(c.kind).toBe('identification');
    expect(c.currentStep).toBe('apply');
    expect(c.leadId).toBe(lead.id);

    c = await advance(t, c, 'apply', { date: '2026-11-29', applicantName: '王大山', receivedBy: '村委会 李会计', commitment: true, authorisation: true, mark: { signed: true, fingerprint: true, medium: 'paper' } });
    c = await advance(t, c, 'verify', verifyData('2026-11-29'));
    expect(c.currentStep).toBe('deliberate');

    // 民主评议: minutes with this case, signed by all three → locked → step data from the minutes.
    const meeting = await signAll(t, await saveMeeting(t, villageId, '2026-11-29', [{ caseId, proposal: '突发严重困难户' }]));
    expect(meeting.locked).toBe(true);
    c = await advance(t, c, 'deliberate', { meetingId: meeting.id });
    expect(c.state.steps.deliberate).toMatchObject({ meetingId: meeting.id, outcome: 'pass', votes: { agree: 3, disagree: 0, abstain: 0 } });

    // 公示 from the minutes: only 户主/村组/类别 posted.
    const notice = await t.call('notices.create', { meetingId: meeting.id, kind: 'identification', postedOn: '2026-11-29', place: '村委会公示栏', objectionContact: '村委会 0731-1234567' });
    expect(notice.notice.entries).toEqual([{ headName: '王大山', villageGroup: '一组', proposal: '突发严重困难户' }]);
    expect(notice.notice.endDate).toBe('2026-12-06');

    t.clock.set('2026-12-07T02:00:00.000Z');
    await t.call('notices.addObjection', { noticeId: notice.id, caseId, date: '2026-12-01', objectionText: '有村民反映该户有货车。', raisedBy: '匿名' });
    c = await advance(t, c, 'notice', { noticeId: notice.id });
    expect(c.state.steps.notice?.objections).toHaveLength(1);
    const objectionId = c.objections[0].id;
    await t.call('notices.resolveObjection', { objectionId, investigation: '经核实货车已于 2025 年变卖。', result: '异议不成立。' });
    c = await t.call('cases.get', { id: caseId });
    expect(c.state.steps.notice?.objections[0].resolved).toBe(true);

    c = await advance(t, c, 'townshipReview', { decision: 'pass', date: '2026-12-07', reviewer: '孙审核', opinion: '程序规范，同意上报。' });
    t.clock.set('2026-12-08T02:00:00.000Z');
    c = await advance(t, c, 'countyDecision', { decision: 'approve', date: '2026-12-08', category: '突发严重困难户', risks: ['因意外事故'], docNumber: '某乡振〔2026〕9号' });
    expect(c.status).toBe('closed');
    expect(c.outcome).toBe('approved');

    let h = await t.call('households.get', { id: householdId });
    expect(h.status).toBe('monitoring');
    expect(h.category).toBe('突发严重困难户');
    expect(h.riskTypes).toEqual(['因意外事故']);
    expect(h.monitoredSince).toBe('2026-12-08');
    expect(h.colour).toBe('orange');

    // Timeline mirrored in case_steps; every act audited and in the change log.
    expect(count(t, `SELECT count(*) AS n FROM case_steps WHERE case_id = ?`, caseId)).toBe(c.state.history.length);
    expect(count(t, `SELECT count(*) AS n FROM audit_log WHERE entity = 'case' AND entity_id = ?`, caseId)).toBeGreaterThanOrEqual(8);
    expect(count(t, `SELECT count(*) AS n FROM change_log WHERE entity = 'case' AND entity_id = ?`, caseId)).toBeGreaterThanOrEqual(8);
    expect(count(t, `SELECT count(*) AS n FROM audit_log WHERE entity = 'household' AND household_id = ? AND summary LIKE '县级审定纳入监测%'`, householdId)).toBe(1);

    // Six months on: facts recorded, criteria pass, 风险消除.
    t.clock.set('2027-06-10T02:00:00.000Z');
    writeEliminationFacts(t, householdId, '2027-06-01');
    const preview = await t.call('cases.criteria', { householdId, mode: '帮扶消除' });
    expect(preview.report?.allPassed).toBe(true);

    let e = await t.call('cases.open', { householdId, kind: 'elimination', mode: '帮扶消除' });
    expect(e.state.kind === 'elimination' && e.state.identifiedOn).toBe('2026-12-08');
    e = await advance(t, e, 'propose', { date: '2027-06-10', proposedBy: '村两委', mode: '帮扶消除', basis: '收入稳定高于监测范围，风险已消除。' });
    e = await advance(t, e, 'verify', verifyData('2027-06-10'));
    const m2 = await saveMeeting(t, villageId, '2027-06-10', [{ caseId: e.id }]);
    expect(m2.meeting.items[0].proposal).toBe('帮扶消除');
    // Two sign on the pad, one on paper (scan of the signed page).
    await t.call('meetings.sign', { meetingId: m2.id, attendeeId: m2.meeting.attendees[0].id, signature: { kind: 'paper', scanToken: uploadScan(t) } });
    const signed2 = await signAll(t, { ...m2, meeting: { ...m2.meeting, attendees: m2.meeting.attendees.slice(1) } });
    expect(signed2.locked).toBe(true);
    e = await advance(t, e, 'deliberate', { meetingId: m2.id });
    const n2 = await t.call('notices.create', { meetingId: m2.id, kind: 'elimination', postedOn: '2027-06-10', place: '村委会公示栏', objectionContact: '村委会' });
    expect(n2.notice.title).toContain('拟消除风险');
    t.clock.set('2027-06-18T02:00:00.000Z');
    e = await advance(t, e, 'notice', { noticeId: n2.id });
    e = await advance(t, e, 'townshipReview', { decision: 'pass', date: '2027-06-18', reviewer: '孙审核', opinion: '同意消除。' });
    e = await advance(t, e, 'countyDecision', { decision: 'eliminate', date: '2027-06-18', mode: '帮扶消除' }, { colour: 'blue' });
    expect(e.outcome).toBe('eliminated');
    h = await t.call('households.get', { id: householdId });
    expect(h.status).toBe('eliminated');
    expect(h.colour).toBe('blue');
    expect(h.monitoredSince).toBe('2026-12-08');

    // 回退: the household is monitored again; a new elimination case may follow later.
    e = await t.call('cases.revert', { caseId: e.id, date: '2027-06-18', reason: '户主旧伤复发，收入不稳定。' });
    expect(e.outcome).toBe('reverted');
    h = await t.call('households.get', { id: householdId });
    expect(h.status).toBe('monitoring');

    const list = await t.call('cases.list', { filter: { householdId, status: 'all' } });
    expect(list.rows.map((r) => r.outcome).sort()).toEqual(['approved', 'reverted']);
  });
});
