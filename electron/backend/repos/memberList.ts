import { NOT_COUNTED } from '../../../shared/api/schemas/common';
import type { Member } from '../../../shared/api/schemas/household';
import { toHalfWidth } from '../../../shared/domain/idCard';
import type { Scope } from '../../../shared/domain/permissions';
import type { Db } from '../db/connection';
import { prefixEnd, type SqlWhere } from './householdQuery';
import { chooseDrive, type OrderLead } from './memberListPlan';
import { toMember } from './members';

// 人员名册 queries: whitelisted filter/sort fragments with bound parameters, as for the household register.
// County scale (1M members) shapes the SQL; plans are locked by test/integration/query-plans.test.ts and the
// indexes come from 0009_member_register.sql. The app never runs ANALYZE, so where the best plan depends on
// how many members a filter matches, memberListPlan.ts measures that (one index count) and picks the plan.

export interface MemberQuery {
  search?: string;
  villageId?: string;
  groupId?: string;
  /** 学段 label, or NOT_IN_SCHOOL. */
  schoolStage?: string;
  health?: string;
  labourSkill?: string;
  relation?: string;
  sex?: string;
  bornOnOrBefore?: string;
  bornAfter?: string;
  /** Current school year ('2026'): students not confirmed for it. */
  unconfirmedFor?: string;
  dibao?: boolean;
  tekun?: boolean;
  includeFormer?: boolean;
}

export const NOT_IN_SCHOOL = '__none__';

type SortItem = { colId: string; sort: 'asc' | 'desc' };

/** The conditions on members and those on their household (which decide where a plan can start). */
export interface MemberConditions {
  member: SqlWhere;
  household: SqlWhere;
  /** The same household conditions for the register-order walk: a scope's villages tested on v, not h. */
  walkHousehold: SqlWhere;
  /** Any condition beyond "current member" (so not most of the county matches). */
  memberFiltered: boolean;
  /** Village, group or a village-scoped account: a few thousand households at most, the plan starts there. */
  householdRestricted: boolean;
  groupFiltered: boolean;
  /**
   * Whether any household is tombstoned. Only then must a plan that reads members alone exclude their members
   * by household id, which costs every member a table read: no path of the app deletes a household today
   * (tombstones may arrive by county sync), so it is normally false and members' indexes answer alone.
   */
  deletedHouseholds: boolean;
}

function searchClause(raw: string): SqlWhere | null {
  const s = toHalfWidth(raw).replace(/\s+/g, '').toUpperCase();
  if (!s) return null;
  if (/^[0-9X]+$/.test(s)) return { sql: '((m.id_number >= ? AND m.id_number < ?) OR (m.phone >= ? AND m.phone < ?))', params: [s, prefixEnd(s), s, prefixEnd(s)] };
  if (/^[A-Z]+$/.test(s)) return { sql: '(m.pinyin >= ? AND m.pinyin < ?)', params: [s.toLowerCase(), prefixEnd(s.toLowerCase())] };
  const name = raw.trim();
  return { sql: '(m.name >= ? AND m.name < ?)', params: [name, prefixEnd(name)] };
}

function collector() {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    parts.push(sql);
    params.push(...values);
  };
  return { add, where: (): SqlWhere => ({ sql: parts.join(' AND '), params }), count: () => parts.length };
}

function memberSide(q: MemberQuery): SqlWhere & { filtered: boolean } {
  const { add, where, count } = collector();
  add('m.deleted_at IS NULL');
  if (!q.includeFormer) add('m.left_at IS NULL');
  const currentOnly = count();
  if (q.schoolStage === NOT_IN_SCHOOL) add('m.school_stage IS NULL');
  else if (q.schoolStage) add('m.school_stage = ?', q.schoolStage);
  if (q.health) add('m.health = ?', q.health);
  if (q.labourSkill) add('m.labour_skill = ?', q.labourSkill);
  if (q.relation) add('m.relation = ?', q.relation);
  if (q.sex) add('m.sex = ?', q.sex);
  if (q.bornOnOrBefore) add('m.birth_date <= ?', q.bornOnOrBefore);
  if (q.bornAfter) add('m.birth_date > ?', q.bornAfter);
  // `school_stage >= ''` is `IS NOT NULL` for a TEXT column of a STRICT table, but SQLite takes it as a range of
  // members_school_cover (it would scan the whole table for IS NOT NULL).
  if (q.unconfirmedFor) add(`m.school_stage >= '' AND m.left_at IS NULL AND (m.school_year_confirmed IS NULL OR m.school_year_confirmed <> ?)`, q.unconfirmedFor);
  // Literal 1/0 (not a bound value) so the partial index members_welfare (WHERE dibao = 1 OR tekun = 1) applies.
  if (q.dibao !== undefined) add(q.dibao ? 'm.dibao = 1' : 'm.dibao = 0');
  if (q.tekun !== undefined) add(q.tekun ? 'm.tekun = 1' : 'm.tekun = 0');
  const search = q.search ? searchClause(q.search) : null;
  if (search) add(search.sql, ...search.params);
  return { ...where(), filtered: count() > currentOnly };
}

