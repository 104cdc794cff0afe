// 居民身份证号码 (GB 11643-1999) validation, masking and age helpers.
// Pure: "today" is always passed in, never read from the clock.
import { chinaDate } from './chinaTime';

/** Result of checking one ID number. `reason` is a Chinese message for the clerk: it names what is wrong and what to do. */
export type IdCheck =
  | { ok: true; normalized: string; birthDate: string; sex: '男' | '女' }
  | { ok: false; reason: string };

/** 残疾人证 number = 18-char ID + 残疾类别 (1 digit) + 残疾等级 (1 digit) [+ 2 more digits]. */
export type DisabilityCertCheck =
  | { ok: true; normalized: string; idNumber: string; birthDate: string; sex: '男' | '女'; category: string; grade: string }
  | { ok: false; reason: string };

/** Which characters stay visible when masking; the profile's `privacy.idMaskPattern` has this shape. */
export interface MaskPattern {
  keepStart: number;
  keepEnd: number;
  maskChar?: string;
}

// GB/T 2260 province-level codes (first two digits). 71 台湾, 81/82 港澳 and 83 台湾居民居住证 are included
// because residence-permit holders carry 18-digit numbers with these prefixes.
const PROVINCE_CODES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

// ISO 7064 MOD 11-2: weights are 2^(17-i) mod 11 for positions 0..16.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

// 残疾类别 1 视力 2 听力 3 言语 4 肢体 5 智力 6 精神 7 多重; 残疾等级 1–4 (GB/T 26341).
const DISABILITY_CATEGORIES = '1234567';
const DISABILITY_GRADES = '1234';

