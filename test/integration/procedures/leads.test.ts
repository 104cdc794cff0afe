// 线索: the 48-hour contact clock in the worklist, 不予纳入 with 解释沟通, channels from the profile,
// village scope.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../../shared/domain/idCard';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { householdInput, setup } from './helpers';

describe('procedures: leads', () => {
  let t: TestBackend;
  let villageId: string;
  let townshipId: string;
  let householdId: string;
  beforeEach(async () => {
    t = await startTestBackend(); // Sunday 2026-11-29 10:00 China time
    const s = await setup(t);
    villageId = s.villageId;
    townshipId = s.townshipId;
    householdId = (await t.call('households.save', householdInput(villageId, s.groupIds[0]))).id;
  });
  afterEach(() => t.close());

  const create = (receivedAt = '2026-11-29T09:00:00+08:00') =>
    t.call('leads.create', { householdId, channel: 'cadreVisit', reporter: '帮扶干部 钱队员', receivedAt, summary: '家中老人住院，自付费用高。' });

  it('colours the 48-hour contact due: ok, then yellow within a working day, then orange', async () => {
    const lead = await create();
    const row = async () => (await t.call('leads.list', { filter: { status: 'open' } })).rows.find((r) => r.id === lead.id)!;
    expect((await row()).dueStatus).toBe('ok');
    t.clock.advanceHours(24); // Monday 10:00; due Tuesday 09:00 = next working day
    expect((await row()).dueStatus).toBe('dueSoon');
    const soon = await t.call('leads.list', { filter: { due: 'dueSoon' } });
    expect(soon.rows.map((r) => r.id)).toEqual([lead.id]);
    t.clock.advanceHours(24); // Tuesday 10:00, one hour late
    expect((await row()).dueStatus).toBe('overdue');
    const overdue = await t.call('leads.list', { filter: { due: 'overdue' } });
    expect(overdue.counts.overdue).toBe(1);
    // A late contact is recorded as late, not refused.
    const contacted = await t.call('leads.contact', { leadId: lead.id, contactedAt: '2026-12-01T09:30:00+08:00', contactedBy: '张书记', siteVisited: true, findings: '住院属实。' });
    expect(contacted.late).toBe(true);
    expect(contacted.dueStatus).toBeNull();
  });

  it('closes a lead as not eligible only after the visit and with 解释沟通', async () => {
    const lead = await create();
    const tooEarly = await t.fail('leads.resolve', { leadId: lead.id, outcome: { kind: 'notEligible', date: '2026-11-29', reason: '收入高于监测范围', explained: true } });
    expect(tooEarly.message).toContain('须先上门核实');
    const contact = { contactedAt: '2026-11-29T09:30:00+08:00', contactedBy: '张书记', siteVisited: true, findings: '年人均纯收入约 1.5 万元。' };
    const noExplain = await t.fail('leads.resolve', { leadId: lead.id, contact, outcome: { kind: 'notEligible', date: '2026-11-29', reason: '收入高于监测范围', explained: false } });
    expect(noExplain.message).toContain('解释沟通');
    const r = await t.call('leads.resolve', { leadId: lead.id, contact, outcome: { kind: 'notEligible', date: '2026-11-29', reason: '收入高于监测范围', explained: true, writtenNoticeGiven: true } });
    expect(r.caseId).toBeNull();
    expect(r.lead.status).toBe('closedNotEligible');
    expect(r.lead.state.closure?.writtenNoticeRef).toBe('纸质告知书（已送达）');
    const cases = await t.call('cases.list', { filter: { householdId, status: 'all' } });
    expect(cases.total).toBe(0);
  });

  it('refuses a channel the profile does not list, and an instant without a time zone', async () => {
    const err = await t.fail('leads.create', { householdId, channel: 'wechat', reporter: '某人', receivedAt: '2026-11-29T09:00:00+08:00', summary: '困难' });
    expect(err.code).toBe('validation');
    expect(err.message).toContain('发现途径');
    const tz = await t.fail('leads.create', { householdId, channel: 'selfVillage', reporter: '某人', receivedAt: '2026-11-29T09:00:00', summary: '困难' });
    expect(tz.code).toBe('validation');
  });

  it('keeps a village account to its own villages', async () => {
    const other = await t.call('divisions.save', { level: 'village', name: '绿水村', parentId: townshipId });
    const outside = await t.call('households.save', householdInput(other.id, null, '李四', [makeIdNumber('430121', '19800101', '033'), makeIdNumber('430121', '19820101', '044')]));
    await create();
    await t.call('users.save', { username: 'cun2', displayName: '青山村文书', role: 'village', scope: { kind: 'villages', villageIds: [villageId] }, initialPassword: 'Cun-Passw0rd!' });
    const session = await t.loginAs('cun2', 'Cun-Passw0rd!');
    const mine = await t.call('leads.list', { filter: {} }, session);
    expect(mine.total).toBe(1);
    const err = await t.fail('leads.create', { householdId: outside.id, channel: 'selfVillage', reporter: '李四', receivedAt: '2026-11-29T09:00:00+08:00', summary: '困难' }, session);
    expect(err.code).toBe('permission');
  });
});
