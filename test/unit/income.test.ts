import { describe, expect, it } from 'vitest';
import { computeIncome, incomeSummary, incomeWarnings, incomeWindow, type IncomeEntry } from '../../shared/domain/income';
import { SEED_PROFILE, type Profile } from '../../shared/domain/profile';

const yuan = (n: number): number => Math.round(n * 100);
const profileWith = (change: (p: Profile) => void): Profile => {
  const p = structuredClone(SEED_PROFILE);
  change(p);
  return p;
};

// Seed 2026 lines: 国家扶贫标准 4,000 元, 监测范围 8,600 元.
const HOUSEHOLD: IncomeEntry[] = [
  { key: 'migrantWork', amountFen: yuan(30000), note: '长子在浙江务工 10 个月' },
  { key: 'planting', amountFen: yuan(5000) },
  { key: 'plantingCost', amountFen: yuan(2000) },
  { key: 'landTransfer', amountFen: yuan(1000) },
  { key: 'dibao', amountFen: yuan(3000) },
  { key: 'farmlandSubsidy', amountFen: yuan(400) },
  { key: 'housingRenovationGrant', amountFen: yuan(20000) },
  { key: 'medicalReimbursement', amountFen: yuan(5000) },
  { key: 'insuranceClaims', amountFen: yuan(1000) },
  { key: 'selfPaidMedical', amountFen: yuan(4000) },
];

describe('computeIncome with the seed profile', () => {
  const r = computeIncome(HOUSEHOLD, 4, SEED_PROFILE, 2026);

  it('adds the four groups, subtracts 生产经营性支出 and divides by the members', () => {
    expect(r.groupTotalsFen).toMatchObject({ wage: yuan(30000), business: yuan(5000), businessCost: yuan(2000), property: yuan(1000), transfer: yuan(3400) });
    expect(r.grossIncomeFen).toBe(yuan(39400));
    expect(r.netIncomeFen).toBe(yuan(37400));
    expect(r.perCapitaFen).toBe(yuan(9350));
    expect(r.comparison).toBe('atOrAboveMonitoring');
    expect(r.gapToMonitoringFen).toBe(0);
    expect(r.lineSource).toContain('示例');
  });

  it('lists excluded lines without counting them', () => {
    expect(r.excluded.map((l) => l.key)).toEqual(['housingRenovationGrant', 'medicalReimbursement', 'insuranceClaims']);
    expect(r.excluded[0].label).toBe('危房改造补助');
    expect(r.lines).toHaveLength(HOUSEHOLD.length);
    expect(r.groupTotalsFen.claims).toBe(0);
    expect(r.selfPaidDeductedFen).toBe(0);
  });

  it('keeps notes on the lines', () => {
    expect(r.lines[0].note).toBe('长子在浙江务工 10 个月');
  });
});

describe('profile switches', () => {
  it('deducts 合规自付支出 when the profile says so', () => {
    const p = profileWith((x) => (x.income.deductSelfPaidMedical = true));
    const r = computeIncome(HOUSEHOLD, 4, p, 2026);
    expect(r.selfPaidDeductedFen).toBe(yuan(4000));
    expect(r.perCapitaFen).toBe(yuan(8350));
    expect(r.comparison).toBe('belowMonitoring');
    expect(r.gapToMonitoringFen).toBe(yuan(250));
  });

  it('counts 理赔收入 and an excluded item once the profile counts them', () => {
    const p = profileWith((x) => {
      for (const item of x.income.items) if (item.key === 'insuranceClaims' || item.key === 'housingRenovationGrant') item.counted = true;
    });
    const r = computeIncome(HOUSEHOLD, 4, p, 2026);
    expect(r.grossIncomeFen).toBe(yuan(39400 + 1000 + 20000));
    expect(r.excluded.map((l) => l.key)).toEqual(['medicalReimbursement']);
  });

  it('an uncounted 生产经营性支出 line is not subtracted', () => {
    const p = profileWith((x) => {
      for (const item of x.income.items) if (item.key === 'plantingCost') item.counted = false;
    });
    expect(computeIncome(HOUSEHOLD, 4, p, 2026).netIncomeFen).toBe(yuan(39400));
  });
});

