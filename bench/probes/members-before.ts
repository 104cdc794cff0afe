import { loadavg } from 'node:os';
import { openDatabase } from '../../electron/backend/db/connection';
import { prefixEnd } from '../../electron/backend/repos/householdQuery';
import { toHalfWidth } from '../../shared/domain/idCard';
import { COUNTY_FULL, COUNTY_QUICK } from '../countyData';
import { ensureCountyDb } from '../county';

// Probe: the member register's SQL as it was before 0009 (repos/memberList.ts up to aaf909b: one join of
// members → households → divisions, ORDER BY village sort_order, head_name, ids; count(*) over the same join),
// timed on a county DB, for the before/after numbers of bench/benchmarks/p2-members.ts. Read-only.
// Usage: npx tsx bench/probes/members-before.ts [reps=3] [--quick] [--db PATH]

const args = process.argv.slice(2);
const reps = Number(args.find((a) => /^\d+$/.test(a)) ?? 3);
const dbPath = args.includes('--db') ? args[args.indexOf('--db') + 1] : (await ensureCountyDb(args.includes('--quick') ? COUNTY_QUICK : COUNTY_FULL)).dbPath;
const db = openDatabase(dbPath, { readonly: true });

interface LegacyQuery {
  search?: string;
  villageId?: string;
  health?: string;
  schoolStage?: string;
  bornOnOrBefore?: string;
  bornAfter?: string;
  unconfirmedFor?: string;
  dibao?: boolean;
}

const FROM = `FROM members m JOIN households h ON h.id = m.household_id
  LEFT JOIN divisions v ON v.id = h.village_id LEFT JOIN divisions g ON g.id = h.group_id`;
const SELECT = `SELECT m.*, h.head_name, h.household_type, h.status AS household_status, h.colour AS household_colour,
  v.name AS village_name, g.name AS group_name`;

function legacyWhere(q: LegacyQuery): { sql: string; params: unknown[] } {
  const parts = ['m.deleted_at IS NULL', 'h.deleted_at IS NULL', 'm.left_at IS NULL'];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => (parts.push(sql), params.push(...values));
  if (q.villageId) add('h.village_id = ?', q.villageId);
  if (q.schoolStage) add('m.school_stage = ?', q.schoolStage);
  if (q.health) add('m.health = ?', q.health);
  if (q.bornOnOrBefore) add('m.birth_date <= ?', q.bornOnOrBefore);
  if (q.bornAfter) add('m.birth_date > ?', q.bornAfter);
  if (q.unconfirmedFor) add(`m.school_stage IS NOT NULL AND m.left_at IS NULL AND (m.school_year_confirmed IS NULL OR m.school_year_confirmed <> ?)`, q.unconfirmedFor);
  if (q.dibao !== undefined) add('m.dibao = ?', q.dibao ? 1 : 0);
  if (q.search) {
    const s = toHalfWidth(q.search).replace(/\s+/g, '').toUpperCase();
    if (/^[0-9X]+$/.test(s)) add('((m.id_number >= ? AND m.id_number < ?) OR (m.phone >= ? AND m.phone < ?))', s, prefixEnd(s), s, prefixEnd(s));
    else add('(m.name >= ? AND m.name < ?)', q.search, prefixEnd(q.search));
  }
  return { sql: parts.join(' AND '), params };
}

const LEGACY_SORTS: Record<string, string> = { name: 'm.name', age: 'm.birth_date', health: 'm.health', groupName: 'g.name' };
function legacyOrder(sort?: { colId: string; sort: 'asc' | 'desc' }): string {
  if (!sort) return 'v.sort_order ASC, h.head_name ASC, h.id ASC, m.sort_order ASC, m.id ASC';
  const desc = sort.colId === 'age' ? sort.sort === 'asc' : sort.sort === 'desc';
  return `${LEGACY_SORTS[sort.colId]} ${desc ? 'DESC' : 'ASC'}, m.id ASC`;
}

const village = (db.prepare(`SELECT id FROM divisions WHERE level = 'village' ORDER BY sort_order LIMIT 1 OFFSET 7`).get() as { id: string }).id;
const person = db.prepare(`SELECT name, id_number FROM members WHERE relation = '配偶' AND rowid >= 500000 ORDER BY rowid LIMIT 1`).get() as { name: string; id_number: string };
const cases: [string, LegacyQuery, { colId: string; sort: 'asc' | 'desc' } | undefined, number][] = [
  ['first page', {}, undefined, 0],
  ['rows 10,000', {}, undefined, 10_000],
  ['village', { villageId: village }, undefined, 0],
  ['health 残疾', { health: '残疾' }, undefined, 0],
  ['stage 小学', { schoolStage: '小学' }, undefined, 0],
  ['age 60+', { bornOnOrBefore: '1966-11-29' }, undefined, 0],
  ['grade unconfirmed', { unconfirmedFor: '2026' }, undefined, 0],
  ['dibao', { dibao: true }, undefined, 0],
  ['sort name', {}, { colId: 'name', sort: 'asc' }, 0],
  ['sort age', {}, { colId: 'age', sort: 'asc' }, 0],
  ['sort health', {}, { colId: 'health', sort: 'asc' }, 0],
  ['search name', { search: person.name }, undefined, 0],
  ['search ID 14', { search: person.id_number.slice(0, 14) }, undefined, 0],
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

console.log(`${dbPath}\nlegacy member register SQL, median of ${reps} (ms), load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log('case'.padEnd(22), 'rows'.padStart(8), 'count'.padStart(8), 'block'.padStart(8));
for (const [label, q, sort, start] of cases) {
  const w = legacyWhere(q);
  const rows = db.prepare(`${SELECT} ${FROM} WHERE ${w.sql} ORDER BY ${legacyOrder(sort)} LIMIT ? OFFSET ?`);
  const count = db.prepare(`SELECT count(*) AS n ${FROM} WHERE ${w.sql}`);
  const r: number[] = [];
  const c: number[] = [];
  for (let i = 0; i < reps; i++) {
    r.push(time(() => rows.all(...w.params, 100, start)));
    c.push(time(() => count.get(...w.params)));
  }
  console.log(label.padEnd(22), median(r).toFixed(1).padStart(8), median(c).toFixed(1).padStart(8), (median(r) + median(c)).toFixed(1).padStart(8));
}
db.close();
