import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { isMethodName } from '../../shared/api/contract';
import type { Session } from '../../electron/backend/context';
import { createBackend, type Backend } from '../../electron/backend/index';
import { prng } from '../../electron/backend/demo/generator';
import { workingCopy } from '../county';
import { login, type BenchContext } from '../context';
import { skip, type Benchmark } from '../harness';

// P5 — 季度风险评估表 (exports.quarterly) for 10,000 households graded in 2026 Q4, on a private
// working copy of the county DB (grades are a bench fixture: 10,000 household_grades rows, half of
// those households also graded in Q3), through backend.dispatch. Floor: raw exceljs writing the
// same rows (the values read back from our file) with the same streaming WorkbookWriter settings
// (shared strings, styles on), plain cells. Detail: the same rows styled per cell as the report
// looks (styled_floor_ms) and written the cheapest way exceljs can (lean_floor_ms, see rawWrite).

interface State {
  backend: Backend;
  session: Session;
  rows: unknown[][];
  graded: number;
}

const GRADE_INSERT = `INSERT INTO household_grades (id, household_id, graded_on, colour, previous_colour, reason, risk_types, source, created_at, updated_at, updated_by)
  VALUES (?, ?, ?, ?, ?, ?, '[]', 'assessment', ?, ?, 'admin')`;

export function gradeHouseholds(backend: Backend, count: number): number {
  const db = backend.services.db;
  const total = (db.prepare(`SELECT count(*) AS n FROM households`).get() as { n: number }).n;
  const step = Math.max(1, Math.floor(total / count));
  const ids = db.prepare(`SELECT id FROM households WHERE rowid % ? = 0 ORDER BY rowid LIMIT ?`).pluck().all(step, count) as string[];
  const rand = prng(99);
  const colours = ['red', 'orange', 'yellow', 'blue'] as const;
  const ins = db.prepare(GRADE_INSERT);
  db.transaction(() => {
    ids.forEach((hid, i) => {
      const now = colours[Math.floor(rand() * 4)];
      if (i % 2 === 0) ins.run(`bench-g-q3-${i}`, hid, '2026-08-10', colours[Math.floor(rand() * 4)], null, '季度研判', '2026-08-10T02:00:00Z', '2026-08-10T02:00:00Z');
      ins.run(`bench-g-q4-${i}`, hid, '2026-11-15', now, null, '季度研判：收入与三保障复核', '2026-11-15T02:00:00Z', '2026-11-15T02:00:00Z');
    });
  })();
  return ids.length;
}

async function quarterly(s: { backend: Backend; session: Session }): Promise<{ fileId: string; rows: number }> {
  const r = await s.backend.dispatch('exports.quarterly', { year: 2026, quarter: 4 }, s.session);
  if (!r.ok) throw new Error(`exports.quarterly failed: ${r.error.code} ${r.error.message}`);
  return r.value as { fileId: string; rows: number };
}

export async function readBack(bytes: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.worksheets[0].eachRow({ includeEmpty: false }, (row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

const THIN = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } } as const;
const SHARED_STYLE = Object.freeze({});

/**
 * 'plain' (the floor): addRow(values), as anyone would write them. exceljs gives every plain cell a
 * fresh empty style object and, with useStyles, resolves each one in its style registry.
 * 'styled' (detail): the same plus the per-cell border and wrap the report gives every cell.
 * 'lean' (detail): the plain rows with ONE shared empty style object per cell and row, which exceljs
 * resolves once (a WeakMap by identity) — the cheapest this writer writes these values, to read the
 * ratio against when ours is near or under the floor.
 */
export async function rawWrite(rows: unknown[][], mode: 'plain' | 'styled' | 'lean' = 'plain'): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => out.on('end', r));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('2026年第4季度');
  for (const r of rows) {
    const row = ws.addRow(r);
    if (mode === 'styled') row.eachCell((c) => ((c.border = THIN), (c.alignment = { vertical: 'middle', wrapText: true })));
    if (mode === 'lean') {
      (row as unknown as { style: object }).style = SHARED_STYLE;
      row.eachCell((c) => (c.style = SHARED_STYLE));
    }
    row.commit();
  }
  ws.commit();
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}

const benchmark: Benchmark<State> = {
  name: 'P5 quarterly table 10k households',
  target: { kind: 'ratio', max: 1.3 },
  warmup: 1,
  reps: 3,
  setup: async (ctx: BenchContext) => {
    if (!isMethodName('exports.quarterly')) return skip('exports.quarterly is not in the API contract yet');
    const county = await ctx.county();
    const backend = await createBackend({ dataDir: workingCopy(county, 'p5'), log: { error: () => {}, warn: () => {} } });
    await backend.maintenance; // the day's first backup now runs after the start: finish it before measuring
    const session = await login(backend);
    const graded = gradeHouseholds(backend, ctx.quick ? 1_000 : 10_000);
    const first = await quarterly({ backend, session });
    if (first.rows !== graded) throw new Error(`exports.quarterly wrote ${first.rows} rows for ${graded} graded households`);
    const rows = await readBack(backend.services.files.read(first.fileId));
    return { backend, session, rows, graded };
  },
  ours: (s) => quarterly(s),
  floor: (s) => rawWrite(s.rows),
  detail: async (s) => {
    const timed = async (fn: () => unknown) => {
      const t0 = performance.now();
      await fn();
      return Math.round(performance.now() - t0);
    };
    const median3 = async (fn: () => unknown) => [await timed(fn), await timed(fn), await timed(fn)].sort((a, b) => a - b)[1];
    const db = s.backend.services.db;
    const graded = `SELECT h.id FROM households h WHERE h.deleted_at IS NULL AND %s`;
    const existsForm = graded.replace('%s', `EXISTS (SELECT 1 FROM household_grades gr WHERE gr.household_id = h.id AND gr.graded_on >= ? AND gr.graded_on <= ? AND gr.deleted_at IS NULL)`);
    const inForm = graded.replace('%s', `h.id IN (SELECT household_id FROM household_grades WHERE graded_on >= ? AND graded_on <= ? AND deleted_at IS NULL)`);
    return {
      graded_households: s.graded,
      sheet_rows: s.rows.length,
      styled_floor_ms: await timed(() => rawWrite(s.rows, 'styled')),
      lean_floor_ms: await median3(() => rawWrite(s.rows, 'lean')),
      graded_query_exists_ms: await timed(() => db.prepare(existsForm).all('2026-10-01', '2026-12-31')),
      graded_query_in_ms: await timed(() => db.prepare(inForm).all('2026-10-01', '2026-12-31')),
    };
  },
  teardown: (s) => s.backend.close(),
};

export default benchmark;
