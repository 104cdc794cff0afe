import { z } from 'zod';
import { method } from '../define';
import { auditStamp, id, isoDate, requiredText, shortText } from '../schemas/common';

// 结对帮扶干部: the cadres and their pairing with households over a period (DOMAIN §2, §5 八个优先 ①).

export const cadre = z.object({
  id,
  name: z.string(),
  unit: z.string(),
  position: z.string(),
  phone: z.string(),
  active: z.boolean(),
  /** Households paired today. */
  householdCount: z.number().int(),
  ...auditStamp,
});
export type Cadre = z.infer<typeof cadre>;

export const cadreAssignment = z.object({
  id,
  cadreId: id,
  cadreName: z.string(),
  cadreUnit: z.string(),
  cadrePhone: z.string(),
  householdId: id,
  headName: z.string(),
  villageId: id,
  villageName: z.string(),
  householdStatus: z.string(),
  colour: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  ...auditStamp,
});
export type CadreAssignment = z.infer<typeof cadreAssignment>;

export const cadresMethods = {
  'cadres.save': method({
    input: z.strictObject({
      id: id.optional(),
      rowVersion: z.number().int().min(1).optional(),
      name: requiredText(50),
      unit: shortText(100).optional(),
      position: shortText(50).optional(),
      phone: z.string().trim().regex(/^[0-9+\-\s]{0,30}$/, '「联系电话」只能填写数字、空格、+ 或 -').optional(),
      active: z.boolean().optional(),
    }),
    output: cadre,
    access: 'assistance.write',
    write: true,
    summary: '新建或修改结对帮扶干部（姓名、单位、职务、电话、是否在岗）',
  }),
  'cadres.list': method({
    input: z.strictObject({ search: shortText(50).optional(), includeInactive: z.boolean().default(false) }).default({ includeInactive: false }),
    output: z.array(cadre),
    access: 'register.read',
    write: false,
    summary: '结对帮扶干部名单（含当前结对户数）',
  }),
  'cadres.assign': method({
    input: z.strictObject({ cadreId: id, householdId: id, startDate: isoDate, endDate: isoDate.nullable().optional() }),
    output: cadreAssignment,
    access: 'assistance.write',
    write: true,
    summary: '为农户安排结对帮扶干部（起止日期）',
  }),
  'cadres.unassign': method({
    input: z.strictObject({ assignmentId: id, endDate: isoDate }),
    output: cadreAssignment,
    access: 'assistance.write',
    write: true,
    summary: '结束结对帮扶关系（填写结束日期，历史保留）',
  }),
  'cadres.assignments': method({
    input: z.strictObject({
      cadreId: id.optional(),
      householdId: id.optional(),
      /** Only pairings in force on this date; omitted = all, ended ones included. */
      activeOn: isoDate.optional(),
    }),
    output: z.array(cadreAssignment),
    access: 'register.read',
    write: false,
    summary: '结对关系：一名干部的结对户，或一户的帮扶干部（含历史）',
  }),
};
