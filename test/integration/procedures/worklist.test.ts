// The case worklist: the open step's due date, yellow within one working day, orange once overdue,
// filters; the 绿色通道 for red households only; withdrawal.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { householdInput, setup } from './helpers';

const applyData = { date: '2026-11-29', applicantName: '王大山', receivedBy: '李会计', commitment: true, authorisation: true, mark: { signed: true, fingerprint: false, medium: 'paper' } };

describe('procedures: case worklist', () => {
  let t: TestBackend;
  let villageId: string;
  let householdId: string;
  beforeEach(async () => {
    t = await startTestBackend(); // Sunday 2026-11-29
    const s = await setup(t);
    villageId = s.villageId;
    householdId = (await t.call('households.save', householdInput(villageId, s.groupIds[0]))).id;
  });
  afterEach(() => t.close());

  it('shows the open step with its due date and colours it as the clock moves', async () => {
    const c = await t.call('cases.open', { householdId, kind: 'identification' });
    expect(c.stepDue).toBeNull(); // the profile sets no limit for 提交申请
    expect(c.wholeDue).toBe('2026-12-18'); // 15 working days
    await t.call('cases.advance', { caseId: c.id, step: 'apply', data: applyData });
    const row = async () => (await t.call('cases.list', { filter: { kind: 'identification', step: 'verify', villageId } })).rows[0];
    expect(await row()).toMatchObject({ currentStep: 'verify', currentStepLabel: '入户核实', stepDue: '2026-12-01', nextDue: '2026-12-01', dueStatus: 'ok' });
    t.clock.advanceHours(24); // Monday: due Tuesday = within 1 working day
    expect((await row()).dueStatus).toBe('dueSoon');
    expect((await t.call('cases.list', { filter: { due: 'dueSoon' } })).total).toBe(1);
    expect((await t.call('cases.list', { filter: { due: 'overdue' } })).total).toBe(0);
    t.clock.advanceHours(48); // Wednesday
    expect((await row()).dueStatus).toBe('overdue');
    expect((await t.call('cases.list', { filter: { due: 'overdue' } })).total).toBe(1);
    expect((await t.call('cases.list', { filter: { kind: 'elimination' } })).total).toBe(0);
    expect((await t.call('cases.list', { filter: { step: 'notice' } })).total).toBe(0);
  });

  it('opens the 绿色通道 only for a household graded red, from its own grade', async () => {
    const c = await t.call('cases.open', { householdId, kind: 'identification' });
    const input = { caseId: c.id, reason: '户主突发重病，先行临时救助。', assistanceStartedOn: '2026-11-29' };
    expect((await t.fail('cases.greenChannel', input)).message).toContain('尚未评定风险等级');
    const db = t.backend.services.db;
    db.prepare(`UPDATE households SET colour = 'orange' WHERE id = ?`).run(householdId);
    expect((await t.fail('cases.greenChannel', input)).message).toContain('仅适用于红色');
    db.prepare(`UPDATE households SET colour = 'red' WHERE id = ?`).run(householdId);
    const green = await t.call('cases.greenChannel', input);
    expect(green.greenChannel).toBe(true);
    expect(green.greenDue).toBe('2026-12-18');
  });

  it('opens a 风险再标注 for a household whose risk was eliminated, and refuses 识别纳入 for one already monitored', async () => {
    const db = t.backend.services.db;
    db.prepare(`UPDATE households SET status = 'monitoring', monitored_since = '2026-01-05' WHERE id = ?`).run(householdId);
    const monitored = await t.fail('cases.open', { householdId, kind: 'identification' });
    expect(monitored.message).toContain('不能发起识别纳入');
    db.prepare(`UPDATE households SET status = 'eliminated' WHERE id = ?`).run(householdId);
    const blocked = await t.call('cases.criteria', { householdId, mode: '帮扶消除' });
    expect(blocked.report).toBeNull();
    expect(blocked.blocker).toContain('风险已消除');
    const remark = await t.call('cases.open', { householdId, kind: 'identification' });
    expect(remark.remark).toBe(true);
    const audit = db.prepare(`SELECT summary FROM audit_log WHERE entity = 'case' AND entity_id = ?`).get(remark.id) as { summary: string };
    expect(audit.summary).toContain('风险再标注');
  });

  it('withdraws an open case with a reason, after which a new one may be opened', async () => {
    const c = await t.call('cases.open', { householdId, kind: 'identification' });
    const stale = await t.fail('cases.withdraw', { caseId: c.id, rowVersion: c.rowVersion + 1, reason: '误发起' });
    expect(stale.code).toBe('conflict');
    const w = await t.call('cases.withdraw', { caseId: c.id, rowVersion: c.rowVersion, reason: '误发起' });
    expect(w).toMatchObject({ status: 'closed', outcome: 'withdrawn', outcomeLabel: '已撤销', dueStatus: null });
    const again = await t.call('cases.open', { householdId, kind: 'identification' });
    expect(again.id).not.toBe(c.id);
  });
});
