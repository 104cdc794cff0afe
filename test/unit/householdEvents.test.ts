import { describe, expect, it } from 'vitest';
import { HEAD_RELATION } from '../../shared/domain/household';
import { eventDateIssues, leavingIssues, normalizeJoiner, splitIssues, type ActiveMemberFacts } from '../../shared/domain/householdEvents';
import { makeIdNumber } from '../../shared/domain/idCard';
import { SEED_PROFILE } from '../../shared/domain/profile';

const relations = SEED_PROFILE.enums.relationsToHead;
const active: ActiveMemberFacts[] = [
  { id: 'h', name: '张三', isHead: true, joinedAt: null, birthDate: '1970-01-01' },
  { id: 'w', name: '李四', isHead: false, joinedAt: '2020-05-01', birthDate: '1972-01-01' },
  { id: 'c', name: '张五', isHead: false, joinedAt: null, birthDate: '2010-01-01' },
];

describe('leavingIssues', () => {
  it('needs a new 户主 from those who stay when the head leaves', () => {
    expect(leavingIssues(active, ['h'], '2026-01-01', undefined, 'death').map((i) => i.path)).toEqual(['newHeadMemberId']);
    expect(leavingIssues(active, ['h'], '2026-01-01', 'h', 'death')[0].message).toContain('留在本户');
    expect(leavingIssues(active, ['h'], '2026-01-01', 'w', 'death')).toEqual([]);
    // Everyone leaves: nobody to name.
    expect(leavingIssues(active, ['h', 'w', 'c'], '2026-01-01', undefined, 'moveOut')).toEqual([]);
  });

  it('refuses strangers, repeats, a date before joining and a death before birth', () => {
    expect(leavingIssues(active, ['x'], '2026-01-01', undefined, 'moveOut')[0].message).toContain('不是此户的现有成员');
    expect(leavingIssues(active, ['c', 'c'], '2026-01-01', undefined, 'moveOut')[0].message).toContain('选了两次');
    expect(leavingIssues(active, ['w'], '2019-01-01', undefined, 'marriageOut')[0].message).toContain('2020-05-01 才加入');
    expect(leavingIssues(active, ['c'], '2009-01-01', undefined, 'death')[0].message).toContain('不能早于出生日期');
  });

  it('refuses naming a new head when the head stays', () => {
    expect(leavingIssues(active, ['c'], '2026-01-01', 'w', 'moveOut')[0].path).toBe('newHeadMemberId');
  });
});

describe('splitIssues and eventDateIssues', () => {
  it('the new head is one of those who move, and only one 户主', () => {
    expect(splitIssues(['w', 'c'], 'h', [], HEAD_RELATION)[0].path).toBe('newHousehold.headMemberId');
    expect(splitIssues(['w', 'c'], 'w', [{ memberId: 'c', relation: HEAD_RELATION }], HEAD_RELATION)[0].message).toContain('只能有一位户主');
    expect(splitIssues(['w', 'c'], 'w', [{ memberId: 'c', relation: '之子' }], HEAD_RELATION)).toEqual([]);
  });

  it('no event in the future', () => {
    expect(eventDateIssues('2026-11-30', '2026-11-29')[0].message).toContain('晚于今天');
    expect(eventDateIssues('2026-11-29', '2026-11-29')).toEqual([]);
  });
});

describe('normalizeJoiner', () => {
  it('derives sex and birth date from the ID and checks the birth date of a 出生', () => {
    const id = makeIdNumber('620523', '20261101', '051');
    expect(normalizeJoiner({ name: '宝', idNumber: id.toLowerCase(), relation: '之孙子' }, 'birth', '2026-11-01', '2026-11-29', relations, HEAD_RELATION)).toMatchObject({ idNumber: id, sex: '男', birthDate: '2026-11-01', pinyin: 'b', issues: [] });
    expect(normalizeJoiner({ name: '宝', idNumber: id, relation: '之孙子' }, 'birth', '2026-11-02', '2026-11-29', relations, HEAD_RELATION).issues[0].path).toBe('date');
    expect(normalizeJoiner({ name: '宝', relation: '之孙子' }, 'birth', '2026-11-02', '2026-11-29', relations, HEAD_RELATION).birthDate).toBe('2026-11-02');
  });

  it('refuses a newcomer as 户主, an unknown relation and a wrong check digit', () => {
    expect(normalizeJoiner({ name: '甲', relation: HEAD_RELATION }, 'moveIn', '2026-01-01', '2026-11-29', relations, HEAD_RELATION).issues[0].path).toBe('member.relation');
    expect(normalizeJoiner({ name: '甲', relation: '邻居' }, 'moveIn', '2026-01-01', '2026-11-29', relations, HEAD_RELATION).issues[0].message).toContain('邻居');
    const good = makeIdNumber('620523', '19900101', '011');
    const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    const r = normalizeJoiner({ name: '甲', idNumber: bad, relation: '配偶' }, 'marriageIn', '2026-01-01', '2026-11-29', relations, HEAD_RELATION);
    expect(r.issues.map((i) => i.path)).toEqual(['member.idNumber']);
    expect(r.issues[0].message).toContain('校验位');
  });
});
