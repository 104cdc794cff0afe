import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../electron/backend/context';
import { contract, methodNames } from '../../shared/api/contract';
import { ROLES, roleCan, type Permission, type Role } from '../../shared/domain/permissions';
import { seedVillage, startTestBackend, type TestBackend } from '../support/backend';

// Reliability bar I-04 / R-01: the role × method matrix, generated from the permission table and
// the contract — no cell is written by hand. Each call carries an unknown key, so an allowed call
// stops at the input check ('validation') and a denied one at the access check ('permission').
// Every denial must leave an audit row.

const PASSWORD = 'Matrix#2026ok';
let t: TestBackend;
const sessions = new Map<Role, Session>();

beforeAll(async () => {
  t = await startTestBackend();
  const { villageId } = await seedVillage(t);
  for (const role of ROLES) {
    const username = `role-${role}`;
    await t.call('users.save', { username, displayName: role, role, scope: role === 'village' ? { kind: 'villages', villageIds: [villageId] } : { kind: 'all' }, initialPassword: PASSWORD });
    sessions.set(role, await t.loginAs(username, PASSWORD));
  }
}, 120_000);
afterAll(() => t.close());

const guarded = methodNames.filter((n) => !['public', 'authenticated'].includes(contract[n].access) && !contract[n].testOnly);
const denials = () => (t.backend.services.db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'denied'`).get() as { n: number }).n;

describe('role × method matrix', () => {
  for (const role of ROLES) {
    it(`${role}: allowed exactly where the permission table says`, async () => {
      const session = sessions.get(role)!;
      const wrong: string[] = [];
      let denied = 0;
      const before = denials();
      for (const name of guarded) {
        const allowed = roleCan(role, contract[name].access as Permission);
        const r = await t.backend.dispatch(name, { __probe__: 1 }, session);
        const code = r.ok ? 'ok' : r.error.code;
        if (allowed && code !== 'validation') wrong.push(`${name}: expected validation, got ${code}`);
        if (!allowed && code !== 'permission') wrong.push(`${name}: expected permission, got ${code}`);
        if (!allowed) denied += 1;
      }
      expect(wrong).toEqual([]);
      expect(denials() - before).toBe(denied);
    });
  }

  it('the matrix is not trivial: some role is denied something and admin is denied nothing', () => {
    expect(guarded.filter((n) => !roleCan('viewer', contract[n].access as Permission)).length).toBeGreaterThan(0);
    expect(guarded.filter((n) => !roleCan('admin', contract[n].access as Permission))).toEqual([]);
  });
});
