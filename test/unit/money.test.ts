import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { divideFen, formatFen, parseYuan, subtractFen, sumFen, tryParseYuan } from '../../shared/domain/money';

const reason = (input: string | number, allowNegative = false): string => {
  const r = tryParseYuan(input, { field: '务工收入', allowNegative });
  if (r.ok) throw new Error(`expected "${input}" to be rejected`);
  return r.reason;
};

describe('parseYuan', () => {
  it('parses the forms clerks type and paste', () => {
    expect(parseYuan('1,234.50')).toBe(123450);
    expect(parseYuan('１２３４.５')).toBe(123450);
    expect(parseYuan(' 1234 ')).toBe(123400);
    expect(parseYuan('¥86.7元')).toBe(8670);
    expect(parseYuan('0.01')).toBe(1);
    expect(parseYuan('1,234,567')).toBe(123456700);
    expect(parseYuan(1234.5)).toBe(123450);
    expect(parseYuan('-12.3', { allowNegative: true })).toBe(-1230);
    expect(parseYuan('-0.00', { allowNegative: true })).toBe(0);
  });

  it('refuses more than two decimals with a message naming the field', () => {
    expect(reason('12.345')).toBe('务工收入“12.345”超过两位小数，金额最多精确到分');
    expect(reason(0.1 + 0.2)).toContain('超过两位小数');
  });

  it('refuses empty, negative, misgrouped, scientific and non-numeric input', () => {
    expect(reason('')).toContain('务工收入为空');
    expect(reason('-5')).toBe('务工收入不能为负数');
    expect(reason('12,34')).toContain('千位分隔符');
    expect(reason('1.2E+4')).toContain('科学计数法');
    expect(reason('一千')).toContain('不是有效金额');
    expect(reason(Number.NaN)).toContain('不是有效数字');
    expect(reason('99999999999999999')).toContain('过大');
  });

  it('throws a validation DomainError', () => {
    expect(() => parseYuan('abc', { field: '种植业收入' })).toThrow('种植业收入“abc”不是有效金额');
  });
});

describe('formatFen', () => {
  it('groups thousands and always shows two decimals', () => {
    expect(formatFen(123450)).toBe('1,234.50');
    expect(formatFen(5)).toBe('0.05');
    expect(formatFen(0)).toBe('0.00');
    expect(formatFen(-123456789)).toBe('-1,234,567.89');
    expect(formatFen(123456789, { grouping: false })).toBe('1234567.89');
  });
  it('refuses non-integer 分', () => {
    expect(() => formatFen(1.5)).toThrow('整数');
  });
});

describe('money properties', () => {
  const fenArb = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });

  it('parse ∘ format is the identity', () => {
    fc.assert(
      fc.property(fenArb, fc.boolean(), (fen, grouping) => parseYuan(formatFen(fen, { grouping }), { allowNegative: true }) === fen),
      { numRuns: 500 },
    );
  });

  it('sums are exact (checked against BigInt) or throw when out of range', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e12, max: 1e12 }), { maxLength: 50 }), (values) => {
        const exact = values.reduce((s, v) => s + BigInt(v), 0n);
        return BigInt(sumFen(values)) === exact;
      }),
      { numRuns: 300 },
    );
    expect(() => sumFen([Number.MAX_SAFE_INTEGER, 1])).toThrow('超出可精确计算的范围');
    expect(() => sumFen([1.5])).toThrow();
  });

  it('divideFen(halfUp) is the nearest integer, ties away from zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), fc.integer({ min: 1, max: 50 }), (total, n) => {
        const q = BigInt(divideFen(total, n));
        const twice = 2n * BigInt(total);
        const lower = (2n * q - 1n) * BigInt(n);
        const upper = (2n * q + 1n) * BigInt(n);
        // |total/n − q| ≤ 1/2, and an exact half goes away from zero.
        return total >= 0 ? twice >= lower && twice < upper : twice > lower && twice <= upper;
      }),
      { numRuns: 500 },
    );
  });
});

describe('divideFen', () => {
  it('rounds half up and documents the mode', () => {
    expect(divideFen(100001, 2)).toBe(50001);
    expect(divideFen(100001, 2, 'down')).toBe(50000);
    expect(divideFen(10, 3)).toBe(3);
    expect(divideFen(20, 3)).toBe(7);
    expect(divideFen(-1, 2)).toBe(-1);
    expect(divideFen(-5, 3, 'down')).toBe(-1);
  });
  it('refuses a zero or fractional divisor', () => {
    expect(() => divideFen(100, 0)).toThrow('除数必须是非零整数');
    expect(() => divideFen(100, 1.5)).toThrow();
  });
  it('subtractFen is exact', () => {
    expect(subtractFen(100, 250)).toBe(-150);
  });
});