export function memberConditions(q: MemberQuery, scope: Scope, extraHousehold?: string): MemberConditions {
  const base = collector();
  base.add('h.deleted_at IS NULL');
  if (q.villageId) base.add('h.village_id = ?', q.villageId);
  if (q.groupId) base.add('h.group_id = ?', q.groupId);
  if (extraHousehold) base.add(extraHousehold);
  const live = base.where();
  const villages = scope.kind === 'villages' ? scope.villageIds : null;
  const inScope = (col: string): SqlWhere => (villages ? { sql: `${live.sql} AND ${col} IN (${villages.map(() => '?').join(',')})`, params: [...live.params, ...villages] } : live);
  // The walk tests a scope on `+v.id`: SQLite keeps walking villages in order (divisions_order) and skips those out
  // of scope; on h.village_id it would search the list village by village and sort the scope's members.
  const household = inScope('h.village_id');
  const walkHousehold = inScope('+v.id');
  const { filtered, ...member } = memberSide(q);
  return {
    member,
    household,
    walkHousehold,
    memberFiltered: filtered,
    householdRestricted: !!(q.villageId || q.groupId || scope.kind === 'villages'),
    groupFiltered: !!q.groupId,
    deletedHouseholds: true,
  };
}

/** memberConditions for `db`: whether any household is tombstoned is looked up (households_deleted, normally empty). */
function conditionsIn(db: Db, q: MemberQuery, scope: Scope, extraHousehold?: string): MemberConditions {
  const deleted = db.prepare(`SELECT EXISTS (SELECT 1 FROM households WHERE deleted_at IS NOT NULL) AS x`).get() as { x: number };
  return { ...memberConditions(q, scope, extraHousehold), deletedHouseholds: deleted.x === 1 };
}

// ---- order ------------------------------------------------------------------------------------------------
// The register order, as the paper register is kept: village (in the division list's order), household (户主 in
// pinyin order, as the household register), then the household's own member order. Every key is read from an
// index in that order (divisions_order → households_village_order → members_household_cover), so a page reads
// about its own 100 rows instead of sorting 1M members.
const VILLAGE_KEYS = ['v.sort_order', 'v.name', 'v.rowid'];
const HOUSEHOLD_KEYS = ['h.head_pinyin', 'h.head_name', 'h.id', 'm.sort_order', 'm.id'];

const MEMBER_SORTS: Record<string, string[]> = {
  name: ['m.name'],
  villageName: VILLAGE_KEYS,
  groupName: ['g.name'],
  // 户主 in pinyin order, as in the household register (丁 after 白).
  headName: ['h.head_pinyin', 'h.head_name'],
  relation: ['m.relation'],
  birthDate: ['m.birth_date'],
  // Older first when ascending by age.
  age: ['m.birth_date'],
  schoolStage: ['m.school_stage'],
  schoolGrade: ['m.school_grade'],
  health: ['m.health'],
  labourSkill: ['m.labour_skill'],
  leftAt: ['m.left_at'],
};

interface OrderKey {
  expr: string;
  desc: boolean;
}

