import { DomainError } from '../../../shared/domain/errors';
import { HandlerContext } from '../context';
import { hashPassword } from '../auth/password';
import { login, openSession, toSessionUser } from '../auth/sessions';
import { seedDemoTownship } from '../demo/seed';
import { countUsers, deleteSession, findUserById, insertUser } from '../repos/users';
import { getSetting, putSetting } from '../repos/settings';
import { parseProfile } from '../../../shared/domain/profile';
import { PROFILE_KEY } from './settings';
import type { HandlerTable } from './types';
import { checkNewPassword } from './users';

export const authHandlers: HandlerTable = {
  // A refused login must still count the failure and write its audit rows, so the refusal is
  // returned out of the transaction instead of thrown through it (which would roll them back).
  'auth.login': {
    async: async (ctx, { username, password }) => {
      const outcome = ctx.tx(() => {
        try {
          return { ok: true as const, value: login(ctx, username, password) };
        } catch (e) {
          if (e instanceof DomainError && e.code === 'unauthenticated') return { ok: false as const, error: e };
          throw e;
        }
      });
      if (!outcome.ok) throw outcome.error;
      return outcome.value;
    },
  },

  'auth.logout': (ctx) => {
    const s = ctx.user();
    deleteSession(ctx.db, s.tokenHash);
    ctx.audit({ action: 'logout', entity: 'user', entityId: s.userId, summary: `${s.username} 退出登录` });
    return {};
  },

  'auth.me': (ctx) => {
    const u = findUserById(ctx.db, ctx.user().userId);
    if (!u) throw new DomainError('unauthenticated', '账号不存在，请重新登录。');
    return toSessionUser(u);
  },

  'auth.setupStatus': (ctx) => ({
    needsAdmin: countUsers(ctx.db) === 0,
    hasData: (ctx.db.prepare(`SELECT count(*) AS n FROM households`).get() as { n: number }).n > 0,
  }),

  /** First run: only while no user exists, creates `admin`, the office names, and optionally the demo township. */
  'auth.setupAdmin': (ctx, input) => {
    if (countUsers(ctx.db) > 0) throw new DomainError('permission', '管理员已创建，请直接登录。');
    checkNewPassword(ctx, 'password', input.password, 'admin', null);
    const at = ctx.nowIso();
    const id = ctx.ids.newId();
    insertUser(ctx.db, { id, username: 'admin', displayName: input.displayName, role: 'admin', scope: { kind: 'all' }, passwordHash: hashPassword(input.password), mustChangePassword: false, disabled: false, createdAt: at }, null);
    const user = findUserById(ctx.db, id)!;
    const stored = getSetting<unknown>(ctx.db, PROFILE_KEY);
    const profile = parseProfile(stored ?? {});
    const county = input.county || (input.demo ? '示范县' : profile.office.county);
    const township = input.township || (input.demo ? '青山镇' : profile.office.township);
    putSetting(ctx.db, PROFILE_KEY, { ...profile, office: { ...profile.office, county, township } }, at, 'admin');
    ctx.services.invalidateSettings();
    const result = openSession(ctx, user);
    // The rest of first-run setup acts as the new admin, so its audit rows name who did it.
    const asAdmin = new HandlerContext(ctx.services, { userId: id, username: 'admin', displayName: input.displayName, role: 'admin', scope: { kind: 'all' }, tokenHash: '' });
    asAdmin.audit({ action: 'create', entity: 'user', entityId: id, summary: '首次使用：创建管理员 admin' });
    if (input.demo) seedDemoTownship(asAdmin, { households: 2000, seed: 1, township });
    return result;
  },
};
