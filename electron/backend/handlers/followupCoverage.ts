import type { Coverage, CoverageHousehold, Escalation } from '../../../shared/api/methods/followups';
import type { VisitState } from '../../../shared/domain/assistanceTerms';
import { chinaDate } from '../../../shared/domain/chinaTime';
import { compareDates } from '../../../shared/domain/deadlines';
import { cadenceWindows, countByGroup, emptyCounts, escalationDate, isEscalated, monthBounds, monthDuty, monthOf, wholeMonthsBetween } from '../../../shared/domain/followupSchedule';
import type { HandlerContext } from '../context';
import * as facts from '../repos/assistanceFacts';
import { satisfactionCounts } from '../repos/followups';
import { deliveredCounts } from '../repos/measures';

// The month's follow-up coverage and the 3-month escalation list: SQL gathers the facts in bulk,
// shared/domain/followupSchedule.ts decides (pure, tested with a fixed clock).

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

type Row = CoverageHousehold & { cadreIds: string[] };

export function followupCoverage(ctx: HandlerContext, input: CoverageInput): Coverage {
  const today = chinaDate(ctx.now());
  const month = input.month ?? monthOf(today);
  const { followUpCadence: cadence, followUpDueDay } = ctx.profile().assistance;
  const dueDay = followUpDueDay ?? undefined;
  const { from: monthStart, to: monthEnd } = monthBounds(month);
  const windows = cadenceWindows(month, cadence, dueDay);
  const households = facts.monitoredHouseholds(ctx.db, ctx.user().scope, { villageId: input.villageId });
  const ids = households.map((h) => h.id);
  const visits = facts.visitDatesOf(ctx.db, ids, windows[0]?.from ?? monthStart, windows.at(-1)?.to ?? monthEnd);
  const lastVisits = facts.lastVisitsOf(ctx.db, ids, monthEnd);
  const cadresByHousehold = facts.cadresOf(ctx.db, ids, monthStart, monthEnd);

  const rows: Row[] = households.flatMap((h) => {
    const dates = visits.get(h.id) ?? [];
    const duty = monthDuty({ monitoredSince: h.monitoredSince, visitDates: dates }, month, cadence, today, dueDay);
    if (!duty.due) return [];
    const paired = cadresByHousehold.get(h.id) ?? [];
    return [
      {
        householdId: h.id,
        headName: h.headName,
        villageId: h.villageId,
        villageName: h.villageName,
        colour: h.colour,
        monitoredSince: h.monitoredSince,
        cadreIds: paired.map((c) => c.cadreId),
        cadreNames: paired.map((c) => c.name),
        state: duty.state,
        visitsInMonth: dates.filter((d) => monthOf(d) === month).length,
        lastVisit: lastVisits.get(h.id) ?? null,
      },
    ];
  });

  const listed = rows.filter(
    (r) => (!input.visitState || r.state === input.visitState) && (!input.cadreId || (input.cadreId === UNPAIRED ? !r.cadreIds.length : r.cadreIds.includes(input.cadreId))),
  );
  return {
    month,
    cadence,
    today,
    totals: countByGroup(rows, () => ['all']).get('all') ?? emptyCounts(),
    byVillage: villageCounts(rows),
    byCadre: cadreCounts(rows),
    satisfaction: satisfactionCounts(ctx.db, ctx.user().scope, input.villageId, monthStart, monthEnd),
    households: { rows: listed.slice(input.startRow, Math.max(input.startRow, input.endRow)).map(({ cadreIds: _c, ...r }) => r), total: listed.length },
  };
}

function villageCounts(rows: Row[]): Coverage['byVillage'] {
  const names = new Map(rows.map((r) => [r.villageId, r.villageName]));
  return [...countByGroup(rows, (r) => [r.villageId])].map(([villageId, c]) => ({ villageId, villageName: names.get(villageId) ?? '', ...c }));
}

function cadreCounts(rows: Row[]): Coverage['byCadre'] {
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
  const households = facts.monitoredHouseholds(ctx.db, ctx.user().scope, { villageId: input.villageId }).filter((h) => isEscalated(h, asOf, months));
  households.sort((a, b) => compareDates(a.monitoredSince!, b.monitoredSince!) || a.villageOrder - b.villageOrder || a.headName.localeCompare(b.headName, 'zh-CN'));
  const page = households.slice(input.startRow, Math.max(input.startRow, input.endRow));
  const ids = page.map((h) => h.id);
  const delivered = deliveredCounts(ctx.db, ids);
  const lastVisits = facts.lastVisitsOf(ctx.db, ids, asOf);
  const cadres = facts.cadresOf(ctx.db, ids, asOf, asOf);
  return {
    asOf,
    total: households.length,
    rows: page.map((h) => ({
      householdId: h.id,
      headName: h.headName,
      villageId: h.villageId,
      villageName: h.villageName,
      colour: h.colour,
      category: h.category,
      riskTypes: h.riskTypes,
      monitoredSince: h.monitoredSince!,
      escalatedOn: escalationDate(h.monitoredSince!, months),
      monthsOpen: wholeMonthsBetween(h.monitoredSince!, asOf),
      deliveredMeasures: delivered.get(h.id) ?? 0,
      lastVisit: lastVisits.get(h.id) ?? null,
      cadreNames: (cadres.get(h.id) ?? []).map((c) => c.name),
    })),
  };
}