describe('lines and rounding', () => {
  const perCapitaOf = (netFen: number, members: number): IncomeEntry[] => [{ key: 'migrantWork', amountFen: netFen * members }];

  it('exactly at the 监测范围 is not below it; one 分 less is', () => {
    expect(computeIncome(perCapitaOf(yuan(8600), 3), 3, SEED_PROFILE, 2026).comparison).toBe('atOrAboveMonitoring');
    expect(computeIncome(perCapitaOf(yuan(8600) - 1, 3), 3, SEED_PROFILE, 2026).comparison).toBe('belowMonitoring');
  });

  it('exactly at the 国家扶贫标准 is below monitoring, not below poverty', () => {
    expect(computeIncome(perCapitaOf(yuan(4000), 2), 2, SEED_PROFILE, 2026).comparison).toBe('belowMonitoring');
    expect(computeIncome(perCapitaOf(yuan(4000) - 1, 2), 2, SEED_PROFILE, 2026).comparison).toBe('belowPoverty');
  });

  it('rounds the per-capita figure half up to the 分', () => {
    expect(computeIncome([{ key: 'migrantWork', amountFen: 100001 }], 2, SEED_PROFILE, 2026).perCapitaFen).toBe(50001);
    expect(computeIncome([{ key: 'migrantWork', amountFen: 100000 }], 3, SEED_PROFILE, 2026).perCapitaFen).toBe(33333);
  });

  it('a loss year gives a negative net income, below poverty', () => {
    const r = computeIncome([{ key: 'breedingCost', amountFen: yuan(900) }], 3, SEED_PROFILE, 2026);
    expect(r.perCapitaFen).toBe(-yuan(300));
    expect(r.comparison).toBe('belowPoverty');
  });

  it('summarises in Chinese', () => {
    const r = computeIncome(perCapitaOf(yuan(7850), 2), 2, SEED_PROFILE, 2026);
    expect(incomeSummary(r)).toBe('人均纯收入 7,850.00 元，低于监测范围（8,600.00 元）');
  });
});

describe('clear errors, never NaN', () => {
  it('zero or fractional members', () => {
    expect(() => computeIncome(HOUSEHOLD, 0, SEED_PROFILE, 2026)).toThrow('家庭人口数为 0，无法计算人均纯收入');
    expect(() => computeIncome(HOUSEHOLD, Number.NaN, SEED_PROFILE, 2026)).toThrow('无法计算人均纯收入');
    expect(() => computeIncome(HOUSEHOLD, 2.5, SEED_PROFILE, 2026)).toThrow('应为正整数');
  });
  it('unknown item, negative or fractional amount, missing year', () => {
    expect(() => computeIncome([{ key: 'lottery', amountFen: 1 }], 1, SEED_PROFILE, 2026)).toThrow('收入项目“lottery”不在地方口径');
    expect(() => computeIncome([{ key: 'planting', amountFen: -1 }], 1, SEED_PROFILE, 2026)).toThrow('种植业收入的金额应为不小于 0 的整数');
    expect(() => computeIncome([{ key: 'planting', amountFen: 1.5 }], 1, SEED_PROFILE, 2026)).toThrow('整数（分）');
    expect(() => computeIncome([], 1, SEED_PROFILE, 2019)).toThrow('没有 2019 年的收入标准');
  });
});

