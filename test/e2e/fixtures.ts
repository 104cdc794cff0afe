import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ADMIN_PASSWORD = 'E2e-Passw0rd!';
export const E2E_NOW = '2026-11-29T02:00:00.000Z';
const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export interface GuardlineServer {
  url: string;
  dataDir: string;
  /** Calls the HTTP API as admin (for test setup), returning the Result value or throwing. */
  api<T = unknown>(method: string, input: unknown): Promise<T>;
}

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
    s.on('error', rej);
  });
}

/** Starts browser mode on a temp data dir, test mode and a fixed clock; stops and cleans up after. */
export async function startServer(options: { now?: string; args?: string[] } = {}): Promise<{ server: GuardlineServer; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'guardline-e2e-'));
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), join(repoRoot, 'electron/server/cli.ts'), '--data', dataDir, '--port', String(port), '--admin-password', ADMIN_PASSWORD, '--test-mode', '--now', options.now ?? E2E_NOW, ...(options.args ?? [])],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 150));
  }
  let token: string | null = null;
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const res = await fetch(`${url}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(input) });
    const body = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
    if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
    return body.value as T;
  };
  token = (await call<{ token: string }>('auth.login', { username: 'admin', password: ADMIN_PASSWORD })).token;
  return {
    server: { url, dataDir, api: call },
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function login(page: Page, url: string, username = 'admin', password = ADMIN_PASSWORD): Promise<void> {
  await page.goto(url);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByText('防返贫监测工作站').first()).toBeVisible();
}

/** `server`: a fresh browser-mode backend per test; `loggedIn`: a page logged in as admin. */
export const test = base.extend<{ server: GuardlineServer; loggedIn: Page }>({
  server: async ({}, use) => {
    const { server, stop } = await startServer();
    await use(server);
    await stop();
  },
  loggedIn: async ({ page, server }, use) => {
    await login(page, server.url);
    await use(page);
  },
});

export { expect };
