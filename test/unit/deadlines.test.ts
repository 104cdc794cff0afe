import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addCalendarDays,
  addHours,
  addMonths,
  addWorkingDays,
  chinaDateOf,
  chinaDateTimeOf,
  dueStatus,
  isCalendarDate,
  isCoveredByStatutoryCalendar,
  isWorkingDay,
  STATUTORY_CALENDAR_LAST_YEAR,
  weekdayOf,
  workingDaysBetween,
  type CalendarRules,
} from '../../shared/domain/deadlines';

const NONE: CalendarRules = { localHolidays: [], localWorkdays: [] };
const china = (t: string) => new Date(`${t.replace(' ', 'T')}:00+08:00`);

describe('statutory calendar (国务院办公厅 notices, via chinese-days data)', () => {
  it('2025 国庆+中秋: Oct 1–8 off, make-up working days Sun Sep 28 and Sat Oct 11', () => {
    expect(weekdayOf('2025-09-28')).toBe(0); // a Sunday, not a Saturday
    expect(weekdayOf('2025-10-11')).toBe(6);
    expect(isWorkingDay('2025-09-27', NONE)).toBe(false);
    expect(isWorkingDay('2025-09-28', NONE)).toBe(true);
    for (let d = 1; d <= 8; d += 1) expect(isWorkingDay(`2025-10-0${d}`, NONE)).toBe(false);
    expect(isWorkingDay('2025-10-09', NONE)).toBe(true);
    expect(isWorkingDay('2025-10-11', NONE)).toBe(true);
    expect(isWorkingDay('2025-10-12', NONE)).toBe(false);
  });

  it('2026 春节: Feb 15–23 off, make-up Saturdays Feb 14 and Feb 28', () => {
    expect(isWorkingDay('2026-02-13', NONE)).toBe(true);
    expect(isWorkingDay('2026-02-14', NONE)).toBe(true);
    for (let d = 15; d <= 23; d += 1) expect(isWorkingDay(`2026-02-${d}`, NONE)).toBe(false);
    expect(isWorkingDay('2026-02-24', NONE)).toBe(true);
    expect(isWorkingDay('2026-02-28', NONE)).toBe(true);
    expect(isWorkingDay('2026-03-01', NONE)).toBe(false);
  });

  it('covers at least 2026; later years fall back to weekends', () => {
    expect(STATUTORY_CALENDAR_LAST_YEAR).toBeGreaterThanOrEqual(2026);
    expect(isCoveredByStatutoryCalendar('2026-12-31')).toBe(true);
    expect(isCoveredByStatutoryCalendar(`${STATUTORY_CALENDAR_LAST_YEAR + 1}-01-01`)).toBe(false);
  });

  it('does not depend on the host time zone', () => {
    const saved = process.env.TZ;
    const sample = ['2025-09-27', '2025-09-28', '2025-10-08', '2025-10-11', '2026-02-14', '2026-02-23', '2026-02-24'];
    const inShanghai = (process.env.TZ = 'Asia/Shanghai', sample.map((d) => isWorkingDay(d, NONE)));
    const inLosAngeles = (process.env.TZ = 'America/Los_Angeles', sample.map((d) => isWorkingDay(d, NONE)));
    process.env.TZ = saved;
    expect(inLosAngeles).toEqual(inShanghai);
    expect(inShanghai).toEqual([false, true, false, true, true, false, true]);
  });
});

describe('local overrides from the profile', () => {
  it('a local holiday removes a working day; a local workday adds a Saturday', () => {
    const rules: CalendarRules = { localHolidays: ['2026-03-03'], localWorkdays: ['2026-03-07'] };
    expect(isWorkingDay('2026-03-03', rules)).toBe(false);
    expect(isWorkingDay('2026-03-07', rules)).toBe(true);
    expect(addWorkingDays('2026-03-02', 1, rules)).toBe('2026-03-04');
    expect(addWorkingDays('2026-03-06', 1, rules)).toBe('2026-03-07');
  });

  it('a local holiday wins over a statutory make-up day and over a local workday', () => {
    expect(isWorkingDay('2026-02-14', { localHolidays: ['2026-02-14'], localWorkdays: [] })).toBe(false);
    expect(isWorkingDay('2026-03-07', { localHolidays: ['2026-03-07'], localWorkdays: ['2026-03-07'] })).toBe(false);
  });
});

