import { openDatabase } from '../../electron/backend/db/connection';
import { listMembers, memberConditions, memberOrderKeys, type MemberQuery } from '../../electron/backend/repos/memberList';
import type { Scope } from '../../shared/domain/permissions';
import { COUNTY_FULL, COUNTY_QUICK } from '../countyData';
import { ensureCountyDb } from '../county';
import { captureStatements } from '../sqlCapture';

// Probe: the member register (members.list → listMembers) on the county DB, read-only: for each case the
// statements the repo ran with their EXPLAIN QUERY PLAN, the median time of the whole call, and a check that
// its rows are exactly those of a plain reference query with the same ORDER BY (SQLite's own full sort).
// Usage: npx tsx bench/probes/members-plans.ts [reps=7] [--quick] [--db PATH] [--no-check] [--only LABEL]

const args = process.argv.slice(2);
const reps = Number(args.find((a) => /^\d+$/.test(a)) ?? 7);
const dbArg = args.includes('--db') ? args[args.indexOf('--db') + 1] : undefined;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const dbPath = dbArg ?? (await ensureCountyDb(args.includes('--quick') ? COUNTY_QUICK : COUNTY_FULL)).dbPath;
const db = openDatabase(dbPath, { readonly: true });
const ALL: Scope = { kind: 'all' };
type Sort = { colId: string; sort: 'asc' | 'desc' }[];

const village = (db.prepare(`SELECT id FROM divisions WHERE level = 'village' ORDER BY sort_order LIMIT 1 OFFSET 7`).get() as { id: string }).id;
const group = (db.prepare(`SELECT id FROM divisions WHERE parent_id = ? ORDER BY sort_order LIMIT 1`).get(village) as { id: string }).id;
const person = db.prepare(`SELECT name, pinyin, id_number FROM members WHERE relation = '配偶' AND rowid >= 500000 ORDER BY rowid LIMIT 1`).get() as { name: string; pinyin: string; id_number: string };
const scopeOf = (n: number): Scope => ({ kind: 'villages', villageIds: (db.prepare(`SELECT id FROM divisions WHERE level = 'village' ORDER BY sort_order LIMIT ? OFFSET 20`).all(n) as { id: string }[]).map((r) => r.id) });
const scopeTwo = scopeOf(2);

interface Case {
  label: string;
  q: MemberQuery;
  sort?: Sort;
  start?: number;
  scope?: Scope;
}
const cases: Case[] = [
  { label: 'first page', q: {} },
  { label: 'rows 10,000', q: {}, start: 10_000 },
  { label: 'rows 100,000', q: {}, start: 100_000 },
  { label: 'village', q: { villageId: village } },
  { label: 'group', q: { villageId: village, groupId: group } },
  { label: 'village scope (2)', q: {}, scope: scopeTwo },
  { label: 'village scope (20)', q: {}, scope: scopeOf(20) },
  { label: 'village scope (20) rows 10,000', q: {}, scope: scopeOf(20), start: 10_000 },
  { label: 'health 残疾', q: { health: '残疾' } },
  { label: 'health 残疾 rows 10,000', q: { health: '残疾' }, start: 10_000 },
  { label: 'labour 技能劳动力', q: { labourSkill: '技能劳动力' } },
  { label: 'stage 小学', q: { schoolStage: '小学' } },
  { label: 'not in school', q: { schoolStage: '__none__' } },
  { label: 'age 60+', q: { bornOnOrBefore: '1966-11-29' } },
  { label: 'age 6–15', q: { bornOnOrBefore: '2020-11-29', bornAfter: '2010-11-29' } },
  { label: 'grade unconfirmed', q: { unconfirmedFor: '2026' } },
  { label: 'dibao', q: { dibao: true } },
  { label: 'village + 残疾', q: { villageId: village, health: '残疾' } },
  { label: 'include former', q: { includeFormer: true } },
  { label: 'sort name', q: {}, sort: [{ colId: 'name', sort: 'asc' }] },
  { label: 'sort name desc rows 10,000', q: {}, sort: [{ colId: 'name', sort: 'desc' }], start: 10_000 },
  { label: 'sort age', q: {}, sort: [{ colId: 'age', sort: 'asc' }] },
  { label: 'sort village desc', q: {}, sort: [{ colId: 'villageName', sort: 'desc' }] },
  { label: 'sort head', q: {}, sort: [{ colId: 'headName', sort: 'asc' }] },
  { label: 'sort health', q: {}, sort: [{ colId: 'health', sort: 'asc' }] },
  { label: 'sort group', q: {}, sort: [{ colId: 'groupName', sort: 'asc' }] },
  { label: 'sort labour desc', q: {}, sort: [{ colId: 'labourSkill', sort: 'desc' }] },
  { label: 'sort relation', q: {}, sort: [{ colId: 'relation', sort: 'asc' }] },
  { label: 'sort school stage', q: {}, sort: [{ colId: 'schoolStage', sort: 'asc' }] },
  { label: 'sort school grade', q: {}, sort: [{ colId: 'schoolGrade', sort: 'desc' }] },
  { label: 'sort birth date desc', q: {}, sort: [{ colId: 'birthDate', sort: 'desc' }] },
  { label: 'sort village, name', q: {}, sort: [{ colId: 'villageName', sort: 'asc' }, { colId: 'name', sort: 'asc' }] },
  { label: 'scope sort head', q: {}, scope: scopeTwo, sort: [{ colId: 'headName', sort: 'desc' }] },
  { label: 'village sort name', q: { villageId: village }, sort: [{ colId: 'name', sort: 'asc' }] },
  { label: 'search name', q: { search: person.name } },
  { label: 'search surname', q: { search: person.name.slice(0, 1) } },
  { label: 'search pinyin', q: { search: person.pinyin } },
  { label: 'search ID 14', q: { search: person.id_number.slice(0, 14) } },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}
