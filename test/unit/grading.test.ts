import { describe, expect, it } from 'vitest';
import { describeCondition, evaluateCondition, gradeHousehold, type GradingInput } from '../../shared/domain/grading';
import { computeIncome } from '../../shared/domain/income';
import { ALT_GRADING_LOW_MEDIUM_HIGH, SEED_PROFILE, type GradingTable } from '../../shared/domain/profile';

const SEED = SEED_PROFILE.grading;
const ALL_PASS = { food: true, clothing: true, education: true, medical: true, housing: true, water: true };

/** A stable household: income above the line, every check passed, no risk, not a 监测对象. */
const stable = (over: Partial<GradingInput> = {}): GradingInput => ({
  income: 'atOrAboveMonitoring',
  checks: { ...ALL_PASS },
  category: null,
  householdType: '脱贫户',
  risks: [],
  riskEliminated: null,
  selfPaidMedicalFen: 0,
  ...over,
});

const grade = (input: GradingInput, table: GradingTable = SEED) => gradeHousehold(input, table);

describe('seed four-colour table, rule by rule', () => {
  it('blue: stable income above the line, all checks passed, no risk', () => {
    const r = grade(stable());
    expect(r).toMatchObject({ colour: 'blue', colourLabel: '蓝色', ruleIndex: 6 });
    expect(r.reason).toContain('两不愁三保障均达标');
  });

  it('red: income below the 国家扶贫标准', () => {
    expect(grade(stable({ income: 'belowPoverty' }))).toMatchObject({ colour: 'red', ruleIndex: 0 });
  });

  it('red: any basic check failed, even with income above the line', () => {
    for (const key of Object.keys(ALL_PASS)) {
      const r = grade(stable({ checks: { ...ALL_PASS, [key]: false } }));
      expect(r.colour, key).toBe('red');
    }
  });

  it('orange: below the 监测范围 with a risk', () => {
    expect(grade(stable({ income: 'belowMonitoring', risks: ['因病'] }))).toMatchObject({ colour: 'orange', ruleIndex: 1 });
  });

  it('orange: 突发严重困难户 even above the line', () => {
    expect(grade(stable({ category: '突发严重困难户' }))).toMatchObject({ colour: 'orange', ruleIndex: 2 });
  });

  it('orange: a 脱贫不稳定户 / 边缘易致贫户 whose risk is not eliminated', () => {
    expect(grade(stable({ category: '边缘易致贫户', riskEliminated: false }))).toMatchObject({ colour: 'orange', ruleIndex: 3 });
    expect(grade(stable({ category: '边缘易致贫户', riskEliminated: true })).colour).toBe('blue');
  });

  it('yellow: above the line with a latent risk', () => {
    expect(grade(stable({ risks: ['因学'] }))).toMatchObject({ colour: 'yellow', ruleIndex: 4 });
  });

  it('yellow: above the line with 自付医疗 over 5,000 元 (strictly above)', () => {
    expect(grade(stable({ selfPaidMedicalFen: 500001 }))).toMatchObject({ colour: 'yellow', ruleIndex: 5 });
    expect(grade(stable({ selfPaidMedicalFen: 500000 })).colour).toBe('blue');
  });

  it('default: income unknown or checks not assessed → yellow with the default reason', () => {
    const r = grade(stable({ income: null }));
    expect(r).toMatchObject({ colour: 'yellow', ruleIndex: null, rule: null });
    expect(r.reason).toBe(SEED.defaultLabel);
    expect(grade(stable({ checks: { ...ALL_PASS, water: undefined } })).ruleIndex).toBeNull();
  });

  it('below the 监测范围 without any risk matches no rule', () => {
    expect(grade(stable({ income: 'belowMonitoring' })).ruleIndex).toBeNull();
  });
});

