import type { ImportColumn, ImportCounts, RosterOptions, RosterPreview } from '../../../shared/api/methods/imports';
import { chinaDate } from '../../../shared/domain/chinaTime';
import { cellText } from '../../../shared/domain/cellText';
import { DomainError } from '../../../shared/domain/errors';
import { autoMatch, columnLetter, isRosterField, mappingGaps, ROSTER_FIELD_BY_KEY } from '../../../shared/domain/rosterColumns';
import { groupHouseholds, rejectedKeys, type Locate } from '../../../shared/domain/rosterGroup';
import { columnTitle, detectHeader, type DetectedHeader } from '../../../shared/domain/rosterHeader';
import { readRosterRow, type RosterRow, type RowProblem } from '../../../shared/domain/rosterRows';
import type { HandlerContext } from '../context';
import * as repo from '../repos/imports';
import { inChunks, type Job } from './jobs';
import { readSheet, type SheetData } from './readSheet';
import { resolveHouseholds } from './resolve';
import { rememberStaged } from './stagedCache';

// imports.roster.preview: read → find the header → map columns → read and check every row → group into
// households → check against the database → stage. Progress: reading 0–40 %, rows 40–75 %, database 75–95 %.

export const PREVIEW_PROBLEM_LIMIT = 200;

export interface PreviewRequest {
  fileId: string;
  mapping?: { column: number; field: string | null }[];
  options: RosterOptions;
}

export async function previewRoster(ctx: HandlerContext, job: Job, req: PreviewRequest): Promise<RosterPreview> {
  const meta = ctx.services.files.meta(req.fileId);
  if (meta.kind !== 'upload') throw new DomainError('validation', '请上传要导入的文件。');
  job.progress(0, '正在读取文件…');
  const sheet = await readSheet(ctx.services.files.read(req.fileId), meta.originalName, job, (f) => job.progress(f * 40, '正在读取文件…'));
  const header = detectHeader(sheet.rows.map((r) => r.cells));
  if (!header) {
    throw new DomainError('validation', '没有找到表头：前 20 行中没有一行包含“姓名”“证件号码”“与户主关系”“行政村”等列名中的至少两个。请检查是否选错了文件或工作表。');
  }
  const columns = buildColumns(ctx, sheet, header, req.mapping);
  const mapped = new Map(columns.filter((c) => c.field).map((c) => [c.column, c.field!]));
  const gaps = mappingGaps(new Set(mapped.values()), Boolean(req.options.defaultVillageId));
  const base = { jobId: job.id, fileName: meta.originalName, sheetName: sheet.sheetName, format: sheet.format, header: headerRows(sheet, header), columns, gaps, notes: sheet.notes };
  if (gaps.length) return { ...base, previewId: null, counts: emptyCounts(), problems: [], problemTotal: 0, sameFileCommittedAt: null };

  const headers = new Map(columns.map((c) => [c.column, c.title]));
  const locate: Locate = (field) => {
    const col = columns.find((c) => c.field === field);
    return col ? { column: col.letter, header: col.title } : { column: '', header: ROSTER_FIELD_BY_KEY.get(field)?.label ?? '' };
  };
  const problems: RowProblem[] = [];
  const rows: RosterRow[] = [];
  const context = { mapping: mapped, headers, enums: ctx.profile().enums, today: chinaDate(ctx.now()) };
  const dataRows = sheet.rows.slice(header.lastRow + 1);
  await inChunks(
    job,
    dataRows,
    1000,
    (r) => {
      const read = readRosterRow(r.cells, r.rowNo, context);
      problems.push(...read.problems);
      if (read.row) rows.push(read.row);
    },
    (done) => job.progress(40 + (35 * done) / Math.max(1, dataRows.length), `正在校验第 ${done} / ${dataRows.length} 行…`),
  );
  // A 姓名 column means one row per person; without it each row is a household (户主 columns only).
  const grouped = groupHouseholds(rows, [...mapped.values()].includes('name'), locate);
  problems.push(...grouped.problems);
  const rejected = rejectedKeys(grouped.households, problems);
  const resolved = await resolveHouseholds(ctx, job, grouped.households, rejected, problems, req.options, locate, (f) => job.progress(75 + f * 20, '正在与已登记数据比对…'));
  job.throwIfCancelled();

  problems.sort((a, b) => a.row - b.row);
  const counts = countsOf(dataRows.length, rows.length, problems, resolved.counts);
  const staged: Parameters<typeof repo.insertStaged>[2][number][] = [];
  await inChunks(job, resolved.staged, 500, ({ data, ...rest }) => staged.push({ ...rest, dataJson: JSON.stringify(data) }));
  const previewId = ctx.ids.newId();
  const by = ctx.user().username;
  const at = ctx.nowIso();
  ctx.tx(() => {
    repo.supersedePreviews(ctx.db, meta.sha256, by, at);
    repo.insertJob(ctx.db, { id: previewId, fileId: meta.id, fileName: meta.originalName, fileSha256: meta.sha256, header: base.header, mapping: columns.map((c) => ({ column: c.column, field: c.field })), options: req.options, counts }, at, by);
    repo.insertStaged(ctx.db, previewId, staged);
    rememberStaged(ctx.services, previewId, resolved.staged);
    repo.insertProblems(ctx.db, previewId, problems);
    if (req.options.rememberMapping) repo.saveMapping(ctx.db, Object.fromEntries(columns.map((c) => [c.title, c.field ?? ''])), at, by);
  });
  job.finish(`预览完成：可导入 ${counts.households.create + counts.households.update} 户，${counts.households.rejected} 户有错误。`);
  return { ...base, previewId, counts, problems: problems.slice(0, PREVIEW_PROBLEM_LIMIT), problemTotal: problems.length, sameFileCommittedAt: repo.lastCommitOfSameFile(ctx.db, meta.sha256) };
}