describe('addWorkingDays / workingDaysBetween', () => {
  it('crosses 国庆 2025 including the make-up Sunday and Saturday', () => {
    expect(addWorkingDays('2025-09-26', 1, NONE)).toBe('2025-09-28');
    expect(addWorkingDays('2025-09-30', 1, NONE)).toBe('2025-10-09');
    expect(addWorkingDays('2025-09-30', 3, NONE)).toBe('2025-10-11');
    expect(addWorkingDays('2025-10-09', -1, NONE)).toBe('2025-09-30');
    expect(workingDaysBetween('2025-09-30', '2025-10-13', NONE)).toBe(4);
  });

  it('crosses 春节 2026: 15 working days from 2026-02-10', () => {
    expect(addWorkingDays('2026-02-13', 1, NONE)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-14', 1, NONE)).toBe('2026-02-24');
    expect(addWorkingDays('2026-02-10', 15, NONE)).toBe('2026-03-09');
    expect(workingDaysBetween('2026-02-10', '2026-03-09', NONE)).toBe(15);
  });

  it('n = 0 keeps the date; the start day is never counted', () => {
    expect(addWorkingDays('2026-03-07', 0, NONE)).toBe('2026-03-07');
    expect(addWorkingDays('2026-03-07', 1, NONE)).toBe('2026-03-09');
    expect(workingDaysBetween('2026-03-09', '2026-03-09', NONE)).toBe(0);
  });

  it('refuses fractional days and impossible dates', () => {
    expect(() => addWorkingDays('2026-03-02', 1.5, NONE)).toThrow(/整数/);
    expect(() => addWorkingDays('2026-02-30', 1, NONE)).toThrow(/无效/);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2024-02-29')).toBe(true);
  });

  const day = fc.integer({ min: 0, max: 365 * 3 }).map((n) => addCalendarDays('2024-01-01', n));

  it('round-trips: workingDaysBetween(a, addWorkingDays(a, n)) === n', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -40, max: 40 }), (a, n) => workingDaysBetween(a, addWorkingDays(a, n, NONE), NONE) === n),
      { numRuns: 300 },
    );
  });

  it('lands on a working day and moves in the sign of n', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -40, max: 40 }).filter((n) => n !== 0), (a, n) => {
        const b = addWorkingDays(a, n, NONE);
        return isWorkingDay(b, NONE) && Math.sign(workingDaysBetween(a, b, NONE)) === Math.sign(n) && (b > a) === (n > 0);
      }),
      { numRuns: 200 },
    );
  });

  it('is antisymmetric on working days', () => {
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [x, y] = [addWorkingDays(a, 0, NONE), addWorkingDays(b, 0, NONE)];
        return !isWorkingDay(x, NONE) || !isWorkingDay(y, NONE) || workingDaysBetween(x, y, NONE) === -workingDaysBetween(y, x, NONE);
      }),
      { numRuns: 100 },
    );
  });
});

describe('China time', () => {
  it('converts an instant to its China calendar date (UTC+8)', () => {
    expect(chinaDateOf('2025-09-30T15:59:59Z')).toBe('2025-09-30');
    expect(chinaDateOf('2025-09-30T16:00:00Z')).toBe('2025-10-01');
    expect(chinaDateOf('2025-10-01T00:30:00+08:00')).toBe('2025-10-01');
    expect(chinaDateOf(new Date('2025-10-01T07:00:00-09:00'))).toBe('2025-10-02');
    expect(chinaDateTimeOf('2026-03-02T02:05:00Z')).toBe('2026-03-02 10:05');
  });

  it('refuses an ISO time without a zone (it would be read in the host zone)', () => {
    expect(() => chinaDateOf('2026-03-02T10:00:00')).toThrow(/带时区/);
    expect(() => addHours('2026-03-02 10:00', 48)).toThrow(/带时区/);
  });

  it('addHours counts clock hours through weekends and holidays', () => {
    expect(addHours('2025-09-30T10:00:00+08:00', 48)).toBe('2025-10-02T02:00:00.000Z');
    expect(addHours('2026-03-06T18:30:00+08:00', 48)).toBe('2026-03-08T10:30:00.000Z');
  });

  it('addMonths clamps to the end of a shorter month', () => {
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(addMonths('2025-09-15', 6)).toBe('2026-03-15');
    expect(addMonths('2026-03-15', -3)).toBe('2025-12-15');
  });
});

describe('dueStatus', () => {
  it('a date due is yellow from the working day before, orange from the next China day', () => {
    expect(dueStatus('2026-03-10', china('2026-03-06 09:00'), NONE)).toBe('ok');
    expect(dueStatus('2026-03-10', china('2026-03-09 09:00'), NONE)).toBe('dueSoon');
    expect(dueStatus('2026-03-10', china('2026-03-10 23:59'), NONE)).toBe('dueSoon');
    expect(dueStatus('2026-03-10', china('2026-03-11 00:00'), NONE)).toBe('overdue');
    // 2026-03-10T16:00Z is already 03-11 in China.
    expect(dueStatus('2026-03-10', new Date('2026-03-10T16:00:00Z'), NONE)).toBe('overdue');
  });

  it('a Monday due is already yellow on Friday; a due right after 国庆 is yellow before it', () => {
    expect(dueStatus('2026-03-09', china('2026-03-06 09:00'), NONE)).toBe('dueSoon');
    expect(dueStatus('2026-03-09', china('2026-03-05 09:00'), NONE)).toBe('ok');
    expect(dueStatus('2025-10-09', china('2025-09-30 09:00'), NONE)).toBe('dueSoon');
    expect(dueStatus('2025-10-10', china('2025-09-30 09:00'), NONE)).toBe('ok');
  });

  it('an instant due (48-hour contact) turns orange the moment it passes', () => {
    const due = addHours('2026-03-02T10:00:00+08:00', 48);
    expect(dueStatus(due, china('2026-03-02 10:00'), NONE)).toBe('ok');
    expect(dueStatus(due, china('2026-03-03 09:00'), NONE)).toBe('dueSoon');
    expect(dueStatus(due, new Date('2026-03-04T02:00:00Z'), NONE)).toBe('dueSoon');
    expect(dueStatus(due, new Date('2026-03-04T02:00:01Z'), NONE)).toBe('overdue');
  });
});
