import { z } from 'zod';
import { method } from '../define';
import { ROLES } from '../../domain/permissions';
import { id, isoDate, requiredText, rowVersion } from '../schemas/common';
import { scopeSchema } from './auth';

// Accounts (用户与权限), password changes, and the audit export. Accounts stay on this
// workstation: they are never sent to the county, so they have no change_log entries.

/** Login names: letters, digits and . _ - only, so they read the same on every keyboard. */
export const usernameSchema = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[A-Za-z0-9._-]+$/, '用户名只能使用字母、数字和 . _ -');
/** New passwords are checked against the profile's rules by the backend (passwordPolicy.ts). */
const password = z.string().min(1).max(128);

export const userSummary = z.object({
  id,
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  scope: scopeSchema,
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  rowVersion: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type UserSummary = z.infer<typeof userSummary>;

export const auditFilter = z
  .strictObject({
    userId: id.optional(),
    householdId: id.optional(),
    entity: z.string().max(40).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .default({});

export const usersMethods = {
  'users.list': method({
    input: z.strictObject({}).default({}),
    output: z.array(userSummary),
    access: 'users.manage',
    write: false,
    summary: '账号列表（角色、管辖范围、停用、锁定状态）',
  }),
  'users.options': method({
    input: z.strictObject({}).default({}),
    output: z.array(z.object({ id, username: z.string(), displayName: z.string() })),
    access: 'audit.read',
    write: false,
    summary: '审计筛选用的操作人名单（仅用户名与姓名）',
  }),
  'users.save': method({
    input: z.strictObject({
      id: id.optional(),
      rowVersion: rowVersion.optional(),
      /** Required when creating; an existing account's user name never changes (audit rows name it). */
      username: usernameSchema.optional(),
      displayName: requiredText(50),
      role: z.enum(ROLES),
      scope: scopeSchema,
      disabled: z.boolean().default(false),
      /** Only when creating: the first password, which the user must change at first login. */
      initialPassword: password.optional(),
    }),
    output: userSummary,
    access: 'users.manage',
    write: true,
    summary: '新建或修改账号：角色、管辖范围（全镇或指定村）、停用',
  }),
  'users.resetPassword': method({
    input: z.strictObject({ id, newPassword: password }),
    output: userSummary,
    access: 'users.manage',
    write: true,
    summary: '管理员重置密码（解除锁定，下次登录须修改密码）',
  }),
  'users.unlock': method({
    input: z.strictObject({ id }),
    output: userSummary,
    access: 'users.manage',
    write: true,
    summary: '解除因密码错误造成的账号锁定',
  }),
  'auth.changePassword': method({
    input: z.strictObject({ currentPassword: password, newPassword: password }),
    output: z.object({}),
    access: 'authenticated',
    write: true,
    summary: '修改自己的密码',
  }),
  'audit.export': method({
    input: z.strictObject({ filter: auditFilter }),
    output: z.object({ fileId: id, name: z.string(), rows: z.number().int() }),
    access: 'audit.read',
    write: true,
    summary: '按当前筛选条件把审计日志导出为 Excel（.xlsx），导出本身也记入审计',
  }),
};
