// Working-day arithmetic for procedure deadlines (工作日), China time, statutory holidays and 调休.
//
// TIME ZONE. All calendar math is done on China calendar dates ('YYYY-MM-DD', UTC+8). China has had
// no daylight saving since 1991, so an instant becomes a China date by adding exactly 8 hours to its
// epoch milliseconds and reading the UTC calendar fields of the result (`chinaDateOf`). Nothing here
// reads the host's time zone: date strings are turned into whole-day numbers with Date.UTC and back.
// ISO instants MUST carry 'Z' or an explicit offset; one without is refused, because JavaScript would
// silently read it in the host's zone.
//
// HOLIDAY DATA. The statutory calendar (国务院办公厅 holiday notices: 节假日 and 调休 make-up working
// Saturdays/Sundays) comes from the `chinese-days` package. We read its generated data file rather
// than calling its isWorkday(): that function parses dates in the host time zone and returns the
// neighbouring day's answer on any machine west of UTC (checked under TZ=America/Los_Angeles with
// chinese-days 1.5.7). The data covers 2004 up to the latest published notice (`STATUTORY_CALENDAR_LAST_YEAR`);
// for later years only weekends count as rest days until the package is updated or the 地方口径
// profile lists the new dates in localHolidays/localWorkdays.
import statutoryCalendar from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { validationError } from './errors';

/** A China calendar date, 'YYYY-MM-DD'. */
export type DateString = string;

/** The calendar part of the 地方口径 profile: local rest days and local make-up working days. */
export interface CalendarRules {
  /** Extra rest days (e.g. a county's 民族节日). Wins over everything else if a date is listed twice. */
  localHolidays: readonly DateString[];
  /** Extra working days (e.g. a local 调休 Saturday, or a new year's 调休 not yet in the package). */
  localWorkdays: readonly DateString[];
}

export type DueStatus = 'ok' | 'dueSoon' | 'overdue';

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;
const STATUTORY_WORKDAYS: Readonly<Record<string, string>> = statutoryCalendar.workdays;
const STATUTORY_HOLIDAYS: Readonly<Record<string, string>> = statutoryCalendar.holidays;

/** Last year for which the package carries a State Council holiday notice. */
export const STATUTORY_CALENDAR_LAST_YEAR: number = Math.max(
  ...Object.keys(STATUTORY_HOLIDAYS).map((d) => Number(d.slice(0, 4))),
);

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Offset is required: 'Z', '+08:00', '+0800' or '+08'.
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)$/;

/** True when `s` is a real calendar date written 'YYYY-MM-DD' (rejects 2026-02-30). */
export function isCalendarDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

