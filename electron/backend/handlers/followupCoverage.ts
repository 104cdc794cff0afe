import type { Coverage, Escalation } from '../../../shared/api/methods/followups';
import type { VisitState } from '../../../shared/domain/assistanceTerms';
import { chinaDate } from '../../../shared/domain/chinaTime';
import { compareDates } from '../../../shared/domain/deadlines';
import { cadenceWindows, countByGroup, emptyCounts, escalationDate, isEscalated, monthBounds, monthDuty, monthOf, wholeMonthsBetween, type Cadence, type MonthDuty, type VisitWindow } from '../../../shared/domain/followupSchedule';
import type { HandlerContext } from '../context';
import * as facts from '../repos/assistanceFacts';
import { coverageHouseholds, escalationCandidates, escalationFactsOf, monitoredCadres, monitoredVisitDates, type CoverageHouseholdFacts } from '../repos/coverageFacts';
import { satisfactionCounts } from '../repos/followups';
import { deliveredCounts } from '../repos/measures';

// The month's follow-up coverage and the 3-month escalation list: SQL gathers the facts in bulk,
// shared/domain/followupSchedule.ts decides (pure, tested with a fixed clock). Both sit on the
// 工作台, so at county scale (≈12k 监测户) they read only the columns they decide on, decide once per
// distinct set of facts, and fetch what only the shown page displays for that page alone
// (bench/probes/workbench-load.ts).

/** Key used for households with no 帮扶干部 paired in the month. */
export const UNPAIRED = 'none';

interface CoverageInput {
  month?: string;
  villageId?: string;
  cadreId?: string;
  visitState?: VisitState;
  startRow: number;
  endRow: number;
}

/** A household with a duty in the month: what the counts and the page need. */
interface DueRow {
  household: CoverageHouseholdFacts;
  villageId: string;
  villageName: string;
  visitDates: string[];
  state: VisitState;
  cadreIds: string[];
  cadreNames: string[];
}

/**
 * monthDuty, decided once per distinct shape of the facts. Of the facts monthDuty reads only which
 * windows the household was monitored in (监测 since ≤ the window's end) and which hold a visit
 * (its lastVisit is not used here). So the key is those two flags per window, and one household of
 * each shape is decided for all: 12k households → a handful of decisions (each a dozen validated
 * date computations). Dates are compared as strings, as SQL bounded the visits already: valid
 * YYYY-MM-DD strings sort as dates.
 */
function dutyDecider(windows: VisitWindow[], month: string, cadence: Cadence, today: string, dueDay: number | undefined): (monitoredSince: string | null, visitDates: string[]) => MonthDuty {
  const decided = new Map<string, MonthDuty>();
  return (monitoredSince, visitDates) => {
    let key = '';
    for (const w of windows) {
      key += monitoredSince === null || w.to >= monitoredSince ? 'm' : '-';
      key += visitDates.some((d) => d >= w.from && d <= w.to) ? 'v' : '-';
    }
    let duty = decided.get(key);
    if (!duty) {
      duty = monthDuty({ monitoredSince, visitDates }, month, cadence, today, dueDay);
      decided.set(key, duty);
    }
    return duty;
  };
}

export function followupCoverage(ctx: HandlerContext, input: CoverageInput): Coverage {
  const today = chinaDate(ctx.now());
  const month = input.month ?? monthOf(today);
  const { followUpCadence: cadence, followUpDueDay } = ctx.profile().assistance;
  const dueDay = followUpDueDay ?? undefined;
  const { from: monthStart, to: monthEnd } = monthBounds(month);
  const windows = cadenceWindows(month, cadence, dueDay);
  const households = coverageHouseholds(ctx.db, ctx.user().scope, input.villageId);
  const visits = monitoredVisitDates(ctx.db, ctx.user().scope, input.villageId, windows[0]?.from ?? monthStart, windows.at(-1)?.to ?? monthEnd);
  const cadresByHousehold = monitoredCadres(ctx.db, ctx.user().scope, input.villageId, monthStart, monthEnd);
  const dutyOf = dutyDecider(windows, month, cadence, today, dueDay);

  const rows: DueRow[] = households.flatMap((h) => {
    const visitDates = visits.get(h.id) ?? [];
    const duty = dutyOf(h.monitoredSince, visitDates);
    if (!duty.due) return [];
    const paired = cadresByHousehold.get(h.id) ?? [];
    return [{ household: h, villageId: h.villageId, villageName: h.villageName, visitDates, state: duty.state, cadreIds: paired.map((c) => c.cadreId), cadreNames: paired.map((c) => c.name) }];
  });

  const listed = rows.filter(
    (r) => (!input.visitState || r.state === input.visitState) && (!input.cadreId || (input.cadreId === UNPAIRED ? !r.cadreIds.length : r.cadreIds.includes(input.cadreId))),
  );
  const page = listed.slice(input.startRow, Math.max(input.startRow, input.endRow));
  // The last visit is shown per row, never counted: look it up for the page only.
  const lastVisits = facts.lastVisitsOf(ctx.db, page.map((r) => r.household.id), monthEnd);
  return {
    month,
    cadence,
    today,
    totals: countByGroup(rows, () => ['all']).get('all') ?? emptyCounts(),
    byVillage: villageCounts(rows),
    byCadre: cadreCounts(rows),
    satisfaction: satisfactionCounts(ctx.db, ctx.user().scope, input.villageId, monthStart, monthEnd),
    households: {
      rows: page.map(({ household: h, visitDates, state, cadreNames }) => ({
        householdId: h.id,
        headName: h.headName,
        villageId: h.villageId,
        villageName: h.villageName,
        colour: h.colour,
        monitoredSince: h.monitoredSince,
        cadreNames,
        state,
        visitsInMonth: visitDates.filter((d) => monthOf(d) === month).length,
        lastVisit: lastVisits.get(h.id) ?? null,
      })),
      total: listed.length,
    },
  };
}

