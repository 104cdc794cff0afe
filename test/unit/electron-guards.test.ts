import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyVerified } from '../../electron/main/fileCopy';
import {
  CONTENT_SECURITY_POLICY,
  ipcRequest,
  isAllowedSender,
  isOpenableDocument,
  isSafeNavigation,
  resolveAppRequest,
  safeFileName,
  secureWebPreferences,
  type SenderInfo,
} from '../../electron/main/guards';

// Reliability bar E-01..E-04 and I-02: the Electron shell's decisions as plain functions.

const ROOT = resolve('/srv/guardline/dist/renderer');
const MAIN = { url: 'app://guardline/index.html#/register/households', detached: false, isMainFrame: true };
const known = new Set([7]);
const sender = (over: Partial<SenderInfo> = {}): (() => SenderInfo) => () => ({ webContentsId: 7, frame: MAIN, ...over });

describe('isSafeNavigation', () => {
  it('allows only our own app:// pages, compared by parsed URL', () => {
    expect(isSafeNavigation('app://guardline/index.html')).toBe(true);
    expect(isSafeNavigation('app://guardline/index.html#/household/1')).toBe(true);
    for (const url of [
      'https://example.com',
      'app://guardline.evil.com/index.html',
      'app://evil/index.html',
      'app://user:pw@guardline/index.html',
      'app://guardline:8080/index.html',
      'file:///C:/Windows/System32/calc.exe',
      'javascript:alert(1)',
      'http://guardline/index.html',
      'not a url',
      '',
    ]) {
      expect(isSafeNavigation(url), url).toBe(false);
    }
  });
});

describe('isAllowedSender', () => {
  it('accepts our main frame on app://', () => expect(isAllowedSender(sender(), known)).toBe(true));
  it('refuses a null frame (navigated away or destroyed)', () => expect(isAllowedSender(sender({ frame: null }), known)).toBe(false));
  it('refuses when reading the frame throws (disposed)', () =>
    expect(
      isAllowedSender(() => {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      }, known),
    ).toBe(false));
  it('refuses a detached frame', () => expect(isAllowedSender(sender({ frame: { ...MAIN, detached: true } }), known)).toBe(false));
  it('refuses a sub-frame', () => expect(isAllowedSender(sender({ frame: { ...MAIN, isMainFrame: false } }), known)).toBe(false));
  it('refuses another origin', () => expect(isAllowedSender(sender({ frame: { ...MAIN, url: 'https://evil.example/' } }), known)).toBe(false));
  it('refuses a webContents we did not create', () => expect(isAllowedSender(sender({ webContentsId: 8 }), known)).toBe(false));
});

describe('secureWebPreferences', () => {
  it('is the hardened set, with no insecure switch anywhere', () => {
    const prefs = secureWebPreferences('/app/preload.cjs', false);
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      devTools: false,
      preload: '/app/preload.cjs',
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });
});

describe('CSP', () => {
  it('allows only our own scripts and connections', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives['script-src']).toBe("'self'");
    expect(directives['connect-src']).toBe("'self'");
    expect(directives['object-src']).toBe("'none'");
    expect(directives['frame-ancestors']).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(directives['script-src']).not.toContain('unsafe-inline');
  });
});

