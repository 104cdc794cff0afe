import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer } from '../../electron/server/http';
import { startTestBackend, TEST_ADMIN_PASSWORD, type TestBackend } from '../support/backend';

// Browser mode over real HTTP on an ephemeral port: 401 without a session, 403 beyond a role,
// lockout after repeated failures, JSON-only API, bounded bodies, no path traversal.

let t: TestBackend;
let server: Server;
let base: string;
let staticDir: string;

beforeAll(async () => {
  t = await startTestBackend();
  staticDir = mkdtempSync(join(tmpdir(), 'guardline-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>app</title>');
  server = createHttpServer(t.backend, { staticDir });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await t.call('users.save', { username: 'viewer1', displayName: '领导', role: 'viewer', scope: { kind: 'all' }, initialPassword: 'Viewer#2026ok' });
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  t.close();
  rmSync(staticDir, { recursive: true, force: true });
});

async function post(method: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { ok: boolean; value?: { token: string }; error?: { code: string; message: string } }, cookie: res.headers.get('set-cookie') };
}

describe('browser mode over HTTP', () => {
  it('401 without a session, for the API, files and events', async () => {
    expect((await post('households.list', {})).status).toBe(401);
    expect((await fetch(`${base}/files/00000000-0000-7000-8000-000000000001`)).status).toBe(401);
    expect((await fetch(`${base}/api/events`)).status).toBe(401);
    expect((await post('households.list', {}, { Authorization: 'Bearer forged-token' })).status).toBe(401);
  });

  it('403 beyond the role, with the session cookie from login', async () => {
    const login = await post('auth.login', { username: 'viewer1', password: 'Viewer#2026ok' });
    expect(login.status).toBe(200);
    expect(login.cookie).toMatch(/HttpOnly; SameSite=Strict/);
    const cookie = login.cookie!.split(';')[0];
    const denied = await post('users.list', {}, { Cookie: cookie });
    expect(denied.status).toBe(403);
    expect(denied.body.error?.code).toBe('permission');
    expect((await post('households.list', {}, { Cookie: cookie })).status).toBe(200);
  });

  it('an upload is at most 50 MB, a backup package (X-Upload-Purpose: backup) more, for accounts that manage backups', async () => {
    const cookieOf = async (username: string, password: string) => (await post('auth.login', { username, password })).cookie!.split(';')[0];
    const admin = await cookieOf('admin', TEST_ADMIN_PASSWORD);
    const viewer = await cookieOf('viewer1', 'Viewer#2026ok');
    const body = new Uint8Array(51 * 1024 * 1024);
    const upload = (cookie: string, purpose?: string) =>
      fetch(`${base}/files`, { method: 'POST', headers: { Cookie: cookie, 'X-File-Name': 'county.glbak', ...(purpose ? { 'X-Upload-Purpose': purpose } : {}) }, body });
    const plain = await upload(admin);
    expect(plain.status).toBe(413);
    expect(((await plain.json()) as { error: { message: string } }).error.message).toContain('50 MB');
    expect((await upload(viewer, 'backup')).status).toBe(413);
    const backup = await upload(admin, 'backup');
    expect(backup.status).toBe(200);
    const { value } = (await backup.json()) as { value: { token: string; size: number } };
    expect(value.size).toBe(body.byteLength);
    expect(t.backend.services.files.meta(value.token).kind).toBe('upload');
  });

  it('locks the account after repeated failures, over HTTP too', async () => {
    const attempts = t.backend.services.profile().security.lockoutAttempts;
    for (let i = 0; i < attempts; i++) expect((await post('auth.login', { username: 'admin', password: `bad-${i}` })).status).toBe(401);
    const locked = await post('auth.login', { username: 'admin', password: TEST_ADMIN_PASSWORD });
    expect(locked.status).toBe(401);
    expect(locked.body.error?.message).toContain('锁定');
  });

  it('accepts JSON only and refuses oversized bodies', async () => {
    const form = await fetch(`${base}/api/auth.login`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'username=admin&password=x' });
    expect(form.status).toBe(415);
    expect((await post('auth.login', '{"username":')).status).toBe(400);
    expect((await post('auth.login', JSON.stringify({ username: 'a', password: 'x'.repeat(11 * 1024 * 1024) }))).status).toBe(413);
    expect((await fetch(`${base}/api/households.list`)).status).toBe(405);
  });

  it('serves only files inside the renderer folder', async () => {
    for (const path of ['/..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/passwd', '/..%5c..%5cwindows%5cwin.ini', '/%00index.html']) {
      const res = await fetch(`${base}${path}`);
      const text = await res.text();
      // Refused, or (after URL normalisation) an unknown app route answered with the app page.
      if (res.status === 200) expect(text, path).toBe('<!doctype html><title>app</title>');
      else expect([400, 404], path).toContain(res.status);
    }
    const page = await fetch(`${base}/`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});
