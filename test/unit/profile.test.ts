import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/domain/errors';
import {
  ALT_GRADING_LOW_MEDIUM_HIGH,
  checkProfile,
  incomeLinesFor,
  parseProfile,
  SEED_PROFILE,
  withSeedDefaults,
  type Profile,
} from '../../shared/domain/profile';

const clone = (): Profile => structuredClone(SEED_PROFILE);

function messagesOf(input: unknown): string[] {
  const r = checkProfile(input);
  if (r.ok) throw new Error('expected the profile to be rejected');
  return r.issues.map((i) => i.message);
}

describe('seed profile', () => {
  it('parses, also from JSON text, unchanged', () => {
    expect(parseProfile(SEED_PROFILE)).toEqual(SEED_PROFILE);
    expect(parseProfile(JSON.stringify(SEED_PROFILE))).toEqual(SEED_PROFILE);
  });

  it('carries the seed numbers the procedure text states', () => {
    expect(SEED_PROFILE.procedure.leadContactHours).toBe(48);
    expect(SEED_PROFILE.procedure.publicNoticeDays).toBe(7);
    expect(SEED_PROFILE.procedure.wholeProcedureWorkingDays).toBe(15);
    expect(SEED_PROFILE.procedure.minVerifiers).toBe(2);
    expect(SEED_PROFILE.procedure.eliminationMinMonths).toBe(6);
    expect(SEED_PROFILE.assistance.escalationMonths).toBe(3);
    expect(SEED_PROFILE.security).toMatchObject({ lockoutAttempts: 5, lockoutMinutes: 15 });
    expect(SEED_PROFILE.enums.measureCategories).toHaveLength(14);
    expect(SEED_PROFILE.enums.priorityMeasures).toHaveLength(8);
    expect(SEED_PROFILE.grading.rules.map((r) => r.colour)).toEqual(['red', 'orange', 'orange', 'orange', 'yellow', 'yellow', 'blue']);
  });

  it('the seed is frozen and a parsed profile is an independent copy', () => {
    expect(() => {
      (SEED_PROFILE.procedure as { publicNoticeDays: number }).publicNoticeDays = 5;
    }).toThrow();
    const p = parseProfile({});
    p.enums.householdTypes.push('五保户');
    p.grading.rules[0].label = '改';
    expect(SEED_PROFILE.enums.householdTypes).not.toContain('五保户');
    expect(SEED_PROFILE.grading.rules[0].label).not.toBe('改');
  });

  it('accepts the alternative 蓝/黄/红 grading table', () => {
    expect(checkProfile({ ...clone(), grading: ALT_GRADING_LOW_MEDIUM_HIGH }).ok).toBe(true);
  });
});

describe('missing keys come from the seed', () => {
  it('an empty object is the seed', () => {
    expect(parseProfile({})).toEqual(SEED_PROFILE);
  });

  it('objects merge key by key, arrays replace', () => {
    const stored = { office: { county: '某县' }, procedure: { publicNoticeDays: 5, localHolidays: ['2026-05-06'] } };
    const p = parseProfile(stored);
    expect(p.office.county).toBe('某县');
    expect(p.office.profileName).toBe(SEED_PROFILE.office.profileName);
    expect(p.procedure.publicNoticeDays).toBe(5);
    expect(p.procedure.localHolidays).toEqual(['2026-05-06']);
    expect(p.procedure.minVerifiers).toBe(2);
    expect(withSeedDefaults({ income: { lines: [] } }, SEED_PROFILE)).toMatchObject({ income: { lines: [] } });
  });

  it('optional-key maps replace the seed so a step limit can be removed', () => {
    const p = parseProfile({ procedure: { stepWorkingDays: { verify: 5 } } });
    expect(p.procedure.stepWorkingDays).toEqual({ verify: 5 });
    expect(parseProfile({ assessment: { failedCheckRisks: {} } }).assessment.failedCheckRisks).toEqual({});
  });
});

