import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { makeIdNumber } from '../../../shared/domain/idCard';
import { count, seedHousehold } from './fixtures';

describe('members.previewSchoolYear / advanceSchoolYear: 年级升级 with review', () => {
  let t: TestBackend;
  beforeEach(async () => {
    t = await startTestBackend();
  });
  afterEach(() => t.close());

  it('proposes next grades for students not confirmed this school year, then confirms them with audit', async () => {
    const { household } = await seedHousehold(t);
    // A second student who finished 初中 last school year: the clerk must decide where she went.
    await t.call('householdEvents.record', {
      kind: 'moveIn',
      householdId: household.id,
      date: '2026-03-01',
      member: { name: '张小红', idNumber: makeIdNumber('620523', '20100505', '082'), relation: '之女', schoolStage: '初中', schoolGrade: 3, schoolYearConfirmed: '2025' },
    });
    const preview = await t.call('members.previewSchoolYear', {});
    expect(preview.schoolYear).toBe('2026');
    expect(preview.schoolYearLabel).toBe('2026–2027学年');
    const child = preview.items.find((i) => i.name === '张小明')!;
    expect(child).toMatchObject({ currentStage: '小学', currentGrade: 5, proposedStage: '小学', proposedGrade: 6, needsDecision: false });
    const girl = preview.items.find((i) => i.name === '张小红')!;
    expect(girl).toMatchObject({ proposedStage: null, proposedGrade: null, needsDecision: true });

    const r = await t.call('members.advanceSchoolYear', {
      schoolYear: '2026',
      items: [
        { memberId: child.memberId, rowVersion: child.rowVersion, stage: '小学', grade: 6 },
        { memberId: girl.memberId, rowVersion: girl.rowVersion, stage: '普通高中', grade: 1 },
      ],
    });
    expect(r.updated).toBe(2);
    const after = await t.call('households.get', { id: household.id });
    expect(after.members.find((m) => m.name === '张小明')).toMatchObject({ schoolGrade: 6, schoolYearConfirmed: '2026' });
    expect((await t.call('members.previewSchoolYear', {})).items).toHaveLength(0);
    expect((await t.call('members.list', { filter: { gradeUnconfirmed: true } })).total).toBe(0);
    expect(count(t, `SELECT count(*) AS n FROM audit_log WHERE entity = 'member' AND entity_id = ? AND summary LIKE '年级升级%小学5年级 → 小学6年级'`, child.memberId)).toBe(1);
  });

  it('refuses a grade beyond the stage, a stale row and another school year, naming the field', async () => {
    const { household } = await seedHousehold(t);
    const child = (await t.call('members.previewSchoolYear', {})).items[0];
    const tooHigh = await t.fail('members.advanceSchoolYear', { schoolYear: '2026', items: [{ memberId: child.memberId, rowVersion: child.rowVersion, stage: '小学', grade: 7 }] });
    expect(tooHigh.code).toBe('validation');
    expect(tooHigh.message).toContain('小学只有 6 个年级');
    const outOfSchool = await t.fail('members.advanceSchoolYear', { schoolYear: '2026', items: [{ memberId: child.memberId, rowVersion: child.rowVersion, stage: null, grade: null }] });
    expect(outOfSchool.message).toContain('未上学原因');
    const wrongYear = await t.fail('members.advanceSchoolYear', { schoolYear: '2025', items: [{ memberId: child.memberId, rowVersion: child.rowVersion, stage: '小学', grade: 6 }] });
    expect(wrongYear.message).toContain('2026–2027学年');
    const stale = await t.fail('members.advanceSchoolYear', { schoolYear: '2026', items: [{ memberId: child.memberId, rowVersion: child.rowVersion + 5, stage: '小学', grade: 6 }] });
    expect(stale.code).toBe('conflict');
    expect(stale.message).toContain('张小明');
    const unchanged = await t.call('households.get', { id: household.id });
    expect(unchanged.members.find((m) => m.name === '张小明')!.schoolGrade).toBe(5);
  });

  it('a school year starts on 1 September China time', async () => {
    t.clock.set('2027-08-31T15:59:00Z'); // 2027-08-31 23:59 in China: still 2026–2027
    await seedHousehold(t);
    expect((await t.call('members.previewSchoolYear', {})).schoolYear).toBe('2026');
    t.clock.set('2027-08-31T16:00:00Z'); // 2027-09-01 00:00 in China
    const next = await t.call('members.previewSchoolYear', {});
    expect(next.schoolYear).toBe('2027');
    // Confirmed for 2025, two school years ago: advanced twice, 小学5 → 初中1.
    expect(next.items[0]).toMatchObject({ proposedStage: '初中', proposedGrade: 1 });
  });
});