describe('incomeWindow', () => {
  it('rolling12: the 12 months before the date, lines of that year', () => {
    expect(incomeWindow('2026-03-15', SEED_PROFILE)).toEqual({ from: '2025-03-15', to: '2026-03-14', lineYear: 2026, kind: 'rolling12' });
    expect(incomeWindow('2026-01-01', SEED_PROFILE)).toMatchObject({ from: '2025-01-01', to: '2025-12-31' });
    expect(incomeWindow('2024-02-29', SEED_PROFILE)).toMatchObject({ from: '2023-03-01', to: '2024-02-28' });
  });

  it('calendarYear: previous year before the cut-over month, the current year from it', () => {
    const p = profileWith((x) => (x.income.window = 'calendarYear'));
    expect(incomeWindow('2026-03-15', p)).toEqual({ from: '2025-01-01', to: '2025-12-31', lineYear: 2025, kind: 'calendarYear' });
    expect(incomeWindow('2026-10-31', p).lineYear).toBe(2025);
    expect(incomeWindow('2026-11-01', p)).toMatchObject({ from: '2026-01-01', to: '2026-12-31', lineYear: 2026 });
    const always = profileWith((x) => {
      x.income.window = 'calendarYear';
      x.income.calendarYearCurrentFromMonth = 13;
    });
    expect(incomeWindow('2026-12-31', always).lineYear).toBe(2025);
  });

  it('refuses an invalid date', () => {
    expect(() => incomeWindow('2026-02-30', SEED_PROFILE)).toThrow('核算日期“2026-02-30”无效');
  });
});

describe('incomeWarnings', () => {
  const base = { items: [] as IncomeEntry[], divisor: 3, memberCountAtWindowEnd: 3 };
  const codes = (input: Parameters<typeof incomeWarnings>[0]): string[] => incomeWarnings(input, SEED_PROFILE).map((w) => w.code);

  it('no warnings for a household with nothing to check', () => {
    expect(incomeWarnings(base, SEED_PROFILE)).toEqual([]);
  });

  it('farmland without 地力补贴', () => {
    const [w] = incomeWarnings({ ...base, farmlandMu: 4.5 }, SEED_PROFILE);
    expect(w).toEqual({ code: 'noFarmlandSubsidy', message: '该户有耕地 4.5 亩，但收入中没有耕地地力保护补贴（地力补贴），请核实是否漏算' });
    expect(codes({ ...base, farmlandMu: 4.5, items: [{ key: 'farmlandSubsidy', amountFen: 50000 }] })).toEqual([]);
    expect(codes({ ...base, farmlandMu: 4.5, items: [{ key: 'farmlandSubsidy', amountFen: 0 }] })).toEqual(['noFarmlandSubsidy']);
  });

  it('forest or 退耕还林 without 生态补偿金', () => {
    const [w] = incomeWarnings({ ...base, forestMu: 10, grainForGreenMu: 2 }, SEED_PROFILE);
    expect(w.code).toBe('noEcoCompensation');
    expect(w.message).toContain('林地 10 亩、退耕还林 2 亩');
    expect(codes({ ...base, grainForGreenMu: 2, items: [{ key: 'grainForGreen', amountFen: 30000 }] })).toEqual([]);
  });

  it('公益性岗位 months without 公益性岗位收入', () => {
    expect(codes({ ...base, publicWelfareJobMonths: 12 })).toEqual(['noPublicWelfareJobIncome']);
    expect(codes({ ...base, publicWelfareJobMonths: 12, items: [{ key: 'publicJobVillage', amountFen: 600000 }] })).toEqual([]);
  });

  it('divisor differs from the member count at the end of the window', () => {
    const [w] = incomeWarnings({ ...base, divisor: 4 }, SEED_PROFILE);
    expect(w.code).toBe('divisorMismatch');
    expect(w.message).toContain('（4 人）与核算期末家庭人口数（3 人）不一致');
  });

  it('uses the profile’s item keys', () => {
    const p = profileWith((x) => {
      x.income.items.push({ key: 'localFarmAid', label: '本地种粮补贴', group: 'transfer', counted: true });
      x.income.warnKeys.farmlandSubsidy = ['localFarmAid'];
    });
    const items = [{ key: 'farmlandSubsidy', amountFen: 100 }];
    expect(incomeWarnings({ ...base, farmlandMu: 2, items }, p).map((w) => w.code)).toEqual(['noFarmlandSubsidy']);
  });
});
