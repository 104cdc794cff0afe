import { normalizeIdNumber } from '../../../shared/domain/idCard';
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';

// Batch register match: which of N ID numbers (a department's list — 残联, 医保, 民政 — or an import)
// belong to a current member of a live household, and where. One SQL statement per chunk joins a
// JSON array of the keys against the register, so 100,000 lookups cost 20 statement runs instead
// of 100,000 JS→SQLite round trips. bench/benchmarks/p3-id-match.ts holds it to ≤ 2× plain indexed
// .get() lookups on the county register.

export interface IdMatch {
  /** The ID number as stored (normalised: half-width, upper-case X, no spaces). */
  idNumber: string;
  memberId: string;
  name: string;
  /** 与户主关系 */
  relation: string;
  householdId: string;
  headName: string;
  villageId: string;
  villageName: string;
  householdStatus: string;
  householdType: string;
  colour: string | null;
}

/** Keys per statement: big enough to amortise the run, small enough that one chunk stays ~100 KB of JSON. */
const CHUNK = 5_000;

// CROSS JOIN pins the loop order: walk the given keys and probe the register's unique
// active-member index (members_id_number_active), never scan a million members to probe the keys.
const MATCH_SQL = `SELECT m.id_number, m.id, m.name, m.relation, h.id, h.head_name, h.village_id, coalesce(v.name, ''), h.status, h.household_type, h.colour
  FROM json_each(?) j
  CROSS JOIN members m ON m.id_number = j.value AND m.deleted_at IS NULL AND m.left_at IS NULL
  JOIN households h ON h.id = m.household_id AND h.deleted_at IS NULL
  LEFT JOIN divisions v ON v.id = h.village_id`;

type MatchRow = [string, string, string, string, string, string, string, string, string, string, string | null];

/**
 * Looks every ID number up in the register. The result is aligned with `idNumbers`: entry i is the
 * current registration of idNumbers[i] (after normalising what was typed or pasted), or null when
 * that person is not a current member of any live household. Duplicates in the input are looked
 * up once. Scope (村级 accounts) is the caller's business: filter on `villageId`.
 */
export function matchIdNumbers(db: Db, idNumbers: readonly string[]): (IdMatch | null)[] {
  const normalized = idNumbers.map((raw) => normalizeIdNumber(raw ?? ''));
  // Sorted unique keys walk the index in order: neighbouring lookups share B-tree pages.
  const keys = [...new Set(normalized.filter((k) => k.length > 0))].sort();
  const found = new Map<string, IdMatch>();
  const query = stmt(db, MATCH_SQL);
  for (let i = 0; i < keys.length; i += CHUNK) {
    const rows = query.raw(true).all(JSON.stringify(keys.slice(i, i + CHUNK))) as MatchRow[];
    for (const r of rows) found.set(r[0], toMatch(r));
  }
  return normalized.map((k) => found.get(k) ?? null);
}

const toMatch = (r: MatchRow): IdMatch => ({
  idNumber: r[0],
  memberId: r[1],
  name: r[2],
  relation: r[3],
  householdId: r[4],
  headName: r[5],
  villageId: r[6],
  villageName: r[7],
  householdStatus: r[8],
  householdType: r[9],
  colour: r[10],
});
