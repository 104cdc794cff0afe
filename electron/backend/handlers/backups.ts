import { importAll, exportAll } from '../backup/logical';
import { exportEncrypted, importEncrypted } from '../backup/offsite';
import { restoreBackup } from '../backup/restore';
import { createBackup, runSystemCheck } from '../backup/service';
import { backupDirOf, listBackups } from '../backup/store';
import { lifecycleOf } from '../lifecycle';
import type { HandlerTable } from './types';

// 备份与恢复. The work lives in electron/backend/backup/; these are the API doors to it.
// All are async or read-only (see shared/api/methods/backups.ts for why none is `write: true`).

export const backupsHandlers: HandlerTable = {
  'backups.list': (ctx) => ({
    backups: listBackups(backupDirOf(ctx.services.dataDir)),
    readOnly: ctx.services.readOnly,
    recovery: lifecycleOf(ctx.services).recovery,
    backupDir: backupDirOf(ctx.services.dataDir),
  }),

  'backups.create': { async: (ctx) => createBackup(ctx.services, 'manual', ctx.user()) },

  'backups.restore': { async: (ctx, { id }) => restoreBackup(ctx.services, id, ctx.user()) },

  'backups.exportEncrypted': { async: async (ctx, { id, password }) => ctx.tx(() => exportEncrypted(ctx, id, password)) },

  'backups.importEncrypted': { async: async (ctx, { fileToken, password }) => ctx.tx(() => importEncrypted(ctx, fileToken, password)) },

  'system.check': (ctx, { full }) => runSystemCheck(ctx.services, full, ctx.user()),

  'exports.all': { async: (ctx, { password }) => exportAll(ctx, password) },

  'imports.all': { async: (ctx, { fileToken, password }) => importAll(ctx, fileToken, password) },
};
