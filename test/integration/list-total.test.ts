// The register lists' withTotal flag: the infinite grids ask for the row count with a query's first block
// only, so a later block (withTotal: false) must skip the count (NOT_COUNTED) yet answer exactly the rows a
// counted request answers. households.list, members.list and cases.list; default (flag absent) still counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_COUNTED } from '../../shared/api/schemas/common';
import { makeIdNumber } from '../../shared/domain/idCard';
import type { Scope } from '../../shared/domain/permissions';
import type { Db } from '../../electron/backend/db/connection';
import { listCases } from '../../electron/backend/repos/cases';
import { listHouseholds } from '../../electron/backend/repos/households';
import { listMembers } from '../../electron/backend/repos/memberList';
import { seedVillage, startTestBackend, type TestBackend } from '../support/backend';

const HEADS = ['王大山', '李小红', '张建国', '赵春梅', '陈志强'];
const ALL: Scope = { kind: 'all' };

let t: TestBackend;
let villageId: string;

beforeAll(async () => {
  t = await startTestBackend();
  const v = await seedVillage(t);
  villageId = v.villageId;
  for (const [i, head] of HEADS.entries()) {
    const h = await t.call('households.save', {
      villageId,
      groupId: v.groupIds[i % 2],
      householdType: '一般农户',
      members: [
        { name: head, idNumber: makeIdNumber('430121', `1970031${i}`, '011'), relation: '户主' },
        { name: `${head.slice(0, 1)}秀英`, idNumber: makeIdNumber('430121', `1972061${i}`, '022'), relation: '配偶' },
      ],
    });
    if (i < 3) await t.call('cases.open', { householdId: h.id, kind: 'identification' });
  }
});
afterAll(() => t.close());

/** The SQL `fn` ran on `db` (every statement goes through prepare; the statement cache is per connection object). */
function sqlRun(db: Db, fn: (db: Db) => unknown): string[] {
  const seen: string[] = [];
  const proxy = new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare') return (sql: string) => (seen.push(sql), target.prepare(sql));
      const v = Reflect.get(target, prop) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  fn(proxy);
  return seen;
}
const counts = (sqls: string[]) => sqls.filter((s) => /count\(\*\)/i.test(s)).length;

describe('households.list withTotal', () => {
  it('counts by default and when asked, and answers NOT_COUNTED with the same rows when not', async () => {
    expect((await t.call('households.list', { filter: {} })).total).toBe(HEADS.length);
    for (const [startRow, endRow] of [[0, 2], [2, 4], [4, 6], [6, 8]]) {
      const counted = await t.call('households.list', { filter: {}, sort: [{ colId: 'headName', sort: 'desc' }], startRow, endRow, withTotal: true });
      const skipped = await t.call('households.list', { filter: {}, sort: [{ colId: 'headName', sort: 'desc' }], startRow, endRow, withTotal: false });
      expect(counted.total).toBe(HEADS.length);
      expect(skipped.total).toBe(NOT_COUNTED);
      expect(skipped.rows).toEqual(counted.rows);
    }
    // The pages together are the register, each household once.
    const pages = await Promise.all([0, 2, 4].map((s) => t.call('households.list', { filter: {}, startRow: s, endRow: s + 2, withTotal: s === 0 })));
    expect(pages.flatMap((p) => p.rows.map((r) => r.headName)).sort()).toEqual([...HEADS].sort());
  });

  it('counts only the filtered rows when asked', async () => {
    const r = await t.call('households.list', { filter: { search: '王大' }, withTotal: true });
    expect([r.total, r.rows.map((h) => h.headName)]).toEqual([1, ['王大山']]);
    expect((await t.call('households.list', { filter: { search: '王大' }, withTotal: false })).total).toBe(NOT_COUNTED);
  });

  it('runs no count statement when the caller has the total', () => {
    const db = t.backend.services.db;
    expect(counts(sqlRun(db, (d) => listHouseholds(d, {}, [], 2, 4, ALL, false)))).toBe(0);
    expect(counts(sqlRun(db, (d) => listHouseholds(d, {}, [], 2, 4, ALL, true)))).toBe(1);
    expect(counts(sqlRun(db, (d) => listHouseholds(d, {}, [], 2, 4, ALL)))).toBe(1);
  });
});

describe('members.list withTotal', () => {
  it('answers the same rows without the count', async () => {
    const counted = await t.call('members.list', { filter: {}, startRow: 3, endRow: 7, withTotal: true });
    const skipped = await t.call('members.list', { filter: {}, startRow: 3, endRow: 7, withTotal: false });
    expect(counted.total).toBe(HEADS.length * 2);
    expect(skipped.total).toBe(NOT_COUNTED);
    expect(skipped.rows).toEqual(counted.rows);
    expect(skipped.rows).toHaveLength(4);
  });

  it('runs no count statement when the caller has the total', () => {
    const db = t.backend.services.db;
    expect(counts(sqlRun(db, (d) => listMembers(d, {}, [], 0, 4, ALL, false)))).toBe(0);
    expect(counts(sqlRun(db, (d) => listMembers(d, {}, [], 0, 4, ALL, true)))).toBe(1);
  });
});

describe('cases.list withTotal', () => {
  it('answers the same rows without the count, and counts by default', async () => {
    const filter = { kind: 'identification' as const };
    expect((await t.call('cases.list', { filter })).total).toBe(3);
    const counted = await t.call('cases.list', { filter, startRow: 1, endRow: 3, withTotal: true });
    const skipped = await t.call('cases.list', { filter, startRow: 1, endRow: 3, withTotal: false });
    expect(counted.total).toBe(3);
    expect(skipped.total).toBe(NOT_COUNTED);
    expect(skipped.rows).toEqual(counted.rows);
    expect(skipped.rows).toHaveLength(2);
  });

  it('runs no count statement when the caller has the total', () => {
    const db = t.backend.services.db;
    const bounds = { today: '2026-11-29', soonUntil: '2026-11-30' };
    expect(counts(sqlRun(db, (d) => listCases(d, { status: 'all' }, ALL, bounds, 0, 2, false)))).toBe(0);
    expect(counts(sqlRun(db, (d) => listCases(d, { status: 'all' }, ALL, bounds, 0, 2, true)))).toBe(1);
  });
});
