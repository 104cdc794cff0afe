import { forgetStaged } from '../imports/stagedCache';
import { DomainError, notFound } from '../../../shared/domain/errors';
import { commitRoster } from '../imports/commit';
import { cancelRunningJob, runJob } from '../imports/jobs';
import { previewRoster } from '../imports/preview';
import { problemReport } from '../imports/report';
import * as repo from '../repos/imports';
import type { HandlerTable } from './types';

// 花名册导入. Preview and commit are async (file parsing, the pre-import backup) and report progress as
// job.progress events; their writes go through ctx.tx, the commit's in exactly one transaction.

export const importsHandlers: HandlerTable = {
  'imports.roster.preview': {
    async: (ctx, input) => {
      if (input.options.createDivisions && !ctx.can('divisions.write')) {
        throw new DomainError('permission', '您的账号没有新建村组的权限，请取消“自动新建不存在的村组”，或请管理员先添加村组。');
      }
      return runJob(ctx.services, input.jobId ?? input.file, (job) => previewRoster(ctx, job, { fileId: input.file, mapping: input.mapping, options: input.options }));
    },
  },

  'imports.roster.commit': {
    async: (ctx, { previewId }) => runJob(ctx.services, previewId, (job) => commitRoster(ctx, job, previewId)),
  },

  'imports.roster.cancel': (ctx, { jobId }) => {
    if (cancelRunningJob(ctx.services, jobId)) return { cancelled: true };
    // Not running: a finished preview is discarded so it can no longer be committed.
    const job = repo.getJob(ctx.db, jobId);
    if (job?.status !== 'previewed') return { cancelled: false };
    repo.setJobStatus(ctx.db, jobId, 'cancelled', { message: '已由用户作废' }, ctx.nowIso(), ctx.user().username);
    repo.deleteStaged(ctx.db, jobId);
    forgetStaged(ctx.services, jobId);
    return { cancelled: true };
  },

  'imports.roster.problems': (ctx, { previewId, severity, startRow, endRow }) => {
    if (!repo.getJob(ctx.db, previewId)) throw notFound('该导入预览');
    return repo.listProblems(ctx.db, previewId, severity, startRow, Math.max(0, Math.min(endRow - startRow, 1000)));
  },

  'imports.roster.report': { async: (ctx, { previewId }) => problemReport(ctx, previewId) },
};
