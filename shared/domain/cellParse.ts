// Typed readers for spreadsheet cells: each returns a value or a Chinese reason naming what is wrong and
// what to do. They accept what clerks' files really contain: full-width digits, stray spaces, Excel
// serial dates, dates typed as text, numbers stored as text and text stored as numbers.
import { type Cell, cellText, excelScientific } from './cellText';
import { isRealDate, toHalfWidth } from './idCard';

export type Parsed<T> = { ok: true; value: T | null } | { ok: false; reason: string };

const ok = <T>(value: T | null): Parsed<T> => ({ ok: true, value });
const bad = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

/** Digits-and-letters text: full-width → half-width, every space, dash-free separators and a leading apostrophe removed. */
export const compactCode = (s: string): string =>
  toHalfWidth(s)
    .replace(/[\s\u200b-\u200d\ufeff]/g, '')
    .replace(/^'+/, '');

/**
 * An identifier column (证件号码, 户编号): a number cell with 16 or more digits has already lost digits
 * (Excel keeps 15 significant digits), so it is refused instead of being guessed at.
 */
export function parseCode(cell: Cell, what: string): Parsed<string> {
  if (cell.kind === 'empty') return ok(null);
  if (cell.kind === 'number') {
    if (Math.abs(cell.value) >= 1e15 || !Number.isInteger(cell.value)) {
      return bad(`${what}被 Excel 存成了数字（显示为 ${excelScientific(cell.value)}），后几位已经丢失。请把该列设为“文本”格式，按原件重新录入完整号码`);
    }
    return ok(String(cell.value));
  }
  const text = compactCode(cellText(cell)).toUpperCase();
  return ok(text || null);
}

/** Days since 1899-12-30 (Excel's 1900 date system, including its fictitious 1900-02-29 = serial 60). */
export function excelSerialToIso(serial: number): string | null {
  const whole = Math.floor(serial);
  if (!Number.isFinite(serial) || whole < 1 || whole > 2958465 || whole === 60) return null;
  // Serials below 60 count from 1899-12-31 because Excel inserted the non-existent 29 Feb 1900.
  const base = whole < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(base + whole * 86_400_000).toISOString().slice(0, 10);
}

const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;

/** A date: a date cell, an Excel serial number, or text such as 2023-01-05, 2023/1/5, 2023年1月5日, 20230105. */
export function parseDate(cell: Cell, what: string): Parsed<string> {
  if (cell.kind === 'empty') return ok(null);
  if (cell.kind === 'date') return ok(cell.iso);
  if (cell.kind === 'number') {
    const iso = excelSerialToIso(cell.value);
    return iso ? ok(iso) : bad(`${what}“${cellText(cell)}”不是有效日期，请填写为 YYYY-MM-DD（如 2023-01-05）`);
  }
  const text = toHalfWidth(cellText(cell)).trim();
  const m = DATE_TEXT.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
    return ok(`${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`);
  }
  // A serial number typed as text ("44927") is what a CSV saved from Excel holds.
  if (/^\d{5}$/.test(text)) {
    const iso = excelSerialToIso(Number(text));
    if (iso) return ok(iso);
  }
  return bad(`${what}“${text}”不是有效日期，请填写为 YYYY-MM-DD（如 2023-01-05）`);
}

function toNumber(cell: Cell): number | null {
  if (cell.kind === 'number') return cell.value;
  const text = toHalfWidth(cellText(cell)).replace(/[\s,，]/g, '');
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : null;
}

/** A whole number within bounds (months worked: 0–12). */
export function parseInteger(cell: Cell, what: string, min: number, max: number): Parsed<number> {
  if (cell.kind === 'empty') return ok(null);
  const n = toNumber(cell);
  if (n === null || !Number.isInteger(n)) return bad(`${what}“${cellText(cell)}”应为整数，请填写 ${min}–${max} 之间的整数`);
  if (n < min || n > max) return bad(`${what}为 ${n}，超出范围，请填写 ${min}–${max} 之间的整数`);
  return ok(n);
}

