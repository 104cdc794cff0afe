import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../shared/domain/idCard';
import type { Scope } from '../../shared/domain/permissions';
import type { Db } from '../../electron/backend/db/connection';
import {
  listMembers,
  memberConditions,
  memberOrderKeys,
  memberPageSql,
  NOT_IN_SCHOOL,
  studentsToConfirm,
  type MemberDrive,
  type MemberQuery,
} from '../../electron/backend/repos/memberList';
import { walkIsCheaper } from '../../electron/backend/repos/memberListPlan';
import { startTestBackend, type TestBackend } from '../support/backend';

// The member register's plans (repos/memberList.ts) must answer exactly what one plain query answers: every
// plan a page may take — the register-order walk, households first, a filter's index with a sort, a member
// column's index — gives the same rows in the same order as SQLite's own full sort of the plain join, for
// every filter, sort and offset; and the register order is the one a clerk keeps (village, 户主 pinyin,
// household, member order). Small data: the plans are the county's (no statistics), the row counts are not.

const ALL: Scope = { kind: 'all' };
const DRIVES: MemberDrive[] = ['villages', 'households', 'matches', 'members'];
const HEALTH = ['健康', '长期慢性病', '健康', '残疾', '患有大病'];
const LABOUR = ['普通劳动力', '技能劳动力', '弱劳动力或半劳动力', '丧失劳动力', '无劳动力'];
// Same-sounding and same heads in one village: 户主 order is pinyin (白 bai before 丁 ding before 张 zhang).
const HEADS = ['张伟', '白雪', '丁一', '张伟', '王芳', '白冰', '陈晨', '李娜'];

let t: TestBackend;
let db: Db;
const villages: { id: string; name: string }[] = [];
let deletedHousehold = '';

async function seed(): Promise<void> {
  // Two townships whose villages share sort orders (10, 20) and one name (青山村): ties the order must break.
  for (const [ti, names] of [['东镇', ['青山村', '绿水村']], ['西镇', ['青山村', '白云村']]] as const) {
    const township = await t.call('divisions.save', { level: 'township', name: ti });
    for (const name of names) {
      const v = await t.call('divisions.save', { level: 'village', name, parentId: township.id });
      const g = await t.call('divisions.save', { level: 'group', name: '一组', parentId: v.id });
      villages.push({ id: v.id, name });
      await t.call('divisions.save', { level: 'group', name: '二组', parentId: v.id });
      void g;
    }
  }
  let n = 0;
  for (const [vi, v] of villages.entries()) {
    const groups = (db.prepare(`SELECT id FROM divisions WHERE parent_id = ? ORDER BY sort_order`).all(v.id) as { id: string }[]).map((r) => r.id);
    for (let k = 0; k < 6; k++) {
      const i = ++n;
      const head = HEADS[(vi * 3 + k) % HEADS.length];
      const members = [
        { name: head, idNumber: makeIdNumber('620523', `19${50 + (i % 40)}0${1 + (i % 9)}1${i % 10}`, String(100 + i).slice(-3)), relation: '户主', health: HEALTH[i % 5], labourSkill: LABOUR[i % 5], ...(HEALTH[i % 5] === '残疾' ? { disabilityGrade: '二级' } : {}), dibao: i % 4 === 0 },
        { name: `${head.slice(0, 1)}妻${i}`, idNumber: makeIdNumber('620523', `19${55 + (i % 40)}1${i % 3}0${1 + (i % 9)}`, String(300 + i).slice(-3)), relation: '配偶', health: HEALTH[(i + 1) % 5], labourSkill: LABOUR[(i + 2) % 5], ...(HEALTH[(i + 1) % 5] === '残疾' ? { disabilityGrade: '一级' } : {}), tekun: i % 7 === 0 },
        ...(i % 3 === 0 ? [] : [{ name: `${head.slice(0, 1)}小${i}`, idNumber: makeIdNumber('620523', `20${10 + (i % 10)}0${1 + (i % 9)}0${1 + (i % 9)}`, String(500 + i).slice(-3)), relation: '之子', schoolStage: i % 2 ? '小学' : '初中', schoolGrade: 1 + (i % 6), schoolYearConfirmed: i % 5 === 0 ? '2025' : '2026' }]),
      ];
      await t.call('households.save', { villageId: v.id, groupId: k % 3 === 2 ? undefined : groups[k % 2], householdType: '一般农户', members });
    }
  }
  // A person who left (death) and a household tombstoned by county sync: out of the register unless asked.
  db.prepare(`UPDATE members SET left_at = '2026-05-01', left_reason = '死亡' WHERE rowid = (SELECT min(rowid) FROM members WHERE relation = '配偶')`).run();
  deletedHousehold = (db.prepare(`SELECT id FROM households ORDER BY rowid LIMIT 1 OFFSET 9`).get() as { id: string }).id;
  db.prepare(`UPDATE households SET deleted_at = '2026-11-01T00:00:00Z' WHERE id = ?`).run(deletedHousehold);
}