/** The ORDER BY keys: the asked columns, then a unique tail so paging is stable. */
export function memberOrderKeys(sort: SortItem[]): OrderKey[] {
  const asked = sort.filter((s) => MEMBER_SORTS[s.colId]);
  const keys = asked.flatMap((s) => {
    // Ascending age = descending birth date.
    const desc = s.colId === 'age' ? s.sort === 'asc' : s.sort === 'desc';
    return MEMBER_SORTS[s.colId].map((expr) => ({ expr, desc }));
  });
  const last = asked.at(-1);
  if (!last) return [...VILLAGE_KEYS, ...HOUSEHOLD_KEYS].map((expr) => ({ expr, desc: false }));
  // Sorted by village: each village in register order.
  if (last.colId === 'villageName') return [...keys, ...HOUSEHOLD_KEYS.map((expr) => ({ expr, desc: false }))];
  // Else ties by rowid: as unique and stable as the id, but every member index ends in it, so a column's index
  // gives the live members of one value already in tie order (sort 健康状况 county-wide: 350 → 90 ms of SQL).
  return [...keys, { expr: 'm.rowid', desc: false }];
}

// ---- plans ------------------------------------------------------------------------------------------------
/**
 * Where a page's plan starts:
 *  - 'villages': divisions → households → members in register order (CROSS JOIN fixes the loop order): reads
 *    about the rows up to the page. For the register order when most members match, or a village / scope.
 *  - 'households': households → members: a group (households_group), or 户主 order (households_order).
 *  - 'matches': the register order when few members match: from the filter's index, the matches sorted.
 *  - 'members': a member column's order: SQLite picks the index (name, birth date, health, …).
 */
export type MemberDrive = 'villages' | 'households' | 'matches' | 'members';

/**
 * Members of one household, by the household index. INDEXED BY because without statistics SQLite prefers a
 * filter's index with more equality terms (health = ? AND deleted_at = ? AND left_at = ?), and would search
 * all 25k 残疾 entries once per household.
 */
const HOUSEHOLD_MEMBERS = 'members m INDEXED BY members_household_cover ON m.household_id = h.id';

const FROM_BY_DRIVE: Record<MemberDrive, string> = {
  villages: `divisions v CROSS JOIN households h ON h.village_id = v.id CROSS JOIN ${HOUSEHOLD_MEMBERS}`,
  households: `households h CROSS JOIN ${HOUSEHOLD_MEMBERS}`,
  matches: 'members m CROSS JOIN households h ON h.id = m.household_id CROSS JOIN divisions v ON v.id = h.village_id',
  members: 'members m JOIN households h ON h.id = m.household_id',
};

/** What the ORDER BY starts with, which decides where a plan can start (memberListPlan.ts). */
const orderLead = (keys: OrderKey[]): OrderLead => (keys[0].expr === VILLAGE_KEYS[0] ? 'village' : keys[0].expr.startsWith('h.') ? 'household' : 'member');
const needs = (keys: OrderKey[], alias: 'v' | 'g' | 'h') => keys.some((k) => k.expr.startsWith(`${alias}.`));

/** The household must only be live: no village, group, scope or other household condition. */
const onlyLiveHousehold = (c: MemberConditions) => c.household.sql === 'h.deleted_at IS NULL';

/** Live members of deleted households are excluded by their (few) household ids: no 1M household look-ups. */
const IN_LIVE_HOUSEHOLD = 'm.household_id NOT IN (SELECT id FROM households WHERE deleted_at IS NOT NULL)';

function pageFrom(drive: MemberDrive, c: MemberConditions, keys: OrderKey[]): { from: string; where: SqlWhere } {
  if (drive === 'members' && onlyLiveHousehold(c) && !needs(keys, 'h') && !needs(keys, 'g')) {
    return { from: 'members m', where: { sql: c.deletedHouseholds ? `${c.member.sql} AND ${IN_LIVE_HOUSEHOLD}` : c.member.sql, params: c.member.params } };
  }
  let from = FROM_BY_DRIVE[drive];
  if ((drive === 'households' || drive === 'members') && needs(keys, 'v')) from += ' JOIN divisions v ON v.id = h.village_id';
  if (needs(keys, 'g')) from += ' LEFT JOIN divisions g ON g.id = h.group_id';
  // Household conditions first: parameters in text order.
  const household = drive === 'villages' ? c.walkHousehold : c.household;
  return { from, where: { sql: `${household.sql} AND ${c.member.sql}`, params: [...household.params, ...c.member.params] } };
}

const DETAIL = `SELECT m.*, h.head_name, h.household_type, h.status AS household_status, h.colour AS household_colour,
  v.name AS village_name, g.name AS group_name
  FROM page p CROSS JOIN members m ON m.rowid = p.rid CROSS JOIN households h ON h.id = m.household_id
  LEFT JOIN divisions v ON v.id = h.village_id LEFT JOIN divisions g ON g.id = h.group_id`;

