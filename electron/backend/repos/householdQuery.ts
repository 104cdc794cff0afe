import type { HouseholdFilter } from '../../../shared/api/schemas/household';
import { toHalfWidth } from '../../../shared/domain/idCard';
import type { Scope } from '../../../shared/domain/permissions';

// Register filters and sorts as WHITELISTED SQL fragments with bound parameters (ARCHITECTURE §5):
// nothing a client sends is ever spliced into SQL text.

/** Sortable columns of the household register: grid colId → SQL expression. */
export const HOUSEHOLD_SORTS: Record<string, string> = {
  // Clerks expect 户主 in pinyin order (丁 after 白), not code-point order: initials, then the name.
  headName: 'h.head_pinyin',
  householdNo: 'h.household_no',
  villageName: 'v.sort_order',
  groupName: 'g.name',
  householdType: 'h.household_type',
  status: 'h.status',
  category: 'h.category',
  colour: 'h.colour',
  memberCount: 'h.member_count',
  phone: 'h.phone',
  updatedAt: 'h.updated_at',
};

export interface SqlWhere {
  sql: string;
  params: unknown[];
}

/** Upper bound for an index range scan: every string starting with `prefix` sorts below it. */
export const prefixEnd = (prefix: string): string => `${prefix}\u{10FFFF}`;

export function householdWhere(filter: HouseholdFilter, scope: Scope): SqlWhere {
  const parts: string[] = ['h.deleted_at IS NULL'];
  const params: unknown[] = [];
  const eq = (col: string, v: string | undefined) => {
    if (v) {
      parts.push(`${col} = ?`);
      params.push(v);
    }
  };
  eq('h.village_id', filter.villageId);
  eq('h.group_id', filter.groupId);
  eq('h.household_type', filter.householdType);
  eq('h.colour', filter.colour);
  eq('h.status', filter.status);
  eq('h.category', filter.category);
  if (scope.kind === 'villages') {
    parts.push(`h.village_id IN (${scope.villageIds.map(() => '?').join(',')})`);
    params.push(...scope.villageIds);
  }
  const search = searchClause(filter.search);
  if (search) {
    parts.push(search.sql);
    params.push(...search.params);
  }
  return { sql: parts.join(' AND '), params };
}

/**
 * One search box for name, ID number, pinyin initials, phone and 户编号 — each an index range scan:
 * digits → ID-number / phone / 户编号 prefix; latin letters → pinyin initials of head or any member;
 * anything else → name prefix of head or any member.
 */
export function searchClause(raw: string | undefined): SqlWhere | null {
  const s = toHalfWidth(raw ?? '').replace(/\s+/g, '').toUpperCase();
  if (!s) return null;
  if (/^[0-9X]+$/.test(s)) {
    const end = prefixEnd(s);
    return {
      sql: `(h.id IN (SELECT household_id FROM members WHERE id_number >= ? AND id_number < ? AND deleted_at IS NULL)
             OR (h.phone >= ? AND h.phone < ?) OR (h.household_no >= ? AND h.household_no < ?))`,
      params: [s, end, s, end, s, end],
    };
  }
  if (/^[A-Z]+$/.test(s)) {
    const p = s.toLowerCase();
    return {
      sql: `((h.head_pinyin >= ? AND h.head_pinyin < ?)
             OR h.id IN (SELECT household_id FROM members WHERE pinyin >= ? AND pinyin < ? AND deleted_at IS NULL AND left_at IS NULL))`,
      params: [p, prefixEnd(p), p, prefixEnd(p)],
    };
  }
  const name = raw!.trim();
  return {
    sql: `((h.head_name >= ? AND h.head_name < ?)
           OR h.id IN (SELECT household_id FROM members WHERE name >= ? AND name < ? AND deleted_at IS NULL AND left_at IS NULL))`,
    params: [name, prefixEnd(name), name, prefixEnd(name)],
  };
}

export function householdOrderBy(sort: { colId: string; sort: 'asc' | 'desc' }[]): string {
  const terms = sort
    .filter((s) => HOUSEHOLD_SORTS[s.colId])
    .flatMap((s) => {
      const dir = s.sort === 'desc' ? 'DESC' : 'ASC';
      return s.colId === 'headName' ? [`h.head_pinyin ${dir}`, `h.head_name ${dir}`] : [`${HOUSEHOLD_SORTS[s.colId]} ${dir}`];
    });
  // Stable paging: always end on a unique key.
  return [...(terms.length ? terms : ['h.head_pinyin ASC', 'h.head_name ASC']), 'h.id ASC'].join(', ');
}
