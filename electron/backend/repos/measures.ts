import type { Measure, MeasureFilter } from '../../../shared/api/methods/measures';
import type { MeasureStatus } from '../../../shared/domain/assistanceTerms';
import type { Scope } from '../../../shared/domain/permissions';
import type { Db } from '../db/connection';
import { householdScope } from './assistanceFacts';
import { prefixEnd } from './householdQuery';

// 帮扶措施 rows ↔ API records. Filters and sorts are whitelisted fragments with bound parameters.

const SELECT = `SELECT m.*, h.head_name, h.village_id, v.name AS village_name
  FROM measures m JOIN households h ON h.id = m.household_id LEFT JOIN divisions v ON v.id = h.village_id`;

const str = (v: unknown): string | null => (v as string | null) ?? null;

/** The measure's own columns, shared by the register (toMeasure) and the document mappers. */
export const measureFields = (r: Record<string, unknown>) => ({
  id: r.id as string,
  householdId: r.household_id as string,
  category: r.category as string,
  item: str(r.item),
  priority: str(r.priority),
  content: r.content as string,
  responsibleUnit: r.responsible_unit as string,
  responsiblePerson: r.responsible_person as string,
  plannedStart: str(r.planned_start),
  plannedEnd: str(r.planned_end),
  actualStart: str(r.actual_start),
  actualEnd: str(r.actual_end),
  amountFen: (r.amount_fen as number | null) ?? null,
  status: r.status as MeasureStatus,
  effect: r.effect as string,
});

const toMeasure = (r: Record<string, unknown>): Measure => ({
  ...measureFields(r),
  headName: r.head_name as string,
  villageId: r.village_id as string,
  villageName: (r.village_name as string | null) ?? '',
  rowVersion: r.row_version as number,
  updatedAt: r.updated_at as string,
  updatedBy: str(r.updated_by),
});

export function getMeasure(db: Db, id: string): Measure | undefined {
  const r = db.prepare(`${SELECT} WHERE m.id = ? AND m.deleted_at IS NULL`).get(id) as Record<string, unknown> | undefined;
  return r ? toMeasure(r) : undefined;
}

export type MeasureWrite = Omit<Measure, 'headName' | 'villageId' | 'villageName' | 'rowVersion' | 'updatedAt' | 'updatedBy'>;

const COLS: [keyof MeasureWrite, string][] = [
  ['householdId', 'household_id'],
  ['category', 'category'],
  ['item', 'item'],
  ['priority', 'priority'],
  ['content', 'content'],
  ['responsibleUnit', 'responsible_unit'],
  ['responsiblePerson', 'responsible_person'],
  ['plannedStart', 'planned_start'],
  ['plannedEnd', 'planned_end'],
  ['actualStart', 'actual_start'],
  ['actualEnd', 'actual_end'],
  ['amountFen', 'amount_fen'],
  ['status', 'status'],
  ['effect', 'effect'],
];

export function insertMeasure(db: Db, m: MeasureWrite, at: string, by: string): void {
  db.prepare(
    `INSERT INTO measures (id, ${COLS.map(([, c]) => c).join(', ')}, created_at, updated_at, updated_by)
     VALUES (?, ${COLS.map(() => '?').join(', ')}, ?, ?, ?)`,
  ).run(m.id, ...COLS.map(([k]) => m[k]), at, at, by);
}

export function updateMeasure(db: Db, m: MeasureWrite, at: string, by: string): void {
  db.prepare(`UPDATE measures SET ${COLS.map(([, c]) => `${c} = ?`).join(', ')}, row_version = row_version + 1, updated_at = ?, updated_by = ? WHERE id = ?`).run(
    ...COLS.map(([k]) => m[k]),
    at,
    by,
    m.id,
  );
}

export function tombstoneMeasure(db: Db, id: string, at: string, by: string): void {
  db.prepare(`UPDATE measures SET deleted_at = ?, row_version = row_version + 1, updated_at = ?, updated_by = ? WHERE id = ?`).run(at, at, by, id);
}

/** Sortable columns of the measures ledger: grid colId → SQL expression. */
const SORTS: Record<string, string> = {
  headName: 'h.head_name',
  villageName: 'v.sort_order',
  category: 'm.category',
  status: 'm.status',
  plannedStart: 'm.planned_start',
  actualStart: 'm.actual_start',
  amountFen: 'm.amount_fen',
  updatedAt: 'm.updated_at',
};

function measureWhere(filter: MeasureFilter, scope: Scope): { sql: string; params: unknown[] } {
  const base = householdScope(scope, filter.villageId, filter.householdId);
  const parts = [base.sql, 'm.deleted_at IS NULL'];
  const params = [...base.params];
  for (const [col, v] of [['m.category', filter.category], ['m.status', filter.status], ['m.priority', filter.priority]] as const) {
    if (v) {
      parts.push(`${col} = ?`);
      params.push(v);
    }
  }
  const s = filter.search?.trim();
  if (s) {
    // 户主 name prefix uses the index; content words are a scan of this (already filtered) set.
    parts.push(`((h.head_name >= ? AND h.head_name < ?) OR instr(m.content, ?) > 0)`);
    params.push(s, prefixEnd(s), s);
  }
  return { sql: parts.join(' AND '), params };
}

export function listMeasures(db: Db, filter: MeasureFilter, sort: { colId: string; sort: 'asc' | 'desc' }[], startRow: number, endRow: number, scope: Scope): { rows: Measure[]; total: number } {
  const where = measureWhere(filter, scope);
  const terms = sort.filter((s) => SORTS[s.colId]).map((s) => `${SORTS[s.colId]} ${s.sort === 'desc' ? 'DESC' : 'ASC'}`);
  const order = [...(terms.length ? terms : ['v.sort_order ASC', 'h.head_name ASC', 'm.planned_start ASC']), 'm.id ASC'].join(', ');
  const limit = Math.max(0, Math.min(endRow - startRow, 1000));
  const rows = db.prepare(`${SELECT} WHERE ${where.sql} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...where.params, limit, startRow) as Record<string, unknown>[];
  const total = (
    db.prepare(`SELECT count(*) AS n FROM measures m JOIN households h ON h.id = m.household_id WHERE ${where.sql}`).get(...where.params) as { n: number }
  ).n;
  return { rows: rows.map(toMeasure), total };
}

/** Delivered (已实施/已结束) measures per household, for the escalation list. */
export function deliveredCounts(db: Db, householdIds: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < householdIds.length; i += 500) {
    const ids = householdIds.slice(i, i + 500);
    const rows = db
      .prepare(`SELECT household_id, count(*) AS n FROM measures WHERE household_id IN (${ids.map(() => '?').join(',')}) AND status != 'planned' AND deleted_at IS NULL GROUP BY household_id`)
      .all(...ids) as { household_id: string; n: number }[];
    for (const r of rows) out.set(r.household_id, r.n);
  }
  return out;
}