describe('first match wins', () => {
  it('red beats orange when both hold', () => {
    expect(grade(stable({ income: 'belowPoverty', risks: ['因病'], category: '突发严重困难户' })).ruleIndex).toBe(0);
  });

  it('reordering the table changes the result', () => {
    const reordered: GradingTable = { ...SEED, rules: [SEED.rules[2], ...SEED.rules.filter((_, i) => i !== 2)] };
    const input = stable({ income: 'belowPoverty', category: '突发严重困难户' });
    expect(grade(input).colour).toBe('red');
    expect(grade(input, reordered).colour).toBe('orange');
  });
});

describe('the edge at the line, through computeIncome', () => {
  const incomeAt = (perCapitaFen: number) => computeIncome([{ key: 'migrantWork', amountFen: perCapitaFen * 2 }], 2, SEED_PROFILE, 2026).comparison;

  it('exactly 8,600 元 with a risk is yellow; one 分 less is orange', () => {
    expect(grade(stable({ income: incomeAt(860000), risks: ['因病'] })).colour).toBe('yellow');
    expect(grade(stable({ income: incomeAt(859999), risks: ['因病'] })).colour).toBe('orange');
  });

  it('exactly 4,000 元 is not red; one 分 less is', () => {
    expect(grade(stable({ income: incomeAt(400000), risks: ['因病'] })).colour).toBe('orange');
    expect(grade(stable({ income: incomeAt(399999) })).colour).toBe('red');
  });
});

describe('alternative 蓝/黄/红 = low/medium/high table', () => {
  const alt = ALT_GRADING_LOW_MEDIUM_HIGH;
  it('grades high, medium and low and never orange', () => {
    expect(grade(stable({ category: '突发严重困难户' }), alt)).toMatchObject({ colour: 'red', colourLabel: '红色（高风险）' });
    expect(grade(stable({ risks: ['因病'] }), alt)).toMatchObject({ colour: 'yellow', colourLabel: '黄色（中风险）' });
    expect(grade(stable({ income: 'belowMonitoring' }), alt).colour).toBe('yellow');
    const low = grade(stable(), alt);
    expect(low).toMatchObject({ colour: 'blue', ruleIndex: null, colourLabel: '蓝色（低风险）' });
    expect(low.reason).toContain('低风险');
  });
});

describe('conditions', () => {
  it('not, householdType, riskIn, flag, incomeKnown', () => {
    const input = stable({ risks: ['因灾'], flags: ['noLabourCapacity'] });
    expect(evaluateCondition({ not: { hasRisk: true } }, input)).toBe(false);
    expect(evaluateCondition({ householdType: ['一般农户', '脱贫户'] }, input)).toBe(true);
    expect(evaluateCondition({ riskIn: ['因病', '因灾'] }, input)).toBe(true);
    expect(evaluateCondition({ riskIn: ['因病'] }, input)).toBe(false);
    expect(evaluateCondition({ flag: 'noLabourCapacity' }, input)).toBe(true);
    expect(evaluateCondition({ incomeKnown: false }, stable({ income: null }))).toBe(true);
    expect(evaluateCondition({ incomeAtOrAbove: 'poverty' }, stable({ income: 'belowMonitoring' }))).toBe(true);
    expect(evaluateCondition({ incomeBelow: 'monitoring' }, stable({ income: null }))).toBe(false);
    expect(evaluateCondition({ incomeAtOrAbove: 'monitoring' }, stable({ income: null }))).toBe(false);
  });

  it('describes a rule in Chinese', () => {
    expect(describeCondition(SEED.rules[0].when)).toBe('人均纯收入低于国家扶贫标准，或两不愁三保障（含饮水）任一项不达标');
    expect(describeCondition(SEED.rules[5].when)).toBe('人均纯收入达到或超过监测范围，且合规自付医疗支出超过 5,000.00 元');
    expect(describeCondition({ not: { any: [{ hasRisk: true }, { checkFailed: 'water' }] } })).toBe('并非（存在返贫致贫风险，或饮水安全有保障不达标）');
  });
});
