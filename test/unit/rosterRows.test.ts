import { describe, expect, it } from 'vitest';
import type { Household } from '../../shared/api/schemas/household';
import { type Cell, toCell } from '../../shared/domain/cellText';
import { makeIdNumber } from '../../shared/domain/idCard';
import { SEED_PROFILE } from '../../shared/domain/profile';
import { groupHouseholds, rejectedKeys } from '../../shared/domain/rosterGroup';
import { mergeDraft } from '../../shared/domain/rosterMerge';
import { readRosterRow, type RosterRow, type RowReaderContext } from '../../shared/domain/rosterRows';

const TODAY = '2026-11-29';
const HEAD = makeIdNumber('620523', '19700315', '011');
const WIFE = makeIdNumber('620523', '19720601', '022');
const SON = makeIdNumber('620523', '20000101', '031');
const FIELDS = ['householdNo', 'villageName', 'name', 'idNumber', 'relation', 'birthDate', 'householdType', 'workMonths', 'dibao'];
const ctx: RowReaderContext = {
  mapping: new Map(FIELDS.map((f, i) => [i, f])),
  headers: new Map(FIELDS.map((f, i) => [i, `列${i}`])),
  enums: SEED_PROFILE.enums,
  today: TODAY,
};
const cells = (...v: unknown[]): Cell[] => v.map(toCell);
const read = (rowNo: number, ...v: unknown[]) => readRosterRow(cells(...v), rowNo, ctx);

describe('readRosterRow', () => {
  it('reads a good row, deriving sex and birth date from the ID', () => {
    const { row, problems } = read(5, 'H1', '石桥村', '张　三', ` ${HEAD.toLowerCase()} `, '本人', 25569 + 0, '一般农户', '６', '否');
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(row!.values).toMatchObject({ householdNo: 'H1', name: '张三', idNumber: HEAD, relation: '户主', sex: '男', birthDate: '1970-03-15', workMonths: 6, dibao: false });
    // the file's 1970-01-01 disagrees with the ID: a warning in the birth-date column, the ID wins
    expect(problems).toEqual([expect.objectContaining({ row: 5, column: 'F', severity: 'warning', message: expect.stringContaining('与证件号码中的 1970-03-15 不一致') })]);
  });

  it('reports each bad cell with its row, column letter and a Chinese message', () => {
    const wrongCheck = HEAD.slice(0, 17) + (HEAD[17] === '1' ? '2' : '1');
    expect(read(6, 'H1', '石桥村', '李四', wrongCheck, '户主').problems[0]).toMatchObject({ row: 6, column: 'D', header: '列3', message: expect.stringContaining('校验位') });
    expect(read(7, 'H1', '石桥村', '李四', 430102199001011200).problems[0].message).toContain('4.30102E+17');
    expect(read(8, 'H1', '石桥村', '李四', '4.30102E+17').problems[0].message).toContain('科学计数法');
    expect(read(9, 'H1', '石桥村', '李四', HEAD, '户主', null, '贫困户').problems[0]).toMatchObject({ column: 'G', message: expect.stringContaining('户类型') });
    expect(read(10, 'H1', '石桥村', '李四', HEAD, '户主', null, null, 15).problems[0]).toMatchObject({ column: 'H' });
  });

  it('skips blank rows silently and footer rows with a warning', () => {
    expect(read(11)).toEqual({ row: null, problems: [] });
    const footer = read(12, null, '制表人：王五');
    expect(footer.row).toBeNull();
    expect(footer.problems[0].severity).toBe('warning');
  });
});

const r = (row: number, values: Record<string, string | number | boolean>): RosterRow => ({ row, values });

describe('groupHouseholds', () => {
  it('groups by 户编号, then by position under a 户主 row (also vertically merged key cells)', () => {
    const { households, problems } = groupHouseholds(
      [
        r(4, { householdNo: 'A', name: '甲', idNumber: HEAD, relation: '户主', villageName: '石桥村' }),
        r(5, { name: '丙', relation: '户主', villageName: '石桥村' }),
        r(6, { name: '丁', relation: '之子' }),
        r(7, { householdNo: 'A', name: '乙', idNumber: WIFE, relation: '配偶' }),
        r(8, { householdNo: 'B', name: '戊', relation: '户主', villageName: '石桥村' }),
        r(9, { name: '己', relation: '配偶' }),
      ],
      true,
    );
    expect(problems).toEqual([]);
    expect(households.map((h) => [h.key, h.rows])).toEqual([
      ['no:A', [4, 7]],
      ['seq:2', [5, 6]],
      ['no:B', [8, 9]],
    ]);
  });

  it('reads one row per household (户主 columns only) as a household with its head', () => {
    const { households, problems } = groupHouseholds([r(4, { headName: '甲', headIdNumber: HEAD, villageName: '石桥村', dibao: true }), r(5, { headName: '乙', headIdNumber: WIFE, villageName: '石桥村' })], false);
    expect(problems).toEqual([]);
    expect(households.map((h) => [h.key, h.members.map((m) => [m.values.name, m.values.idNumber, m.values.relation, m.values.dibao])])).toEqual([
      [`head:${HEAD}`, [['甲', HEAD, '户主', true]]],
      [`head:${WIFE}`, [['乙', WIFE, '户主', undefined]]],
    ]);
  });

  it('refuses a first row that belongs to no household', () => {
    const { problems } = groupHouseholds([r(4, { name: '丁', relation: '之子' })], true);
    expect(problems[0]).toMatchObject({ row: 4, message: expect.stringContaining('找不到所属的户') });
  });

  it('finds duplicates inside the file, missing or extra heads and disagreeing villages', () => {
    const locate = (field: string) => ({ column: field === 'idNumber' ? 'D' : 'E', header: field });
    const { households, problems } = groupHouseholds(
      [
        r(4, { householdNo: 'A', name: '甲', idNumber: HEAD, relation: '户主', villageName: '石桥村' }),
        r(5, { householdNo: 'A', name: '乙', idNumber: HEAD, relation: '户主', villageName: '青山村' }),
        r(6, { householdNo: 'B', name: '丙', idNumber: SON, relation: '之子' }),
      ],
      true,
      locate,
    );
    expect(problems.map((p) => [p.row, p.column, p.message.slice(0, 6)])).toEqual([
      [5, 'E', '同一户的行政'],
      [5, 'E', '同一户有多位'],
      [6, 'E', '从第 6 行'],
      [5, 'D', '证件号码与第'],
    ]);
    expect(rejectedKeys(households, problems)).toEqual(new Set(['no:A', 'no:B']));
  });
});

