import { describe, expect, it } from 'vitest';
import {
  checkAssistanceRules,
  checkDevelopmentMeasure,
  checkMeasureDelivered,
  checkRiskMeasures,
  checkWeakMeasures,
  isLabourCapable,
  NO_LABOUR_FLAG,
  type HouseholdFacts,
} from '../../shared/domain/assistanceRules';
import { SEED_PROFILE, type Profile } from '../../shared/domain/profile';

const facts = (over: Partial<HouseholdFacts> = {}): HouseholdFacts => ({
  status: 'monitoring',
  monitoredSince: '2026-09-10',
  riskTypes: [],
  flags: [],
  labourSkills: ['普通劳动力', '无劳动力'],
  labourWilling: null,
  measures: [],
  ...over,
});
const TODAY = '2026-11-29';
const withAssistance = (patch: Partial<Profile['assistance']['rules']>, extra: Partial<Profile['assistance']> = {}): Profile => ({
  ...SEED_PROFILE,
  assistance: { ...SEED_PROFILE.assistance, ...extra, rules: { ...SEED_PROFILE.assistance.rules, ...patch } },
});

describe('labour capacity (profile labourSkills capable flag)', () => {
  it('is capable when one member has a capable skill, not when all lost it or the household is flagged', () => {
    expect(isLabourCapable(facts(), SEED_PROFILE)).toBe(true);
    expect(isLabourCapable(facts({ labourSkills: ['丧失劳动力', null] }), SEED_PROFILE)).toBe(false);
    expect(isLabourCapable(facts({ flags: [NO_LABOUR_FLAG] }), SEED_PROFILE)).toBe(false);
  });
  it('follows a province that counts 弱劳动力 as not capable', () => {
    const p: Profile = { ...SEED_PROFILE, enums: { ...SEED_PROFILE.enums, labourSkills: SEED_PROFILE.enums.labourSkills.map((s) => (s.label === '弱劳动力或半劳动力' ? { ...s, capable: false } : s)) } };
    expect(isLabourCapable(facts({ labourSkills: ['弱劳动力或半劳动力'] }), SEED_PROFILE)).toBe(true);
    expect(isLabourCapable(facts({ labourSkills: ['弱劳动力或半劳动力'] }), p)).toBe(false);
  });
});

describe('development measure for a labour-capable, willing household (5_11_030)', () => {
  it('flags a capable household with no delivered 产业/就业/金融/公益岗位 measure', () => {
    const f = checkDevelopmentMeasure(facts({ measures: [{ category: 'health', item: '医疗救助', status: 'implemented' }] }), SEED_PROFILE);
    expect(f?.code).toBe('developmentMeasureMissing');
    expect(f?.message).toContain('就业帮扶');
  });
  it('a planned 就业 measure does not satisfy it yet, and the message says so', () => {
    const f = checkDevelopmentMeasure(facts({ measures: [{ category: 'employment', item: '劳务输出', status: 'planned' }] }), SEED_PROFILE);
    expect(f?.message).toContain('1 项计划');
  });
  it('is satisfied by an implemented or ended development measure', () => {
    expect(checkDevelopmentMeasure(facts({ measures: [{ category: 'employment', item: '劳务输出', status: 'implemented' }] }), SEED_PROFILE)).toBeNull();
    expect(checkDevelopmentMeasure(facts({ measures: [{ category: 'publicWelfareJob', item: '护林员', status: 'ended' }] }), SEED_PROFILE)).toBeNull();
  });
  it('skips households without labour capacity, unwilling ones, and profiles that switch it off', () => {
    expect(checkDevelopmentMeasure(facts({ labourSkills: ['无劳动力'] }), SEED_PROFILE)).toBeNull();
    expect(checkDevelopmentMeasure(facts({ labourWilling: false }), SEED_PROFILE)).toBeNull();
    expect(checkDevelopmentMeasure(facts(), withAssistance({ developmentMeasureForLabourCapable: false }))).toBeNull();
  });
});

