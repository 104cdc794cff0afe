import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { IDS, seedHousehold } from './fixtures';

describe('members.list: the 人员名册', () => {
  let t: TestBackend;
  beforeEach(async () => {
    t = await startTestBackend();
  });
  afterEach(() => t.close());

  async function twoVillages() {
    const first = await seedHousehold(t);
    const village = await t.call('divisions.save', { level: 'village', name: '绿水村', parentId: first.townshipId });
    const second = { villageId: village.id };
    const other = await t.call('households.save', {
      villageId: second.villageId,
      householdType: '一般农户',
      members: [
        { name: '王大山', idNumber: IDS.other, relation: '户主', health: '残疾', disabilityGrade: '二级', labourSkill: '丧失劳动力', phone: '13912345678' },
        { name: '王奶奶', idNumber: IDS.grandma, relation: '之母', health: '患有大病', labourSkill: '无劳动力' },
      ],
    });
    return { first, second, other };
  }

  it('lists current members in register order and filters by village, health, labour and age', async () => {
    const { first, second } = await twoVillages();
    const all = await t.call('members.list', {});
    expect(all.total).toBe(5);
    const byVillage = await t.call('members.list', { filter: { villageId: second.villageId } });
    expect(byVillage.rows.map((r) => r.name).sort()).toEqual(['王大山', '王奶奶']);
    expect(byVillage.rows[0].villageName).toBe('绿水村');
    const ill = await t.call('members.list', { filter: { health: '患有大病' } });
    expect(ill.rows.map((r) => r.name)).toEqual(['王奶奶']);
    const noLabour = await t.call('members.list', { filter: { labourSkill: '丧失劳动力' } });
    expect(noLabour.rows.map((r) => r.name)).toEqual(['王大山']);
    // 张小明 born 2015-09-10 is 11 on 2026-11-29; the adults are 46–81.
    const children = await t.call('members.list', { filter: { ageFrom: 6, ageTo: 16 } });
    expect(children.rows.map((r) => [r.name, r.age])).toEqual([['张小明', 11]]);
    const elderly = await t.call('members.list', { filter: { ageFrom: 80 } });
    expect(elderly.rows.map((r) => r.name)).toEqual(['王奶奶']);
    const inSchool = await t.call('members.list', { filter: { schoolStage: '小学', villageId: first.villageId } });
    expect(inSchool.total).toBe(1);
    const notInSchool = await t.call('members.list', { filter: { schoolStage: '__none__' } });
    expect(notInSchool.total).toBe(4);
  });

  it('searches by name, pinyin initials, ID prefix and phone, and pages in SQL', async () => {
    await twoVillages();
    expect((await t.call('members.list', { filter: { search: '王' } })).total).toBe(2);
    expect((await t.call('members.list', { filter: { search: 'zxm' } })).rows.map((r) => r.name)).toEqual(['张小明']);
    expect((await t.call('members.list', { filter: { search: IDS.wife.slice(0, 14) } })).rows.map((r) => r.name)).toEqual(['李秀英']);
    expect((await t.call('members.list', { filter: { search: '1391234' } })).rows.map((r) => r.name)).toEqual(['王大山']);
    const page = await t.call('members.list', { sort: [{ colId: 'age', sort: 'asc' }], startRow: 1, endRow: 3 });
    expect(page.total).toBe(5);
    expect(page.rows.map((r) => r.name)).toEqual(['王大山', '李秀英']); // ages 11, 46, 54, 56, 81
  });

  it('flags students whose grade was not confirmed this school year and can include former members', async () => {
    const { first } = await twoVillages();
    const unconfirmed = await t.call('members.list', { filter: { gradeUnconfirmed: true } });
    expect(unconfirmed.rows.map((r) => [r.name, r.gradeUnconfirmed])).toEqual([['张小明', true]]);
    const head = first.household.members.find((m) => m.isHead)!;
    const wife = first.household.members.find((m) => m.relation === '配偶')!;
    await t.call('householdEvents.record', { kind: 'death', householdId: first.household.id, date: '2026-05-01', memberIds: [head.id], newHeadMemberId: wife.id });
    expect((await t.call('members.list', { filter: { search: '张三丰' } })).total).toBe(0);
    const withFormer = await t.call('members.list', { filter: { search: '张三丰', includeFormer: true } });
    expect(withFormer.rows[0]).toMatchObject({ leftAt: '2026-05-01', leftReason: '死亡' });
  });

  it('masks ID numbers and phones for a viewer, keeps village users to their villages, refuses bad ranges in Chinese', async () => {
    const { second } = await twoVillages();
    const viewer = { ...t.admin, role: 'viewer' as const };
    const masked = await t.call('members.list', { filter: { search: '王大山' } }, viewer);
    expect(masked.rows[0].idNumber).toBe(`${IDS.other.slice(0, 4)}**********${IDS.other.slice(14)}`);
    expect(masked.rows[0].phone).toBe('139****5678');
    const full = await t.call('members.list', { filter: { search: '王大山' } });
    expect(full.rows[0].idNumber).toBe(IDS.other);
    const villager = { ...t.admin, role: 'village' as const, scope: { kind: 'villages' as const, villageIds: [second.villageId] } };
    expect((await t.call('members.list', {}, villager)).total).toBe(2);
    const err = await t.fail('members.list', { filter: { ageFrom: 20, ageTo: 10 } });
    expect(err.code).toBe('validation');
    expect(err.message).toContain('截止年龄');
    const bad = await t.fail('members.list', { filter: { ageFrom: -1 } });
    expect(bad.message).toContain('起始年龄');
  });
});
