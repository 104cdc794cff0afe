import { hashPassword } from './auth/password';
import type { BackendServices } from './context';
import { writeAudit } from './journal';
import { countUsers, insertUser } from './repos/users';

/** GUARDLINE_ADMIN_PASSWORD / --admin-password: creates `admin` only when there is no user at all. */
/**
 * Outside test mode the password given on the command line is a first credential only: the admin
 * must replace it at first login (reliability bar A-01, no lasting default credentials).
 */
export function ensureFirstAdmin(services: BackendServices, password: string, options: { mustChange: boolean } = { mustChange: true }): boolean {
  const { db, ids, clock } = services;
  return db.transaction(() => {
    if (countUsers(db) > 0) return false;
    const id = ids.newId();
    const at = clock.now().toISOString();
    insertUser(db, { id, username: 'admin', displayName: '系统管理员', role: 'admin', scope: { kind: 'all' }, passwordHash: hashPassword(password), mustChangePassword: options.mustChange, disabled: false, createdAt: at }, null);
    writeAudit(db, ids, at, null, { action: 'create', entity: 'user', entityId: id, summary: '启动参数创建管理员 admin' });
    return true;
  })();
}
