import type { ParsedInput } from '../../../shared/api/contract';
import type { UserSummary } from '../../../shared/api/methods/users';
import { conflict, DomainError, notFound, validationError } from '../../../shared/domain/errors';
import { passwordProblems } from '../../../shared/domain/passwordPolicy';
import { ROLE_LABELS, type Scope } from '../../../shared/domain/permissions';
import { hashPassword, verifyPassword } from '../auth/password';
import { exportAudit } from '../backup/auditExport';
import type { HandlerContext } from '../context';
import { diffFields } from '../journal';
import { getDivision } from '../repos/divisions';
import { addPasswordHistory, deleteOtherSessions, recentPasswordHashes } from '../repos/accounts';
import * as users from '../repos/users';
import type { UserRow } from '../repos/users';
import type { HandlerTable } from './types';

// 用户与权限. Accounts are local to this workstation (never synced to the county), so they are
// audited but have no change_log entries. Every rule that protects the office from locking
// itself out (last admin, own account) is checked here, not in the UI.

/** A new password may not repeat the current one or any of the previous few. */
const PASSWORD_HISTORY = 5;

const LABELS: Record<string, string> = { displayName: '姓名', role: '角色', scope: '管辖范围', disabled: '停用' };

export function toSummary(u: UserRow): UserSummary {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    scope: u.scope,
    disabled: u.disabled,
    mustChangePassword: u.mustChangePassword,
    lockedUntil: u.lockedUntil,
    lastLoginAt: u.lastLoginAt,
    rowVersion: u.rowVersion,
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
  };
}

const mustFind = (ctx: HandlerContext, id: string): UserRow => {
  const u = users.findUserById(ctx.db, id);
  if (!u) throw notFound('该账号');
  return u;
};

export function checkNewPassword(ctx: HandlerContext, field: string, password: string, username: string, userId: string | null): void {
  const sec = ctx.profile().security;
  const problems = passwordProblems(password, { minLength: sec.passwordMinLength, minClasses: sec.passwordMinClasses }, username);
  if (problems.length) throw validationError([{ path: field, message: problems.join('') }]);
  if (!userId) return;
  const previous = [users.findUserById(ctx.db, userId)?.passwordHash, ...recentPasswordHashes(ctx.db, userId, PASSWORD_HISTORY)].filter((h): h is string => !!h);
  if (previous.some((h) => verifyPassword(password, h))) {
    throw validationError([{ path: field, message: `新密码不能与当前密码或最近 ${PASSWORD_HISTORY} 次用过的密码相同，请换一个。` }]);
  }
}

function setNewPassword(ctx: HandlerContext, userId: string, password: string, mustChange: boolean): void {
  const hash = hashPassword(password);
  users.setPassword(ctx.db, userId, hash, mustChange, ctx.nowIso(), ctx.user().username);
  addPasswordHistory(ctx.db, userId, hash, ctx.nowIso());
}

function checkScope(ctx: HandlerContext, role: UserRow['role'], scope: Scope): void {
  if (role === 'village' && scope.kind !== 'villages') throw validationError([{ path: 'scope', message: '村级录入账号须指定所辖村。' }]);
  if (scope.kind !== 'villages') return;
  const issues = scope.villageIds.flatMap((id, i) => {
    const d = getDivision(ctx.db, id);
    return d && d.level === 'village' ? [] : [{ path: `scope.villageIds.${i}`, message: '所选的村不存在或不是行政村，请重新选择。' }];
  });
  if (issues.length) throw validationError(issues);
}

const enabledAdmins = (ctx: HandlerContext): number => users.listUsers(ctx.db).filter((u) => u.role === 'admin' && !u.disabled).length;

function createUser(ctx: HandlerContext, input: ParsedInput<'users.save'>): UserSummary {
  if (!input.username) throw validationError([{ path: 'username', message: '请填写用户名。' }]);
  if (!input.initialPassword) throw validationError([{ path: 'initialPassword', message: '请设置初始密码（用户首次登录后须修改）。' }]);
  if (users.findUserByName(ctx.db, input.username)) throw conflict(`用户名 ${input.username} 已被使用，请换一个。`);
  checkScope(ctx, input.role, input.scope);
  checkNewPassword(ctx, 'initialPassword', input.initialPassword, input.username, null);
  const id = ctx.ids.newId();
  const hash = hashPassword(input.initialPassword);
  users.insertUser(ctx.db, { id, username: input.username, displayName: input.displayName, role: input.role, scope: input.scope, passwordHash: hash, mustChangePassword: true, disabled: input.disabled, createdAt: ctx.nowIso() }, ctx.user().username);
  addPasswordHistory(ctx.db, id, hash, ctx.nowIso());
  const created = mustFind(ctx, id);
  ctx.audit({ action: 'create', entity: 'user', entityId: id, summary: `新建账号 ${created.username}（${created.displayName}，${ROLE_LABELS[created.role]}）`, changes: diffFields(null, { ...created }, LABELS) });
  return toSummary(created);
}

