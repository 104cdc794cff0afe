import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { count, IDS, seedHousehold } from './fixtures';

describe('householdEvents: 自然变更 keep history', () => {
  let t: TestBackend;
  beforeEach(async () => {
    t = await startTestBackend();
  });
  afterEach(() => t.close());

  it('records a birth as a new member joined on the event date, with audit and change log', async () => {
    const { household } = await seedHousehold(t);
    const r = await t.call('householdEvents.record', {
      kind: 'birth',
      householdId: household.id,
      date: '2026-11-01',
      member: { name: '张小宝', idNumber: IDS.newborn, relation: '之孙子' },
    });
    const baby = r.household.members.find((m) => m.name === '张小宝')!;
    expect(baby.joinedAt).toBe('2026-11-01');
    expect(baby.birthDate).toBe('2026-11-01');
    expect(baby.sex).toBe('男');
    expect(r.household.memberCount).toBe(4);
    expect(r.event.kindLabel).toBe('出生');
    expect(r.event.members.map((m) => m.name)).toEqual(['张小宝']);

    const list = await t.call('householdEvents.list', { householdId: household.id });
    expect(list.events.map((e) => e.kind)).toEqual(['birth']);
    expect(count(t, `SELECT count(*) AS n FROM audit_log WHERE entity = 'household_event' AND household_id = ?`, household.id)).toBe(1);
    expect(count(t, `SELECT count(*) AS n FROM audit_log WHERE entity = 'member' AND action = 'create' AND entity_id = ?`, baby.id)).toBe(1);
    expect(count(t, `SELECT count(*) AS n FROM change_log WHERE entity = 'household_event' AND entity_id = ?`, r.event.id)).toBe(1);
  });

  it('refuses a birth whose ID-number birth date differs from the event date, naming the field', async () => {
    const { household } = await seedHousehold(t);
    const err = await t.fail('householdEvents.record', { kind: 'birth', householdId: household.id, date: '2026-11-02', member: { name: '张小宝', idNumber: IDS.newborn, relation: '之孙子' } });
    expect(err.code).toBe('validation');
    expect(err.message).toContain('出生日期为 2026-11-01');
    expect(count(t, `SELECT count(*) AS n FROM household_events`)).toBe(0);
  });

  it('a death keeps the person as a former member and requires a new 户主 when the head dies', async () => {
    const { household } = await seedHousehold(t);
    const head = household.members.find((m) => m.isHead)!;
    const wife = household.members.find((m) => m.relation === '配偶')!;
    const child = household.members.find((m) => m.relation === '之子')!;
    const noHead = await t.fail('householdEvents.record', { kind: 'death', householdId: household.id, date: '2026-06-30', memberIds: [head.id] });
    expect(noHead.code).toBe('validation');
    expect(noHead.message).toContain('新户主');

    const r = await t.call('householdEvents.record', {
      kind: 'death',
      householdId: household.id,
      date: '2026-06-30',
      memberIds: [head.id],
      newHeadMemberId: wife.id,
      relationChanges: [{ memberId: child.id, relation: '之子' }],
    });
    expect(r.household.headName).toBe('李秀英');
    expect(r.household.memberCount).toBe(2);
    expect(r.household.members.find((m) => m.id === wife.id)!.relation).toBe('户主');
    const former = r.household.formerMembers.find((m) => m.id === head.id)!;
    expect(former).toMatchObject({ leftAt: '2026-06-30', leftReason: '死亡' });
    const listed = await t.call('households.list', { filter: { search: '李秀英' } });
    expect(listed.rows[0].headName).toBe('李秀英');
    expect(count(t, `SELECT count(*) AS n FROM members WHERE id = ? AND deleted_at IS NULL`, head.id)).toBe(1);
  });

  it('refuses a future date and a member of another household', async () => {
    const { household } = await seedHousehold(t);
    const wife = household.members.find((m) => m.relation === '配偶')!;
    const future = await t.fail('householdEvents.record', { kind: 'moveOut', householdId: household.id, date: '2026-12-30', memberIds: [wife.id] });
    expect(future.message).toContain('晚于今天');
    const stranger = await t.fail('householdEvents.record', { kind: 'moveOut', householdId: household.id, date: '2026-10-01', memberIds: ['nope'] });
    expect(stranger.message).toContain('不是此户的现有成员');
    const badKind = await t.fail('householdEvents.record', { kind: 'adopt', householdId: household.id, date: '2026-10-01' });
    expect(badKind.message).toContain('变更类型');
  });

  it('refuses a move-in of a person still registered elsewhere, then accepts it after the move-out', async () => {
    const { household, villageId } = await seedHousehold(t);
    const other = await t.call('households.save', { villageId, householdType: '一般农户', members: [{ name: '王芳', idNumber: IDS.bride, relation: '户主' }, { name: '王大山', idNumber: IDS.other, relation: '之父' }] });
    const dup = await t.fail('householdEvents.record', { kind: 'marriageIn', householdId: household.id, date: '2026-10-01', member: { name: '王芳', idNumber: IDS.bride, relation: '之儿媳' } });
    expect(dup.code).toBe('conflict');
    expect(dup.message).toContain('婚出');
    const bride = other.members.find((m) => m.name === '王芳')!;
    const father = other.members.find((m) => m.name === '王大山')!;
    await t.call('householdEvents.record', { kind: 'marriageOut', householdId: other.id, date: '2026-10-01', memberIds: [bride.id], newHeadMemberId: father.id, destination: '本村张三丰户' });
    const r = await t.call('householdEvents.record', { kind: 'marriageIn', householdId: household.id, date: '2026-10-01', member: { name: '王芳', idNumber: IDS.bride, relation: '之儿媳' } });
    expect(r.household.members.map((m) => m.name)).toContain('王芳');
  });

  it('the last members leaving cancels the household only when confirmed, never a monitored one', async () => {
    const { household } = await seedHousehold(t);
    const ids = household.members.map((m) => m.id);
    const unconfirmed = await t.fail('householdEvents.record', { kind: 'moveOut', householdId: household.id, date: '2026-10-01', memberIds: ids });
    expect(unconfirmed.message).toContain('确认整户注销');
    const r = await t.call('householdEvents.record', { kind: 'moveOut', householdId: household.id, date: '2026-10-01', memberIds: ids, confirmCancel: true, destination: '新疆' });
    expect(r.household.status).toBe('cancelled');
    expect(r.household.memberCount).toBe(0);
    expect(r.household.formerMembers).toHaveLength(3);
    const again = await t.fail('householdEvents.record', { kind: 'birth', householdId: household.id, date: '2026-11-01', member: { name: '甲', relation: '之子' } });
    expect(again.code).toBe('workflow_rule');
  });

  it('分户 moves members to a new household, keeping them as former members of the old one', async () => {
    const { household } = await seedHousehold(t);
    const wife = household.members.find((m) => m.relation === '配偶')!;
    const child = household.members.find((m) => m.relation === '之子')!;
    const missingRelation = await t.fail('householdEvents.record', { kind: 'split', householdId: household.id, date: '2026-09-01', memberIds: [wife.id, child.id], newHousehold: { headMemberId: wife.id } });
    expect(missingRelation.message).toContain('张小明与新户主的关系');
    const r = await t.call('householdEvents.record', {
      kind: 'split',
      householdId: household.id,
      date: '2026-09-01',
      memberIds: [wife.id, child.id],
      newHousehold: { headMemberId: wife.id, relations: [{ memberId: child.id, relation: '之子' }], address: '青山村 8 号' },
    });
    expect(r.household.memberCount).toBe(1);
    expect(r.household.formerMembers.map((m) => m.leftReason)).toEqual(['分户', '分户']);
    const created = await t.call('households.get', { id: r.newHouseholdId! });
    expect(created.headName).toBe('李秀英');
    expect(created.members.map((m) => [m.name, m.relation, m.joinedAt])).toEqual([
      ['李秀英', '户主', '2026-09-01'],
      ['张小明', '之子', '2026-09-01'],
    ]);
    const seenFromNew = await t.call('householdEvents.list', { householdId: created.id });
    expect(seenFromNew.events[0]).toMatchObject({ kind: 'split', viaRelated: true, relatedHeadName: '张三丰' });
  });

  it('合户 brings every member of the other household in and cancels it', async () => {
    const { household, villageId } = await seedHousehold(t);
    const other = await t.call('households.save', { villageId, householdType: '一般农户', members: [{ name: '张老太', idNumber: IDS.grandma, relation: '户主' }] });
    const grandma = other.members[0];
    const r = await t.call('householdEvents.record', { kind: 'merge', householdId: household.id, date: '2026-08-15', fromHouseholdId: other.id, relations: [{ memberId: grandma.id, relation: '之母' }] });
    expect(r.household.memberCount).toBe(4);
    expect(r.household.members.find((m) => m.name === '张老太')).toMatchObject({ relation: '之母', joinedAt: '2026-08-15' });
    const gone = await t.call('households.get', { id: other.id });
    expect(gone.status).toBe('cancelled');
    expect(gone.formerMembers[0]).toMatchObject({ leftAt: '2026-08-15', leftReason: '合户' });
  });

  it('revokes the latest mis-recorded death, restoring the member and the 户主', async () => {
    const { household } = await seedHousehold(t);
    const head = household.members.find((m) => m.isHead)!;
    const wife = household.members.find((m) => m.relation === '配偶')!;
    const r = await t.call('householdEvents.record', { kind: 'death', householdId: household.id, date: '2026-06-30', memberIds: [head.id], newHeadMemberId: wife.id });
    const back = await t.call('householdEvents.revoke', { id: r.event.id, reason: '误登记，本人健在' });
    expect(back.household.headName).toBe('张三丰');
    expect(back.household.members.find((m) => m.id === wife.id)!.relation).toBe('配偶');
    expect(back.household.memberCount).toBe(3);
    const list = await t.call('householdEvents.list', { householdId: household.id });
    expect(list.events[0].revokedReason).toBe('误登记，本人健在');
    const twice = await t.fail('householdEvents.revoke', { id: r.event.id, reason: '再撤' });
    expect(twice.code).toBe('conflict');
  });

  it('revokes a mis-recorded birth (the row is tombstoned, audited) but only the latest event, never a 分户', async () => {
    const { household } = await seedHousehold(t);
    const wife = household.members.find((m) => m.relation === '配偶')!;
    const birth = await t.call('householdEvents.record', { kind: 'birth', householdId: household.id, date: '2026-10-01', member: { name: '张小宝', relation: '之孙子' } });
    const moved = await t.call('householdEvents.record', { kind: 'moveOut', householdId: household.id, date: '2026-10-05', memberIds: [wife.id], destination: '兰州' });
    const notLatest = await t.fail('householdEvents.revoke', { id: birth.event.id, reason: '误录' });
    expect(notLatest.code).toBe('workflow_rule');
    expect(notLatest.message).toContain('最近的一条变更');
    await t.call('householdEvents.revoke', { id: moved.event.id, reason: '未迁出' });
    const back = await t.call('householdEvents.revoke', { id: birth.event.id, reason: '误录，无此人' });
    expect(back.household.members.map((m) => m.name)).toEqual(['张三丰', '李秀英', '张小明']);
    const baby = birth.event.members[0].id;
    expect(count(t, `SELECT count(*) AS n FROM members WHERE id = ? AND deleted_at IS NOT NULL`, baby)).toBe(1);
    expect(count(t, `SELECT count(*) AS n FROM audit_log WHERE entity = 'household_event' AND action = 'revoke'`)).toBe(2);

    const child = household.members.find((m) => m.relation === '之子')!;
    const split = await t.call('householdEvents.record', { kind: 'split', householdId: household.id, date: '2026-11-01', memberIds: [child.id], newHousehold: { headMemberId: child.id } });
    const refused = await t.fail('householdEvents.revoke', { id: split.event.id, reason: '误录' });
    expect(refused.message).toContain('分户不能撤销');
  });
});
