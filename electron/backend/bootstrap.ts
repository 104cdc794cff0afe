import { hashPassword } from './auth/password';
import type { BackendServices } from './context';
import { writeAudit } from './journal';
import { countUsers, insertUser } from './repos/users';

/** GUARDLINE_ADMIN_PASSWORD / --admin-password: creates `admin` only when there is no user at all. */
export function ensureFirstAdmin(services: BackendServices, password: string): boolean {
  const { db, ids, clock } = services;
  return db.transaction(() => {
    if (countUsers(db) > 0) return false;
    const id = ids.newId();
    const at = clock.now().toISOString();
    insertUser(db, { id, username: 'admin', displayName: '系统管理员', role: 'admin', scope: { kind: 'all' }, passwordHash: hashPassword(password), mustChangePassword: false, disabled: false, createdAt: at }, null);
    writeAudit(db, ids, at, null, { action: 'create', entity: 'user', entityId: id, summary: '启动参数创建管理员 admin' });
    return true;
  })();
}