describe('risk types need matching measures (profile riskMeasures)', () => {
  it('因病 without 健康/综合保障 is flagged; a 低保 measure satisfies it', () => {
    const missing = checkRiskMeasures(facts({ riskTypes: ['因病'] }), SEED_PROFILE);
    expect(missing).toHaveLength(1);
    expect(missing[0].risk).toBe('因病');
    expect(missing[0].message).toContain('健康帮扶');
    expect(checkRiskMeasures(facts({ riskTypes: ['因病'], measures: [{ category: 'socialSecurity', item: '低保', status: 'implemented' }] }), SEED_PROFILE)).toEqual([]);
  });
  it('因学 without 教育 is flagged; an 义务教育 measure satisfies it; a 健康 one does not', () => {
    const f = facts({ riskTypes: ['因学', '因病'], measures: [{ category: 'health', item: '医疗救助', status: 'implemented' }] });
    expect(checkRiskMeasures(f, SEED_PROFILE).map((x) => x.risk)).toEqual(['因学']);
    const ok = facts({ riskTypes: ['因学'], measures: [{ category: 'compulsoryEducation', item: '控辍保学', status: 'implemented' }] });
    expect(checkRiskMeasures(ok, SEED_PROFILE)).toEqual([]);
  });
  it('a risk the profile ties to nothing is never flagged', () => {
    expect(checkRiskMeasures(facts({ riskTypes: ['因灾'] }), SEED_PROFILE)).toEqual([]);
  });
});

describe('monitored ≥ measureDueMonths with no delivered measure (1_11_010)', () => {
  it('flags from the day one month has passed, not the day before', () => {
    const f = facts({ monitoredSince: '2026-10-29' });
    expect(checkMeasureDelivered(f, SEED_PROFILE, '2026-11-28')).toBeNull();
    expect(checkMeasureDelivered(f, SEED_PROFILE, '2026-11-29')?.code).toBe('noMeasureDelivered');
  });
  it('any delivered measure clears it; the month count comes from the profile', () => {
    const f = facts({ monitoredSince: '2026-09-01', measures: [{ category: 'social', item: '社会捐赠', status: 'implemented' }] });
    expect(checkMeasureDelivered(f, SEED_PROFILE, TODAY)).toBeNull();
    const twoMonths = withAssistance({}, { measureDueMonths: 4 });
    expect(checkMeasureDelivered(facts({ monitoredSince: '2026-09-01' }), twoMonths, TODAY)).toBeNull();
  });
});

describe('weak measures only (5_12_011)', () => {
  it('flags when every delivered development measure is 其他 or 技能培训', () => {
    expect(checkWeakMeasures(facts({ measures: [{ category: 'employment', item: '技能培训', status: 'implemented' }] }), SEED_PROFILE)?.code).toBe('weakMeasuresOnly');
    expect(checkWeakMeasures(facts({ measures: [{ category: 'employment', item: '技能培训', status: 'implemented' }, { category: 'industry', item: '产业奖补', status: 'implemented' }] }), SEED_PROFILE)).toBeNull();
    expect(checkWeakMeasures(facts({ measures: [{ category: 'employment', item: '其他', status: 'implemented' }] }), withAssistance({ flagWeakMeasuresOnly: false }))).toBeNull();
  });
});

describe('all rules together', () => {
  it('checks only households under monitoring', () => {
    const f = facts({ riskTypes: ['因病'], monitoredSince: '2026-01-01' });
    expect(checkAssistanceRules(f, SEED_PROFILE, TODAY).map((x) => x.code)).toEqual(['noMeasureDelivered', 'developmentMeasureMissing', 'riskMeasureMissing']);
    expect(checkAssistanceRules({ ...f, status: 'eliminated' }, SEED_PROFILE, TODAY)).toEqual([]);
  });
});