function stored(): Household {
  const m = (id: string, name: string, idNumber: string, relation: string, extra: Partial<Household['members'][number]> = {}) => ({
    id, householdId: 'h1', name, pinyin: '', idType: '居民身份证', idNumber, relation, isHead: relation === '户主', sex: '男', birthDate: '1970-03-15',
    ethnicity: null, politicalStatus: null, education: null, schoolStage: null, schoolGrade: null, schoolYearConfirmed: null, outOfSchoolReason: null,
    health: '健康', disabilityGrade: null, disabilityCertNo: null, labourSkill: null, workPlace: null, workEmployer: null, workMonths: null,
    publicWelfareJobMonths: null, insuredMedical: true, insuredCritical: false, insuredPension: false, dibao: false, tekun: false, phone: '',
    joinedAt: null, leftAt: null, leftReason: null, rowVersion: 1, updatedAt: '', updatedBy: null, ...extra,
  });
  return {
    id: 'h1', householdNo: 'A', villageId: 'v1', villageName: '石桥村', groupId: 'g1', groupName: '一组', headName: '甲', headIdNumber: HEAD,
    phone: '13800001234', householdType: '一般农户', status: 'normal', category: null, colour: null, memberCount: 2, address: '', updatedAt: '',
    flags: [], farmlandMu: 2, forestMu: null, grainForGreenMu: null, housingAreaM2: null, dangerousHouseGrade: null, riskTypes: [], monitoredSince: null,
    members: [m('m1', '甲', HEAD, '户主'), m('m2', '乙', WIFE, '配偶')],
    formerMembers: [m('m3', '丁', SON, '之子', { leftAt: '2025-01-01', leftReason: '死亡' })],
    rowVersion: 3, updatedBy: null,
  };
}

describe('mergeDraft', () => {
  const draft = (members: Record<string, string | number | boolean>[], household: Record<string, string | number> = {}) => ({
    key: 'no:A', rows: members.map((_, i) => 4 + i), household: { householdNo: 'A', ...household }, members: members.map((values, i) => ({ row: 4 + i, values })),
  });

  it('reports no change when the file says what is stored (blank cells erase nothing)', () => {
    const res = mergeDraft(draft([{ name: '甲', idNumber: HEAD, relation: '户主' }, { name: '乙', idNumber: WIFE, relation: '配偶' }]), stored(), { villageId: 'v1', groupId: 'g1' }, null);
    expect(res.changed).toBe(false);
    expect(res.input.members).toHaveLength(2);
    expect(res.input.phone).toBe('13800001234');
  });

  it('updates matched members, adds new ones, keeps unlisted ones and skips people who left', () => {
    const res = mergeDraft(
      draft([{ name: '甲', idNumber: HEAD, relation: '户主', dibao: true }, { name: '丁', idNumber: SON, relation: '之子' }, { name: '戊', relation: '之女' }], { farmlandMu: 3 }),
      stored(),
      { villageId: 'v1', groupId: 'g1' },
      null,
    );
    expect(res.changed).toBe(true);
    expect(res.updatedMembers).toBe(1);
    expect(res.addedMembers).toBe(1);
    expect(res.input.members.map((m) => [m.id, m.name, m.dibao])).toEqual([
      ['m1', '甲', true],
      ['m2', '乙', false],
      [undefined, '戊', false],
    ]);
    expect(res.input.farmlandMu).toBe(3);
    expect(res.input.rowVersion).toBe(3);
    expect(res.notes[0]).toMatchObject({ row: 5, message: expect.stringContaining('死亡') });
  });

  it('builds a new household with the default type when the file has none', () => {
    const res = mergeDraft(draft([{ name: '甲', idNumber: HEAD, relation: '户主' }]), undefined, { villageId: 'v9', groupId: null }, '一般农户');
    expect(res.input).toMatchObject({ villageId: 'v9', householdType: '一般农户', householdNo: 'A' });
    expect(res.input.id).toBeUndefined();
    expect(res.changed).toBe(true);
  });
});
