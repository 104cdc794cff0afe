import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The Electron binary cannot run here (ECOSYSTEM §1), so the BUILT bundle (dist-electron/main.cjs
// from scripts/build-electron.mjs) is booted under plain Node against a recording stub of the
// 'electron' module: it must open the backend on <userData>/data with the bundled migrations,
// serve app:// with the CSP and refuse traversal, create exactly one hardened window, deny
// permissions, and answer IPC only through the sender check.

const root = process.cwd();
let work: string;
let report: Record<string, unknown>;

const STUB = String.raw`
const rec = { handlers: {}, windows: [], permissions: {}, schemes: null, quit: false, menu: false };
let nextId = 1;
class WebContents { constructor() { this.id = nextId++; this.mainFrame = { url: 'app://guardline/index.html', detached: false }; this.ev = {}; } on(n, f) { this.ev[n] = f; return this; } once(n, f) { this.ev[n] = f; return this; } setWindowOpenHandler(f) { this.openHandler = f; } isDestroyed() { return false; } send() {} }
class BrowserWindow { constructor(o) { this.options = o; this.webContents = new WebContents(); rec.windows.push(this); } once() {} on() {} loadURL(u) { this.url = u; return Promise.resolve(); } static fromWebContents() { return null; } }
const session = { defaultSession: { protocol: { handle: (s, f) => (rec.handlers['protocol:' + s] = f) }, setPermissionRequestHandler: (f) => (rec.permissions.request = f), setPermissionCheckHandler: (f) => (rec.permissions.check = f), setDevicePermissionHandler: (f) => (rec.permissions.device = f) } };
const app = { isPackaged: true, enableSandbox: () => (rec.sandbox = true), requestSingleInstanceLock: () => true, on: (n, f) => (rec.handlers['app:' + n] = f), whenReady: () => new Promise((r) => setTimeout(r, 10)), getPath: (n) => process.env.STUB_USERDATA + (n === 'userData' ? '' : '/' + n), quit: () => (rec.quit = true), exit: (c) => { rec.exit = c; } };
module.exports = { rec, app, session, BrowserWindow, protocol: { registerSchemesAsPrivileged: (s) => (rec.schemes = s) }, ipcMain: { handle: (c, f) => (rec.handlers['ipc:' + c] = f) }, webContents: { fromId: () => undefined }, Menu: { setApplicationMenu: () => (rec.menu = true), buildFromTemplate: (t) => t }, dialog: { showErrorBox: (t, m) => { rec.fatal = m; }, showMessageBox: async () => ({ response: 0 }) }, shell: {} };
`;

const HARNESS = String.raw`
const { rec } = require('electron');
require(process.env.BUNDLE);
const until = async (f) => { for (let i = 0; i < 400 && !f(); i++) await new Promise((r) => setTimeout(r, 25)); };
(async () => {
  await until(() => rec.windows.length > 0 || rec.fatal);
  const win = rec.windows[0];
  const serve = rec.handlers['protocol:app'];
  const page = await serve(new Request('app://guardline/index.html'));
  const traversal = await serve(new Request('app://guardline/..%2f..%2fpackage.json'));
  const ipc = rec.handlers['ipc:guardline:invoke'];
  const wc = win.webContents;
  const good = { sender: wc, senderFrame: wc.mainFrame };
  const status = await ipc(good, { kind: 'invoke', method: 'auth.setupStatus', input: {} });
  const foreign = await ipc({ sender: wc, senderFrame: { url: 'https://evil.example/', detached: false } }, { kind: 'invoke', method: 'auth.setupStatus', input: {} });
  let permission = null;
  rec.permissions.request(null, 'media', (v) => (permission = v));
  const nav = { prevented: false, url: 'https://evil.example/', preventDefault() { this.prevented = true; } };
  rec.handlers['app:web-contents-created']({}, wc);
  wc.ev['will-navigate'](nav);
  process.stdout.write(JSON.stringify({
    fatal: rec.fatal ?? null, sandbox: rec.sandbox, schemes: rec.schemes, windows: rec.windows.length, url: win.url, prefs: win.options.webPreferences,
    page: { status: page.status, csp: page.headers.get('content-security-policy'), body: await page.text() },
    traversal: traversal.status, status, foreign, permission, check: rec.permissions.check(), navPrevented: nav.prevented,
    windowOpen: wc.openHandler({ url: 'https://x' }),
  }));
  rec.handlers['app:will-quit']();
  process.exit(0);
})();
`;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'guardline-bundle-'));
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build-electron.mjs')], { env: { ...process.env, GUARDLINE_ELECTRON_OUT: join(work, 'dist-electron') }, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(built.stderr);
  mkdirSync(join(work, 'node_modules', 'electron'), { recursive: true });
  writeFileSync(join(work, 'node_modules', 'electron', 'index.js'), STUB);
  symlinkSync(join(root, 'node_modules', 'better-sqlite3'), join(work, 'node_modules', 'better-sqlite3'));
  mkdirSync(join(work, 'dist', 'renderer'), { recursive: true });
  writeFileSync(join(work, 'dist', 'renderer', 'index.html'), '<!doctype html><title>guardline</title>');
  writeFileSync(join(work, 'harness.cjs'), HARNESS);
  const run = spawnSync(process.execPath, [join(work, 'harness.cjs')], { cwd: work, env: { ...process.env, BUNDLE: join(work, 'dist-electron', 'main.cjs'), STUB_USERDATA: join(work, 'userData'), GUARDLINE_MIGRATIONS_DIR: '' }, encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0) throw new Error(`bundle run failed: ${run.stderr.slice(0, 2000)}`);
  report = JSON.parse(run.stdout) as Record<string, unknown>;
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the built Electron bundle under a stub Electron', () => {
  it('starts: sandbox forced, privileged app:// scheme, one window on app://guardline', () => {
    expect(report.fatal).toBeNull();
    expect(report.sandbox).toBe(true);
    expect(report.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(report.windows).toBe(1);
    expect(report.url).toBe('app://guardline/index.html');
    expect(report.prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: false });
    expect(String((report.prefs as { preload: string }).preload)).toMatch(/dist-electron[\\/]preload\.cjs$/);
  });

  it('serves the UI with the CSP header and refuses traversal', () => {
    expect(report.page).toMatchObject({ status: 200, body: '<!doctype html><title>guardline</title>' });
    expect((report.page as { csp: string }).csp).toContain("script-src 'self'");
    expect(report.traversal).toBe(400);
  });

  it('opened the database with the bundled migrations and answers IPC only from our frame', () => {
    expect(report.status).toEqual({ ok: true, value: { needsAdmin: true, hasData: false } });
    expect(report.foreign).toMatchObject({ ok: false, error: { code: 'permission' } });
    expect(readFileSync(join(work, 'userData', 'data', 'guardline.db')).subarray(0, 15).toString()).toBe('SQLite format 3');
  });

  it('denies permissions, navigation away and new windows', () => {
    expect(report.permission).toBe(false);
    expect(report.check).toBe(false);
    expect(report.navPrevented).toBe(true);
    expect(report.windowOpen).toEqual({ action: 'deny' });
  });

  it('the preload requires nothing but electron (sandbox-compatible)', () => {
    const preload = readFileSync(join(work, 'dist-electron', 'preload.cjs'), 'utf8');
    expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld("guardline"');
  });
});
