import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Input, MethodName, Output } from '../../shared/api/contract';
import type { ApiError } from '../../shared/api/result';
import { createBackend, type Backend } from '../../electron/backend/index';
import type { Session } from '../../electron/backend/context';
import { FixedClock, sequentialIds } from '../../electron/backend/runtime';

export const TEST_ADMIN_PASSWORD = 'Test-Passw0rd!';
export const TEST_NOW = '2026-11-29T02:00:00.000Z';

export interface TestBackend {
  backend: Backend;
  clock: FixedClock;
  dataDir: string;
  admin: Session;
  /** Calls a method as `session` (default admin) and returns the value, or throws with the error. */
  call<M extends MethodName>(method: M, input: Input<M>, session?: Session | null): Promise<Output<M>>;
  /** Calls a method and returns the error, failing if it succeeded. */
  fail<M extends MethodName>(method: M, input: unknown, session?: Session | null): Promise<ApiError>;
  loginAs(username: string, password: string): Promise<Session>;
  close(): void;
}

/** A backend on a real SQLite file in a fresh temp dir, with a fixed clock and ordered ids. */
export async function startTestBackend(options: { now?: string; dataDir?: string } = {}): Promise<TestBackend> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'guardline-test-'));
  const clock = new FixedClock(options.now ?? TEST_NOW);
  const backend = await createBackend({ dataDir, clock, ids: sequentialIds(), testMode: true, adminPassword: TEST_ADMIN_PASSWORD, log: { error: () => {}, warn: () => {} } });
  const loginAs = async (username: string, password: string): Promise<Session> => {
    const r = await backend.dispatch('auth.login', { username, password }, null);
    if (!r.ok) throw new Error(`login failed: ${r.error.message}`);
    const session = backend.authenticate((r.value as { token: string }).token);
    if (!session) throw new Error('session not found');
    return session;
  };
  const admin = await loginAs('admin', TEST_ADMIN_PASSWORD);
  return {
    backend,
    clock,
    dataDir,
    admin,
    loginAs,
    async call(method, input, session = admin) {
      const r = await backend.dispatch(method, input, session);
      if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
      return r.value as never;
    },
    async fail(method, input, session = admin) {
      const r = await backend.dispatch(method, input, session);
      if (r.ok) throw new Error(`${method} unexpectedly succeeded`);
      return r.error;
    },
    close() {
      backend.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A township with one village and two groups; returns their ids. */
export async function seedVillage(t: TestBackend, name = '青山村'): Promise<{ townshipId: string; villageId: string; groupIds: string[] }> {
  const township = await t.call('divisions.save', { level: 'township', name: '青山镇' });
  const village = await t.call('divisions.save', { level: 'village', name, parentId: township.id });
  const g1 = await t.call('divisions.save', { level: 'group', name: '一组', parentId: village.id });
  const g2 = await t.call('divisions.save', { level: 'group', name: '二组', parentId: village.id });
  return { townshipId: township.id, villageId: village.id, groupIds: [g1.id, g2.id] };
}
