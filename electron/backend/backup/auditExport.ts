import type ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { chinaDate, chinaDateTime } from '../../../shared/domain/chinaTime';
import { DomainError } from '../../../shared/domain/errors';
import type { HandlerContext } from '../context';
import { workbookBuffer } from '../exports/xlsxWriter';
import { auditEntriesBySeq, auditSeqs, countAudit, type AuditFilter } from '../repos/audit';

// 审计日志导出 (reliability bar L-06): the filtered audit log as .xlsx for the 测评机构 or the
// county. Every cell is a text cell with the text number format, and text that a spreadsheet
// would read as a formula (= + - @ tab CR) gets a leading apostrophe (bar X-04).

const MAX_ROWS = 200_000;
const FORMULA_START = /^[=+\-@\t\r\n\0＝＋－＠]/;

export const neutralise = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

const show = (v: unknown): string => (v === null || v === undefined || v === '' ? '（空）' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** The seqs of the filter's entries, newest first; more than MAX_ROWS is refused before any row is read. */
function seqsToExport(ctx: HandlerContext, filter: AuditFilter): number[] {
  const total = countAudit(ctx.db, filter);
  if (total > MAX_ROWS) {
    throw new DomainError('validation', `符合条件的审计记录有 ${total} 条，超过单次导出上限 ${MAX_ROWS} 条。请缩小日期范围后分批导出。`);
  }
  return auditSeqs(ctx.db, filter, MAX_ROWS);
}

function describeFilter(filter: AuditFilter, userName: string | null): string {
  const parts = [
    filter.from || filter.to ? `日期 ${filter.from ?? '不限'} 至 ${filter.to ?? '不限'}` : '日期不限',
    filter.userId ? `操作人 ${userName ?? filter.userId}` : '',
    filter.householdId ? `农户 ${filter.householdId}` : '',
    filter.entity ? `对象类型 ${filter.entity}` : '',
  ];
  return parts.filter(Boolean).join('；');
}

// Rows written between yields: other clerks' requests wait well under a second (as exports.register).
const CHUNK = 500;
const COLUMN_WIDTHS = [18, 14, 12, 12, 38, 38, 60, 60];

export async function exportAudit(ctx: HandlerContext, filter: AuditFilter): Promise<{ fileId: string; name: string; rows: number }> {
  const me = ctx.user();
  const seqs = seqsToExport(ctx, filter);
  const userName = filter.userId ? ((ctx.db.prepare(`SELECT username FROM users WHERE id = ?`).get(filter.userId) as { username: string } | undefined)?.username ?? null) : null;
  // Rows read and written CHUNK at a time with exceljs's streaming writer, yielding between chunks: a year of a
  // county's audit (100k rows) read at once and built in one in-memory workbook held the backend ~10 s.
  const bytes = await workbookBuffer(async (book) => {
    const sheet = book.addWorksheet('审计日志', { views: [{ state: 'frozen', ySplit: 5 }] });
    sheet.columns = COLUMN_WIDTHS.map((width) => ({ width, style: { numFmt: '@' } }));
    const text = (values: string[], bold?: Partial<ExcelJS.Font>) => {
      const row = sheet.addRow(values.map(neutralise));
      if (bold) row.font = bold;
      row.commit();
    };
    text(['审计日志导出'], { bold: true, size: 14 });
    text([`导出人：${me.displayName}（${me.username}）`, '', '', `导出时间：${chinaDateTime(ctx.now())}`]);
    text([`筛选条件：${describeFilter(filter, userName)}`, '', '', `共 ${seqs.length} 条`]);
    text(['']);
    text(['时间', '操作人', '动作', '对象', '对象编号', '农户编号', '内容', '字段变更（原值 → 新值）'], { bold: true });
    for (let i = 0; i < seqs.length; i += CHUNK) {
      for (const e of auditEntriesBySeq(ctx.db, seqs.slice(i, i + CHUNK))) {
        const changes = e.changes.map((c) => `${c.label}：${show(c.old)} → ${show(c.new)}`).join('；');
        text([chinaDateTime(e.at), e.username ?? '系统', e.action, e.entity, e.entityId ?? '', e.householdId ?? '', e.summary, changes]);
      }
      await yieldToLoop();
    }
    sheet.commit();
  });
  const name = `审计日志-${chinaDate(ctx.now()).replace(/-/g, '')}.xlsx`;
  return ctx.tx(() => {
    const file = ctx.services.files.put(bytes, { originalName: name, kind: 'generated', createdBy: me.username, at: ctx.nowIso() });
    ctx.audit({
      action: 'export',
      entity: 'audit',
      summary: `导出审计日志 ${seqs.length} 条（${describeFilter(filter, userName)}；SHA-256 ${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}…）`,
    });
    return { fileId: file.id, name, rows: seqs.length };
  });
}