describe('bad profiles give Chinese messages naming the field', () => {
  it('公示天数 outside 5–7', () => {
    expect(messagesOf({ procedure: { publicNoticeDays: 3 } })).toEqual(['办理程序 › 公示天数：公示天数不能少于 5 天']);
    expect(messagesOf({ procedure: { publicNoticeDays: 10 } })[0]).toContain('不能超过 7 天');
  });

  it('not JSON / not an object', () => {
    expect(messagesOf('{"office":')[0]).toContain('不是有效的 JSON');
    expect(messagesOf([1, 2])[0]).toContain('JSON 对象');
  });

  it('unknown keys and wrong types use Chinese wording', () => {
    expect(messagesOf({ procedur: {} })[0]).toMatch(/地方口径：.*procedur/);
    expect(messagesOf({ security: { lockoutMinutes: '15' } })[0]).toMatch(/^账号安全 › 锁定分钟数：无效输入/);
    expect(messagesOf({ procedure: { localHolidays: ['2026/05/06'] } })[0]).toContain('日期格式应为 YYYY-MM-DD');
  });

  it('a misspelt grading condition is pointed at precisely', () => {
    const p = clone();
    (p.grading.rules[0] as { when: unknown }).when = { any: [{ incomeBelo: 'poverty' }] };
    const [msg] = messagesOf(p);
    expect(msg).toContain('风险评级 › 规则 › 第 1 项 › 条件 › any › 第 1 项');
    expect(msg).toContain('未知的键“incomeBelo”');
  });

  it('a condition with two keys or none is refused', () => {
    const p = clone();
    (p.grading.rules[0] as { when: unknown }).when = { hasRisk: true, incomeBelow: 'poverty' };
    expect(messagesOf(p)[0]).toContain('恰好有一个键（当前 2 个）');
    (p.grading.rules[0] as { when: unknown }).when = { all: [] };
    expect(messagesOf(p)[0]).toContain('all 至少要有一个条件');
  });

  it('a grading rule naming an unknown category or risk', () => {
    const p = clone();
    p.grading.rules[2].when = { category: '突发困难户' };
    p.grading.rules[1].when = { riskIn: ['因病', '因穷'] };
    const msgs = messagesOf(p);
    expect(msgs).toContain('风险评级 › 规则 › 第 3 项 › 条件：评级规则“橙色：突发严重困难户（刚性支出较大或收入大幅缩减）”引用的监测对象类别“突发困难户”不存在');
    expect(msgs.some((m) => m.includes('风险类型“因穷”不存在'))).toBe(true);
  });

  it('a monitoring line below the poverty line, duplicate years and keys, dangling warn keys', () => {
    const p = clone();
    p.income.lines[0].monitoringLineFen = p.income.lines[0].povertyLineFen - 1;
    p.income.lines.push({ ...p.income.lines[1] });
    p.income.items.push({ ...p.income.items[0] });
    p.income.warnKeys.farmlandSubsidy = ['diLiButie'];
    const msgs = messagesOf(p).join('\n');
    expect(msgs).toContain('2025 年的监测范围低于国家扶贫标准');
    expect(msgs).toContain('收入标准年度“2026”重复');
    expect(msgs).toContain('收入项目键名“migrantWork”重复');
    expect(msgs).toContain('收入项目“diLiButie”不存在');
  });

  it('amounts must be whole 分', () => {
    const p = clone();
    p.income.lines[0].povertyLineFen = 4000.5;
    expect(messagesOf(p)[0]).toContain('金额以分为单位，应为整数');
  });

  it('parseProfile throws a validation DomainError listing every issue', () => {
    try {
      parseProfile({ procedure: { publicNoticeDays: 3, minVerifiers: 1 } });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      const err = e as DomainError;
      expect(err.code).toBe('validation');
      expect(err.message).toMatch(/^地方口径有 2 处错误/);
      expect(err.message).toContain('入户核实人员不能少于 2 人');
    }
  });
});

describe('incomeLinesFor', () => {
  it('finds the year or names the missing one', () => {
    expect(incomeLinesFor(SEED_PROFILE, 2026).monitoringLineFen).toBe(860000);
    expect(() => incomeLinesFor(SEED_PROFILE, 2031)).toThrow('没有 2031 年的收入标准');
  });
});