/** Converts full-width (全角) ASCII-range characters to half-width; U+3000 becomes a space. */
export function toHalfWidth(input: string): string {
  let out = '';
  for (const ch of input) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/**
 * Cleans what a clerk typed or pasted: trims, full-width → half-width, drops all whitespace (incl. zero-width),
 * drops a leading apostrophe (Excel's "force text" prefix survives copy-paste), upper-cases letters (x → X).
 */
export function normalizeIdNumber(raw: string): string {
  return toHalfWidth(raw ?? '')
    .replace(/[\s\u200b-\u200d\ufeff]/g, '')
    .replace(/^'+/, '')
    .toUpperCase();
}

/** Check digit (0–9 or X) for the first 17 digits. */
export function idCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`idCheckDigit needs 17 digits, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** Builds a valid 18-digit number (demo data, tests). `birth` is YYYYMMDD, `seq3` the 3-digit 顺序码 (odd = 男). */
export function makeIdNumber(regionCode6: string, birth: string, seq3: string | number): string {
  const seq = String(seq3).padStart(3, '0');
  if (!/^\d{6}$/.test(regionCode6)) throw new Error(`regionCode6 must be 6 digits, got "${regionCode6}"`);
  if (!/^\d{8}$/.test(birth)) throw new Error(`birth must be YYYYMMDD, got "${birth}"`);
  if (!/^\d{3}$/.test(seq)) throw new Error(`seq3 must be up to 3 digits, got "${seq3}"`);
  const first17 = regionCode6 + birth + seq;
  return first17 + idCheckDigit(first17);
}

/** True when y-m-d is a real calendar date (leap years included). */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return d <= days;
}

/** 'YYYY-MM-DD': a Date is read as its China calendar day (UTC+8), whatever the machine's time zone. */
function toIsoDay(day: string | Date): string {
  return typeof day === 'string' ? day.slice(0, 10) : chinaDate(day);
}

// Excel shows long numbers as 4.30102E+17 and keeps only 15 significant digits.
const SCIENTIFIC = /^\d+(\.\d+)?E\+?\d+$/;
// The earliest birth year we accept: anything older is a typo, not a person on a register.
const MIN_BIRTH_YEAR = 1900;

function shapeProblem(id: string, raw: string): string | null {
  if (id === '') return '证件号码为空，请填写 18 位居民身份证号码';
  if (SCIENTIFIC.test(id)) {
    return `证件号码“${raw.trim()}”是科学计数法，Excel 已把它当作数字并丢失了后几位，请把该列设为“文本”格式后重新录入完整的 18 位号码`;
  }
  const bad = id.replace(/[0-9X]/g, '');
  if (bad !== '') return `证件号码含有非法字符“${[...new Set(bad)].join('')}”，只能填数字，最后一位可以是 X，请核对`;
  if (id.length === 15 && /^\d{15}$/.test(id)) return '这是 15 位的旧身份证号码，请改填 18 位居民身份证号码';
  if (id.length !== 18) return `证件号码应为 18 位，当前为 ${id.length} 位，请核对是否多输或漏输`;
  if (id.slice(0, 17).includes('X')) return '证件号码只有最后一位可以是 X，前 17 位必须是数字，请核对';
  return null;
}

function birthProblem(id: string, today: string): string | null {
  const digits = id.slice(6, 14);
  const [y, m, d] = [Number(digits.slice(0, 4)), Number(digits.slice(4, 6)), Number(digits.slice(6, 8))];
  if (!isRealDate(y, m, d) || y < MIN_BIRTH_YEAR) {
    return `证件号码第 7–14 位的出生日期“${digits}”不是有效日期，请核对`;
  }
  const birthDate = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  if (birthDate > today) return `证件号码中的出生日期 ${birthDate} 晚于今天（${today}），请核对`;
  return null;
}

/**
 * Validates an 18-digit 居民身份证号码. `today` (YYYY-MM-DD, or a Date read in China time) bounds the birth date.
 * Checks run from the coarsest problem to the finest so the message names the first real mistake.
 */
export function validateIdNumber(raw: string, today: string | Date): IdCheck {
  const id = normalizeIdNumber(raw);
  const shape = shapeProblem(id, raw ?? '');
  if (shape) return { ok: false, reason: shape };
  if (!PROVINCE_CODES.has(id.slice(0, 2))) {
    return { ok: false, reason: `证件号码前两位“${id.slice(0, 2)}”不是有效的省级行政区划代码，请核对` };
  }
  const birth = birthProblem(id, toIsoDay(today));
  if (birth) return { ok: false, reason: birth };
  const expected = idCheckDigit(id.slice(0, 17));
  if (id[17] !== expected) {
    // An 18-digit number ending in 000 is the other Excel accident: the last digits were rounded away.
    const excelHint = /000$/.test(id) ? '（号码以 000 结尾，可能被 Excel 当作数字截断，请从原件重新录入）' : '';
    return { ok: false, reason: `证件号码校验位错误：最后一位应为 ${expected}，请核对${excelHint}` };
  }
  return {
    ok: true,
    normalized: id,
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    sex: Number(id[16]) % 2 === 1 ? '男' : '女',
  };
}

/** Validates a 残疾人证 number (20 or 22 chars) through its 18-char ID prefix, then the 类别/等级 digits. */
export function validateDisabilityCertNo(raw: string, today: string | Date): DisabilityCertCheck {
  const cert = normalizeIdNumber(raw);
  if (cert.length !== 20 && cert.length !== 22) {
    return { ok: false, reason: `残疾人证号应为 20 位或 22 位（身份证号 + 残疾类别 + 残疾等级），当前为 ${cert.length} 位，请核对` };
  }
  const id = validateIdNumber(cert.slice(0, 18), today);
  if (!id.ok) return { ok: false, reason: `残疾人证号前 18 位（身份证号）有误：${id.reason}` };
  const suffix = cert.slice(18);
  if (!/^\d+$/.test(suffix)) return { ok: false, reason: `残疾人证号第 19 位起应为数字，当前为“${suffix}”，请核对` };
  if (!DISABILITY_CATEGORIES.includes(suffix[0])) {
    return { ok: false, reason: `残疾人证号第 19 位（残疾类别）应为 1–7，当前为 ${suffix[0]}，请核对` };
  }
  if (!DISABILITY_GRADES.includes(suffix[1])) {
    return { ok: false, reason: `残疾人证号第 20 位（残疾等级）应为 1–4，当前为 ${suffix[1]}，请核对` };
  }
  return { ok: true, normalized: cert, idNumber: id.normalized, birthDate: id.birthDate, sex: id.sex, category: suffix[0], grade: suffix[1] };
}

function maskMiddle(value: string, pattern: MaskPattern): string {
  const chars = [...value];
  const maskChar = pattern.maskChar ?? '*';
  const keepStart = Math.max(0, pattern.keepStart);
  const keepEnd = Math.max(0, pattern.keepEnd);
  // Too short to hide anything while keeping both ends: hide it all rather than show it all.
  if (chars.length <= keepStart + keepEnd) return maskChar.repeat(chars.length);
  return chars.slice(0, keepStart).join('') + maskChar.repeat(chars.length - keepStart - keepEnd) + chars.slice(chars.length - keepEnd).join('');
}

export const DEFAULT_ID_MASK: MaskPattern = { keepStart: 4, keepEnd: 4, maskChar: '*' };
export const DEFAULT_PHONE_MASK: MaskPattern = { keepStart: 3, keepEnd: 4, maskChar: '*' };

/** `430102199001011234` → `4301**********1234` (default); pattern from the profile's privacy section. */
export function maskIdNumber(id: string, pattern: MaskPattern = DEFAULT_ID_MASK): string {
  if (!id) return '';
  return maskMiddle(normalizeIdNumber(id), pattern);
}

/** `13812341234` → `138****1234`. Separators are dropped first so the kept digits are real digits. */
export function maskPhone(phone: string, pattern: MaskPattern = DEFAULT_PHONE_MASK): string {
  if (!phone) return '';
  return maskMiddle(toHalfWidth(phone).replace(/[\s\-()]/g, ''), pattern);
}

/**
 * Age in full years (周岁) on `date`; both YYYY-MM-DD. Someone born on 02-29 turns a year older on 03-01 in
 * common years (string comparison of MM-DD). Returns -1 when `date` is before the birth date.
 */
export function ageOn(birthDate: string, date: string | Date): number {
  const on = toIsoDay(date);
  if (on < birthDate) return -1;
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5, 10) >= birthDate.slice(5, 10) ? years : years - 1;
}