describe('resolveAppRequest', () => {
  it('serves files under the renderer build', () => {
    expect(resolveAppRequest(ROOT, 'app://guardline/index.html')).toEqual({ kind: 'static', path: join(ROOT, 'index.html') });
    expect(resolveAppRequest(ROOT, 'app://guardline/')).toEqual({ kind: 'static', path: join(ROOT, 'index.html') });
    expect(resolveAppRequest(ROOT, 'app://guardline/assets/index-abc.js?v=1')).toEqual({ kind: 'static', path: join(ROOT, 'assets', 'index-abc.js') });
  });

  it('refuses traversal in every spelling (the bar’s E-02 list)', () => {
    for (const url of [
      'app://guardline/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      'app://guardline/..%2f..%2fx',
      'app://guardline/..%5c..%5cwindows%5cwin.ini',
      'app://guardline/C:%5cWindows%5cwin.ini',
      'app://guardline/C:/Windows/win.ini',
      'app://guardline/%5c%5cserver%5cshare%5cx',
      'app://guardline/a%00.html',
      'app://guardline/%E0%A4%A',
    ]) {
      const r = resolveAppRequest(ROOT, url);
      expect(r.kind, url).toBe('reject');
    }
    // A literal ../ is normalised away by the URL parser before we see it: it stays inside.
    const normalised = resolveAppRequest(ROOT, 'app://guardline/../../x');
    expect(normalised).toEqual({ kind: 'static', path: join(ROOT, 'x') });
  });

  it('refuses other hosts, other schemes and non-GET methods', () => {
    expect(resolveAppRequest(ROOT, 'app://other/index.html')).toEqual({ kind: 'reject', status: 403 });
    expect(resolveAppRequest(ROOT, 'https://guardline/index.html')).toEqual({ kind: 'reject', status: 403 });
    expect(resolveAppRequest(ROOT, 'app://guardline/index.html', 'POST')).toEqual({ kind: 'reject', status: 405 });
  });

  it('routes generated files by id only', () => {
    expect(resolveAppRequest(ROOT, 'app://guardline/files/00000000-0000-7000-8000-000000000001')).toEqual({ kind: 'file', fileId: '00000000-0000-7000-8000-000000000001' });
    expect(resolveAppRequest(ROOT, 'app://guardline/files/..%2f..%2fguardline.db')).toEqual({ kind: 'reject', status: 404 });
  });
});

describe('ipcRequest envelope', () => {
  it('accepts the three kinds and nothing else', () => {
    expect(ipcRequest.safeParse({ kind: 'invoke', method: 'auth.me', input: {} }).success).toBe(true);
    expect(ipcRequest.safeParse({ kind: 'upload', bytes: new Uint8Array(3), name: 'a.xlsx' }).success).toBe(true);
    // A backup package may be larger (files.ts uploadLimit); no other purpose exists.
    expect(ipcRequest.safeParse({ kind: 'upload', bytes: new Uint8Array(3), name: 'a.glbak', purpose: 'backup' }).success).toBe(true);
    expect(ipcRequest.safeParse({ kind: 'upload', bytes: new Uint8Array(3), name: 'a.glbak', purpose: 'huge' }).success).toBe(false);
    expect(ipcRequest.safeParse({ kind: 'save', fileId: '00000000-0000-7000-8000-000000000001', suggestedName: 'x.docx' }).success).toBe(true);
    expect(ipcRequest.safeParse({ kind: 'invoke', method: 'auth.me', input: {}, channel: 'x' }).success).toBe(false);
    expect(ipcRequest.safeParse({ kind: 'save', fileId: '../../etc/passwd', suggestedName: 'x' }).success).toBe(false);
    expect(ipcRequest.safeParse({ kind: 'exec', command: 'calc' }).success).toBe(false);
    expect(ipcRequest.safeParse({ kind: 'upload', bytes: 'C:\\secret.txt', name: 'x' }).success).toBe(false);
  });
});

describe('file names and opening', () => {
  it('keeps only a safe base name', () => {
    expect(safeFileName('..\\..\\审计日志.xlsx')).toBe('审计日志.xlsx');
    expect(safeFileName('a<b>:c?.docx')).toBe('a_b__c_.docx');
    expect(safeFileName('CON.docx')).toBe('导出文件');
    expect(safeFileName('...')).toBe('导出文件');
  });
  it('offers to open documents, never programs', () => {
    expect(isOpenableDocument('C:\\x\\表.docx')).toBe(true);
    for (const p of ['a.exe', 'a.bat', 'a.lnk', 'a.docm', 'a.js', 'a.glbak', 'noext']) expect(isOpenableDocument(p), p).toBe(false);
  });
});

describe('copyVerified', () => {
  const dir = mkdtempSync(join(tmpdir(), 'guardline-copy-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('publishes the copy only when it reads back identical', () => {
    const source = join(dir, 'source.docx');
    writeFileSync(source, '文书内容');
    const hash = createHash('sha256').update(readFileSync(source)).digest('hex');
    copyVerified(source, join(dir, 'ok.docx'), hash);
    expect(readFileSync(join(dir, 'ok.docx'), 'utf8')).toBe('文书内容');
    expect(() => copyVerified(source, join(dir, 'bad.docx'), '0'.repeat(64))).toThrow();
    expect(existsSync(join(dir, 'bad.docx'))).toBe(false);
    expect(existsSync(join(dir, 'bad.docx.guardline-tmp'))).toBe(false);
  });
});