function dayNumber(date: DateString): number {
  if (!isCalendarDate(date)) throw validationError([{ path: 'date', message: `日期「${date}」无效，应为 YYYY-MM-DD 格式的真实日期。` }]);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

const fromDayNumber = (n: number): DateString => new Date(n * DAY_MS).toISOString().slice(0, 10);

export const addCalendarDays = (date: DateString, n: number): DateString => fromDayNumber(dayNumber(date) + n);

/** b − a in calendar days. */
export const calendarDaysBetween = (a: DateString, b: DateString): number => dayNumber(b) - dayNumber(a);

/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (date: DateString): number => new Date(dayNumber(date) * DAY_MS).getUTCDay();

export const compareDates = (a: DateString, b: DateString): number => dayNumber(a) - dayNumber(b);

/**
 * Adds calendar months; a day that does not exist in the target month is clamped to its last day
 * (2025-08-31 + 6 months = 2026-02-28), the usual reading of "满6个月".
 */
export function addMonths(date: DateString, months: number): DateString {
  dayNumber(date);
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const targetYear = y + Math.floor(m / 12);
  const targetMonth = ((m % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const day = Math.min(Number(date.slice(8, 10)), lastDay);
  return new Date(Date.UTC(targetYear, targetMonth, day)).toISOString().slice(0, 10);
}

/** Whether the package's statutory data covers this date's year (later years: weekends only). */
export const isCoveredByStatutoryCalendar = (date: DateString): boolean => Number(date.slice(0, 4)) <= STATUTORY_CALENDAR_LAST_YEAR;

/** 工作日: local overrides first, then statutory 调休 workdays and holidays, then Monday–Friday. */
export function isWorkingDay(date: DateString, rules: CalendarRules): boolean {
  const weekday = weekdayOf(date);
  if (rules.localHolidays.includes(date)) return false;
  if (rules.localWorkdays.includes(date)) return true;
  if (STATUTORY_WORKDAYS[date] !== undefined) return true;
  if (STATUTORY_HOLIDAYS[date] !== undefined) return false;
  return weekday >= 1 && weekday <= 5;
}

/**
 * The n-th working day after `date` (n > 0) or before it (n < 0); `date` itself is not counted,
 * as in "5个工作日内". n = 0 returns `date` unchanged, working day or not.
 */
export function addWorkingDays(date: DateString, n: number, rules: CalendarRules): DateString {
  if (!Number.isInteger(n)) throw validationError([{ path: 'n', message: `工作日天数必须是整数，收到 ${n}。` }]);
  let day = dayNumber(date);
  const step = n > 0 ? 1 : -1;
  for (let left = Math.abs(n); left > 0; ) {
    day += step;
    if (isWorkingDay(fromDayNumber(day), rules)) left -= 1;
  }
  return fromDayNumber(day);
}

/**
 * Signed count of working days from a to b: for b ≥ a the working days in (a, b]; for b < a minus
 * the working days in [b, a). Chosen so that workingDaysBetween(a, addWorkingDays(a, n)) === n.
 */
export function workingDaysBetween(a: DateString, b: DateString, rules: CalendarRules): number {
  const from = dayNumber(a);
  const to = dayNumber(b);
  let count = 0;
  if (to >= from) {
    for (let d = from + 1; d <= to; d += 1) if (isWorkingDay(fromDayNumber(d), rules)) count += 1;
    return count;
  }
  for (let d = to; d < from; d += 1) if (isWorkingDay(fromDayNumber(d), rules)) count += 1;
  return -count;
}

/** `date` if it is a working day, else the next one. */
export const workingDayOnOrAfter = (date: DateString, rules: CalendarRules): DateString =>
  isWorkingDay(date, rules) ? date : addWorkingDays(date, 1, rules);

/** Parses an ISO 8601 instant that carries 'Z' or an offset; returns epoch milliseconds. */
export function instantMs(iso: string): number {
  const ms = INSTANT_RE.test(iso) ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw validationError([{ path: 'time', message: `时间「${iso}」无效：应为带时区的 ISO 时间，例如 2026-03-05T09:30:00+08:00。` }]);
  }
  return ms;
}

const toMs = (t: Date | string): number => (typeof t === 'string' ? instantMs(t) : t.getTime());

/** The China (UTC+8) calendar date of an instant: shift by +8 h, then read the UTC date. */
export const chinaDateOf = (t: Date | string): DateString => new Date(toMs(t) + CHINA_OFFSET_MS).toISOString().slice(0, 10);

/** 'YYYY-MM-DD HH:mm' in China time, for timelines and messages. */
export const chinaDateTimeOf = (t: Date | string): string =>
  new Date(toMs(t) + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');

/** Adds clock hours (not working hours: the 48-hour contact rule runs through weekends). Returns UTC ISO. */
export const addHours = (iso: string, hours: number): string => new Date(instantMs(iso) + hours * 3_600_000).toISOString();

/**
 * Colour state of a deadline at `now`.
 * - A date due ('YYYY-MM-DD') means "by the end of that China day": overdue from the next day.
 * - An instant due (ISO with offset, e.g. the 48-hour contact) is overdue once `now` is past it.
 * Either is 'dueSoon' (yellow) when its China date is today or within the next working day,
 * so a Friday task due on Sunday or Monday is already yellow on Friday.
 */
export function dueStatus(due: string, now: Date, rules: CalendarRules): DueStatus {
  const today = chinaDateOf(now);
  const dueIsDate = DATE_RE.test(due);
  const dueDate = dueIsDate ? due : chinaDateOf(due);
  const overdue = dueIsDate ? compareDates(today, due) > 0 : now.getTime() > instantMs(due);
  if (overdue) return 'overdue';
  return workingDaysBetween(today, dueDate, rules) <= 1 ? 'dueSoon' : 'ok';
}
