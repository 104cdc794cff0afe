import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/index';
import { makeIdNumber } from '../../shared/domain/idCard';

// Foundation acceptance: killing the browser-mode server mid-write loses nothing acknowledged.
// A client saves households one after another; the server is SIGKILLed at a random moment;
// every household whose save was answered ok must be in the reopened database, intact.
const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const ITERATIONS = process.env.GUARDLINE_LONG ? 20 : 3;
const PASSWORD = 'Kill-Test-Passw0rd';

const freePort = () =>
  new Promise<number>((res) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });

async function runOnce(iteration: number): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gl-kill-'));
  const port = await freePort();
  // tsx's loader inside the server's own process: the tsx CLI would run the server as ITS child, and
  // SIGKILL to the wrapper would leave the server running (no kill at all, and a stray process).
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'electron/server/cli.ts'), '--data', dataDir, '--port', String(port), '--admin-password', PASSWORD], { cwd: root, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/api`;
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${url}/health`)).ok) break;
      } catch {
        /* starting */
      }
      if (i > 200) throw new Error('server did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
    const post = async (method: string, body: unknown, token?: string) => {
      const r = await fetch(`${url}/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
      return (await r.json()) as { ok: boolean; value: { id: string; token: string } };
    };
    const { token } = (await post('auth.login', { username: 'admin', password: PASSWORD })).value;
    const township = (await post('divisions.save', { level: 'township', name: '青山镇' }, token)).value;
    const village = (await post('divisions.save', { level: 'village', name: '石桥村', parentId: township.id }, token)).value;

    const acknowledged: string[] = [];
    const killAfterMs = 150 + Math.floor(Math.random() * 600);
    setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    for (let n = 0; n < 1000; n++) {
      try {
        const r = await post(
          'households.save',
          { villageId: village.id, householdType: '一般农户', members: [{ name: `测试${iteration}-${n}`, idNumber: makeIdNumber('620523', '19800101', String(n % 1000).padStart(3, '0')), relation: '户主' }] },
          token,
        );
        if (r.ok) acknowledged.push(r.value.id);
      } catch {
        break; // the server is gone
      }
    }
    await new Promise((r) => (child.exitCode !== null || child.signalCode ? r(null) : child.once('exit', r)));

    const reopened = await createBackend({ dataDir, log: { error: () => {}, warn: () => {} } });
    const db = reopened.services.db;
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const present = new Set((db.prepare(`SELECT id FROM households`).all() as { id: string }[]).map((r) => r.id));
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(acknowledged.length, 'the kill must stop the server mid-run').toBeLessThan(1000);
    expect(acknowledged.filter((id) => !present.has(id))).toEqual([]);
    // Each saved household came with its audit row in the same transaction.
    const audited = db.prepare(`SELECT count(DISTINCT entity_id) AS n FROM audit_log WHERE entity = 'household'`).get() as { n: number };
    expect(audited.n).toBe(present.size);
    reopened.close();
  } finally {
    if (child.exitCode === null && !child.signalCode) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('server killed mid-write', () => {
  it(`loses nothing acknowledged (${ITERATIONS} kills)`, async () => {
    for (let i = 0; i < ITERATIONS; i++) await runOnce(i);
  }, 120_000);
});
