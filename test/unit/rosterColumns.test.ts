import { describe, expect, it } from 'vitest';
import { type Cell, toCell } from '../../shared/domain/cellText';
import { chineseNumber, findByName, groupKey, villageKey } from '../../shared/domain/divisionNames';
import { autoMatch, columnLetter, mappingGaps, matchField, normaliseLabel } from '../../shared/domain/rosterColumns';
import { columnTitle, detectHeader } from '../../shared/domain/rosterHeader';
import { normaliseDangerGrade, normaliseDisabilityGrade, normaliseRelation } from '../../shared/domain/rosterValues';
import { SEED_PROFILE } from '../../shared/domain/profile';

const row = (...values: unknown[]): Cell[] => values.map(toCell);

describe('column names', () => {
  it('normalises full-width brackets, stars, spaces and unit notes', () => {
    expect(normaliseLabel(' *耕地面积（亩） ')).toBe('耕地面积');
    expect(normaliseLabel('务工时间(月)')).toBe('务工时间');
    expect(normaliseLabel('自然村（组）')).toBe('自然村(组)');
  });

  it('matches national-export names and qualifies leaves by their parent header', () => {
    expect(matchField('证件号码')).toBe('idNumber');
    expect(matchField('户编号')).toBe('householdNo');
    expect(matchField('在校生状况')).toBe('schoolStatus');
    expect(matchField('务工时长(月)')).toBe('workMonths');
    expect(matchField('姓名', ['户主信息'])).toBe('headName');
    expect(matchField('证件号码', ['户主'])).toBe('headIdNumber');
    expect(matchField('姓名', ['家庭成员'])).toBe('name');
    expect(matchField('地点', ['务工情况'])).toBe('workPlace');
    expect(matchField('与户主关系', ['家庭成员信息'])).toBe('relation');
    expect(matchField('备注')).toBeNull();
  });

  it('gives each field to one column only', () => {
    const mapping = autoMatch([
      { index: 0, leaf: '姓名', parents: [] },
      { index: 1, leaf: '成员姓名', parents: [] },
      { index: 2, leaf: '身份证号', parents: [] },
    ]);
    expect(mapping).toEqual({ 0: 'name', 2: 'idNumber' });
  });

  it('names columns like Excel and lists what a mapping lacks', () => {
    expect([0, 25, 26, 27, 701].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ']);
    expect(mappingGaps(new Set(['name', 'idNumber', 'relation', 'villageName']), false)).toEqual([]);
    const gaps = mappingGaps(new Set(['name']), false);
    expect(gaps.join('')).toMatch(/证件号码.*与户主关系.*行政村/);
    expect(mappingGaps(new Set(['headName', 'headIdNumber']), true)).toEqual([]);
  });
});

describe('detectHeader', () => {
  it('skips a title row and reads a 2-row merged header', () => {
    const rows = [
      row('青山镇防返贫监测对象花名册'),
      row('户编号', '所在地', null, '户主信息', null, '家庭成员', null, null, '联系电话'),
      row(null, '行政村', '村民小组', '姓名', '证件号码', '姓名', '证件号码', '与户主关系', null),
      row('620523001', '石桥村', '一组', '张三', '620523197003150115', '张三', '620523197003150115', '户主', '13800001234'),
    ];
    const h = detectHeader(rows)!;
    expect(h.firstRow).toBe(1);
    expect(h.lastRow).toBe(2);
    const mapping = autoMatch(h.columns);
    expect(mapping).toEqual({ 0: 'householdNo', 1: 'villageName', 2: 'groupName', 3: 'headName', 4: 'headIdNumber', 5: 'name', 6: 'idNumber', 7: 'relation', 8: 'householdPhone' });
    expect(columnTitle(h.columns[3])).toBe('户主信息 / 姓名');
  });

  it('reads a plain one-row header below two title lines', () => {
    const rows = [row('花名册'), row('填报单位：青山镇'), row('姓名', '身份证号', '与户主关系', '行政村'), row('张三', '620523197003150115', '户主', '石桥村')];
    const h = detectHeader(rows)!;
    expect([h.firstRow, h.lastRow]).toEqual([2, 2]);
    expect(autoMatch(h.columns)).toEqual({ 0: 'name', 1: 'idNumber', 2: 'relation', 3: 'villageName' });
  });

  it('returns null when no row names two known columns', () => {
    expect(detectHeader([row('a', 'b'), row('姓名', 'x')])).toBeNull();
  });
});

describe('village, group and coded values', () => {
  it('matches 石桥/石桥村 and 1组/一组/第一村民小组', () => {
    expect(villageKey('石桥村')).toBe(villageKey('石桥'));
    expect(groupKey('1组')).toBe(groupKey('第一村民小组'));
    expect(groupKey('12组')).toBe('十二');
    expect(chineseNumber(21)).toBe('二十一');
    const villages = [{ name: '石桥村' }, { name: '青山村' }];
    expect(findByName(villages, '石桥', villageKey).found?.name).toBe('石桥村');
    expect(findByName(villages, '白水村', villageKey).found).toBeUndefined();
    expect(findByName([{ name: '一组' }, { name: '1组' }], '第1组', groupKey).ambiguous).toBe(true);
  });

  it('maps relation, disability and danger grade spellings onto the profile lists', () => {
    const relations = SEED_PROFILE.enums.relationsToHead;
    expect(normaliseRelation('本人', relations)).toEqual({ value: '户主', known: true });
    expect(normaliseRelation('长子', relations)).toEqual({ value: '之子', known: true });
    expect(normaliseRelation('儿媳', relations)).toEqual({ value: '之儿媳', known: true });
    expect(normaliseRelation('干儿子', relations).known).toBe(false);
    expect(normaliseDisabilityGrade('2级', SEED_PROFILE.enums.disabilityGrades)).toEqual({ value: '二级', known: true });
    expect(normaliseDangerGrade('Ｃ级')).toEqual({ value: 'C', ok: true });
    expect(normaliseDangerGrade('E').ok).toBe(false);
  });
});
