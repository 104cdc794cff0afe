// The follow-up rhythm (DOMAIN §5 跟踪, seed: 镇村按月跟踪): which monitored household is visited,
// still to visit, or overdue in a month, and the seed's 3-month rule (风险 3 个月仍未消除 → 加大帮扶力度).
// Pure: "today" is always a parameter (China calendar date), never read from a clock.
import { addCalendarDays, addMonths, compareDates, weekdayOf, type DateString } from './deadlines';
import type { VisitState } from './assistanceTerms';
import type { AssistanceSettings } from './profile';

export type Cadence = AssistanceSettings['followUpCadence'];

/** One period in which a household must be visited at least once. */
export interface VisitWindow {
  from: DateString;
  to: DateString;
  /** Last day a visit still counts as on time (the window's end unless a due day is set). */
  deadline: DateString;
}

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
export const isMonth = (month: string): boolean => MONTH_RE.test(month);

/** First and last day of a 'YYYY-MM' month. */
export function monthBounds(month: string): { from: DateString; to: DateString } {
  if (!isMonth(month)) throw new Error(`invalid month: ${month}`);
  const from = `${month}-01`;
  return { from, to: addCalendarDays(addMonths(from, 1), -1) };
}

/** The month a date falls in, 'YYYY-MM'. */
export const monthOf = (date: DateString): string => date.slice(0, 7);

/**
 * The windows that make up a month's duty: monthly → the month; quarterly → the quarter holding it;
 * weekly → the Monday–Sunday weeks that END in the month (so every week belongs to one month).
 * `dueDay` (monthly only): visits are due by that day of the month (e.g. the seed's 每月 20 日前).
 */
export function cadenceWindows(month: string, cadence: Cadence, dueDay?: number): VisitWindow[] {
  const { from, to } = monthBounds(month);
  if (cadence === 'monthly') {
    const due = dueDay ? `${month}-${String(Math.min(dueDay, Number(to.slice(8)))).padStart(2, '0')}` : to;
    return [{ from, to, deadline: due }];
  }
  if (cadence === 'quarterly') {
    const m = Number(month.slice(5, 7));
    const qStart = `${month.slice(0, 4)}-${String(m - ((m - 1) % 3)).padStart(2, '0')}-01`;
    const qEnd = addCalendarDays(addMonths(qStart, 3), -1);
    return [{ from: qStart, to: qEnd, deadline: qEnd }];
  }
  const windows: VisitWindow[] = [];
  let sunday = addCalendarDays(from, (7 - weekdayOf(from)) % 7);
  while (compareDates(sunday, to) <= 0) {
    windows.push({ from: addCalendarDays(sunday, -6), to: sunday, deadline: sunday });
    sunday = addCalendarDays(sunday, 7);
  }
  return windows;
}

export interface ScheduleFacts {
  /** 县级审定 date of the identification; null = unknown (treated as monitored all along). */
  monitoredSince: DateString | null;
  /** Dates of the household's recorded visits (any order). */
  visitDates: DateString[];
}

export interface MonthDuty {
  /** false when the household was not yet monitored in any window of the month. */
  due: boolean;
  state: VisitState;
  windows: (VisitWindow & { visited: boolean })[];
  /** Latest visit on or before the month's end, or null. */
  lastVisit: DateString | null;
}

const within = (d: DateString, w: { from: DateString; to: DateString }) => compareDates(d, w.from) >= 0 && compareDates(d, w.to) <= 0;

/**
 * One household's duty for a month, seen on `today`: overdue when a window's deadline has passed
 * without a visit; visited when every window that has begun has a visit; otherwise still to visit.
 */
export function monthDuty(facts: ScheduleFacts, month: string, cadence: Cadence, today: DateString, dueDay?: number): MonthDuty {
  const windows = cadenceWindows(month, cadence, dueDay)
    .filter((w) => !facts.monitoredSince || compareDates(w.to, facts.monitoredSince) >= 0)
    .map((w) => ({ ...w, visited: facts.visitDates.some((d) => within(d, w)) }));
  const monthEnd = monthBounds(month).to;
  const lastVisit = facts.visitDates.filter((d) => compareDates(d, monthEnd) <= 0).sort().at(-1) ?? null;
  if (!windows.length) return { due: false, state: 'pending', windows, lastVisit };
  const overdue = windows.some((w) => !w.visited && compareDates(today, w.deadline) > 0);
  const begun = windows.filter((w) => compareDates(today, w.from) >= 0);
  const state: VisitState = overdue ? 'overdue' : begun.length && begun.every((w) => w.visited) ? 'visited' : 'pending';
  return { due: true, state, windows, lastVisit };
}

export interface StateCounts {
  due: number;
  visited: number;
  pending: number;
  overdue: number;
}

export const emptyCounts = (): StateCounts => ({ due: 0, visited: 0, pending: 0, overdue: 0 });

/**
 * Counts per group key (village id, cadre id …); a household in several groups (two 帮扶干部) counts
 * in each. Groups keep the order in which they are first met.
 */
export function countByGroup<T extends { state: VisitState }>(rows: T[], keysOf: (row: T) => string[]): Map<string, StateCounts> {
  const out = new Map<string, StateCounts>();
  for (const row of rows) {
    for (const key of keysOf(row)) {
      const c = out.get(key) ?? emptyCounts();
      c.due += 1;
      c[row.state] += 1;
      out.set(key, c);
    }
  }
  return out;
}

/** The date from which a still-open risk calls for 加大帮扶力度 (seed: 3 months after identification). */
export const escalationDate = (monitoredSince: DateString, months: number): DateString => addMonths(monitoredSince, months);

/** Whole months from `from` to `to` (2026-08-31 → 2026-11-30 is 3). */
export function wholeMonthsBetween(from: DateString, to: DateString): number {
  let n = Math.max(0, (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)));
  while (n > 0 && compareDates(addMonths(from, n), to) > 0) n -= 1;
  return n;
}

/** The 3-month rule: still 监测中 (risk open) on `asOf`, identified `months` or more before it. */
export function isEscalated(h: { status: string; monitoredSince: DateString | null }, asOf: DateString, months: number): boolean {
  return h.status === 'monitoring' && h.monitoredSince !== null && compareDates(asOf, escalationDate(h.monitoredSince, months)) >= 0;
}
