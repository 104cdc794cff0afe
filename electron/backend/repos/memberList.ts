import { NOT_COUNTED } from '../../../shared/api/schemas/common';
import type { Member } from '../../../shared/api/schemas/household';
import { toHalfWidth } from '../../../shared/domain/idCard';
import type { Scope } from '../../../shared/domain/permissions';
import type { Db } from '../db/connection';
import { prefixEnd, type SqlWhere } from './householdQuery';
import { toMember } from './members';

// 人员名册 queries: whitelisted filter/sort fragments with bound parameters, as for the household register.

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

const MEMBER_SORTS: Record<string, string> = {
  name: 'm.name',
  villageName: 'v.sort_order',
  groupName: 'g.name',
  headName: 'h.head_name',
  relation: 'm.relation',
  birthDate: 'm.birth_date',
  // Older first when ascending by age.
  age: 'm.birth_date',
  schoolStage: 'm.school_stage',
  schoolGrade: 'm.school_grade',
  health: 'm.health',
  labourSkill: 'm.labour_skill',
  leftAt: 'm.left_at',
};

const FROM = `FROM members m JOIN households h ON h.id = m.household_id
  LEFT JOIN divisions v ON v.id = h.village_id LEFT JOIN divisions g ON g.id = h.group_id`;

function searchClause(raw: string): SqlWhere | null {
  const s = toHalfWidth(raw).replace(/\s+/g, '').toUpperCase();
  if (!s) return null;
  if (/^[0-9X]+$/.test(s)) return { sql: '((m.id_number >= ? AND m.id_number < ?) OR (m.phone >= ? AND m.phone < ?))', params: [s, prefixEnd(s), s, prefixEnd(s)] };
  if (/^[A-Z]+$/.test(s)) return { sql: '(m.pinyin >= ? AND m.pinyin < ?)', params: [s.toLowerCase(), prefixEnd(s.toLowerCase())] };
  const name = raw.trim();
  return { sql: '(m.name >= ? AND m.name < ?)', params: [name, prefixEnd(name)] };
}

export function memberWhere(q: MemberQuery, scope: Scope): SqlWhere {
  const parts = ['m.deleted_at IS NULL', 'h.deleted_at IS NULL'];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    parts.push(sql);
    params.push(...values);
  };
  if (!q.includeFormer) add('m.left_at IS NULL');
  if (q.villageId) add('h.village_id = ?', q.villageId);
  if (q.groupId) add('h.group_id = ?', q.groupId);
  if (q.schoolStage === NOT_IN_SCHOOL) add('m.school_stage IS NULL');
  else if (q.schoolStage) add('m.school_stage = ?', q.schoolStage);
  if (q.health) add('m.health = ?', q.health);
  if (q.labourSkill) add('m.labour_skill = ?', q.labourSkill);
  if (q.relation) add('m.relation = ?', q.relation);
  if (q.sex) add('m.sex = ?', q.sex);
  if (q.bornOnOrBefore) add('m.birth_date <= ?', q.bornOnOrBefore);
  if (q.bornAfter) add('m.birth_date > ?', q.bornAfter);
  if (q.unconfirmedFor) add(`m.school_stage IS NOT NULL AND m.left_at IS NULL AND (m.school_year_confirmed IS NULL OR m.school_year_confirmed <> ?)`, q.unconfirmedFor);
  if (q.dibao !== undefined) add('m.dibao = ?', q.dibao ? 1 : 0);
  if (q.tekun !== undefined) add('m.tekun = ?', q.tekun ? 1 : 0);
  if (scope.kind === 'villages') add(`h.village_id IN (${scope.villageIds.map(() => '?').join(',')})`, ...scope.villageIds);
  const search = q.search ? searchClause(q.search) : null;
  if (search) add(search.sql, ...search.params);
  return { sql: parts.join(' AND '), params };
}

function memberOrderBy(sort: { colId: string; sort: 'asc' | 'desc' }[]): string {
  const terms = sort
    .filter((s) => MEMBER_SORTS[s.colId])
    .map((s) => {
      // Ascending age = descending birth date.
      const desc = s.colId === 'age' ? s.sort === 'asc' : s.sort === 'desc';
      return `${MEMBER_SORTS[s.colId]} ${desc ? 'DESC' : 'ASC'}`;
    });
  // Default: as the paper register is kept — by village, household, then the household's own order.
  return [...(terms.length ? terms : ['v.sort_order ASC', 'h.head_name ASC', 'h.id ASC', 'm.sort_order ASC']), 'm.id ASC'].join(', ');
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

const SELECT = `SELECT m.*, h.head_name, h.household_type, h.status AS household_status, h.colour AS household_colour,
  v.name AS village_name, g.name AS group_name`;

/** One page of the member register; `withTotal` false skips the count (NOT_COUNTED), as listHouseholds. */
export function listMembers(
  db: Db,
  q: MemberQuery,
  sort: { colId: string; sort: 'asc' | 'desc' }[],
  startRow: number,
  endRow: number,
  scope: Scope,
  withTotal = true,
): { rows: MemberListRow[]; total: number } {
  const where = memberWhere(q, scope);
  const limit = Math.max(0, Math.min(endRow - startRow, 1000));
  const rows = db.prepare(`${SELECT} ${FROM} WHERE ${where.sql} ORDER BY ${memberOrderBy(sort)} LIMIT ? OFFSET ?`).all(...where.params, limit, startRow) as Record<string, unknown>[];
  const total = withTotal ? (db.prepare(`SELECT count(*) AS n ${FROM} WHERE ${where.sql}`).get(...where.params) as { n: number }).n : NOT_COUNTED;
  return { rows: rows.map(toRow), total };
}

/** Current students of live households whose grade was not confirmed for `schoolYear`, in register order. */
export function studentsToConfirm(db: Db, schoolYear: string, scope: Scope, villageId?: string): MemberListRow[] {
  const where = memberWhere({ unconfirmedFor: schoolYear, villageId }, scope);
  return (db.prepare(`${SELECT} ${FROM} WHERE ${where.sql} AND h.status <> 'cancelled' ORDER BY ${memberOrderBy([])} LIMIT 5000`).all(...where.params) as Record<string, unknown>[]).map(toRow);
}
