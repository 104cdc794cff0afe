import type { Statement } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HouseholdFilter } from '../../shared/api/schemas/household';
import type { Scope } from '../../shared/domain/permissions';
import type { Db } from '../../electron/backend/db/connection';
import { getDivision } from '../../electron/backend/repos/divisions';
import { listHouseholds } from '../../electron/backend/repos/households';
import { matchIdNumbers } from '../../electron/backend/repos/idMatch';
import { listMembers } from '../../electron/backend/repos/memberList';
import { findActiveByIdNumber } from '../../electron/backend/repos/members';
import { householdCountsByDivision, householdStatsCells } from '../../electron/backend/repos/stats';
import { HandlerContext } from '../../electron/backend/context';
import { statsSummary } from '../../electron/backend/handlers/stats';
import { seedVillage, startTestBackend, type TestBackend } from '../support/backend';

// The register's query plans, as the app runs them: no sqlite_stat1 (the app never runs ANALYZE),
// indexes from the real migrations (0008_performance.sql), SQL built by the real repo functions
// (listHouseholds → householdWhere/householdOrderBy, …) run once against a recording proxy of the
// connection, then EXPLAIN QUERY PLAN of exactly what they prepared. A plan that falls back to
// reading the whole households table (`SCAN h`) fails here before it makes the county register
// slow (bench/: 0.3–1 s per page at 300k households).

interface Planned {
  sql: string;
  plan: string[];
}

/** Runs `fn` on a proxy of `db` and returns the plan of every statement it executed. */
function plansOf(db: Db, fn: (db: Db) => unknown): Planned[] {
  const seen: { sql: string; params: unknown[] }[] = [];
  const proxy = new Proxy(db, {
    get(target, prop) {
      if (prop !== 'prepare') {
        const v = Reflect.get(target, prop) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      }
      return (sql: string) => {
        const stmt = target.prepare(sql);
        const wrapped: Statement = new Proxy(stmt, {
          get(s, p) {
            const v = Reflect.get(s, p) as unknown;
            if (p === 'all' || p === 'get' || p === 'run' || p === 'iterate') return (...params: unknown[]) => (seen.push({ sql, params }), (v as (...a: unknown[]) => unknown).apply(s, params));
            if (p === 'raw' || p === 'pluck') return (on = true) => ((v as (on: boolean) => unknown).call(s, on), wrapped);
            return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(s) : v;
          },
        });
        return wrapped;
      };
    },
  });
  fn(proxy);
  return seen.map(({ sql, params }) => ({ sql, plan: (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail) }));
}

/** A plan line that reads the whole households table (not an index search). */
const fullHouseholdScan = (line: string) => /^SCAN h$|^SCAN households$/.test(line);
const fullSort = (lines: string[]) => lines.includes('USE TEMP B-TREE FOR ORDER BY');

let t: TestBackend;
let db: Db;
let villageId: string;
let groupId: string;
const ALL: Scope = { kind: 'all' };

