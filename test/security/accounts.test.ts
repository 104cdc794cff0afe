import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedVillage, startTestBackend, TEST_ADMIN_PASSWORD, type TestBackend } from '../support/backend';

// Reliability bar A-02 (password rules), A-04 (lockout), A-05 (idle timeout), R-04 (disable, not
// delete), L-01 (every login, failure, lockout, password change and denial audited).

const STRONG = 'Qingshan#2026';
const STRONG2 = 'Lushui@2027x';

describe('accounts and sessions', () => {
  let t: TestBackend;
  let villageId: string;
  beforeEach(async () => {
    t = await startTestBackend();
    villageId = (await seedVillage(t)).villageId;
  });
  afterEach(() => t.close());

  const audits = async (action: string) => (await t.call('audit.list', { filter: { entity: 'user' }, endRow: 500 })).rows.filter((r) => r.action === action);
  const createClerk = (username = 'clerk1', role: 'clerk' | 'viewer' | 'village' | 'admin' = 'clerk') =>
    t.call('users.save', { username, displayName: '李经办', role, scope: role === 'village' ? { kind: 'villages', villageIds: [villageId] } : { kind: 'all' }, initialPassword: STRONG });

  it('creates an account that must change its password, refusing weak first passwords', async () => {
    const weak = await t.fail('users.save', { username: 'clerk1', displayName: '李经办', role: 'clerk', scope: { kind: 'all' }, initialPassword: 'abc12345' });
    expect(weak.code).toBe('validation');
    expect(JSON.stringify(weak.details)).toContain('initialPassword');
    const created = await createClerk();
    expect(created).toMatchObject({ username: 'clerk1', mustChangePassword: true, disabled: false });
    const login = await t.backend.dispatch('auth.login', { username: 'clerk1', password: STRONG }, null);
    expect(login.ok && (login.value as { user: { mustChangePassword: boolean } }).user.mustChangePassword).toBe(true);
    expect((await t.fail('users.save', { username: 'CLERK1', displayName: 'x', role: 'clerk', scope: { kind: 'all' }, initialPassword: STRONG2 })).code).toBe('conflict');
    expect(await audits('create')).toHaveLength(2); // the admin at start-up, and clerk1
  });

  it('changes one’s own password: wrong current password is audited, reuse refused, other sessions end', async () => {
    await createClerk();
    const s1 = await t.loginAs('clerk1', STRONG);
    const s2 = await t.loginAs('clerk1', STRONG);
    const wrong = await t.fail('auth.changePassword', { currentPassword: 'nope', newPassword: STRONG2 }, s1);
    expect(wrong.code).toBe('validation');
    expect(await audits('password_change_failed')).toHaveLength(1);
    expect((await t.fail('auth.changePassword', { currentPassword: STRONG, newPassword: STRONG }, s1)).message).toContain('不能与当前密码');
    expect((await t.fail('auth.changePassword', { currentPassword: STRONG, newPassword: 'clerk1#Abc99' }, s1)).message).toContain('用户名');
    await t.call('auth.changePassword', { currentPassword: STRONG, newPassword: STRONG2 }, s1);
    const me = await t.call('auth.me', {}, s1);
    expect(me.mustChangePassword).toBe(false);
    expect(t.backend.authenticate(null)).toBeNull();
    const sessions = t.backend.services.db.prepare(`SELECT token_hash FROM sessions WHERE user_id = ?`).all(me.id) as { token_hash: string }[];
    expect(sessions.map((r) => r.token_hash)).toEqual([s1.tokenHash]);
    expect(s2.tokenHash).not.toBe(s1.tokenHash);
    // Back to the first password: refused, it is in the history.
    expect((await t.fail('auth.changePassword', { currentPassword: STRONG2, newPassword: STRONG }, s1)).message).toContain('最近');
    expect(await audits('password_change')).toHaveLength(1);
  });

  it('admin reset: unlocks, forces a change, ends the user’s sessions', async () => {
    const clerk = await createClerk();
    const s = await t.loginAs('clerk1', STRONG);
    const reset = await t.call('users.resetPassword', { id: clerk.id, newPassword: STRONG2 });
    expect(reset.mustChangePassword).toBe(true);
    expect((await t.fail('auth.me', {}, t.backend.authenticate('x'))).code).toBe('unauthenticated');
    expect(t.backend.services.db.prepare(`SELECT count(*) AS n FROM sessions WHERE token_hash = ?`).get(s.tokenHash)).toEqual({ n: 0 });
    await t.loginAs('clerk1', STRONG2);
    expect(await audits('password_reset')).toHaveLength(1);
  });

  it('disabling ends sessions and refuses login; the user row stays for the audit trail', async () => {
    const clerk = await createClerk();
    await t.loginAs('clerk1', STRONG);
    const disabled = await t.call('users.save', { id: clerk.id, rowVersion: clerk.rowVersion, displayName: clerk.displayName, role: 'clerk', scope: { kind: 'all' }, disabled: true });
    expect(disabled.disabled).toBe(true);
    const login = await t.backend.dispatch('auth.login', { username: 'clerk1', password: STRONG }, null);
    expect(!login.ok && login.error.code).toBe('unauthenticated');
    expect((await t.call('users.list', {})).map((u) => u.username)).toContain('clerk1');
    const stale = await t.fail('users.save', { id: clerk.id, rowVersion: clerk.rowVersion, displayName: 'x', role: 'clerk', scope: { kind: 'all' } });
    expect(stale.code).toBe('conflict');
  });

  it('protects the office from locking itself out, and checks scopes', async () => {
    const me = await t.call('auth.me', {});
    const self = await t.fail('users.save', { id: me.id, displayName: 'x', role: 'clerk', scope: { kind: 'all' } });
    expect(self.code).toBe('workflow_rule');
    const other = await createClerk('admin2', 'admin');
    await t.call('users.save', { id: other.id, displayName: '二号管理员', role: 'clerk', scope: { kind: 'all' } });
    expect((await t.fail('users.save', { username: 'cun1', displayName: '村', role: 'village', scope: { kind: 'all' }, initialPassword: STRONG })).message).toContain('所辖村');
    expect((await t.fail('users.save', { username: 'cun1', displayName: '村', role: 'village', scope: { kind: 'villages', villageIds: ['nope'] }, initialPassword: STRONG })).code).toBe('validation');
    expect((await t.fail('users.save', { id: other.id, username: 'renamed', displayName: 'x', role: 'clerk', scope: { kind: 'all' } })).message).toContain('不能修改');
    const village = await createClerk('cun1', 'village');
    expect(village.scope).toEqual({ kind: 'villages', villageIds: [villageId] });
  });

  it('locks an account after the profile’s number of failures, audits it, and unlocks after the lockout time', async () => {
    const sec = t.backend.services.profile().security;
    for (let i = 0; i < sec.lockoutAttempts; i++) {
      const r = await t.backend.dispatch('auth.login', { username: 'admin', password: `wrong-${i}` }, null);
      expect(r.ok).toBe(false);
    }
    const locked = await t.backend.dispatch('auth.login', { username: 'admin', password: TEST_ADMIN_PASSWORD }, null);
    expect(!locked.ok && locked.error.message).toContain('锁定');
    expect(await audits('login_failed')).toHaveLength(sec.lockoutAttempts + 1);
    expect(await audits('lockout')).toHaveLength(1);
    t.clock.advanceHours((sec.lockoutMinutes + 1) / 60);
    await t.loginAs('admin', TEST_ADMIN_PASSWORD);
  });

  it('an unknown user name fails like a wrong password and is audited', async () => {
    const r = await t.backend.dispatch('auth.login', { username: 'nobody', password: 'x' }, null);
    const known = await t.backend.dispatch('auth.login', { username: 'admin', password: 'x' }, null);
    expect(!r.ok && !known.ok && r.error.message === known.error.message).toBe(true);
    expect((await audits('login_failed')).some((a) => a.summary.includes('nobody'))).toBe(true);
  });

  it('admin can unlock a locked account', async () => {
    const clerk = await createClerk();
    t.backend.services.db.prepare(`UPDATE users SET locked_until = ? WHERE id = ?`).run('2099-01-01T00:00:00.000Z', clerk.id);
    expect((await t.backend.dispatch('auth.login', { username: 'clerk1', password: STRONG }, null)).ok).toBe(false);
    const unlocked = await t.call('users.unlock', { id: clerk.id });
    expect(unlocked.lockedUntil).toBeNull();
    await t.loginAs('clerk1', STRONG);
  });

  it('ends a session after the idle timeout', async () => {
    const idle = t.backend.services.profile().security.idleMinutes;
    const token = (await t.backend.dispatch('auth.login', { username: 'admin', password: TEST_ADMIN_PASSWORD }, null)) as { ok: true; value: { token: string } };
    t.clock.advanceHours((idle - 1) / 60);
    expect(t.backend.authenticate(token.value.token)).not.toBeNull();
    t.clock.advanceHours((idle + 1) / 60);
    expect(t.backend.authenticate(token.value.token)).toBeNull();
  });

  it('denies and audits calls beyond a role', async () => {
    await createClerk('viewer1', 'viewer');
    const viewer = await t.loginAs('viewer1', STRONG);
    for (const [method, input] of [['users.list', {}], ['users.save', {}], ['backups.create', {}], ['audit.list', {}]] as const) {
      expect((await t.fail(method, input, viewer)).code).toBe('permission');
    }
    const denied = (await t.call('audit.list', { filter: { entity: 'permission' } })).rows;
    expect(denied).toHaveLength(4);
    expect(denied[0].username).toBe('viewer1');
  });
});