function editUser(ctx: HandlerContext, id: string, input: ParsedInput<'users.save'>): UserSummary {
  const before = mustFind(ctx, id);
  if (input.rowVersion !== undefined && input.rowVersion !== before.rowVersion) throw conflict('该账号已被他人修改，请刷新后再改（您的修改未保存）。');
  if (input.username && input.username.toLowerCase() !== before.username.toLowerCase()) {
    throw validationError([{ path: 'username', message: '已有账号的用户名不能修改（审计记录以它为准）。如需新用户名，请新建账号并停用旧账号。' }]);
  }
  if (input.initialPassword) throw validationError([{ path: 'initialPassword', message: '修改账号时不能设置密码，请使用“重置密码”。' }]);
  const me = ctx.user();
  if (id === me.userId && (input.disabled || input.role !== before.role)) throw new DomainError('workflow_rule', '不能停用自己的账号或修改自己的角色，请由另一位管理员操作。');
  if (before.role === 'admin' && !before.disabled && (input.role !== 'admin' || input.disabled) && enabledAdmins(ctx) <= 1) {
    throw new DomainError('workflow_rule', '这是唯一启用的管理员账号，不能停用或降级。请先为另一人设置管理员角色。');
  }
  checkScope(ctx, input.role, input.scope);
  users.updateUserProfile(ctx.db, id, { displayName: input.displayName, role: input.role, scope: input.scope, disabled: input.disabled }, ctx.nowIso(), me.username);
  const after = mustFind(ctx, id);
  // A disabled account or one whose rights changed starts over: its open sessions end now.
  if (input.disabled || input.role !== before.role || JSON.stringify(input.scope) !== JSON.stringify(before.scope)) users.deleteUserSessions(ctx.db, id);
  const action = input.disabled && !before.disabled ? '停用' : !input.disabled && before.disabled ? '启用' : '修改';
  ctx.audit({ action: 'update', entity: 'user', entityId: id, summary: `${action}账号 ${after.username}`, changes: diffFields({ ...before }, { ...after }, LABELS) });
  return toSummary(after);
}

/** Returns the refusal to throw after commit (wrong current password), or null when changed. */
function changeOwnPassword(ctx: HandlerContext, currentPassword: string, newPassword: string): DomainError | null {
  const me = ctx.user();
  const u = mustFind(ctx, me.userId);
  if (!verifyPassword(currentPassword, u.passwordHash)) {
    ctx.audit({ action: 'password_change_failed', entity: 'user', entityId: u.id, summary: `${u.username} 修改密码失败：原密码不正确` });
    return validationError([{ path: 'currentPassword', message: '原密码不正确，请重新输入。' }]);
  }
  checkNewPassword(ctx, 'newPassword', newPassword, u.username, u.id);
  setNewPassword(ctx, u.id, newPassword, false);
  // Other sessions of this account (another browser, a forgotten login) end; this one stays.
  deleteOtherSessions(ctx.db, u.id, me.tokenHash);
  ctx.audit({ action: 'password_change', entity: 'user', entityId: u.id, summary: `${u.username} 修改了自己的密码` });
  return null;
}

export const usersHandlers: HandlerTable = {
  'users.list': (ctx) => users.listUsers(ctx.db).map(toSummary),

  'users.options': (ctx) => users.listUsers(ctx.db).map((u) => ({ id: u.id, username: u.username, displayName: u.displayName })),

  'users.save': (ctx, input) => (input.id ? editUser(ctx, input.id, input) : createUser(ctx, input)),

  'users.resetPassword': (ctx, { id, newPassword }) => {
    const u = mustFind(ctx, id);
    checkNewPassword(ctx, 'newPassword', newPassword, u.username, u.id);
    setNewPassword(ctx, id, newPassword, true);
    users.deleteUserSessions(ctx.db, id);
    ctx.audit({ action: 'password_reset', entity: 'user', entityId: id, summary: `管理员重置了 ${u.username} 的密码（已解除锁定，下次登录须修改密码）` });
    return toSummary(mustFind(ctx, id));
  },

  'users.unlock': (ctx, { id }) => {
    const u = mustFind(ctx, id);
    users.recordLoginFailure(ctx.db, id, 0, null);
    ctx.audit({ action: 'unlock', entity: 'user', entityId: id, summary: `解除账号 ${u.username} 的锁定` });
    return toSummary(mustFind(ctx, id));
  },

  // Async only to control the transaction: a wrong current password must leave its audit row
  // committed, which a throw inside dispatch's own transaction would roll back.
  'auth.changePassword': {
    async: async (ctx, { currentPassword, newPassword }) => {
      const refused = ctx.tx(() => changeOwnPassword(ctx, currentPassword, newPassword));
      if (refused) throw refused;
      return {};
    },
  },

  'audit.export': { async: (ctx, { filter }) => exportAudit(ctx, filter) },
};
