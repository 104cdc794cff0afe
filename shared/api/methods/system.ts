import { z } from 'zod';
import { method } from '../define';

export const systemMethods = {
  'system.health': method({
    input: z.strictObject({}).default({}),
    output: z.object({
      version: z.string(),
      schemaVersion: z.number().int(),
      readOnly: z.boolean(),
      /** The backend clock (pinned by --now in training): forms default dates from it, not the browser's. */
      now: z.string(),
    }),
    access: 'public',
    write: false,
    summary: '程序版本与数据结构版本（健康检查）',
  }),
};
