import { describe, expect, it } from 'vitest';
import {
  assessmentRiskHints,
  checksOf,
  proposeAssessment,
  proposeEducation,
  proposeHousing,
  proposeIncomeItem,
  proposeMedical,
  proposeWater,
  validateAssessment,
  validateRisks,
  type AssessedMember,
  type AssessmentRecord,
} from '../../shared/domain/assessment';
import { computeIncome } from '../../shared/domain/income';
import { SEED_PROFILE } from '../../shared/domain/profile';

const DATE = '2026-09-01';
const adult: AssessedMember = { name: '王大山', birthDate: '1978-04-02', insuredMedical: true };
const child = (name: string, birthDate: string, over: Partial<AssessedMember> = {}): AssessedMember => ({
  name,
  birthDate,
  insuredMedical: true,
  ...over,
});

describe('proposeEducation (ages 6–16 on the date)', () => {
  it('passes when every school-age child has a 学段', () => {
    expect(proposeEducation([adult, child('王小明', '2015-03-01', { schoolStage: '小学' })], DATE, SEED_PROFILE).pass).toBe(true);
  });

  it('fails for a 10-year-old without school status or reason, naming the child and age', () => {
    const r = proposeEducation([adult, child('王小明', '2016-03-01')], DATE, SEED_PROFILE);
    expect(r).toEqual({ pass: false, note: '王小明（10 岁）处于义务教育年龄，但没有在校生情况，也没有登记未上学原因' });
  });

  it('a recorded reason (送教上门) is enough', () => {
    const r = proposeEducation([child('王小明', '2016-03-01', { outOfSchoolReason: '重度残疾（送教上门）' })], DATE, SEED_PROFILE);
    expect(r.pass).toBe(true);
  });

  it('the age bounds are inclusive: 6 and 16 count, 5 and 17 do not', () => {
    const at = (birthDate: string): boolean => proposeEducation([child('甲', birthDate)], DATE, SEED_PROFILE).pass;
    expect(at('2020-09-01')).toBe(false); // turns 6 on the date
    expect(at('2020-09-02')).toBe(true); // still 5
    expect(at('2009-09-02')).toBe(false); // 16
    expect(at('2009-09-01')).toBe(true); // turns 17 on the date
  });

  it('uses the profile age range and names members without a birth date', () => {
    const p = structuredClone(SEED_PROFILE);
    p.assessment.compulsoryAgeTo = 15;
    expect(proposeEducation([child('甲', '2010-03-01')], DATE, p).pass).toBe(true);
    expect(proposeEducation([child('乙', '', { birthDate: null })], DATE, SEED_PROFILE).note).toContain('乙出生日期不详');
  });
});

describe('proposeMedical / proposeHousing / proposeWater / proposeIncomeItem', () => {
  it('medical fails naming the uninsured members', () => {
    expect(proposeMedical([adult, child('王小红', '2012-01-01', { insuredMedical: false }), child('婴', '2026-08-01', { insuredMedical: null })])).toEqual({
      pass: false,
      note: '王小红、婴未参加基本医疗保险',
    });
    expect(proposeMedical([adult]).pass).toBe(true);
  });

  it('housing fails for C and D only', () => {
    expect(proposeHousing('D', SEED_PROFILE)).toEqual({ pass: false, note: '住房为 D 级危房' });
    expect(proposeHousing('C', SEED_PROFILE).pass).toBe(false);
    expect(proposeHousing('B', SEED_PROFILE).pass).toBe(true);
    expect(proposeHousing(null, SEED_PROFILE)).toEqual({ pass: true, note: '未登记为危房' });
  });

  it('water needs quantity, quality and convenience', () => {
    expect(proposeWater({ quantity: true, quality: true, convenience: true })?.pass).toBe(true);
    expect(proposeWater({ quantity: true, quality: false, convenience: false })).toEqual({ pass: false, note: '饮水水质、用水方便程度不达标' });
    expect(proposeWater({ quantity: true })).toBeNull();
    expect(proposeWater(null)).toBeNull();
  });

  it('income item from the computed result', () => {
    const below = computeIncome([{ key: 'migrantWork', amountFen: 1_500_000 }], 2, SEED_PROFILE, 2026);
    expect(proposeIncomeItem(below)).toEqual({ pass: false, note: '人均纯收入 7,500.00 元，低于监测范围（8,600.00 元）' });
    expect(proposeIncomeItem(null)).toBeNull();
  });

  it('proposeAssessment never proposes 吃穿', () => {
    const p = proposeAssessment({ members: [adult], dangerousHouseGrade: null, water: null }, null, DATE, SEED_PROFILE);
    expect(Object.keys(p).sort()).toEqual(['education', 'housing', 'medical']);
  });
});

