import type { Statement } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Coverage } from '../../shared/api/methods/followups';
import { makeIdNumber } from '../../shared/domain/idCard';
import type { Scope } from '../../shared/domain/permissions';
import { cadenceWindows, countByGroup, emptyCounts, isEscalated, monthBounds, monthDuty, monthOf, type Cadence } from '../../shared/domain/followupSchedule';
import { chinaDate } from '../../shared/domain/chinaTime';
import type { Db } from '../../electron/backend/db/connection';
import { HandlerContext, type BackendServices, type Session } from '../../electron/backend/context';
import { followupCoverage, followupEscalations, UNPAIRED } from '../../electron/backend/handlers/followupCoverage';
import * as facts from '../../electron/backend/repos/assistanceFacts';
import { byCodePoints } from '../../electron/backend/repos/coverageFacts';
import { satisfactionCounts } from '../../electron/backend/repos/followups';
import { seedVillage, startTestBackend, type TestBackend } from '../support/backend';

// The 工作台's follow-up cards (本月待走访 → followups.coverage, 超期未消除 → followups.escalations)
// were rewritten for county scale (bench/probes/workbench-load.ts): narrow household reads, one
// decision per distinct shape of facts, scope-driven joins instead of 500-id IN lists. Their answers
// must not change: here they are compared with the straightforward algorithm they replaced
// (`reference*` below: every monitored household's full row, monthDuty per household), on a small
// village set built to hit the edges, for every filter the screens send; then the plans.

let t: TestBackend;
let db: Db;
let villageA: string;
let villageB: string;
const cadres: string[] = [];
const ALL: Scope = { kind: 'all' };

/** TEST SETUP ONLY — direct SQL, as test/integration/assistance/support.ts marks households 监测中. */
function monitor(id: string, since: string | null, colour: string, status = 'monitoring'): void {
  db.prepare(`UPDATE households SET status = ?, colour = ?, category = '脱贫不稳定户', risk_types = '["因病"]', monitored_since = ? WHERE id = ?`).run(status, colour, since, id);
}
let row = 0;
const visit = (householdId: string, date: string, satisfaction: string | null = null, deleted = false) =>
  db
    .prepare(`INSERT INTO followups (id, household_id, visit_date, method, findings, satisfaction, created_at, updated_at, deleted_at) VALUES (?, ?, ?, 'home', '走访', ?, ?, ?, ?)`)
    .run(`f${++row}`, householdId, date, satisfaction, '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', deleted ? '2026-11-02T00:00:00Z' : null);
