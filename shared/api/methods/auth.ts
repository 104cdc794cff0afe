import { z } from 'zod';
import { method } from '../define';
import { ROLES } from '../../domain/permissions';
import { id, requiredText } from '../schemas/common';

export const scopeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('all') }),
  z.strictObject({ kind: z.literal('villages'), villageIds: z.array(id).min(1).max(200) }),
]);

export const sessionUser = z.object({
  id,
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  scope: scopeSchema,
  mustChangePassword: z.boolean(),
  permissions: z.array(z.string()),
});
export type SessionUser = z.infer<typeof sessionUser>;

const password = z.string().min(1).max(128);

export const authMethods = {
  'auth.login': method({
    input: z.strictObject({ username: requiredText(50), password }),
    output: z.object({ token: z.string(), user: sessionUser }),
    access: 'public',
    write: true,
    summary: '登录，返回会话令牌（之后以 Authorization: Bearer <token> 调用）',
  }),
  'auth.logout': method({
    input: z.strictObject({}).default({}),
    output: z.object({}),
    access: 'authenticated',
    write: true,
    summary: '退出登录',
  }),
  'auth.me': method({
    input: z.strictObject({}).default({}),
    output: sessionUser,
    access: 'authenticated',
    write: false,
    summary: '当前登录用户',
  }),
  'auth.setupStatus': method({
    input: z.strictObject({}).default({}),
    output: z.object({ needsAdmin: z.boolean(), hasData: z.boolean() }),
    access: 'public',
    write: false,
    summary: '首次使用：是否尚未创建管理员',
  }),
  'auth.setupAdmin': method({
    input: z.strictObject({
      displayName: requiredText(50),
      password: z.string().min(8).max(128),
      county: z.string().trim().max(50).default(''),
      township: z.string().trim().max(50).default(''),
      demo: z.boolean().default(false),
    }),
    output: z.object({ token: z.string(), user: sessionUser }),
    access: 'public',
    write: true,
    summary: '首次使用：创建管理员 admin（仅当还没有任何用户时可用），可选择生成演示乡镇',
  }),
};
