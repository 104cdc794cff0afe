import { z } from 'zod';
import { method } from '../define';
import { auditStamp, id, requiredText } from '../schemas/common';

export const DIVISION_LEVELS = ['township', 'village', 'group'] as const;
export const DIVISION_LEVEL_LABELS = { township: '乡镇', village: '行政村', group: '村民小组' } as const;

export const division = z.object({
  id,
  parentId: id.nullable(),
  level: z.enum(DIVISION_LEVELS),
  name: z.string(),
  code: z.string().nullable(),
  sortOrder: z.number().int(),
  householdCount: z.number().int(),
  ...auditStamp,
});
export type Division = z.infer<typeof division>;

export const divisionsMethods = {
  'divisions.list': method({
    input: z.strictObject({}).default({}),
    output: z.array(division),
    access: 'register.read',
    write: false,
    summary: '区划树（乡镇 → 行政村 → 村民小组），按上级与排序返回平铺列表',
  }),
  'divisions.save': method({
    input: z.strictObject({
      id: id.optional(),
      parentId: id.nullable().optional(),
      level: z.enum(DIVISION_LEVELS),
      name: requiredText(50),
      code: z.string().trim().regex(/^(\d{12})?$/, '统计代码应为 12 位数字，或留空').optional(),
      sortOrder: z.number().int().min(0).max(100_000).optional(),
      rowVersion: z.number().int().min(1).optional(),
    }),
    output: division,
    access: 'divisions.write',
    write: true,
    summary: '新建或修改区划',
  }),
  'divisions.delete': method({
    input: z.strictObject({ id }),
    output: z.object({ id }),
    access: 'divisions.write',
    write: true,
    summary: '删除区划（仅当其下没有下级区划和农户时）',
  }),
};