function villageCounts(rows: DueRow[]): Coverage['byVillage'] {
  const names = new Map(rows.map((r) => [r.villageId, r.villageName]));
  return [...countByGroup(rows, (r) => [r.villageId])].map(([villageId, c]) => ({ villageId, villageName: names.get(villageId) ?? '', ...c }));
}

function cadreCounts(rows: DueRow[]): Coverage['byCadre'] {
  const names = new Map(rows.flatMap((r) => r.cadreIds.map((id, i) => [id, r.cadreNames[i]] as const)));
  const counts = countByGroup(rows, (r) => (r.cadreIds.length ? r.cadreIds : [UNPAIRED]));
  return [...counts]
    .map(([key, c]) => ({ cadreId: key === UNPAIRED ? null : key, cadreName: key === UNPAIRED ? '未安排帮扶干部' : (names.get(key) ?? ''), ...c }))
    .sort((a, b) => (a.cadreId === null ? 1 : b.cadreId === null ? -1 : a.cadreName.localeCompare(b.cadreName, 'zh-CN')));
}

/**
 * The seed's 3-month rule, as of today — or as of a past month's last day when `month` names one,
 * so last month's list can be reproduced.
 */
export function followupEscalations(ctx: HandlerContext, input: { month?: string; villageId?: string; startRow: number; endRow: number }): { rows: Escalation[]; total: number; asOf: string } {
  const today = chinaDate(ctx.now());
  const monthEnd = input.month ? monthBounds(input.month).to : today;
  const asOf = compareDates(monthEnd, today) < 0 ? monthEnd : today;
  const months = ctx.profile().assistance.escalationMonths;
  // Decided once per distinct 县级审定 date (isEscalated validates it: a bad stored date still fails).
  const escalatedSince = new Map<string, boolean>();
  const escalated = (since: string) => {
    let yes = escalatedSince.get(since);
    if (yes === undefined) escalatedSince.set(since, (yes = isEscalated({ status: 'monitoring', monitoredSince: since }, asOf, months)));
    return yes;
  };
  const households = escalationCandidates(ctx.db, ctx.user().scope, input.villageId).filter((h) => escalated(h.monitoredSince));
  // Oldest first. The dates passed isEscalated's validation, and valid YYYY-MM-DD strings sort as
  // dates; one collator instead of localeCompare(…, 'zh-CN') per comparison (same ICU collation).
  const byName = new Intl.Collator('zh-CN');
  households.sort((a, b) => byDateString(a.monitoredSince, b.monitoredSince) || a.villageOrder - b.villageOrder || byName.compare(a.headName, b.headName));
  const page = households.slice(input.startRow, Math.max(input.startRow, input.endRow));
  const ids = page.map((h) => h.id);
  const shown = escalationFactsOf(ctx.db, ids);
  const delivered = deliveredCounts(ctx.db, ids);
  const lastVisits = facts.lastVisitsOf(ctx.db, ids, asOf);
  const cadres = facts.cadresOf(ctx.db, ids, asOf, asOf);
  return {
    asOf,
    total: households.length,
    rows: page.map((h) => {
      const f = shown.get(h.id)!;
      return {
        householdId: h.id,
        headName: f.headName,
        villageId: f.villageId,
        villageName: f.villageName,
        colour: f.colour,
        category: f.category,
        riskTypes: f.riskTypes,
        monitoredSince: h.monitoredSince,
        escalatedOn: escalationDate(h.monitoredSince, months),
        monthsOpen: wholeMonthsBetween(h.monitoredSince, asOf),
        deliveredMeasures: delivered.get(h.id) ?? 0,
        lastVisit: lastVisits.get(h.id) ?? null,
        cadreNames: (cadres.get(h.id) ?? []).map((c) => c.name),
      };
    }),
  };
}

const byDateString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
