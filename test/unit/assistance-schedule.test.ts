import { describe, expect, it } from 'vitest';
import { cadenceWindows, countByGroup, escalationDate, isEscalated, monthBounds, monthDuty, wholeMonthsBetween } from '../../shared/domain/followupSchedule';

// A fixed clock: "today" is the China date of the test backend's FixedClock (2026-11-29).
const TODAY = '2026-11-29';

describe('cadence windows', () => {
  it('monthly is the calendar month; a due day moves the deadline', () => {
    expect(monthBounds('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(cadenceWindows('2026-11', 'monthly')).toEqual([{ from: '2026-11-01', to: '2026-11-30', deadline: '2026-11-30' }]);
    expect(cadenceWindows('2026-11', 'monthly', 20)[0].deadline).toBe('2026-11-20');
    expect(cadenceWindows('2026-02', 'monthly', 31)[0].deadline).toBe('2026-02-28');
  });
  it('quarterly is the quarter holding the month', () => {
    expect(cadenceWindows('2026-11', 'quarterly')).toEqual([{ from: '2026-10-01', to: '2026-12-31', deadline: '2026-12-31' }]);
    expect(cadenceWindows('2026-03', 'quarterly')[0].from).toBe('2026-01-01');
  });
  it('weekly is the Monday–Sunday weeks ending in the month', () => {
    const w = cadenceWindows('2026-11', 'weekly');
    // November 2026: Sundays 1, 8, 15, 22, 29.
    expect(w.map((x) => x.to)).toEqual(['2026-11-01', '2026-11-08', '2026-11-15', '2026-11-22', '2026-11-29']);
    expect(w[0].from).toBe('2026-10-26');
  });
});

describe('one household in one month (monthly cadence)', () => {
  it('is visited with a visit in the month, still to visit before the month ends, overdue after', () => {
    expect(monthDuty({ monitoredSince: '2026-06-01', visitDates: ['2026-11-03'] }, '2026-11', 'monthly', TODAY).state).toBe('visited');
    expect(monthDuty({ monitoredSince: '2026-06-01', visitDates: ['2026-10-30'] }, '2026-11', 'monthly', TODAY).state).toBe('pending');
    expect(monthDuty({ monitoredSince: '2026-06-01', visitDates: ['2026-10-30'] }, '2026-11', 'monthly', '2026-12-01').state).toBe('overdue');
    expect(monthDuty({ monitoredSince: '2026-06-01', visitDates: [] }, '2026-10', 'monthly', TODAY).state).toBe('overdue');
  });
  it('overdue as soon as the profile due day has passed', () => {
    expect(monthDuty({ monitoredSince: null, visitDates: [] }, '2026-11', 'monthly', TODAY, 20).state).toBe('overdue');
    expect(monthDuty({ monitoredSince: null, visitDates: [] }, '2026-11', 'monthly', '2026-11-20', 20).state).toBe('pending');
  });
  it('is not due in a month that ended before monitoring began', () => {
    expect(monthDuty({ monitoredSince: '2026-11-05', visitDates: [] }, '2026-10', 'monthly', TODAY).due).toBe(false);
    expect(monthDuty({ monitoredSince: '2026-11-05', visitDates: [] }, '2026-11', 'monthly', TODAY).due).toBe(true);
  });
  it('reports the last visit up to the month end', () => {
    expect(monthDuty({ monitoredSince: null, visitDates: ['2026-12-02', '2026-10-02', '2026-11-02'] }, '2026-11', 'monthly', TODAY).lastVisit).toBe('2026-11-02');
  });
  it('a future month is all still to visit', () => {
    expect(monthDuty({ monitoredSince: null, visitDates: [] }, '2027-01', 'monthly', TODAY).state).toBe('pending');
  });
});

describe('weekly cadence', () => {
  it('is overdue when a past week had no visit even if this week had one', () => {
    const visits = ['2026-10-27', '2026-11-03', '2026-11-10', '2026-11-17', '2026-11-27'];
    expect(monthDuty({ monitoredSince: null, visitDates: visits }, '2026-11', 'weekly', TODAY).state).toBe('visited');
    expect(monthDuty({ monitoredSince: null, visitDates: visits.filter((d) => d !== '2026-11-10') }, '2026-11', 'weekly', TODAY).state).toBe('overdue');
  });
});

describe('counts per village / cadre', () => {
  it('counts each household once per group it belongs to', () => {
    const rows = [
      { state: 'visited' as const, keys: ['v1', 'c1'] },
      { state: 'overdue' as const, keys: ['v1'] },
      { state: 'pending' as const, keys: ['v2', 'c1', 'c2'] },
    ];
    const counts = countByGroup(rows, (r) => r.keys);
    expect(counts.get('v1')).toEqual({ due: 2, visited: 1, pending: 0, overdue: 1 });
    expect(counts.get('c1')).toEqual({ due: 2, visited: 1, pending: 1, overdue: 0 });
    expect([...counts.keys()]).toEqual(['v1', 'c1', 'v2', 'c2']);
  });
});

describe('the 3-month rule (加大帮扶力度)', () => {
  it('escalates a household still monitored 3 months after identification, from that very day', () => {
    expect(escalationDate('2026-08-29', 3)).toBe('2026-11-29');
    expect(isEscalated({ status: 'monitoring', monitoredSince: '2026-08-29' }, TODAY, 3)).toBe(true);
    expect(isEscalated({ status: 'monitoring', monitoredSince: '2026-08-30' }, TODAY, 3)).toBe(false);
  });
  it('never escalates a household whose risk is eliminated, or one without an identification date', () => {
    expect(isEscalated({ status: 'eliminated', monitoredSince: '2026-01-01' }, TODAY, 3)).toBe(false);
    expect(isEscalated({ status: 'monitoring', monitoredSince: null }, TODAY, 3)).toBe(false);
  });
  it('reads the month count from the profile value given', () => {
    expect(isEscalated({ status: 'monitoring', monitoredSince: '2026-08-29' }, TODAY, 6)).toBe(false);
  });
  it('counts whole months open', () => {
    expect(wholeMonthsBetween('2026-08-31', '2026-11-30')).toBe(3);
    expect(wholeMonthsBetween('2026-08-30', '2026-11-29')).toBe(2);
    expect(wholeMonthsBetween('2026-11-29', '2026-11-29')).toBe(0);
  });
});
