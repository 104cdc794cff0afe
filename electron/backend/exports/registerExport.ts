import { createHash } from 'node:crypto';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { EXPORT_VIEW_LABELS, type ExportView } from '../../../shared/api/methods/exports';
import type { HouseholdFilter } from '../../../shared/api/schemas/household';
import { chinaDate, chinaDateTime } from '../../../shared/domain/chinaTime';
import { DomainError, validationError } from '../../../shared/domain/errors';
import type { HandlerContext } from '../context';
import type { Db } from '../db/connection';
import { openSnapshot } from '../db/snapshot';
import * as repo from '../repos/exports';
import { columnsFor, formatters, type ExportColumn } from './columns';
import { workbookBuffer, writeDataRow, writeTitleAndHeader, type Sheet } from './xlsxWriter';

// exports.register: a register view as .xlsx — county/township title from the profile, a merged
// two-row header, frozen panes, IDs and phones as TEXT cells ('@'), formula triggers neutralised,
// masked unless the clerk may and chooses to export in full (audited either way, reliability P-04).

// Rows written between yields: small enough that other requests wait well under a second.
const CHUNK = 500;

export interface ExportRequest {
  view: ExportView;
  filter: HouseholdFilter;
  masked?: boolean;
  purpose?: string;
}

/** Masked by default; a full export needs pii.unmask and a purpose. */
/**
 * Whether a list that leaves the office is masked: by default yes (profile); unmasked only for
 * 'pii.unmask' with a stated purpose. Used by every outgoing export (registers, reports, ledgers).
 */
export function decideMasking(ctx: HandlerContext, req: Pick<ExportRequest, 'masked' | 'purpose'>): boolean {
  const profileDefault = ctx.profile().privacy.maskOutgoingExports;
  if (req.masked === false) {
    if (!ctx.can('pii.unmask')) throw new DomainError('permission', '您的账号没有导出完整证件号码和电话的权限，只能导出遮挡后的表格。');
    if (!req.purpose?.trim()) throw validationError([{ path: 'purpose', message: '导出完整信息须填写用途（如“报县乡村振兴局核对”），请填写。' }]);
    return false;
  }
  return req.masked ?? (profileDefault || !ctx.can('pii.unmask'));
}

/** Excel's last row (1,048,576) less the 4 title and header rows: a longer register continues on another sheet. */
export const EXCEL_DATA_ROWS = 1_048_576 - 4;

export async function exportRegister(ctx: HandlerContext, req: ExportRequest, rowsPerSheet = EXCEL_DATA_ROWS): Promise<{ fileId: string; name: string; rows: number; masked: boolean }> {
  const masked = decideMasking(ctx, req);
  const filter = req.view === 'monitored' ? { ...req.filter, status: 'monitoring' } : req.filter;
  const scope = ctx.user().scope;
  const kind = req.view === 'members' ? 'members' : 'households';
  const columns = columnsFor(req.view) as ExportColumn<unknown>[];
  const fmt = formatters(ctx.profile(), masked);
  // One moment for the whole export, read village by village with other clerks' requests served in between:
  // a household moved or added meanwhile is neither written twice nor lost, and 共 N is the rows written.
  const snapshot = openSnapshot(ctx.services);
  try {
    return await writeRegister(ctx, snapshot.db, req, { masked, filter, scope, kind, columns, fmt }, rowsPerSheet);
  } finally {
    snapshot.close();
  }
}

interface RegisterPlan {
  masked: boolean;
  filter: HouseholdFilter;
  scope: ReturnType<HandlerContext['user']>['scope'];
  kind: repo.ExportKind;
  columns: ExportColumn<unknown>[];
  fmt: ReturnType<typeof formatters>;
}

async function writeRegister(ctx: HandlerContext, db: Db, req: ExportRequest, plan: RegisterPlan, rowsPerSheet: number): Promise<{ fileId: string; name: string; rows: number; masked: boolean }> {
  const { masked, filter, scope, kind, columns, fmt } = plan;
  const places = repo.exportPlaces(db);
  const total = await countRows(db, kind, filter, scope, places);
  const label = EXPORT_VIEW_LABELS[req.view];
  const office = ctx.profile().office;
  const place = `${office.county}${office.township || (repo.firstTownshipName(db) ?? '')}`;
  const user = ctx.user();
  const subtitle = [
    `导出人：${user.displayName}`,
    `导出时间：${chinaDateTime(ctx.now())}`,
    masked ? '证件号码与电话已部分遮挡' : '含完整证件号码与电话，仅限内部使用，注意保密',
    req.purpose?.trim() ? `用途：${req.purpose.trim()}` : '',
    `共 ${total} ${kind === 'members' ? '人' : '户'}`,
  ].filter(Boolean);
  const withIndex = [{ title: '序号', width: 6, value: () => null }, ...columns] as ExportColumn<unknown>[];
  let written = 0;
  // Inline strings (no shared-strings table): exceljs keeps that table in memory until the end, ~1 GB for a county.
  const bytes = await workbookBuffer(
    async (wb) => {
      let sheet: Sheet | null = null;
      let sheets = 0;
      const newSheet = () => {
        sheet?.commit();
        sheets += 1;
        const name = sheets === 1 ? label : `${label}（续${sheets - 1}）`;
        const s = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 4 }], pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
        writeTitleAndHeader(s, `${place}${label}`, subtitle.join('　'), withIndex);
        return s;
      };
      sheet = newSheet();
      for (const at of places) {
        const rows: unknown[] = kind === 'members' ? repo.exportRowsOf(db, 'members', filter, scope, at) : repo.exportRowsOf(db, 'households', filter, scope, at);
        for (const row of rows) {
          if (written > 0 && written % rowsPerSheet === 0) sheet = newSheet();
          writeDataRow(sheet, (written % rowsPerSheet) + 5, [written + 1, ...columns.map((c) => c.value(row, fmt))], withIndex);
          written += 1;
          if (written % CHUNK === 0) await yieldToLoop();
        }
        await yieldToLoop();
      }
      sheet.commit();
    },
    { sharedStrings: false },
  );
  const name = `${label}-${chinaDate(ctx.now())}${masked ? '' : '-完整'}.xlsx`;
  const file = ctx.services.files.put(bytes, { originalName: name, kind: 'generated', createdBy: user.username, at: ctx.nowIso() });
  ctx.tx(() =>
    ctx.audit({
      action: masked ? 'export' : 'export.unmasked',
      entity: 'register',
      entityId: file.id,
      summary: `导出${label}（${masked ? '已遮挡' : '未遮挡，完整证件号码与电话'}）${written} 行${req.purpose?.trim() ? `，用途：${req.purpose.trim()}` : ''}；文件 SHA-256 ${createHash('sha256').update(bytes).digest('hex')}`,
    }),
  );
  return { fileId: file.id, name, rows: written, masked };
}

/** The rows the export will write: counted place by place, yielding between places. */
async function countRows(db: Db, kind: repo.ExportKind, filter: HouseholdFilter, scope: RegisterPlan['scope'], places: readonly (string | null)[]): Promise<number> {
  let total = 0;
  for (let i = 0; i < places.length; i++) {
    total += repo.exportCountOf(db, kind, filter, scope, places[i]);
    if (i % 20 === 19) await yieldToLoop();
  }
  return total;
}
