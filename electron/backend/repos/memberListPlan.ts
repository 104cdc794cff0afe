import type { Db } from '../db/connection';
import type { MemberConditions, MemberDrive } from './memberList';

// Choosing the member register's plan for a page (repos/memberList.ts builds the SQL of each). The app never
// runs ANALYZE, so where the best plan depends on how many members a filter matches, this measures that (one
// capped count in the filter's index) and picks the plan itself.

/** What the page's ORDER BY starts with: the register order (village first), a household column or a member column. */
export type OrderLead = 'village' | 'household' | 'member';

/** A member reached from a filter index and sorted costs about this many register-order visits (bench). */
const SORTED_ROW_COST = 4;
/** Counting matches for the choice stops here: beyond it the register-order walk is always the cheaper one. */
const COUNT_CAP = 100_000;

/** The members table's size (rowids only grow: members are tombstoned, never removed), for choosing. */
const memberRows = (db: Db): number => (db.prepare(`SELECT max(rowid) AS n FROM members`).get() as { n: number | null }).n ?? 0;

/** How many members match the member conditions, counted in their index up to COUNT_CAP. */
const cappedMatches = (db: Db, c: MemberConditions): number =>
  (db.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM members m WHERE ${c.member.sql} LIMIT ?)`).get(...c.member.params, COUNT_CAP) as { n: number }).n;

/**
 * Whether walking the register order is cheaper than sorting the matches, for rows [offset, offset + limit):
 * the walk reads about (offset + limit) × members / matches rows, the other reads every match and sorts them.
 */
export function walkIsCheaper(offset: number, limit: number, members: number, matches: number): boolean {
  if (matches >= COUNT_CAP) return true;
  return ((offset + limit) * members) / Math.max(matches, 1) < SORTED_ROW_COST * matches;
}

/**
 * The plan for a page. Without statistics SQLite cannot weigh walking against sorting: 年级未确认 may match
 * no one, and the walk would then read the whole county for an empty page.
 */
export function chooseDrive(db: Db, c: MemberConditions, lead: OrderLead, offset: number, limit: number, knownMatches?: number): MemberDrive {
  if (lead !== 'village') return lead === 'household' ? 'households' : 'members';
  if (c.groupFiltered) return 'households';
  if (c.householdRestricted || !c.memberFiltered) return 'villages';
  const matches = knownMatches ?? cappedMatches(db, c);
  return walkIsCheaper(offset, limit, memberRows(db), matches) ? 'villages' : 'matches';
}

