// Money as integer 分 (cents). Never floats: 元 strings are parsed digit by digit and every sum is checked
// against Number.MAX_SAFE_INTEGER, so a 收入核算表 total is exact or an error, never silently rounded.
import { validationError } from './errors';
import { toHalfWidth } from './idCard';

export type MoneyParse = { ok: true; fen: number } | { ok: false; reason: string };

export interface ParseYuanOptions {
  /** Allow a leading minus (e.g. a correction line). Default false: amounts on the forms are never negative. */
  allowNegative?: boolean;
  /** Field name used in messages, e.g. "务工收入". Default "金额". */
  field?: string;
}

// Digits with optional correctly-grouped thousands separators, then up to any number of decimals
// (the decimal count is checked separately to give a precise message).
const AMOUNT = /^(-?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?$/;

/**
 * "1,234.50", "１２３４.５", "¥1234", "1234元", 1234.5 → 分. Rejects more than 2 decimals, misplaced commas,
 * scientific notation and anything else with a Chinese message naming the field.
 */
export function tryParseYuan(input: string | number, options: ParseYuanOptions = {}): MoneyParse {
  const field = options.field ?? '金额';
  if (typeof input === 'number' && !Number.isFinite(input)) return { ok: false, reason: `${field}不是有效数字` };
  const text = toHalfWidth(String(input))
    .replace(/\s/g, '')
    .replace(/^[¥￥]/, '')
    .replace(/元$/, '');
  if (text === '') return { ok: false, reason: `${field}为空，请填写金额（元），没有请填 0` };
  if (/e/i.test(text)) return { ok: false, reason: `${field}“${text}”是科学计数法，请在 Excel 中把该列设为数值或文本格式后重新填写` };
  const m = AMOUNT.exec(text);
  if (!m) {
    const hint = text.includes(',') ? '，千位分隔符应每三位一个' : '';
    return { ok: false, reason: `${field}“${text}”不是有效金额，只能填数字和小数点${hint}` };
  }
  const [, minus, intPart, decimals = ''] = m;
  if (decimals.length > 2) return { ok: false, reason: `${field}“${text}”超过两位小数，金额最多精确到分` };
  if (minus && !options.allowNegative) return { ok: false, reason: `${field}不能为负数` };
  const digits = intPart.replace(/,/g, '') + decimals.padEnd(2, '0');
  const fen = Number(digits);
  if (!Number.isSafeInteger(fen)) return { ok: false, reason: `${field}“${text}”过大，请核对` };
  return { ok: true, fen: minus && fen !== 0 ? -fen : fen };
}

/** Like tryParseYuan but throws a validation DomainError. */
export function parseYuan(input: string | number, options: ParseYuanOptions = {}): number {
  const r = tryParseYuan(input, options);
  if (!r.ok) throw validationError([{ path: options.field ?? 'amount', message: r.reason }]);
  return r.fen;
}

function assertFen(fen: number, what = '金额'): void {
  if (!Number.isSafeInteger(fen)) throw validationError([{ path: 'amount', message: `${what}必须是以分为单位的整数，当前为 ${fen}` }]);
}

/** 123450 → "1,234.50"; `grouping: false` → "1234.50". */
export function formatFen(fen: number, options: { grouping?: boolean } = {}): string {
  assertFen(fen);
  const abs = Math.abs(fen);
  const yuan = String(Math.floor(abs / 100));
  const cents = String(abs % 100).padStart(2, '0');
  const grouped = options.grouping === false ? yuan : yuan.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${fen < 0 ? '-' : ''}${grouped}.${cents}`;
}

/** Sum of 分 amounts; throws when any input is not an integer or a partial sum leaves the exact range. */
export function sumFen(values: readonly number[]): number {
  let total = 0;
  for (const v of values) {
    assertFen(v);
    total += v;
    if (!Number.isSafeInteger(total)) {
      throw validationError([{ path: 'amount', message: '金额合计超出可精确计算的范围，请核对是否录入了异常大的金额' }]);
    }
  }
  return total;
}

export const addFen = (a: number, b: number): number => sumFen([a, b]);
export const subtractFen = (a: number, b: number): number => sumFen([a, -b]);

export type Rounding = 'halfUp' | 'down';

/**
 * Integer division of 分 with explicit rounding, e.g. 人均纯收入 = 纯收入 ÷ 人口.
 * - 'halfUp' (default, 四舍五入): a remainder of at least half the divisor rounds away from zero,
 *   so 1,000.01 元 ÷ 2 = 500.01 元 (500.005 → 500.01) and −0.5 分 → −1 分.
 * - 'down': truncates toward zero.
 * Exact for all safe integers: only integer operations are used.
 */
export function divideFen(totalFen: number, divisor: number, rounding: Rounding = 'halfUp'): number {
  assertFen(totalFen);
  if (!Number.isSafeInteger(divisor) || divisor === 0) {
    throw validationError([{ path: 'divisor', message: `除数必须是非零整数，当前为 ${divisor}` }]);
  }
  const negative = totalFen < 0 !== divisor < 0;
  const a = Math.abs(totalFen);
  const b = Math.abs(divisor);
  let q = Math.floor(a / b);
  // Math.floor of a float quotient can be off by one for huge values; fix it with exact integer checks.
  while (q * b > a) q -= 1;
  while ((q + 1) * b <= a) q += 1;
  const r = a - q * b;
  if (rounding === 'halfUp' && r * 2 >= b) q += 1;
  return negative && q !== 0 ? -q : q;
}