/** A non-negative decimal (亩, 平方米), rounded to 2 places. */
export function parseDecimal(cell: Cell, what: string, max: number): Parsed<number> {
  if (cell.kind === 'empty') return ok(null);
  const n = toNumber(cell);
  if (n === null) return bad(`${what}“${cellText(cell)}”应为数字，请只填写数值（不带单位）`);
  if (n < 0 || n > max) return bad(`${what}为 ${n}，超出范围，请填写 0–${max} 之间的数值`);
  return ok(Math.round(n * 100) / 100);
}

const YES = new Set(['是', '√', '✓', '✔', 'Y', 'YES', 'TRUE', '1', '有', '参加', '已参加', '参保', '已参保', '享受', '已享受']);
const NO = new Set(['否', '×', '✗', 'N', 'NO', 'FALSE', '0', '无', '未参加', '不参加', '未参保', '未享受', '不享受']);

/** 是/否 and its many spellings. */
export function parseYesNo(cell: Cell, what: string): Parsed<boolean> {
  if (cell.kind === 'empty') return ok(null);
  if (cell.kind === 'bool') return ok(cell.value);
  const text = toHalfWidth(cellText(cell)).replace(/\s/g, '').toUpperCase();
  if (text === '') return ok(null);
  if (YES.has(text)) return ok(true);
  if (NO.has(text)) return ok(false);
  return bad(`${what}“${cellText(cell)}”应填写“是”或“否”`);
}

/** A phone number: digits kept, separators dropped; an odd shape is reported but kept (it may be a landline). */
export function parsePhone(cell: Cell, what: string): Parsed<string> & { warning?: string } {
  if (cell.kind === 'empty') return ok(null);
  const digits = toHalfWidth(cellText(cell)).replace(/[\s\-()（）]/g, '').replace(/^'+/, '');
  if (digits === '') return ok(null);
  if (digits.length > 30) return bad(`${what}过长，请只填写一个电话号码`);
  const plausible = /^1\d{10}$/.test(digits) || /^0\d{9,11}$/.test(digits) || /^\d{7,8}$/.test(digits);
  return plausible ? ok(digits) : { ok: true, value: digits, warning: `${what}“${digits}”不像手机号（11 位）或固定电话，请核对` };
}

const SEX: Record<string, '男' | '女'> = { 男: '男', 男性: '男', M: '男', '1': '男', 女: '女', 女性: '女', F: '女', '2': '女' };

export function parseSex(cell: Cell): Parsed<'男' | '女'> {
  if (cell.kind === 'empty') return ok(null);
  const text = toHalfWidth(cellText(cell)).replace(/\s/g, '').toUpperCase();
  return SEX[text] ? ok(SEX[text]) : bad(`性别“${cellText(cell)}”应填写“男”或“女”`);
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const STAGE_ALIASES: Record<string, string> = { 高中: '普通高中', 幼儿园: '学前教育', 学前: '学前教育', 中专: '中职', 中等职业教育: '中职', 专科: '大专', 大学: '本科' };
const NOT_IN_SCHOOL = new Set(['', '否', '无', '非在校生', '不在校', '未在校', '/', '-']);

/** 在校生情况 such as 小学三年级 / 初中2年级 / 普通高中 → {stage, grade}; not-in-school values → null. */
export function parseSchoolStatus(text: string, stages: readonly { label: string; grades: number }[]): Parsed<{ stage: string; grade: number | null }> {
  const s = toHalfWidth(text).replace(/\s/g, '');
  if (NOT_IN_SCHOOL.has(s)) return ok(null);
  const m = /^(.*?)(?:([一二三四五六七八九]|\d)年级)?$/.exec(s)!;
  const stageText = STAGE_ALIASES[m[1]] ?? m[1];
  const stage = stages.find((st) => st.label === stageText);
  if (!stage) return bad(`在校生情况“${text}”无法识别，学段应为：${stages.map((st) => st.label).join('、')}（可带年级，如“小学三年级”）`);
  const grade = m[2] ? (CN_DIGITS[m[2]] ?? Number(m[2])) : null;
  if (grade !== null && (grade < 1 || grade > stage.grades)) return bad(`在校生情况“${text}”的年级超出${stage.label}的 1–${stage.grades} 年级`);
  return ok({ stage: stage.label, grade });
}
