import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../shared/domain/idCard';
import { seedVillage, startTestBackend, type TestBackend } from '../support/backend';

const HEAD_ID = makeIdNumber('620523', '19700315', '011');
const WIFE_ID = makeIdNumber('620523', '19720601', '022');

describe('foundation walking skeleton', () => {
  let t: TestBackend;
  beforeEach(async () => {
    t = await startTestBackend();
  });
  afterEach(() => t.close());

  it('creates a household with members, lists it by pinyin initials and audits it', async () => {
    const { villageId, groupIds } = await seedVillage(t);
    const saved = await t.call('households.save', {
      villageId,
      groupId: groupIds[0],
      householdType: '一般农户',
      phone: '13800001234',
      members: [
        { name: '张三丰', idNumber: HEAD_ID, relation: '户主' },
        { name: '李秀英', idNumber: WIFE_ID.toLowerCase(), relation: '配偶' },
      ],
    });
    expect(saved.members).toHaveLength(2);
    expect(saved.members[0].sex).toBe('男');
    expect(saved.members[0].birthDate).toBe('1970-03-15');
    expect(saved.headName).toBe('张三丰');

    const byPinyin = await t.call('households.list', { filter: { search: 'zsf' }, startRow: 0, endRow: 50 });
    expect(byPinyin.rows.map((r) => r.id)).toEqual([saved.id]);
    const byMemberId = await t.call('households.list', { filter: { search: WIFE_ID.slice(0, 10) } });
    expect(byMemberId.total).toBe(1);
    const none = await t.call('households.list', { filter: { search: 'lsy', villageId: groupIds[0] } });
    expect(none.total).toBe(0);

    const audit = await t.call('audit.list', { filter: { householdId: saved.id } });
    expect(audit.rows.some((a) => a.action === 'create' && a.entity === 'household')).toBe(true);
    const changes = t.backend.services.db.prepare(`SELECT count(*) AS n FROM change_log WHERE entity_id = ?`).get(saved.id) as { n: number };
    expect(changes.n).toBe(1);
  });

  it('refuses a wrong check digit and a duplicate ID, writing nothing', async () => {
    const { villageId } = await seedVillage(t);
    const wrong = HEAD_ID.slice(0, 17) + (HEAD_ID[17] === '1' ? '2' : '1');
    const before = t.backend.services.db.prepare(`SELECT count(*) AS n FROM audit_log`).get() as { n: number };
    const err = await t.fail('households.save', { villageId, householdType: '一般农户', members: [{ name: '王五', idNumber: wrong, relation: '户主' }] });
    expect(err.code).toBe('validation');
    expect(err.message).toContain('校验位');
    const after = t.backend.services.db.prepare(`SELECT count(*) AS n FROM audit_log`).get() as { n: number };
    expect(after.n).toBe(before.n);

    await t.call('households.save', { villageId, householdType: '一般农户', members: [{ name: '张三丰', idNumber: HEAD_ID, relation: '户主' }] });
    const dup = await t.fail('households.save', { villageId, householdType: '脱贫户', members: [{ name: '张三', idNumber: HEAD_ID, relation: '户主' }] });
    expect(dup.code).toBe('conflict');
    expect(dup.message).toContain('已登记');
  });

  it('names the field in Chinese on bad input', async () => {
    const err = await t.fail('households.save', { villageId: 'x', householdType: '', members: [] });
    expect(err.code).toBe('validation');
    expect(err.message).toContain('户类型');
    expect(err.message).toContain('家庭成员');
  });

  it('requires a session and a permission', async () => {
    const noSession = await t.fail('households.list', {}, null);
    expect(noSession.code).toBe('unauthenticated');
  });
});
