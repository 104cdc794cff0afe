import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { resolveInside } from '../common/safePath';

// Every security decision of the Electron shell that can be a plain function lives here, with
// no 'electron' import, so it is unit-tested (test/unit/electron-guards.test.ts). The modules
// that do import Electron only wire these decisions to events.

export const APP_SCHEME = 'app';
export const APP_HOST = 'guardline';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;
export const IPC_CHANNEL = 'guardline:invoke';
export const EVENT_CHANNEL = 'guardline:event';
export const FORWARDED_EVENTS = ['job.progress', 'data.changed'] as const;

/**
 * Same app origin, compared on the parsed URL. Note: WHATWG URL gives custom schemes the origin
 * 'null', so protocol and host are compared, never a string prefix ("app://guardline.evil" fails).
 */
export function isAppUrl(raw: string): boolean {
  try {
    const u = new URL(raw);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '' && u.port === '';
  } catch {
    return false;
  }
}

/** Navigation may only move within our own pages (hash routes never even ask). */
export const isSafeNavigation = (url: string): boolean => isAppUrl(url);

/** What ipc.ts can learn about an IPC sender; every getter may throw on a disposed frame. */
export interface SenderInfo {
  webContentsId: number;
  frame: { url: string; detached?: boolean; isMainFrame: boolean } | null;
}

/**
 * Reliability bar I-02: deny when the frame is gone or detached, is a sub-frame, is not our
 * app:// page, or belongs to a webContents we did not create.
 */
export function isAllowedSender(read: () => SenderInfo, knownWebContents: ReadonlySet<number>): boolean {
  let info: SenderInfo;
  try {
    info = read();
  } catch {
    return false; // "Render frame was disposed before WebFrameMain could be accessed"
  }
  if (!knownWebContents.has(info.webContentsId)) return false;
  const frame = info.frame;
  if (!frame || frame.detached === true || !frame.isMainFrame) return false;
  return isAppUrl(frame.url);
}

/** Reliability bar E-01: the one set of webPreferences every window gets. */
export function secureWebPreferences(preloadPath: string, devTools: boolean) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    devTools,
  } as const;
}

/**
 * Reliability bar E-03, sent as a response header by the app:// handler. 'unsafe-inline' for
 * styles only: antd writes its CSS-in-JS into <style> tags. No eval, no remote anything.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

export type AppRequest = { kind: 'static'; path: string } | { kind: 'file'; fileId: string } | { kind: 'reject'; status: 400 | 403 | 404 | 405 };

const FILE_ID = /^[0-9a-f-]{36}$/;

/** Reliability bar E-02: maps an app:// request to a file under the renderer build, or refuses it. */
export function resolveAppRequest(rendererRoot: string, rawUrl: string, method = 'GET'): AppRequest {
  if (method !== 'GET' && method !== 'HEAD') return { kind: 'reject', status: 405 };
  if (!isAppUrl(rawUrl)) return { kind: 'reject', status: 403 };
  const { pathname } = new URL(rawUrl);
  if (pathname.startsWith('/files/')) {
    const id = pathname.slice('/files/'.length);
    return FILE_ID.test(id) ? { kind: 'file', fileId: id } : { kind: 'reject', status: 404 };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { kind: 'reject', status: 400 };
  }
  // Drive letters and UNC-looking paths are refused on every platform, not only on Windows.
  const rel = decoded.replace(/^\/+/, '');
  if (/^[A-Za-z]:/.test(rel) || rel.startsWith('\\') || isAbsolute(rel)) return { kind: 'reject', status: 400 };
  const path = resolveInside(rendererRoot, pathname === '/' ? '/index.html' : pathname);
  return path ? { kind: 'static', path } : { kind: 'reject', status: 400 };
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};
export const mimeOf = (path: string): string => MIME[(/\.[a-z0-9]+$/i.exec(path)?.[0] ?? '').toLowerCase()] ?? 'application/octet-stream';

/** The one IPC envelope; anything else from a renderer is refused before it reaches the backend. */
export const ipcRequest = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('invoke'), method: z.string().min(1).max(100), input: z.unknown() }),
  z.strictObject({ kind: z.literal('upload'), bytes: z.instanceof(Uint8Array), name: z.string().max(255), purpose: z.enum(['backup']).optional() }),
  z.strictObject({ kind: z.literal('save'), fileId: z.string().regex(FILE_ID), suggestedName: z.string().max(255) }),
]);
export type IpcRequest = z.infer<typeof ipcRequest>;

/** Methods whose result carries the session token: main keeps it, the renderer gets ''. */
export const TOKEN_METHODS = new Set(['auth.login', 'auth.setupAdmin']);

/** Files the app offers to open with the system program after saving; never executables. */
const OPENABLE = new Set(['.docx', '.xlsx', '.pdf', '.csv']);
export const isOpenableDocument = (path: string): boolean => OPENABLE.has((/\.[a-z0-9]+$/i.exec(path)?.[0] ?? '').toLowerCase());

/** A file name for the save dialog: no directories, no characters Windows refuses, bounded. */
export function safeFileName(name: string, fallback = '导出文件'): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f<>:"|?*]/g, '_').replace(/^[.\s]+|[.\s]+$/g, '').slice(0, 150);
  const reserved = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(clean);
  return clean && !reserved ? clean : fallback;
}
