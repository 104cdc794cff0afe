import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedVillage, startTestBackend, type TestBackend } from '../../support/backend';
import { addHousehold, count, markMonitored } from './support';

describe('结对帮扶干部: records, pairing periods, a cadre\'s own households', () => {
  let t: TestBackend;
  let a: string;
  let b: string;
  beforeEach(async () => {
    t = await startTestBackend();
    const { villageId } = await seedVillage(t);
    a = await addHousehold(t, villageId, '陈大山');
    b = await addHousehold(t, villageId, '刘小梅');
    markMonitored(t, a, '2026-09-01', ['因病']);
  });
  afterEach(() => t.close());

  it('pairs, refuses an overlapping pairing, ends a pairing and keeps its history', async () => {
    const cadre = await t.call('cadres.save', { name: '孙干部', unit: '县财政局', position: '副科长', phone: '139 0000 2222' });
    const renamed = await t.call('cadres.save', { id: cadre.id, rowVersion: cadre.rowVersion, name: '孙立新', unit: '县财政局', phone: '13900002222' });
    expect(renamed.rowVersion).toBe(2);
    expect((await t.fail('cadres.save', { id: cadre.id, rowVersion: 1, name: '孙' })).code).toBe('conflict');

    const pa = await t.call('cadres.assign', { cadreId: cadre.id, householdId: a, startDate: '2026-09-05' });
    await t.call('cadres.assign', { cadreId: cadre.id, householdId: b, startDate: '2026-10-01' });
    const overlap = await t.fail('cadres.assign', { cadreId: cadre.id, householdId: a, startDate: '2026-11-01' });
    expect(overlap.code).toBe('conflict');
    expect(overlap.message).toContain('时间段重叠');

    const mine = await t.call('cadres.assignments', { cadreId: cadre.id, activeOn: '2026-11-29' });
    expect(mine.map((x) => x.headName).sort()).toEqual(['刘小梅', '陈大山'].sort());
    expect((await t.call('cadres.list', {}))[0].householdCount).toBe(2);

    const ended = await t.call('cadres.unassign', { assignmentId: pa.id, endDate: '2026-11-15' });
    expect(ended.endDate).toBe('2026-11-15');
    expect((await t.fail('cadres.unassign', { assignmentId: pa.id, endDate: '2026-09-01' })).message).toContain('「结对结束日期」');
    expect((await t.call('cadres.assignments', { cadreId: cadre.id, activeOn: '2026-11-29' })).map((x) => x.headName)).toEqual(['刘小梅']);
    const history = await t.call('cadres.assignments', { householdId: a });
    expect(history).toEqual([expect.objectContaining({ cadreName: '孙立新', startDate: '2026-09-05', endDate: '2026-11-15' })]);
    // A re-pairing after the end date is allowed.
    await t.call('cadres.assign', { cadreId: cadre.id, householdId: a, startDate: '2026-11-20' });

    // November coverage counts the household under the cadre it was paired with in the month.
    const cov = await t.call('followups.coverage', { month: '2026-11', cadreId: cadre.id });
    expect(cov.households.rows.map((r) => r.headName)).toEqual(['陈大山']);
    expect(cov.households.rows[0].cadreNames).toEqual(['孙立新']);

    expect(count(t, `SELECT count(*) AS n FROM audit_log WHERE entity = 'cadreAssignment'`)).toBe(4);
    expect(count(t, `SELECT count(*) AS n FROM change_log WHERE entity = 'cadreAssignment'`)).toBe(4);
  });

  it('an inactive cadre gets no new households and is hidden unless asked for', async () => {
    const cadre = await t.call('cadres.save', { name: '吴干部', active: false });
    const refused = await t.fail('cadres.assign', { cadreId: cadre.id, householdId: a, startDate: '2026-11-01' });
    expect(refused.message).toContain('不在岗');
    expect(await t.call('cadres.list', {})).toEqual([]);
    expect((await t.call('cadres.list', { includeInactive: true })).map((c) => c.name)).toEqual(['吴干部']);
    expect((await t.fail('cadres.save', { name: '吴', phone: 'abc' })).message).toContain('「联系电话」');
  });
});
