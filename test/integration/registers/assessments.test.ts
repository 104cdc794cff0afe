import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { count, seedHousehold } from './fixtures';

const yuan = (n: number) => Math.round(n * 100);
const pass = { pass: true, note: '' };
const ALL_PASS = { food: pass, clothing: pass, education: pass, medical: pass, housing: pass, water: pass };
const WATER_OK = { quantity: true, quality: true, convenience: true };

describe('assessments: 三保障评估 → 风险颜色', () => {
  let t: TestBackend;
  beforeEach(async () => {
    t = await startTestBackend();
  });
  afterEach(() => t.close());

  async function withIncome(perPersonYuan: number) {
    const seeded = await seedHousehold(t);
    await t.call('income.save', {
      householdId: seeded.household.id,
      date: '2026-11-20',
      items: [
        { key: 'migrantWork', amountFen: yuan(perPersonYuan * 3) },
        { key: 'farmlandSubsidy', amountFen: 0, note: '无' },
      ],
    });
    return seeded;
  }

  it('proposes items from the register and the latest income, then grades blue and updates the household', async () => {
    const { household } = await withIncome(10000);
    const p = await t.call('assessments.propose', { householdId: household.id, date: '2026-11-29' });
    expect(p.income).toMatchObject({ perCapitaFen: yuan(10000), comparison: 'atOrAboveMonitoring' });
    expect(p.proposals.incomeAbove.pass).toBe(true);
    expect(p.proposals.medical).toEqual({ pass: true, note: '家庭成员均已参加基本医疗保险' });
    expect(p.proposals.education.pass).toBe(true);
    expect(p.proposals.food).toBeUndefined();

    const r = await t.call('assessments.save', { householdId: household.id, date: '2026-11-29', assessor: '赵干部', items: ALL_PASS, water: WATER_OK, risks: [] });
    expect(r.assessment.colour).toBe('blue');
    expect(r.assessment.reason).toContain('蓝色');
    expect(r.assessment.items.incomeAbove.pass).toBe(true);
    expect(r.household.colour).toBe('blue');
    expect(count(t, `SELECT count(*) AS n FROM audit_log WHERE entity = 'assessment' AND household_id = ?`, household.id)).toBe(1);
    expect(count(t, `SELECT count(*) AS n FROM audit_log WHERE entity = 'household' AND summary LIKE '%风险颜色%蓝色'`)).toBe(1);
    expect(count(t, `SELECT count(*) AS n FROM change_log WHERE entity IN ('assessment', 'household_grade')`)).toBe(2);
  });

  it('a failed basic need grades red; income below the line with a risk grades orange; history keeps every grade', async () => {
    const { household } = await withIncome(10000);
    await t.call('assessments.save', { householdId: household.id, date: '2026-11-25', assessor: '赵干部', items: ALL_PASS, water: WATER_OK });
    const red = await t.call('assessments.save', {
      householdId: household.id,
      date: '2026-11-29',
      assessor: '赵干部',
      items: { ...ALL_PASS, housing: { pass: false, note: 'C 级危房' } },
      water: WATER_OK,
      risks: [{ type: '住房安全' }],
    });
    expect(red.assessment.colour).toBe('red');
    expect(red.household.colour).toBe('red');
    expect(red.household.riskTypes).toEqual(['住房安全']);
    const list = await t.call('assessments.list', { householdId: household.id });
    expect(list.assessments.map((a) => a.colour)).toEqual(['red', 'blue']);
    expect(list.grades.map((g) => [g.colour, g.previousColour])).toEqual([
      ['red', 'blue'],
      ['blue', null],
    ]);
    expect(list.grades[0].colourLabel).toBe('红色');

    const low = await withIncomeForOther(t, household.villageId);
    const orange = await t.call('assessments.save', { householdId: low, date: '2026-11-29', assessor: '赵干部', items: ALL_PASS, water: WATER_OK, risks: [{ type: '因病' }] });
    expect(orange.assessment.colour).toBe('orange');
    expect(orange.assessment.facts).toMatchObject({ income: 'belowMonitoring', risks: ['因病'] });
  });

  it('without an income account the table default applies, and a back-dated assessment does not regrade', async () => {
    const { household } = await seedHousehold(t);
    const r = await t.call('assessments.save', { householdId: household.id, date: '2026-11-29', assessor: '赵干部', items: ALL_PASS, water: WATER_OK });
    expect(r.assessment.colour).toBe('yellow');
    expect(r.assessment.reason).toContain('无法判定');
    expect(r.assessment.items.incomeAbove).toBeUndefined();
    const older = await t.call('assessments.save', { householdId: household.id, date: '2026-10-01', assessor: '赵干部', items: { ...ALL_PASS, food: { pass: false, note: '缺粮' } }, water: WATER_OK });
    expect(older.assessment.colour).toBe('red');
    expect(older.household.colour).toBe('yellow');
  });

  it('refuses incomplete or inconsistent assessments with messages naming the item', async () => {
    const { household } = await withIncome(10000);
    const base = { householdId: household.id, date: '2026-11-29', assessor: '赵干部', water: WATER_OK };
    const noNote = await t.fail('assessments.save', { ...base, items: { ...ALL_PASS, medical: { pass: false, note: '' } } });
    expect(noNote.code).toBe('validation');
    expect(noNote.message).toContain('基本医疗有保障');
    const water = await t.fail('assessments.save', { ...base, items: ALL_PASS, water: { ...WATER_OK, quality: false } });
    expect(water.message).toContain('水质');
    const tooMany = await t.fail('assessments.save', { ...base, items: ALL_PASS, risks: ['因病', '因残', '因学', '因意外事故', '因产业失败', '因缺劳动力'].map((type) => ({ type })) });
    expect(tooMany.message).toContain('最多选 5 项');
    const disaster = await t.fail('assessments.save', { ...base, items: ALL_PASS, risks: [{ type: '因灾' }] });
    expect(disaster.message).toContain('洪涝灾害');
    const noAssessor = await t.fail('assessments.save', { ...base, assessor: '', items: ALL_PASS });
    expect(noAssessor.message).toContain('评估人');
    const viewer = await t.fail('assessments.save', { ...base, items: ALL_PASS }, { ...t.admin, role: 'viewer' });
    expect(viewer.code).toBe('permission');
    expect(count(t, `SELECT count(*) AS n FROM assessments`)).toBe(0);
  });
});

/** A second household whose income is below the 监测范围 (6,000 元 per person). */
async function withIncomeForOther(t: TestBackend, villageId: string): Promise<string> {
  const h = await t.call('households.save', { villageId, householdType: '一般农户', members: [{ name: '刘备', relation: '户主', insuredMedical: true }] });
  await t.call('income.save', { householdId: h.id, date: '2026-11-20', items: [{ key: 'migrantWork', amountFen: yuan(6000) }] });
  return h.id;
}
