import { listAudit } from '../repos/audit';
import type { HandlerTable } from './types';

export const auditHandlers: HandlerTable = {
  'audit.list': (ctx, input) => listAudit(ctx.db, input.filter, input.startRow, input.endRow),
};
