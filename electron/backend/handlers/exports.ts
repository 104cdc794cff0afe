import { exportRegister } from '../exports/registerExport';
import type { HandlerTable } from './types';

// Register exports (.xlsx); async because workbooks are built with the streaming writer in pages.
export const exportsHandlers: HandlerTable = {
  'exports.register': { async: (ctx, input) => exportRegister(ctx, input) },
};