/** Columns with their field: the clerk's explicit mapping, else the saved mapping by header text, else auto-match. */
function buildColumns(ctx: HandlerContext, sheet: SheetData, header: DetectedHeader, explicit: PreviewRequest['mapping']): ImportColumn[] {
  const auto = autoMatch(header.columns);
  const saved = repo.getSavedMapping(ctx.db);
  const chosen = explicit ? new Map(explicit.map((m) => [m.column, m.field && isRosterField(m.field) ? m.field : null])) : null;
  const samples = sheet.rows.slice(header.lastRow + 1, header.lastRow + 4);
  const taken = new Set<string>();
  return header.columns.map((c) => {
    const title = columnTitle(c);
    let field: string | null = chosen ? (chosen.get(c.index) ?? null) : title in saved ? saved[title] || null : (auto[c.index] ?? null);
    if (field && !isRosterField(field)) field = null;
    // Two columns may not fill the same field: the first keeps it.
    if (field && taken.has(field)) field = null;
    if (field) taken.add(field);
    return { column: c.index, letter: columnLetter(c.index), title, field, auto: !chosen && field !== null && field === (auto[c.index] ?? null), samples: samples.map((r) => cellText(r.cells[c.index] ?? { kind: 'empty' }).slice(0, 40)) };
  });
}

function headerRows(sheet: SheetData, header: DetectedHeader) {
  const first = sheet.rows[header.firstRow]?.rowNo ?? 1;
  const last = sheet.rows[header.lastRow]?.rowNo ?? first;
  return { firstRow: first, lastRow: last, dataStartRow: sheet.rows[header.lastRow + 1]?.rowNo ?? last + 1 };
}

function emptyCounts(): ImportCounts {
  return { rows: 0, dataRows: 0, errorRows: 0, warningRows: 0, errors: 0, warnings: 0, households: { create: 0, update: 0, unchanged: 0, rejected: 0 }, members: { create: 0, update: 0 } };
}

function countsOf(rowCount: number, dataRows: number, problems: readonly RowProblem[], r: Awaited<ReturnType<typeof resolveHouseholds>>['counts']): ImportCounts {
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  return {
    rows: rowCount,
    dataRows,
    errorRows: new Set(errors.map((p) => p.row)).size,
    warningRows: new Set(warnings.map((p) => p.row)).size,
    errors: errors.length,
    warnings: warnings.length,
    households: { create: r.create, update: r.update, unchanged: r.unchanged, rejected: r.rejected },
    members: { create: r.membersCreated, update: r.membersUpdated },
  };
}