const fullRecord = (): AssessmentRecord => ({
  date: DATE,
  assessor: '李干部',
  items: {
    incomeAbove: { pass: true, note: '' },
    food: { pass: true, note: '' },
    clothing: { pass: true, note: '' },
    education: { pass: true, note: '' },
    medical: { pass: true, note: '' },
    housing: { pass: true, note: '' },
    water: { pass: true, note: '' },
  },
  water: { quantity: true, quality: true, convenience: true },
});

describe('validateAssessment', () => {
  it('a complete record has no issues', () => {
    expect(validateAssessment(fullRecord(), SEED_PROFILE)).toEqual([]);
  });

  it('missing assessor, unassessed item, failed item without note', () => {
    const r = fullRecord();
    r.assessor = ' ';
    delete (r.items as Partial<AssessmentRecord['items']>).food;
    r.items.medical = { pass: false, note: '' };
    expect(validateAssessment(r, SEED_PROFILE).map((i) => i.message)).toEqual([
      '请填写评估人姓名',
      '“吃不愁”尚未评估，请选择达标或不达标',
      '“基本医疗有保障”不达标，请在说明中写明具体问题',
    ]);
  });

  it('water pass must agree with its three parts', () => {
    const r = fullRecord();
    r.water.quality = false;
    expect(validateAssessment(r, SEED_PROFILE)[0].message).toContain('饮水安全标为达标，但');
  });

  it('checksOf feeds grading', () => {
    const r = fullRecord();
    r.items.housing = { pass: false, note: 'D 级危房' };
    expect(checksOf(r)).toMatchObject({ housing: false, food: true });
    expect('incomeAbove' in checksOf(r)).toBe(false);
  });
});

describe('validateRisks', () => {
  const msgs = (risks: Parameters<typeof validateRisks>[0]): string[] => validateRisks(risks, SEED_PROFILE).map((i) => i.message);

  it('accepts up to five known risks', () => {
    expect(msgs([{ type: '因病' }, { type: '因残' }, { type: '因学' }, { type: '因灾', subType: '洪涝灾害' }, { type: '其他' }])).toEqual([]);
  });

  it('refuses a sixth, unknown, duplicate and missing or wrong sub-type', () => {
    const six = ['因病', '因残', '因学', '因意外事故', '因缺劳动力', '其他'].map((type) => ({ type }));
    expect(msgs(six)[0]).toContain('最多选 5 项，当前 6 项');
    expect(msgs([{ type: '因穷' }])[0]).toContain('“因穷”不在地方口径');
    expect(msgs([{ type: '因病' }, { type: '因病' }])).toEqual(['风险类型“因病”重复选择了']);
    expect(msgs([{ type: '因灾' }])[0]).toContain('请选择具体类型（洪涝灾害');
    expect(msgs([{ type: '因灾', subType: '海啸' }])).toEqual(['“因灾”没有“海啸”这一类型']);
  });
});

describe('assessmentRiskHints', () => {
  it('a water problem without 因安全饮水 (rule 4_11_006)', () => {
    const r = fullRecord();
    r.items.water = { pass: false, note: '季节性缺水' };
    expect(assessmentRiskHints(r, [{ type: '因病' }], SEED_PROFILE)).toEqual(['“饮水安全有保障”不达标，但风险类型中没有“因安全饮水”，请核对']);
    expect(assessmentRiskHints(r, [{ type: '因安全饮水' }], SEED_PROFILE)).toEqual([]);
  });
});