beforeAll(async () => {
  t = await startTestBackend();
  db = t.backend.services.db;
  await seed();
});
afterAll(() => t.close());

type Sort = { colId: string; sort: 'asc' | 'desc' }[];

/** The plainest SQL for the same rows: the whole join, filtered and fully sorted by SQLite. */
function reference(q: MemberQuery, sort: Sort, offset: number, limit: number, scope: Scope = ALL): { ids: string[]; total: number } {
  const c = memberConditions(q, scope);
  const from = `FROM members m JOIN households h ON h.id = m.household_id LEFT JOIN divisions v ON v.id = h.village_id LEFT JOIN divisions g ON g.id = h.group_id
    WHERE ${c.household.sql} AND ${c.member.sql}`;
  const params = [...c.household.params, ...c.member.params];
  const order = memberOrderKeys(sort).map((k) => `${k.expr} ${k.desc ? 'DESC' : 'ASC'}`).join(', ');
  return {
    ids: db.prepare(`SELECT m.id ${from} ORDER BY ${order} LIMIT ? OFFSET ?`).pluck().all(...params, limit, offset) as string[],
    total: (db.prepare(`SELECT count(*) ${from}`).pluck().get(...params) as number),
  };
}

const pageIds = (drive: MemberDrive, q: MemberQuery, sort: Sort, offset: number, limit: number, scope: Scope = ALL): string[] => {
  const page = memberPageSql(drive, memberConditions(q, scope), memberOrderKeys(sort));
  return (db.prepare(page.sql).all(...page.params, limit, offset) as { id: string }[]).map((r) => r.id);
};

describe('members.list: every plan answers what the plain query answers', () => {
  const queries: [string, () => MemberQuery][] = [
    ['everyone', () => ({})],
    ['including former members', () => ({ includeFormer: true })],
    ['one village', () => ({ villageId: villages[1].id })],
    ['残疾', () => ({ health: '残疾' })],
    ['技能劳动力', () => ({ labourSkill: '技能劳动力' })],
    ['小学', () => ({ schoolStage: '小学' })],
    ['不在校', () => ({ schoolStage: NOT_IN_SCHOOL })],
    ['年级未确认', () => ({ unconfirmedFor: '2026' })],
    ['60 岁及以上', () => ({ bornOnOrBefore: '1966-11-29' })],
    ['低保', () => ({ dibao: true })],
    ['特困', () => ({ tekun: true })],
    ['not 低保', () => ({ dibao: false })],
    ['surname 张', () => ({ search: '张' })],
    ['pinyin zw', () => ({ search: 'zw' })],
    ['village + 健康', () => ({ villageId: villages[3].id, health: '健康' })],
  ];
  const sorts: [string, Sort][] = [
    ['register order', []],
    ['name', [{ colId: 'name', sort: 'asc' }]],
    ['age', [{ colId: 'age', sort: 'asc' }]],
    ['health desc', [{ colId: 'health', sort: 'desc' }]],
    ['village desc', [{ colId: 'villageName', sort: 'desc' }]],
    ['户主', [{ colId: 'headName', sort: 'asc' }]],
    ['group', [{ colId: 'groupName', sort: 'asc' }]],
    ['school stage, then name desc', [{ colId: 'schoolStage', sort: 'asc' }, { colId: 'name', sort: 'desc' }]],
  ];

  it.each(queries)('%s: each plan, each sort, first and later pages', (_label, query) => {
    const q = query();
    for (const [sortLabel, sort] of sorts) {
      for (const [offset, limit] of [[0, 100], [0, 7], [5, 9], [40, 30]]) {
        const want = reference(q, sort, offset, limit);
        for (const drive of DRIVES) expect(pageIds(drive, q, sort, offset, limit), `${drive} / ${sortLabel} / ${offset}+${limit}`).toEqual(want.ids);
        const got = listMembers(db, q, sort, offset, offset + limit, ALL, offset === 0);
        expect(got.rows.map((r) => r.id), `listMembers / ${sortLabel} / ${offset}`).toEqual(want.ids);
        if (offset === 0) expect(got.total).toBe(want.total);
      }
    }
  });

  it('with no household tombstoned (the usual office: members are then read without their household), the same rows and totals', () => {
    const at = db.prepare(`SELECT deleted_at FROM households WHERE id = ?`).pluck().get(deletedHousehold) as string;
    db.prepare(`UPDATE households SET deleted_at = NULL WHERE id = ?`).run(deletedHousehold);
    try {
      for (const [, query] of queries) {
        for (const [sortLabel, sort] of sorts) {
          const want = reference(query(), sort, 0, 100);
          const got = listMembers(db, query(), sort, 0, 100, ALL);
          expect(got.rows.map((r) => r.id), sortLabel).toEqual(want.ids);
          expect(got.total).toBe(want.total);
        }
      }
      // Its members are back in the register now that it is not deleted.
      expect(listMembers(db, {}, [], 0, 1000, ALL).rows.some((r) => r.householdId === deletedHousehold)).toBe(true);
    } finally {
      db.prepare(`UPDATE households SET deleted_at = ? WHERE id = ?`).run(at, deletedHousehold);
    }
  });

  it('a village-scoped account sees only its villages, in the same order', () => {
    const scope: Scope = { kind: 'villages', villageIds: [villages[0].id, villages[2].id] };
    for (const drive of DRIVES) expect(pageIds(drive, {}, [], 0, 100, scope)).toEqual(reference({}, [], 0, 100, scope).ids);
    const got = listMembers(db, {}, [], 0, 100, scope);
    expect(new Set(got.rows.map((r) => r.villageName))).toEqual(new Set(['青山村']));
    expect(got.total).toBe(reference({}, [], 0, 100, scope).total);
  });
});

