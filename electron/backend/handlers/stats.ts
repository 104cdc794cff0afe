import type { z } from 'zod';
import type { StatsBucket, StatsSummary, statsMethods } from '../../../shared/api/methods/stats';
import { GRADE_COLOURS } from '../../../shared/domain/profileConditions';
import { HOUSEHOLD_STATUSES } from '../../../shared/domain/profileSections';
import type { Profile } from '../../../shared/domain/profile';
import type { HandlerContext } from '../context';
import { householdStatsCells, villagesInScope, type StatsCell } from '../repos/stats';
import type { HandlerTable } from './types';

type SummaryInput = z.output<(typeof statsMethods)['stats.summary']['input']>;

/** Rolls the repo's cells up by one attribute, in the profile's order, unknown values after, null last. */
function rollUp(cells: StatsCell[], keyOf: (c: StatsCell) => string | null, order: readonly string[], labelOf: (key: string | null) => string): StatsBucket[] {
  const sums = new Map<string | null, { households: number; people: number }>();
  for (const c of cells) {
    const k = keyOf(c);
    const s = sums.get(k) ?? { households: 0, people: 0 };
    s.households += c.households;
    s.people += c.people;
    sums.set(k, s);
  }
  const rank = (k: string | null) => (k === null ? Number.MAX_SAFE_INTEGER : order.includes(k) ? order.indexOf(k) : order.length);
  return [...sums.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || String(a).localeCompare(String(b), 'zh-CN'))
    .map(([key, s]) => ({ key, label: labelOf(key), ...s }));
}

export function statsSummary(ctx: HandlerContext, _input: SummaryInput): StatsSummary {
  const scope = ctx.user().scope;
  const cells = householdStatsCells(ctx.db, scope);
  const profile: Profile = ctx.profile();
  const byVillageId = new Map<string, { households: number; people: number }>();
  for (const c of cells) {
    const s = byVillageId.get(c.villageId) ?? { households: 0, people: 0 };
    s.households += c.households;
    s.people += c.people;
    byVillageId.set(c.villageId, s);
  }
  const colourLabels: Record<string, string> = profile.grading.colourLabels;
  const statusLabels: Record<string, string> = profile.enums.householdStatusLabels;
  return {
    households: cells.reduce((n, c) => n + c.households, 0),
    people: cells.reduce((n, c) => n + c.people, 0),
    byVillage: villagesInScope(ctx.db, scope).map((v) => ({ ...v, households: byVillageId.get(v.villageId)?.households ?? 0, people: byVillageId.get(v.villageId)?.people ?? 0 })),
    byHouseholdType: rollUp(cells, (c) => c.householdType, profile.enums.householdTypes, (k) => k ?? '未填写'),
    byColour: rollUp(cells, (c) => c.colour, GRADE_COLOURS, (k) => (k === null ? '未评级' : (colourLabels[k] ?? k))),
    byCategory: rollUp(cells, (c) => c.category, profile.enums.monitoringCategories.map((m) => m.label), (k) => k ?? '非监测对象'),
    byStatus: rollUp(cells, (c) => c.status, HOUSEHOLD_STATUSES, (k) => (k === null ? '未填写' : (statusLabels[k] ?? k))),
  };
}

// Typed against this file's own method table, so it compiles before and after the lead registers
// statsMethods in shared/api/contract.ts (HandlerTable only knows registered method names).
export const statsHandlers = { 'stats.summary': statsSummary } as HandlerTable;
