import type { Statement } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HouseholdFilter } from '../../shared/api/schemas/household';
import type { Scope } from '../../shared/domain/permissions';
import type { Db } from '../../electron/backend/db/connection';
import { getDivision } from '../../electron/backend/repos/divisions';
import { listAudit } from '../../electron/backend/repos/audit';
import { listHouseholds } from '../../electron/backend/repos/households';
import { matchIdNumbers } from '../../electron/backend/repos/idMatch';
import { listMembers, memberConditions, memberCountSql, memberOrderKeys, memberPageSql, NOT_IN_SCHOOL, studentsToConfirm, type MemberDrive, type MemberQuery } from '../../electron/backend/repos/memberList';
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

describe('members.list query plans (人员名册, 1M members at county scale)', () => {
  type Sort = { colId: string; sort: 'asc' | 'desc' }[];
  /** The statements of one listMembers call, without its probe for tombstoned households (one partial-index read). */
  const run = (q: MemberQuery, sort: Sort = [], startRow = 0, scope: Scope = ALL, withTotal = true) =>
    plansOf(db, (pdb) => listMembers(pdb, q, sort, startRow, startRow + 100, scope, withTotal)).filter((p) => !p.sql.startsWith('SELECT EXISTS'));
  const explain = (s: { sql: string; params: unknown[] }, ...extra: unknown[]) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...s.params, ...extra) as { detail: string }[]).map((r) => r.detail);
  /** The page statement of a drive, as listMembers would run it for that plan. */
  const pagePlan = (drive: MemberDrive, q: MemberQuery, sort: Sort = []) => explain(memberPageSql(drive, memberConditions(q, ALL), memberOrderKeys(sort)), 100, 0);
  const countPlan = (q: MemberQuery, scope: Scope = ALL) => explain(memberCountSql(memberConditions(q, scope)));
  const isPage = (p: Planned) => p.sql.startsWith('WITH page');
  /** Reads the whole members table, or looks households up one member at a time (1M look-ups). */
  const slowLine = (l: string) => /^SCAN (m|members)$/.test(l) || /USING INDEX sqlite_autoindex_households_1/.test(l);
  /** The page's rowids (what is walked and sorted), without the detail half that reads the page's own rows. */
  const inner = (plan: string[]) => plan.slice(0, plan.indexOf('SCAN p'));
  const REGISTER_LOOP = [/SCAN v USING INDEX divisions_order\b/, /SEARCH h USING INDEX households_village_order \(village_id=\?\)/, /SEARCH m USING (COVERING )?INDEX members_household_cover \(household_id=\?\)/];

  it('first block: villages → households → members in register order by index, no sort of the register; the count reads one members index', () => {
    const statements = run({});
    expect(statements).toHaveLength(2);
    const [count, page] = statements;
    expect(isPage(page)).toBe(true);
    const text = page.plan.join('\n');
    for (const re of REGISTER_LOOP) expect(text).toMatch(re);
    expect(fullSort(page.plan), text).toBe(false);
    // The detail half reads only the page's rows, by rowid.
    expect(text).toMatch(/SCAN p\nSEARCH m USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    // No household is tombstoned: live members are counted in one members index, no household read at all.
    expect(count.plan.join('\n')).toMatch(/SCAN m USING COVERING INDEX members_\w+/);
    expect(count.plan.join('\n')).not.toMatch(/households/);
    // With tombstoned households: minus their members, still one members index scan and no household look-ups.
    const withDeleted = countPlan({});
    expect(withDeleted.join('\n')).toMatch(/SCAN m USING COVERING INDEX members_\w+/);
    expect(withDeleted.join('\n')).toMatch(/SCAN h USING INDEX households_deleted/);
    expect(withDeleted.some(slowLine), withDeleted.join(' | ')).toBe(false);
    expect(count.plan.some(slowLine), count.plan.join(' | ')).toBe(false);
    expect(inner(page.plan).some(slowLine), page.plan.join(' | ')).toBe(false);
  });

  it('a later block without the count runs the page alone, in the same plan', () => {
    const statements = run({}, [], 10_000, ALL, false);
    expect(statements).toHaveLength(1);
    for (const re of REGISTER_LOOP) expect(statements[0].plan.join('\n')).toMatch(re);
  });

  // A group's few hundred members are sorted; a village or a scope is walked in register order (a township
  // account scoped to 20 villages would otherwise sort 65k members per block).
  const villageScoped: [string, () => MemberQuery, () => Scope, RegExp, boolean][] = [
    ['village', () => ({ villageId }), () => ALL, /SEARCH h USING (COVERING )?INDEX households_\w+ \(village_id=\?\)/, true],
    ['group', () => ({ villageId, groupId }), () => ALL, /SEARCH h USING (COVERING )?INDEX households_\w+ \((village_id=\? AND )?group_id=\?\)/, false],
    ['a village-scoped account', () => ({}), () => ({ kind: 'villages', villageIds: [villageId, groupId] }), /SEARCH h USING (COVERING )?INDEX households_\w+ \(village_id=\?\)/, true],
  ];
  it.each(villageScoped)('%s: rows and count start from that place’s households', (_label, q, scope, households, walked) => {
    const statements = run(q(), [], 0, scope());
    for (const s of statements) {
      const text = s.plan.join('\n');
      expect(s.plan.some((l) => /^SCAN (h|m|members|households)\b/.test(l)), text).toBe(false);
      expect(text).toMatch(households);
      expect(text).toMatch(/SEARCH m USING (COVERING )?INDEX members_household_cover \(household_id=\?\)/);
    }
    const page = statements.find(isPage)!;
    expect(fullSort(page.plan), page.plan.join(' | ')).toBe(!walked);
  });

  const filters: [string, MemberQuery, RegExp][] = [
    ['健康状况 残疾', { health: '残疾' }, /members_health \(health=\?/],
    ['劳动技能', { labourSkill: '技能劳动力' }, /members_labour \(labour_skill=\?/],
    ['学段', { schoolStage: '小学' }, /members_school_cover \(school_stage=\?\)/],
    ['不在校', { schoolStage: NOT_IN_SCHOOL }, /members_school_cover \(school_stage=\?\)/],
    ['年级未确认', { unconfirmedFor: '2026' }, /members_school_cover \(school_stage>\?\)/],
    ['年龄段', { bornOnOrBefore: '2020-11-29', bornAfter: '2010-11-29' }, /members_birth_cover \(birth_date>\? AND birth_date<\?\)/],
    ['低保', { dibao: true }, /members_welfare \(dibao=\?\)/],
    ['姓名', { search: '张秀' }, /members_name_cover \(name>\? AND name<\?\)/],
    ['拼音首字母', { search: 'zx' }, /members_pinyin_cover \(pinyin>\? AND pinyin<\?\)/],
    ['证件号前缀', { search: '11010119900307' }, /members_id_number_\w+ \(id_number>\? AND id_number<\?\)/],
  ];
  it.each(filters)('filter %s: counted in its index; few matches are read from it, many walked in register order', (_label, q, index) => {
    const count = countPlan(q);
    expect(count.join('\n')).toMatch(new RegExp(`SEARCH m USING (COVERING )?INDEX ${index.source}`));
    expect(count.some(slowLine), count.join(' | ')).toBe(false);
    const matches = pagePlan('matches', q);
    expect(matches.join('\n')).toMatch(new RegExp(`SEARCH m USING (COVERING )?INDEX ${index.source}`));
    expect(matches.some((l) => /^SCAN (m|members)$/.test(l)), matches.join(' | ')).toBe(false);
    // The walk keeps its household index even with the filter's index at hand (INDEXED BY): never one search
    // of all 25k 残疾 entries per household.
    const walk = pagePlan('villages', q).join('\n');
    for (const re of REGISTER_LOOP) expect(walk).toMatch(re);
    expect(walk).not.toMatch(index);
  });

  it('the repo reads a rare filter from its index (年级升级 preview and the register alike)', () => {
    const [count, , page] = run({ unconfirmedFor: '2026' });
    expect(count.plan.join('\n')).toMatch(/members_school_cover \(school_stage>\?\)/);
    expect(page.plan.join('\n')).toMatch(/SEARCH m USING INDEX members_school_cover \(school_stage>\?\)/);
    const [preview] = plansOf(db, (pdb) => studentsToConfirm(pdb, '2026', ALL)).filter(isPage);
    expect(preview.plan.join('\n')).toMatch(/SEARCH m USING INDEX members_school_cover \(school_stage>\?\)/);
  });

  const sorts: [string, 'asc' | 'desc', RegExp][] = [
    ['name', 'asc', /SCAN m USING (COVERING )?INDEX members_name_cover/],
    ['name', 'desc', /SCAN m USING (COVERING )?INDEX members_name_cover/],
    ['age', 'asc', /SCAN m USING (COVERING )?INDEX members_birth_cover/],
    ['birthDate', 'desc', /SCAN m USING (COVERING )?INDEX members_birth_cover/],
    ['headName', 'asc', /SCAN h USING INDEX households_order\b/],
    ['villageName', 'desc', /SCAN v USING INDEX divisions_order\b/],
  ];
  it.each(sorts)('sort by %s %s reads an index in that order (no sort of the register)', (colId, dir, index) => {
    const page = run({}, [{ colId, sort: dir }]).find(isPage)!;
    expect(page.plan.join('\n')).toMatch(index);
    expect(fullSort(page.plan), page.plan.join(' | ')).toBe(false);
    expect(inner(page.plan).some(slowLine), page.plan.join(' | ')).toBe(false);
  });

  it('sorting the county by 健康状况 / 劳动技能 / 学段 reads members alone, in that column’s index order', () => {
    // Ties (by rowid, which ends every index) are sorted within each value; no household is looked up per member.
    for (const [colId, index] of [['health', 'members_health'], ['labourSkill', 'members_labour'], ['schoolStage', 'members_school_cover']]) {
      const page = run({}, [{ colId, sort: 'asc' }]).find(isPage)!;
      // No tombstoned household: the column's index alone (covering), no member row read before the page (~90 ms).
      expect(inner(page.plan).join('\n')).toMatch(new RegExp(`SCAN m USING COVERING INDEX ${index}\\b`));
      expect(inner(page.plan).join('\n')).not.toMatch(/households/);
      // With tombstoned households their members are excluded by household id (a member row read each, ~0.4 s).
      const withDeleted = pagePlan('members', {}, [{ colId, sort: 'asc' }]);
      expect(withDeleted.join('\n')).toMatch(new RegExp(`SCAN m USING (COVERING )?INDEX ${index}\\b`));
      expect(inner(withDeleted).some(slowLine), withDeleted.join(' | ')).toBe(false);
    }
  });
});

describe('audit.list query plans (审计日志, ~1.4M rows at county scale)', () => {
  const audit = (filter: Parameters<typeof listAudit>[1]) => plansOf(db, (pdb) => listAudit(pdb, filter, 0, 50));
  const fullAuditScan = (lines: string[]) => lines.some((l) => /^SCAN audit_log$/.test(l));

  it('the 对象类型 filter reads its index for the page (newest first, no sort) and for the count', () => {
    const [page, count] = audit({ entity: 'backup' });
    // Without audit_entity (0010) a rare type walked all 1.4M rows for its page and again for its count: 1.7 s.
    expect(page.plan.join('\n')).toMatch(/SEARCH audit_log USING INDEX audit_entity \(entity=\?\)/);
    expect(fullSort(page.plan), page.plan.join(' | ')).toBe(false);
    expect(count.plan.join('\n')).toMatch(/SEARCH audit_log USING COVERING INDEX audit_entity \(entity=\?\)/);
  });

  it('user and household filters read their own index; none of the filters reads the whole log', () => {
    const [byUser] = audit({ userId: '019ad000-0000-7000-8000-000000000001' });
    expect(byUser.plan.join('\n')).toMatch(/USING INDEX audit_user \(user_id=\?\)/);
    const [byHousehold] = audit({ householdId: '019ad000-0000-7000-8000-000000000002' });
    expect(byHousehold.plan.join('\n')).toMatch(/USING INDEX audit_household \(household_id=\?\)/);
    for (const filter of [{ entity: 'member' }, { userId: 'x' }, { householdId: 'x' }, { entity: 'member', userId: 'x' }]) {
      for (const q of audit(filter)) expect(fullAuditScan(q.plan), `${JSON.stringify(filter)}: ${q.plan.join(' | ')}`).toBe(false);
    }
  });
});
