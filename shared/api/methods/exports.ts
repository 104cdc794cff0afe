import { z } from 'zod';
import { method, type MethodDef } from '../define';
import { shortText } from '../schemas/common';
import { householdFilter } from '../schemas/household';

// Register exports (.xlsx). Lists that leave the office are masked by default (privacy profile); a full
// export needs pii.unmask and a stated purpose, and every export leaves an audit row.

export const EXPORT_VIEWS = ['households', 'members', 'monitored'] as const;
export type ExportView = (typeof EXPORT_VIEWS)[number];
export const EXPORT_VIEW_LABELS: Record<ExportView, string> = { households: '户籍名册', members: '人员名册', monitored: '监测对象名册' };

export const exportsMethods = {
  'exports.register': method({
    input: z.strictObject({
      view: z.enum(EXPORT_VIEWS),
      filter: householdFilter,
      /** Absent = the profile's default (masked for lists that leave the office). false needs pii.unmask. */
      masked: z.boolean().optional(),
      /** Required for an unmasked export; recorded in the audit log and the file header. */
      purpose: shortText(100).optional(),
    }),
    output: z.object({ fileId: z.string(), name: z.string(), rows: z.number().int(), masked: z.boolean() }),
    access: 'register.export',
    write: true,
    summary: '把名册（户籍、人员、监测对象，按当前筛选）导出为 .xlsx：证件号码与电话以文本保存，默认遮挡；完整导出需“查看完整信息外发”权限并记录审计',
  }),
} satisfies Record<string, MethodDef>;
