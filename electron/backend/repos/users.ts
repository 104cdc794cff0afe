import type { Role, Scope } from '../../../shared/domain/permissions';
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  scope: Scope;
  passwordHash: string;
  mustChangePassword: boolean;
  failedAttempts: number;
  lockedUntil: string | null;
  disabled: boolean;
  lastLoginAt: string | null;
  rowVersion: number;
  createdAt: string;
  updatedAt: string;
}

const toUser = (r: Record<string, unknown>): UserRow => ({
  id: r.id as string,
  username: r.username as string,
  displayName: r.display_name as string,
  role: r.role as Role,
  scope: JSON.parse(r.scope as string) as Scope,
  passwordHash: r.password_hash as string,
  mustChangePassword: r.must_change_password === 1,
  failedAttempts: r.failed_attempts as number,
  lockedUntil: (r.locked_until as string | null) ?? null,
  disabled: r.disabled === 1,
  lastLoginAt: (r.last_login_at as string | null) ?? null,
  rowVersion: r.row_version as number,
  createdAt: r.created_at as string,
  updatedAt: r.updated_at as string,
});

export const countUsers = (db: Db): number => (stmt(db, `SELECT count(*) AS n FROM users`).get() as { n: number }).n;

export function findUserByName(db: Db, username: string): UserRow | undefined {
  const row = stmt(db, `SELECT * FROM users WHERE username = ?`).get(username) as Record<string, unknown> | undefined;
  return row ? toUser(row) : undefined;
}

export function findUserById(db: Db, id: string): UserRow | undefined {
  const row = stmt(db, `SELECT * FROM users WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
  return row ? toUser(row) : undefined;
}

export function listUsers(db: Db): UserRow[] {
  return (stmt(db, `SELECT * FROM users ORDER BY created_at`).all() as Record<string, unknown>[]).map(toUser);
}

export function insertUser(db: Db, u: Omit<UserRow, 'failedAttempts' | 'lockedUntil' | 'lastLoginAt' | 'rowVersion' | 'updatedAt'>, by: string | null): void {
  stmt(db, 
    `INSERT INTO users (id, username, display_name, role, scope, password_hash, must_change_password, disabled, created_at, updated_at, updated_by)
     VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
  ).run(u.id, u.username, u.displayName, u.role, JSON.stringify(u.scope), u.passwordHash, u.mustChangePassword ? 1 : 0, u.disabled ? 1 : 0, u.createdAt, u.createdAt, by);
}

export function updateUserProfile(db: Db, id: string, p: { displayName: string; role: Role; scope: Scope; disabled: boolean }, at: string, by: string | null): void {
  stmt(db, 
    `UPDATE users SET display_name = ?, role = ?, scope = ?, disabled = ?, row_version = row_version + 1, updated_at = ?, updated_by = ? WHERE id = ?`,
  ).run(p.displayName, p.role, JSON.stringify(p.scope), p.disabled ? 1 : 0, at, by, id);
}

export function setPassword(db: Db, id: string, hash: string, mustChange: boolean, at: string, by: string | null): void {
  stmt(db, 
    `UPDATE users SET password_hash = ?, must_change_password = ?, failed_attempts = 0, locked_until = NULL,
       row_version = row_version + 1, updated_at = ?, updated_by = ? WHERE id = ?`,
  ).run(hash, mustChange ? 1 : 0, at, by, id);
}

export function recordLoginFailure(db: Db, id: string, attempts: number, lockedUntil: string | null): void {
  stmt(db, `UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?`).run(attempts, lockedUntil, id);
}

export function recordLoginSuccess(db: Db, id: string, at: string): void {
  stmt(db, `UPDATE users SET failed_attempts = 0, locked_until = NULL, last_login_at = ? WHERE id = ?`).run(at, id);
}

export function insertSession(db: Db, tokenHash: string, userId: string, at: string): void {
  stmt(db, `INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at) VALUES (?,?,?,?)`).run(tokenHash, userId, at, at);
}

export function findSession(db: Db, tokenHash: string): { userId: string; lastSeenAt: string } | undefined {
  const row = stmt(db, `SELECT user_id, last_seen_at FROM sessions WHERE token_hash = ?`).get(tokenHash) as { user_id: string; last_seen_at: string } | undefined;
  return row ? { userId: row.user_id, lastSeenAt: row.last_seen_at } : undefined;
}

export const touchSession = (db: Db, tokenHash: string, at: string): void => {
  stmt(db, `UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?`).run(at, tokenHash);
};
export const deleteSession = (db: Db, tokenHash: string): void => {
  stmt(db, `DELETE FROM sessions WHERE token_hash = ?`).run(tokenHash);
};
export const deleteUserSessions = (db: Db, userId: string): void => {
  stmt(db, `DELETE FROM sessions WHERE user_id = ?`).run(userId);
};
