import type { ImportCounts } from '../../../shared/api/methods/imports';
import { chinaDateTime } from '../../../shared/domain/chinaTime';
import { notFound } from '../../../shared/domain/errors';
import type { HandlerContext } from '../context';
import { type HeaderColumn, workbookBuffer, writeDataRow, writeTitleAndHeader } from '../exports/xlsxWriter';
import * as repo from '../repos/imports';

// The downloadable problem report of an import: one row per problem (行号, 列, 列名, 说明, 类型) and a
// summary sheet with the counts. Problems never change after the preview, so the file is made once.

const COLUMNS: HeaderColumn[] = [
  { title: '行号', width: 8 },
  { group: '位置', title: '列', width: 6, text: true },
  { group: '位置', title: '列名', width: 22, text: true },
  { title: '问题说明', width: 90, text: true },
  { title: '类型', width: 8, text: true },
];
const PAGE = 5000;

export async function problemReport(ctx: HandlerContext, previewId: string): Promise<{ fileId: string; name: string }> {
  const job = repo.getJob(ctx.db, previewId);
  if (!job) throw notFound('该导入预览');
  if (job.reportFileId) return { fileId: job.reportFileId, name: ctx.services.files.meta(job.reportFileId).originalName };
  const counts = job.counts as ImportCounts;
  const made = chinaDateTime(ctx.now());
  const bytes = await workbookBuffer(async (wb) => {
    const sheet = wb.addWorksheet('问题清单', { views: [{ state: 'frozen', ySplit: 4 }] });
    writeTitleAndHeader(sheet, `导入问题报告：${job.fileName}`, `生成时间：${made}　错误 ${counts.errors} 处（${counts.errorRows} 行），警告 ${counts.warnings} 处。有错误的户不会导入，请改正原文件后重新导入。`, COLUMNS);
    let rowNo = 5;
    for (let offset = 0; ; offset += PAGE) {
      const page = repo.listProblems(ctx.db, previewId, undefined, offset, PAGE);
      for (const p of page.rows) writeDataRow(sheet, rowNo++, [p.row, p.column, p.header, p.message, p.severity === 'error' ? '错误' : '警告'], COLUMNS);
      if (offset + PAGE >= page.total) break;
      await new Promise((r) => setImmediate(r));
    }
    sheet.commit();
    const summary = wb.addWorksheet('汇总');
    summary.columns = [{ width: 24 }, { width: 14 }];
    const lines: [string, number][] = [
      ['数据行数', counts.dataRows],
      ['新增农户', counts.households.create],
      ['更新农户', counts.households.update],
      ['无变化农户', counts.households.unchanged],
      ['有错误未导入的农户', counts.households.rejected],
      ['新增成员', counts.members.create],
      ['更新成员', counts.members.update],
      ['错误（处）', counts.errors],
      ['警告（处）', counts.warnings],
    ];
    lines.forEach(([label, n], i) => {
      const row = summary.getRow(i + 1);
      row.getCell(1).value = label;
      row.getCell(2).value = n;
      row.commit();
    });
    summary.commit();
  });
  const name = `导入问题报告-${made.slice(0, 10)}.xlsx`;
  const file = ctx.services.files.put(bytes, { originalName: name, kind: 'generated', createdBy: ctx.user().username, at: ctx.nowIso() });
  ctx.tx(() => repo.setReportFile(ctx.db, previewId, file.id));
  return { fileId: file.id, name };
}
