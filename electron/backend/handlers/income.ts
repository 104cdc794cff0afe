import { incomeContext, saveIncome } from '../registers/incomeService';
import type { HandlerTable } from './types';

// 收入核算: the use-cases live in registers/incomeService.ts because 自然变更 also recompute stored accounts.
export const incomeHandlers: HandlerTable = {
  'income.get': (ctx, input) => incomeContext(ctx, input),
  'income.save': (ctx, input) => saveIncome(ctx, input),
};
