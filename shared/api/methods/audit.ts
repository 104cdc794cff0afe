import { z } from 'zod';
import { method } from '../define';
import { id, isoDate, pageOf, pageRequest } from '../schemas/common';

export const auditEntry = z.object({
  id,
  at: z.string(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  householdId: z.string().nullable(),
  summary: z.string(),
  changes: z.array(z.object({ field: z.string(), label: z.string(), old: z.unknown(), new: z.unknown() })),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditMethods = {
  'audit.list': method({
    input: z.strictObject({
      filter: z
        .strictObject({
          userId: id.optional(),
          householdId: id.optional(),
          entity: z.string().max(40).optional(),
          from: isoDate.optional(),
          to: isoDate.optional(),
        })
        .default({}),
      ...pageRequest,
    }),
    output: pageOf(auditEntry),
    access: 'audit.read',
    write: false,
    summary: '审计日志：谁在何时改了什么（字段原值 → 新值），按用户、农户、日期筛选',
  }),
};
