import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { count, seedHousehold } from './fixtures';

const yuan = (n: number) => Math.round(n * 100);
// 20,000 + 3,000 − 1,000 = 22,000 元 net; 救灾款 is recorded but not counted under the seed profile.
const ITEMS = [
  { key: 'migrantWork', amountFen: yuan(20000), note: '张三丰在兰州务工 10 个月' },
  { key: 'planting', amountFen: yuan(3000) },
  { key: 'plantingCost', amountFen: yuan(1000), note: '化肥种子' },
  { key: 'disasterRelief', amountFen: yuan(5000), note: '2026 年 7 月洪灾' },
];

describe('income.get / income.save: 收入核算', () => {
  let t: TestBackend;
  beforeEach(async () => {
    t = await startTestBackend();
  });
  afterEach(() => t.close());

  it('computes and stores totals, per-capita net income against the year lines, exclusions and warnings', async () => {
    const { household } = await seedHousehold(t);
    const a = await t.call('income.save', { householdId: household.id, date: '2026-11-29', items: ITEMS, accountant: '王会计' });
    expect(a).toMatchObject({ windowFrom: '2025-11-29', windowTo: '2026-11-28', lineYear: 2026, divisor: 3, membersAtWindowEnd: 3 });
    expect(a.groupTotalsFen.wage).toBe(yuan(20000));
    expect(a.groupTotalsFen.transfer).toBe(0);
    expect(a.netIncomeFen).toBe(yuan(22000));
    expect(a.perCapitaFen).toBe(733333); // 22,000 ÷ 3 = 7,333.33 元
    expect(a.comparison).toBe('belowMonitoring');
    expect(a.gapToMonitoringFen).toBe(yuan(8600) - 733333);
    const relief = a.items.find((i) => i.key === 'disasterRelief')!;
    expect(relief).toMatchObject({ counted: false, label: '救灾款', note: '2026 年 7 月洪灾' });
    // 3 亩耕地 but no 地力补贴: the supervision report's fault, flagged.
    expect(a.warnings.map((w) => w.code)).toEqual(['noFarmlandSubsidy']);
    expect(a.warnings[0].message).toContain('3 亩');

    const ctx = await t.call('income.get', { householdId: household.id, date: '2026-11-29' });
    expect(ctx.account?.id).toBe(a.id);
    expect(ctx.sizeAtWindowEnd).toBe(3);
    expect(ctx.accounts.map((s) => s.perCapitaFen)).toEqual([733333]);
    expect(count(t, `SELECT count(*) AS n FROM audit_log WHERE entity = 'income_account' AND action = 'create' AND household_id = ?`, household.id)).toBe(1);
    expect(count(t, `SELECT count(*) AS n FROM change_log WHERE entity = 'income_account' AND entity_id = ?`, a.id)).toBe(1);
  });

  it('saving the same window again edits it (audited per line), with an optimistic lock and confirmed warnings', async () => {
    const { household } = await seedHousehold(t);
    const first = await t.call('income.save', { householdId: household.id, date: '2026-11-29', items: ITEMS });
    const items = [...ITEMS, { key: 'farmlandSubsidy', amountFen: yuan(360) }];
    const second = await t.call('income.save', { householdId: household.id, date: '2026-11-29', items, rowVersion: first.rowVersion });
    expect(second.id).toBe(first.id);
    expect(second.rowVersion).toBe(first.rowVersion + 1);
    expect(second.warnings).toEqual([]);
    expect(second.groupTotalsFen.transfer).toBe(yuan(360));
    const audit = t.backend.services.db.prepare(`SELECT changes FROM audit_log WHERE entity = 'income_account' AND action = 'update'`).get() as { changes: string };
    const changes = JSON.parse(audit.changes) as { label: string; new: string }[];
    expect(changes.find((c) => c.label === '耕地地力保护补贴（地力补贴）')?.new).toBe('360.00 元');
    const stale = await t.fail('income.save', { householdId: household.id, date: '2026-11-29', items, rowVersion: first.rowVersion });
    expect(stale.code).toBe('conflict');

    const confirmed = await t.call('income.save', { householdId: household.id, date: '2026-11-29', items: ITEMS, confirmedWarnings: ['noFarmlandSubsidy'] });
    expect(confirmed.warnings).toEqual([expect.objectContaining({ code: 'noFarmlandSubsidy', confirmed: true })]);
  });

  it('refuses unknown and repeated items, an unexplained divisor, a future date and a viewer, in Chinese', async () => {
    const { household } = await seedHousehold(t);
    const unknown = await t.fail('income.save', { householdId: household.id, date: '2026-11-29', items: [{ key: 'lottery', amountFen: 100 }] });
    expect(unknown.code).toBe('validation');
    expect(unknown.message).toContain('lottery');
    const twice = await t.fail('income.save', { householdId: household.id, date: '2026-11-29', items: [ITEMS[0], ITEMS[0]] });
    expect(twice.message).toContain('填写了两次');
    const divisor = await t.fail('income.save', { householdId: household.id, date: '2026-11-29', items: ITEMS, divisor: 4 });
    expect(divisor.message).toContain('人口数调整原因');
    const negative = await t.fail('income.save', { householdId: household.id, date: '2026-11-29', items: [{ key: 'planting', amountFen: -5 }] });
    expect(negative.message).toContain('金额');
    const future = await t.fail('income.save', { householdId: household.id, date: '2026-12-01', items: ITEMS });
    expect(future.message).toContain('核算日期');
    const viewer = await t.fail('income.save', { householdId: household.id, date: '2026-11-29', items: ITEMS }, { ...t.admin, role: 'viewer' });
    expect(viewer.code).toBe('permission');
    expect(count(t, `SELECT count(*) AS n FROM income_accounts`)).toBe(0);

    const explained = await t.call('income.save', { householdId: household.id, date: '2026-11-29', items: ITEMS, divisor: 4, divisorReason: '儿媳常住未迁户口' });
    expect(explained).toMatchObject({ divisor: 4, divisorOverridden: true, perCapitaFen: yuan(5500) });
    expect(explained.warnings.map((w) => w.code)).toContain('divisorMismatch');
  });

  it('the divisor follows the event date: a death inside the window recomputes, a birth after it does not', async () => {
    const { household } = await seedHousehold(t);
    const earlier = await t.call('income.save', { householdId: household.id, date: '2026-06-01', items: ITEMS });
    const current = await t.call('income.save', { householdId: household.id, date: '2026-11-29', items: ITEMS });
    expect([earlier.divisor, current.divisor]).toEqual([3, 3]);
    // Opening the tab without a date shows the latest window, not an empty "today" window.
    const opened = await t.call('income.get', { householdId: household.id });
    expect(opened).toMatchObject({ today: '2026-11-29', accountedOn: '2026-11-29' });
    expect(opened.account?.id).toBe(current.id);
    expect(opened.accounts.map((a) => a.id)).toEqual([current.id, earlier.id]);

    const head = household.members.find((m) => m.isHead)!;
    const wife = household.members.find((m) => m.relation === '配偶')!;
    const death = await t.call('householdEvents.record', { kind: 'death', householdId: household.id, date: '2026-06-30', memberIds: [head.id], newHeadMemberId: wife.id });
    // Only the window ending 2026-11-28 contains the death; 22,000 ÷ 2 = 11,000 元 ≥ 8,600 元.
    expect(death.incomeRecomputed).toHaveLength(1);
    expect(death.incomeRecomputed[0]).toMatchObject({ accountId: current.id, oldDivisor: 3, newDivisor: 2, newPerCapitaFen: yuan(11000), oldComparison: 'belowMonitoring', newComparison: 'atOrAboveMonitoring' });
    expect(death.incomeRecomputed[0].message).toContain('请复核评级');
    const reread = await t.call('income.get', { householdId: household.id, accountId: current.id });
    expect(reread.account).toMatchObject({ divisor: 2, membersAtWindowEnd: 2, perCapitaFen: yuan(11000) });
    expect(reread.sizeChanges).toEqual([{ date: '2026-06-30', name: '张三丰', delta: -1 }]);
    const untouched = await t.call('income.get', { householdId: household.id, accountId: earlier.id });
    expect(untouched.account?.divisor).toBe(3);

    const birth = await t.call('householdEvents.record', { kind: 'birth', householdId: household.id, date: '2026-11-29', member: { name: '张小宝', relation: '之子' } });
    expect(birth.incomeRecomputed).toEqual([]);
    expect(count(t, `SELECT count(*) AS n FROM audit_log WHERE entity = 'income_account' AND summary LIKE '人口变动后重算%'`)).toBe(1);
  });
});