beforeAll(async () => {
  t = await startTestBackend();
  db = t.backend.services.db;
  const v = await seedVillage(t);
  villageId = v.villageId;
  groupId = v.groupIds[0];
  await t.call('households.save', { villageId, groupId, householdType: '一般农户', members: [{ name: '张秀英', idNumber: '110101199003071233', relation: '户主' }] });
  // The app never writes statistics; a test database must not have any either.
  expect(db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat1'`).get()).toEqual({ n: 0 });
});
afterAll(() => t.close());

const page = (filter: HouseholdFilter, sort: { colId: string; sort: 'asc' | 'desc' }[] = [], scope: Scope = ALL) =>
  plansOf(db, (pdb) => listHouseholds(pdb, filter, sort, 0, 100, scope));

describe('households.list query plans (county-scale register)', () => {
  it('first page: reads the register in order through an index, counts the total from an index', () => {
    const [rows, count] = page({});
    expect(rows.plan.some(fullHouseholdScan)).toBe(false);
    expect(rows.plan.join('\n')).toMatch(/SCAN h USING (COVERING )?INDEX households_order\b/);
    expect(fullSort(rows.plan)).toBe(false);
    // count(*) of every live household: a partial (live-rows) index, never the 40-column table.
    expect(count.plan.join('\n')).toMatch(/USING (COVERING )?INDEX households_live_/);
  });

  it('sort by name (desc) keeps the index order', () => {
    const [rows] = page({}, [{ colId: 'headName', sort: 'desc' }]);
    expect(rows.plan.join('\n')).toMatch(/SCAN h USING (COVERING )?INDEX households_order\b/);
    expect(fullSort(rows.plan)).toBe(false);
  });

  const filters: [string, () => HouseholdFilter, RegExp][] = [
    ['village', () => ({ villageId }), /SEARCH h USING (COVERING )?INDEX households_(village_order|live_stats) \(village_id=\?\)/],
    ['village + colour', () => ({ villageId, colour: 'red' }), /SEARCH h USING (COVERING )?INDEX households_live_village_colour \(village_id=\? AND colour=\?\)/],
    ['group', () => ({ groupId }), /SEARCH h USING (COVERING )?INDEX households_group \(group_id=\?\)/],
    ['colour', () => ({ colour: 'blue' }), /SEARCH h USING (COVERING )?INDEX households_live_colour \(colour=\?\)/],
    ['status', () => ({ status: 'monitoring' }), /SEARCH h USING (COVERING )?INDEX households_live_status \(status=\?\)/],
    ['户类型', () => ({ householdType: '脱贫户' }), /SEARCH h USING (COVERING )?INDEX households_live_type \(household_type=\?\)/],
    ['类别', () => ({ category: '边缘易致贫户' }), /SEARCH h USING (COVERING )?INDEX households_live_category \(category=\?\)/],
  ];
  it.each(filters)('filter by %s: an index search for rows and count', (_label, filter, expected) => {
    for (const q of page(filter())) {
      expect(q.plan.some(fullHouseholdScan), q.plan.join(' | ')).toBe(false);
      expect(q.plan.join('\n')).toMatch(expected);
    }
  });

  it('village + colour sorted by name needs no sort step', () => {
    const [rows] = page({ villageId, colour: 'red' }, [{ colId: 'headName', sort: 'asc' }]);
    expect(fullSort(rows.plan)).toBe(false);
  });

  it('a village-scoped account (村级录入) searches its villages by index', () => {
    for (const q of page({}, [], { kind: 'villages', villageIds: [villageId] })) {
      expect(q.plan.some(fullHouseholdScan)).toBe(false);
      expect(q.plan.join('\n')).toMatch(/SEARCH h USING (COVERING )?INDEX households_\w+ \(village_id=\?\)/);
    }
  });

  const searches: [string, string, RegExp][] = [
    ['ID number prefix', '11010119900307', /SEARCH members USING COVERING INDEX members_id_number_cover \(id_number>\? AND id_number<\?\)/],
    ['full ID number', '110101199003071233', /SEARCH members USING COVERING INDEX members_id_number_cover/],
    ['name', '张秀', /SEARCH members USING COVERING INDEX members_name_cover \(name>\? AND name<\?\)/],
    ['pinyin initials', 'zx', /SEARCH members USING COVERING INDEX members_pinyin_cover \(pinyin>\? AND pinyin<\?\)/],
  ];
  it.each(searches)('search by %s: head and member branches are index range searches', (_label, search, memberBranch) => {
    for (const q of page({ search })) {
      const text = q.plan.join('\n');
      expect(q.plan.some((l) => /^SCAN h\b/.test(l)), text).toBe(false);
      expect(text).toMatch(/MULTI-INDEX OR/);
      expect(text).toMatch(memberBranch);
    }
  });
});

describe('member and division lookups', () => {
  it('an ID number is looked up in the unique active-member index', () => {
    const [q] = plansOf(db, (pdb) => findActiveByIdNumber(pdb, '110101199003071233'));
    expect(q.plan.join('\n')).toMatch(/SEARCH m USING (COVERING )?INDEX members_id_number_(active|cover) \(id_number=\?/);
  });

  it('the batch matcher walks the given keys and probes the index (never scans members)', () => {
    const [q] = plansOf(db, (pdb) => matchIdNumbers(pdb, ['110101199003071233', '110101199003071249']));
    const text = q.plan.join('\n');
    expect(text).toMatch(/SCAN j/);
    expect(text).toMatch(/SEARCH m USING (COVERING )?INDEX members_id_number_(active|cover) \(id_number=\?/);
    expect(q.plan.some((l) => /^SCAN (m|members)\b/.test(l))).toBe(false);
    expect(matchIdNumbers(db, ['110101199003071233', '１１０１０１１９９００３０７１２３３', 'nope']).map((m) => m?.name ?? null)).toEqual(['张秀英', '张秀英', null]);
  });

  it('the member register searches ID numbers by index', () => {
    const [rows, count] = plansOf(db, (pdb) => listMembers(pdb, { search: '11010119900307' }, [], 0, 100, ALL));
    for (const q of [rows, count]) {
      expect(q.plan.some((l) => /^SCAN (m|members)\b/.test(l))).toBe(false);
      expect(q.plan.join('\n')).toMatch(/SEARCH m USING (COVERING )?INDEX members_id_number_\w+ \(id_number>\? AND id_number<\?\)/);
    }
  });

  it("a division's household count uses the village and group indexes, not a table scan", () => {
    const [q] = plansOf(db, (pdb) => getDivision(pdb, groupId));
    expect(q.plan.some(fullHouseholdScan), q.plan.join(' | ')).toBe(false);
    expect(q.plan.join('\n')).toMatch(/households_group \(group_id=\?\)/);
  });

  it('household counts per village and group come from one ordered pass over the stats index', () => {
    const [q] = plansOf(db, (pdb) => householdCountsByDivision(pdb));
    expect(q.plan.join('\n')).toMatch(/SCAN households USING (COVERING )?INDEX households_live_stats/);
    expect(q.plan.join('\n')).not.toMatch(/TEMP B-TREE FOR GROUP BY/);
    const counts = householdCountsByDivision(db);
    expect([counts.get(villageId), counts.get(groupId)]).toEqual([1, 1]);
  });

  it('stats.summary reads one covering index, not the table', () => {
    const [q] = plansOf(db, (pdb) => householdStatsCells(pdb, ALL));
    // EXPLAIN says "USING INDEX" rather than COVERING because deleted_at is named in the WHERE, but the
    // partial index already implies it, so no table row is read (0.1 s vs 1 s at county scale).
    expect(q.plan.join('\n')).toMatch(/SCAN households USING (COVERING )?INDEX households_live_stats/);
    // …and what it reads adds up: the handler's totals equal plain counts of the live register.
    const summary = statsSummary(new HandlerContext(t.backend.services, t.admin), {});
    const plain = db.prepare(`SELECT count(*) AS households, coalesce(sum(member_count), 0) AS people FROM households NOT INDEXED WHERE deleted_at IS NULL`).get();
    expect({ households: summary.households, people: summary.people }).toEqual(plain);
    expect(summary.byVillage.find((v) => v.villageId === villageId)).toMatchObject({ households: 1, people: 1 });
    expect(summary.byColour).toEqual([{ key: null, label: '未评级', households: 1, people: 1 }]);
  });
});