const pair = (cadre: string, householdId: string, start: string, end: string | null = null) =>
  db
    .prepare(`INSERT INTO cadre_assignments (id, cadre_id, household_id, start_date, end_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
    .run(`a${++row}`, cadre, householdId, start, end, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');

beforeAll(async () => {
  t = await startTestBackend();
  db = t.backend.services.db;
  const seeded = await seedVillage(t, '青山村');
  villageA = seeded.villageId;
  villageB = (await t.call('divisions.save', { level: 'village', name: '白水村', parentId: seeded.townshipId })).id;
  // 青山村 first by 排序 though 白水村 sorts first by its name's bytes.
  db.prepare(`UPDATE divisions SET sort_order = CASE id WHEN ? THEN 1 ELSE 2 END WHERE id IN (?, ?)`).run(villageA, villageA, villageB);
  for (const name of ['周干部', '吴干部', '周干部']) {
    const id = `cadre-${cadres.length}`;
    db.prepare(`INSERT INTO cadres (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)`).run(id, name, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
    cadres.push(id);
  }
  // Village B's names sort before A's (阿…): only the village order keeps A's households first.
  // 监测 since: unknown, long ago, the 3-month edges (08-29 escalates on 11-29, 08-30 not yet),
  // mid-November, next month; same names in both villages; one 正常 and one deleted household.
  const sinces = [null, '2025-12-31', '2026-05-31', '2026-08-29', '2026-08-30', '2026-08-31', '2026-10-01', '2026-11-15', '2026-12-01', '2026-07-01'];
  const names = ['张三', '李四', '王五', '张三', '赵六', '钱七', '孙八', '周九', '吴十', '郑十一'];
  const colours = ['red', 'orange', 'yellow', 'blue'];
  let seq = 0;
  for (const village of [villageA, villageB]) {
    for (let i = 0; i < sinces.length; i++) {
      seq += 1;
      const h = await t.call('households.save', { villageId: village, householdType: '脱贫户', members: [{ name: village === villageA ? names[i] : `阿${names[i]}`, idNumber: makeIdNumber('620523', '19750101', seq), relation: '户主' }] });
      monitor(h.id, sinces[i], colours[seq % 4], seq % 7 === 0 ? 'normal' : 'monitoring');
      if (seq === 5) db.prepare(`UPDATE households SET deleted_at = '2026-11-20T00:00:00Z' WHERE id = ?`).run(h.id);
      // visits: none, this month, last month only, several this month, one deleted
      if (seq % 3 === 1) visit(h.id, '2026-11-05', 'satisfied');
      if (seq % 4 === 2) visit(h.id, '2026-10-12', 'dissatisfied');
      if (seq % 5 === 3) {
        visit(h.id, '2026-11-02');
        visit(h.id, '2026-11-20', 'basicallySatisfied');
      }
      if (seq % 6 === 4) visit(h.id, '2026-11-18', null, true);
      if (seq % 9 === 0) visit(h.id, '2026-08-03');
      // cadres: one, two (same name, different people), ended mid-month and re-paired, none
      if (seq % 2 === 0) pair(cadres[seq % 3], h.id, '2026-01-01');
      if (seq % 5 === 0) pair(cadres[(seq + 2) % 3], h.id, '2026-03-01');
      if (seq % 4 === 1) {
        pair(cadres[1], h.id, '2026-02-01', '2026-11-10');
        pair(cadres[1], h.id, '2026-11-11');
      }
    }
  }
}, 30_000);
afterAll(() => t.close());

function contextFor(scope: Scope, cadence?: Cadence): HandlerContext {
  const services = t.backend.services;
  const profile = services.profile();
  const changed: BackendServices = cadence ? { ...services, profile: () => ({ ...profile, assistance: { ...profile.assistance, followUpCadence: cadence } }) } : services;
  const session: Session = { ...t.admin, scope };
  return new HandlerContext(changed, session);
}

/** The coverage algorithm before the county rewrite: full rows, monthDuty for every household. */
function referenceCoverage(ctx: HandlerContext, input: { month?: string; villageId?: string; cadreId?: string; visitState?: string; startRow: number; endRow: number }): Coverage {
  const today = chinaDate(ctx.now());
  const month = input.month ?? monthOf(today);
  const { followUpCadence: cadence, followUpDueDay } = ctx.profile().assistance;
  const dueDay = followUpDueDay ?? undefined;
  const { from, to } = monthBounds(month);
  const windows = cadenceWindows(month, cadence, dueDay);
  const households = facts.monitoredHouseholds(ctx.db, ctx.user().scope, { villageId: input.villageId });
  const ids = households.map((h) => h.id);
  const visits = facts.visitDatesOf(ctx.db, ids, windows[0]?.from ?? from, windows.at(-1)?.to ?? to);
  const last = facts.lastVisitsOf(ctx.db, ids, to);
  const paired = facts.cadresOf(ctx.db, ids, from, to);
  const rows = households.flatMap((h) => {
    const dates = visits.get(h.id) ?? [];
    const duty = monthDuty({ monitoredSince: h.monitoredSince, visitDates: dates }, month, cadence, today, dueDay);
    if (!duty.due) return [];
    const p = paired.get(h.id) ?? [];
    const r = { householdId: h.id, headName: h.headName, villageId: h.villageId, villageName: h.villageName, colour: h.colour, monitoredSince: h.monitoredSince, cadreNames: p.map((c) => c.name), state: duty.state, visitsInMonth: dates.filter((d) => monthOf(d) === month).length, lastVisit: last.get(h.id) ?? null };
    return [{ ...r, cadreIds: p.map((c) => c.cadreId) }];
  });
  const listed = rows.filter((r) => (!input.visitState || r.state === input.visitState) && (!input.cadreId || (input.cadreId === UNPAIRED ? !r.cadreIds.length : r.cadreIds.includes(input.cadreId))));
  const names = new Map(rows.flatMap((r) => r.cadreIds.map((id, i) => [id, r.cadreNames[i]] as const)));
  return {
    month,
    cadence,
    today,
    totals: countByGroup(rows, () => ['all']).get('all') ?? emptyCounts(),
    byVillage: [...countByGroup(rows, (r) => [r.villageId])].map(([villageId, c]) => ({ villageId, villageName: rows.find((r) => r.villageId === villageId)!.villageName, ...c })),
    byCadre: [...countByGroup(rows, (r) => (r.cadreIds.length ? r.cadreIds : [UNPAIRED]))]
      .map(([key, c]) => ({ cadreId: key === UNPAIRED ? null : key, cadreName: key === UNPAIRED ? '未安排帮扶干部' : (names.get(key) ?? ''), ...c }))
      .sort((a, b) => (a.cadreId === null ? 1 : b.cadreId === null ? -1 : a.cadreName.localeCompare(b.cadreName, 'zh-CN'))),
    satisfaction: satisfactionCounts(ctx.db, ctx.user().scope, input.villageId, from, to),
    households: { rows: listed.slice(input.startRow, Math.max(input.startRow, input.endRow)).map(({ cadreIds: _c, ...r }) => r), total: listed.length },
  } as Coverage;
}

/** The escalation list before the rewrite: every monitored household's full row, sorted with localeCompare. */
function referenceEscalations(ctx: HandlerContext, input: { month?: string; villageId?: string; startRow: number; endRow: number }) {
  const today = chinaDate(ctx.now());
  const monthEnd = input.month ? monthBounds(input.month).to : today;
  const asOf = monthEnd < today ? monthEnd : today;
  const months = ctx.profile().assistance.escalationMonths;
  const hs = facts.monitoredHouseholds(ctx.db, ctx.user().scope, { villageId: input.villageId }).filter((h) => isEscalated(h, asOf, months));
  hs.sort((a, b) => (a.monitoredSince! < b.monitoredSince! ? -1 : a.monitoredSince! > b.monitoredSince! ? 1 : 0) || a.villageOrder - b.villageOrder || a.headName.localeCompare(b.headName, 'zh-CN'));
  return { total: hs.length, page: hs.slice(input.startRow, Math.max(input.startRow, input.endRow)).map((h) => [h.id, h.headName, h.villageName, h.riskTypes, h.monitoredSince]) };
}

describe('工作台 follow-up cards give the same answers as before the county rewrite', () => {
  const coverageInputs = () => [
    { visitState: 'overdue', startRow: 0, endRow: 8 },
    { visitState: 'pending', startRow: 0, endRow: 8 },
    { visitState: 'visited', startRow: 0, endRow: 100 },
    { startRow: 3, endRow: 11 },
    { month: '2026-10', startRow: 0, endRow: 100 },
    { month: '2026-08', startRow: 0, endRow: 100 },
    { month: '2026-12', startRow: 0, endRow: 100 },
    { villageId: villageB, startRow: 0, endRow: 100 },
    { cadreId: UNPAIRED, startRow: 0, endRow: 100 },
    ...cadres.map((cadreId) => ({ cadreId, startRow: 0, endRow: 100 })),
  ];

  it.each([['monthly'], ['weekly'], ['quarterly']] as [Cadence][])('followups.coverage (%s cadence), every filter, county and village scopes', (cadence) => {
    for (const scope of [ALL, { kind: 'villages', villageIds: [villageA] } as Scope]) {
      const ctx = contextFor(scope, cadence);
      for (const input of coverageInputs()) {
        const expected = referenceCoverage(ctx, input);
        expect(followupCoverage(ctx, input as never), JSON.stringify({ cadence, scope: scope.kind, input })).toEqual(expected);
      }
    }
    // The data reaches every state, so the comparison above compared something.
    const all = followupCoverage(contextFor(ALL, cadence), { startRow: 0, endRow: 100 });
    expect(all.totals.due).toBeGreaterThan(5);
    if (cadence === 'monthly') expect(Math.min(all.totals.visited, all.totals.pending)).toBeGreaterThan(0);
  });

  it('the served method (dispatch, zod output check) matches too', async () => {
    const served = await t.call('followups.coverage', { visitState: 'pending', startRow: 0, endRow: 8 });
    expect(served).toEqual(referenceCoverage(contextFor(ALL), { visitState: 'pending', startRow: 0, endRow: 8 }));
    expect(served.households.total).toBeGreaterThan(0);
  });

  it('followups.escalations: the 3-month edge, order (date, village, name), pages, months, scopes', async () => {
    const inputs = [{ startRow: 0, endRow: 8 }, { startRow: 2, endRow: 5 }, { month: '2026-09', startRow: 0, endRow: 50 }, { month: '2026-10', startRow: 0, endRow: 50 }, { villageId: villageA, startRow: 0, endRow: 50 }];
    for (const scope of [ALL, { kind: 'villages', villageIds: [villageB] } as Scope]) {
      const ctx = contextFor(scope);
      for (const input of inputs) {
        const got = followupEscalations(ctx, input);
        const expected = referenceEscalations(ctx, input);
        expect(got.total).toBe(expected.total);
        expect(got.rows.map((r) => [r.householdId, r.headName, r.villageName, r.riskTypes, r.monitoredSince])).toEqual(expected.page);
      }
    }
    const list = await t.call('followups.escalations', { startRow: 0, endRow: 50 });
    const sinces = list.rows.map((r) => r.monitoredSince);
    expect(sinces).toContain('2026-08-29'); // 3 months to the day on 2026-11-29
    expect(sinces).not.toContain('2026-08-30');
    expect(list.rows.every((r) => r.deliveredMeasures === 0 && r.cadreNames.length <= 2)).toBe(true);
  });

  it('byCodePoints is SQLite BINARY order (code points), not UTF-16 order', () => {
    const sqlite = (a: string, b: string) => (db.prepare(`SELECT (? > ?) - (? < ?) AS c`).get(a, b, a, b) as { c: number }).c;
    const pairs: [string, string][] = [['周', '吴'], ['𠀀', '\uE000'], ['张三', '张三丰'], ['a', 'a'], ['𪚥', '龘']];
    for (const [a, b] of pairs) expect(Math.sign(byCodePoints(a, b)), `${a} ${b}`).toBe(sqlite(a, b));
    expect('𠀀' < '\uE000').toBe(true); // what plain `<` would have said
  });
});

/** The statements `fn` runs with their EXPLAIN QUERY PLAN (as test/integration/query-plans.test.ts does). */
function plansOf(fn: (ctx: HandlerContext) => unknown, scope: Scope): { sql: string; params: unknown[]; plan: string }[] {
  const seen: { sql: string; params: unknown[] }[] = [];
  const proxy = new Proxy(db, {
    get(target, prop) {
      const v = Reflect.get(target, prop) as unknown;
      if (prop !== 'prepare') return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      return (sql: string) => {
        const stmt = target.prepare(sql);
        const wrapped: Statement = new Proxy(stmt, {
          get(s, p) {
            const m = Reflect.get(s, p) as unknown;
            if (p === 'all' || p === 'get' || p === 'iterate') return (...params: unknown[]) => (seen.push({ sql, params }), (m as (...a: unknown[]) => unknown).apply(s, params));
            if (p === 'raw' || p === 'pluck') return (on = true) => ((m as (on: boolean) => unknown).call(s, on), wrapped);
            return typeof m === 'function' ? (m as (...a: unknown[]) => unknown).bind(s) : m;
          },
        });
        return wrapped;
      };
    },
  });
  const base = contextFor(scope);
  fn(new HandlerContext({ ...base.services, db: proxy }, base.session));
  return seen.map(({ sql, params }) => ({ sql, params, plan: (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ') }));
}

describe('工作台 follow-up cards: query plans', () => {
  const fullScan = (plan: string) => /SCAN (h|households|f|followups|a|cadre_assignments)( |$)(?!USING)/.test(plan) && !/SCAN \w+ USING/.test(plan);

  it('coverage: a fixed handful of statements, none with an IN list of households, none reading a table whole', () => {
    const statements = plansOf((ctx) => followupCoverage(ctx, { visitState: 'pending', startRow: 0, endRow: 8 }), ALL);
    expect(statements.length).toBeLessThanOrEqual(5);
    for (const s of statements) {
      expect(s.params.length, s.sql).toBeLessThanOrEqual(8 + 2); // at most the page's ids + dates
      expect(fullScan(s.plan), s.plan).toBe(false);
    }
    // The monitored households come from the partial status index, the facts by household index.
    expect(statements[0].plan).toMatch(/USING (COVERING )?INDEX households_live_status \(status=\?\)/);
    expect(statements.find((s) => /FROM households h JOIN followups/.test(s.sql))!.plan).toMatch(/followups_household \(household_id=\?/);
    expect(statements.find((s) => /JOIN cadre_assignments/.test(s.sql))!.plan).toMatch(/cadre_assignments_household \(household_id=\?/);
    // No whole-rows JSON per monitored household: risk_types/flags are not read.
    expect(statements.some((s) => /risk_types|flags/.test(s.sql))).toBe(false);
  });

  it('a village (filter or 村级 account) is searched by a village index, not all monitored households', () => {
    for (const [scope, villageId] of [[ALL, villageA], [{ kind: 'villages', villageIds: [villageA] }, undefined]] as [Scope, string | undefined][]) {
      for (const s of plansOf((ctx) => (followupCoverage(ctx, { villageId, startRow: 0, endRow: 8 }), followupEscalations(ctx, { villageId, startRow: 0, endRow: 8 })), scope)) {
        if (!/FROM households h/.test(s.sql) || /h\.id IN/.test(s.sql)) continue;
        expect(s.plan, s.sql).toMatch(/SEARCH h USING (COVERING )?INDEX households_(village_order|live_stats|live_village_colour) \(village_id=\?\)/);
      }
    }
  });

  it('escalations: sorts narrow rows, reads the shown rows whole for the page only', () => {
    const statements = plansOf((ctx) => followupEscalations(ctx, { startRow: 0, endRow: 8 }), ALL);
    const whole = statements.filter((s) => /risk_types/.test(s.sql));
    expect(whole).toHaveLength(1);
    expect(whole[0].params.length).toBeLessThanOrEqual(8);
    expect(whole[0].plan).toMatch(/SEARCH h USING INDEX sqlite_autoindex_households_1 \(id=\?\)/);
    for (const s of statements) expect(fullScan(s.plan), s.plan).toBe(false);
  });
});
