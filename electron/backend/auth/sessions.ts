import { createHash, randomBytes } from 'node:crypto';
import type { SessionUser } from '../../../shared/api/methods/auth';
import { DomainError } from '../../../shared/domain/errors';
import { ROLE_PERMISSIONS } from '../../../shared/domain/permissions';
import type { BackendServices, HandlerContext, Session } from '../context';
import { dummyPasswordHash, verifyPassword } from './password';
import * as users from '../repos/users';
import type { UserRow } from '../repos/users';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export function toSessionUser(u: UserRow): SessionUser {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    scope: u.scope,
    mustChangePassword: u.mustChangePassword,
    permissions: [...ROLE_PERMISSIONS[u.role]],
  };
}

/** Creates a session for a user and returns the bearer token (only its hash is stored). */
export function openSession(ctx: HandlerContext, user: UserRow): { token: string; user: SessionUser } {
  const token = randomBytes(32).toString('base64url');
  users.insertSession(ctx.db, hashToken(token), user.id, ctx.nowIso());
  users.recordLoginSuccess(ctx.db, user.id, ctx.nowIso());
  return { token, user: toSessionUser(user) };
}

/**
 * Password login with lockout (profile: N failures → locked M minutes). Failures and lockouts are
 * audited; the message never says whether the user name exists.
 */
export function login(ctx: HandlerContext, username: string, password: string): { token: string; user: SessionUser } {
  const sec = ctx.profile().security;
  const now = ctx.now();
  const user = users.findUserByName(ctx.db, username);
  // One message for every refusal (unknown user, wrong password, locked): it must not reveal which.
  const bad = new DomainError('unauthenticated', `用户名或密码不正确。连续输错 ${sec.lockoutAttempts} 次后账号会锁定 ${sec.lockoutMinutes} 分钟；如已锁定请稍后再试或联系管理员。`);
  if (!user || user.disabled) {
    verifyPassword(password, dummyPasswordHash()); // same time as a real check
    ctx.audit({ action: 'login_failed', entity: 'user', summary: `登录失败：用户名 ${username.slice(0, 50)}` });
    throw bad;
  }
  if (user.lockedUntil && Date.parse(user.lockedUntil) > now.getTime()) {
    ctx.audit({ action: 'login_failed', entity: 'user', entityId: user.id, summary: `登录被拒：账号 ${user.username} 已锁定` });
    // Same words as a wrong password: the message must not reveal that the user name exists.
    verifyPassword(password, dummyPasswordHash());
    throw bad;
  }
  if (!verifyPassword(password, user.passwordHash)) {
    const attempts = user.failedAttempts + 1;
    const lock = attempts >= sec.lockoutAttempts ? new Date(now.getTime() + sec.lockoutMinutes * 60_000).toISOString() : null;
    users.recordLoginFailure(ctx.db, user.id, lock ? 0 : attempts, lock);
    ctx.audit({ action: 'login_failed', entity: 'user', entityId: user.id, summary: `登录失败：${user.username} 密码错误（第 ${attempts} 次）` });
    if (lock) ctx.audit({ action: 'lockout', entity: 'user', entityId: user.id, summary: `账号 ${user.username} 因连续 ${attempts} 次密码错误被锁定 ${sec.lockoutMinutes} 分钟` });
    throw bad;
  }
  const result = openSession(ctx, user);
  ctx.audit({ action: 'login', entity: 'user', entityId: user.id, summary: `${user.username} 登录` });
  return result;
}

/**
 * Resolves a bearer token to a session, enforcing the idle timeout. Runs outside dispatch, for
 * the transports. Touches last_seen at most once a minute to keep reads cheap.
 */
export function authenticate(services: BackendServices, token: string | null | undefined): Session | null {
  if (!token || token.length > 200) return null;
  const tokenHash = hashToken(token);
  const found = users.findSession(services.db, tokenHash);
  if (!found) return null;
  const now = services.clock.now().getTime();
  const idleMs = services.profile().security.idleMinutes * 60_000;
  if (now - Date.parse(found.lastSeenAt) > idleMs) {
    if (!services.readOnly) users.deleteSession(services.db, tokenHash);
    return null;
  }
  const user = users.findUserById(services.db, found.userId);
  if (!user || user.disabled) return null;
  if (!services.readOnly && now - Date.parse(found.lastSeenAt) > 60_000) users.touchSession(services.db, tokenHash, new Date(now).toISOString());
  return { userId: user.id, username: user.username, displayName: user.displayName, role: user.role, scope: user.scope, tokenHash };
}