const run = (c: Case) => listMembers(db, c.q, c.sort ?? [], c.start ?? 0, (c.start ?? 0) + 100, c.scope ?? ALL, true);

/** The same rows by the plainest SQL: every live member joined and fully sorted by SQLite. */
function reference(c: Case): string[] {
  const cond = memberConditions(c.q, c.scope ?? ALL);
  const keys = memberOrderKeys(c.sort ?? []);
  const sql = `SELECT m.id FROM members m JOIN households h ON h.id = m.household_id JOIN divisions v ON v.id = h.village_id LEFT JOIN divisions g ON g.id = h.group_id
    WHERE ${cond.household.sql} AND ${cond.member.sql} ORDER BY ${keys.map((k) => `${k.expr} ${k.desc ? 'DESC' : 'ASC'}`).join(', ')} LIMIT 100 OFFSET ?`;
  return (db.prepare(sql).pluck().all(...cond.household.params, ...cond.member.params, c.start ?? 0) as string[]);
}

console.log(`${dbPath}\nmedian of ${reps} calls (ms), load ${(await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' ')}`);
for (const c of cases.filter((x) => !only || x.label.includes(only))) {
  const statements = captureStatements(db, (pdb) => listMembers(pdb, c.q, c.sort ?? [], c.start ?? 0, (c.start ?? 0) + 100, c.scope ?? ALL, true));
  run(c);
  const times: number[] = [];
  for (let i = 0; i < reps; i++) times.push(time(() => run(c)));
  const r = run(c);
  const same = args.includes('--no-check') ? '' : JSON.stringify(r.rows.map((m) => m.id)) === JSON.stringify(reference(c)) ? 'same rows' : 'ROWS DIFFER';
  console.log(`\n## ${c.label}: ${median(times).toFixed(1)} ms, total ${r.total}, ${r.rows.length} rows, ${same}`);
  for (const s of statements) {
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...s.params) as { detail: string }[]).map((p) => p.detail);
    const stmt = db.prepare(s.sql);
    const own = median([0, 1, 2, 3, 4].map(() => time(() => (s.method === 'all' ? stmt.all(...s.params) : stmt.get(...s.params)))));
    console.log(`   ${own.toFixed(1)} ms  ${s.sql.replace(/\s+/g, ' ').slice(0, 100)}…\n      ${plan.join('\n      ')}`);
  }
}
db.close();