describe('members.list: the register order and who is in it', () => {
  it('goes village by village (division list order), 户主 in pinyin order, each household together in its own order', () => {
    const rows = listMembers(db, {}, [], 0, 1000, ALL).rows;
    const order = (db.prepare(`SELECT id FROM divisions WHERE level = 'village' ORDER BY sort_order, name, rowid`).pluck().all() as string[]);
    const villageOf = new Map(rows.map((r) => [r.id, (db.prepare(`SELECT village_id FROM households WHERE id = ?`).pluck().get(r.householdId) as string)]));
    const seen = rows.map((r) => villageOf.get(r.id)!).filter((v, i, a) => a[i - 1] !== v);
    expect(seen).toEqual(order.filter((v) => seen.includes(v))); // each village once, in order
    expect(seen).toHaveLength(4);
    for (const v of order) {
      const inVillage = rows.filter((r) => villageOf.get(r.id) === v);
      const pinyin = inVillage.map((r) => db.prepare(`SELECT head_pinyin FROM households WHERE id = ?`).pluck().get(r.householdId) as string);
      expect(pinyin).toEqual([...pinyin].sort());
      const households = inVillage.map((r) => r.householdId).filter((h, i, a) => a[i - 1] !== h);
      expect(new Set(households).size).toBe(households.length); // no household split in two
    }
    // 白 (bai) before 丁 (ding) before 张 (zhang) in the first village that has all three.
    const heads = rows.filter((r) => r.relation === '户主').map((r) => r.headName);
    expect(heads.indexOf('白雪')).toBeLessThan(heads.indexOf('丁一'));
  });

  it('leaves out deleted households and former members, in rows and in every count', () => {
    const everyone = listMembers(db, {}, [], 0, 1000, ALL);
    expect(everyone.rows.some((r) => r.householdId === deletedHousehold)).toBe(false);
    expect(everyone.rows.some((r) => r.leftAt)).toBe(false);
    const live = db.prepare(`SELECT count(*) FROM members m JOIN households h ON h.id = m.household_id WHERE h.deleted_at IS NULL AND m.deleted_at IS NULL AND m.left_at IS NULL`).pluck().get();
    expect(everyone.total).toBe(live);
    expect(everyone.rows).toHaveLength(everyone.total);
    const former = listMembers(db, { includeFormer: true }, [], 0, 1000, ALL);
    expect(former.total).toBe(everyone.total + 1);
    // The deleted household had members of every kind; each filtered count leaves them out too.
    const inDeleted = (db.prepare(`SELECT health FROM members WHERE household_id = ?`).pluck().all(deletedHousehold) as string[]).filter(Boolean);
    expect(inDeleted.length).toBeGreaterThan(0);
    for (const health of new Set(inDeleted)) {
      const want = db.prepare(`SELECT count(*) FROM members m JOIN households h ON h.id = m.household_id WHERE h.deleted_at IS NULL AND m.deleted_at IS NULL AND m.left_at IS NULL AND m.health = ?`).pluck().get(health);
      expect(listMembers(db, { health }, [], 0, 1, ALL).total).toBe(want);
    }
  });

  it('年级升级 preview: the unconfirmed students of live households, in register order', () => {
    const students = studentsToConfirm(db, '2026', ALL);
    expect(students.length).toBeGreaterThan(0);
    expect(students.map((s) => s.id)).toEqual(reference({ unconfirmedFor: '2026' }, [], 0, 5000).ids);
    expect(students.every((s) => s.schoolYearConfirmed !== '2026' && s.householdId !== deletedHousehold)).toBe(true);
  });
});

describe('members.list: walking the register vs sorting a filter’s matches', () => {
  it('walks for common filters and the first pages, sorts a rare filter’s matches', () => {
    // 1M members: 残疾 (25k) — first page walks ~4k rows; row 10,000 would walk ~400k, so sort the 25k.
    expect(walkIsCheaper(0, 100, 1_000_000, 25_000)).toBe(true);
    expect(walkIsCheaper(10_000, 100, 1_000_000, 25_000)).toBe(false);
    // 年级未确认 matching no one: the walk would read the whole county.
    expect(walkIsCheaper(0, 100, 1_000_000, 0)).toBe(false);
    // Most people match (不在校, 918k): walk, even far down.
    expect(walkIsCheaper(500_000, 100, 1_000_000, 918_000)).toBe(true);
  });
});