/**
 * One page as one statement: the inner query finds the page's member rowids from the order keys alone (narrow
 * index entries; no 40-column row is read or sorted for rows before the page), then the page's 100 rows are read.
 * CROSS JOIN keeps the page outermost: with LIMIT a bound value, SQLite would otherwise guess the page is big
 * and scan members against it.
 */
export function memberPageSql(drive: MemberDrive, c: MemberConditions, keys: OrderKey[]): SqlWhere {
  const { from, where } = pageFrom(drive, c, keys);
  const dir = (k: OrderKey) => (k.desc ? 'DESC' : 'ASC');
  const cols = keys.map((k, i) => `${k.expr} AS k${i}`).join(', ');
  const inner = `SELECT m.rowid AS rid, ${cols} FROM ${from} WHERE ${where.sql} ORDER BY ${keys.map((k) => `${k.expr} ${dir(k)}`).join(', ')} LIMIT ? OFFSET ?`;
  const outer = keys.map((k, i) => `p.k${i} ${dir(k)}`).join(', ');
  return { sql: `WITH page AS (${inner}) ${DETAIL} ORDER BY ${outer}`, params: where.params };
}

/** count(*) of the query. Without a household condition: live members (minus those of deleted households, if any). */
export function memberCountSql(c: MemberConditions): SqlWhere {
  if (onlyLiveHousehold(c) && !c.deletedHouseholds) return { sql: `SELECT count(*) AS n FROM members m WHERE ${c.member.sql}`, params: c.member.params };
  if (!onlyLiveHousehold(c)) {
    return { sql: `SELECT count(*) AS n FROM households h CROSS JOIN ${HOUSEHOLD_MEMBERS} WHERE ${c.household.sql} AND ${c.member.sql}`, params: [...c.household.params, ...c.member.params] };
  }
  return {
    sql: `SELECT (SELECT count(*) FROM members m WHERE ${c.member.sql})
      - (SELECT count(*) FROM households h CROSS JOIN ${HOUSEHOLD_MEMBERS} WHERE h.deleted_at IS NOT NULL AND ${c.member.sql}) AS n`,
    params: [...c.member.params, ...c.member.params],
  };
}

export interface MemberListRow extends Member {
  headName: string;
  villageName: string;
  groupName: string | null;
  householdType: string;
  householdStatus: string;
  householdColour: string | null;
}

const toRow = (r: Record<string, unknown>): MemberListRow => ({
  ...toMember(r),
  headName: r.head_name as string,
  villageName: (r.village_name as string | null) ?? '',
  groupName: (r.group_name as string | null) ?? null,
  householdType: r.household_type as string,
  householdStatus: r.household_status as string,
  householdColour: (r.household_colour as string | null) ?? null,
});

function readPage(db: Db, c: MemberConditions, keys: OrderKey[], offset: number, limit: number, knownMatches?: number): MemberListRow[] {
  const page = memberPageSql(chooseDrive(db, c, orderLead(keys), offset, limit, knownMatches), c, keys);
  return (db.prepare(page.sql).all(...page.params, limit, offset) as Record<string, unknown>[]).map(toRow);
}

/** One page of the member register; `withTotal` false skips the count (NOT_COUNTED), as listHouseholds. */
export function listMembers(db: Db, q: MemberQuery, sort: SortItem[], startRow: number, endRow: number, scope: Scope, withTotal = true): { rows: MemberListRow[]; total: number } {
  const c = conditionsIn(db, q, scope);
  const limit = Math.max(0, Math.min(endRow - startRow, 1000));
  let total = NOT_COUNTED;
  if (withTotal) {
    const count = memberCountSql(c);
    total = (db.prepare(count.sql).get(...count.params) as { n: number }).n;
  }
  return { rows: readPage(db, c, memberOrderKeys(sort), startRow, limit, withTotal ? total : undefined), total };
}

/** Current students of live households whose grade was not confirmed for `schoolYear`, in register order. */
export function studentsToConfirm(db: Db, schoolYear: string, scope: Scope, villageId?: string): MemberListRow[] {
  const c = conditionsIn(db, { unconfirmedFor: schoolYear, villageId }, scope, `h.status <> 'cancelled'`);
  return readPage(db, c, memberOrderKeys([]), 0, 5000);
}
