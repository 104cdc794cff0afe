import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { z } from 'zod';
import { contract, isMethodName, methodNames } from '../../shared/api/contract';
import type { Backend } from '../backend/index';
import { uploadLimit } from '../backend/files';
import { resolveInside } from '../common/safePath';
import { attachmentHeader, bearerToken, BodyTooLarge, clearCookie, CSP, readBody, sendJson, sessionCookie, statusFor } from './httpUtil';

export interface HttpOptions {
  /** The built renderer (vite build output); absent → API only. */
  staticDir?: string;
}

const MAX_JSON_BYTES = 10 * 1024 * 1024;
const STATIC_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * Browser mode: the same dispatch as Electron IPC, over HTTP.
 *   POST /api/<method>  JSON body → Result JSON (401/403/404 status for auth/permission/unknown method)
 *   GET  /api/health, GET /api/methods (JSON Schemas), GET /api/events (SSE)
 *   POST /files (raw bytes, X-File-Name) → {token};  GET /files/<id> → download
 */
export function createHttpServer(backend: Backend, options: HttpOptions = {}): Server {
  return createServer((req, res) => {
    handle(backend, options, req, res).catch((e: unknown) => {
      console.error('[guardline] http handler failed', e);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: '服务器内部错误，请重试。' } });
      else res.end();
    });
  });
}

async function handle(backend: Backend, options: HttpOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = url.pathname;
  if (path === '/api/health' && req.method === 'GET') return sendResult(res, await backend.dispatch('system.health', {}, null));
  if (path === '/api/methods' && req.method === 'GET') return sendJson(res, 200, { ok: true, value: describeMethods(backend.services.testMode) });
  if (path === '/api/events' && req.method === 'GET') return streamEvents(backend, req, res);
  if (path.startsWith('/api/')) {
    if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'validation', message: '接口只接受 POST 请求。' } }, { Allow: 'POST' });
    return callMethod(backend, decodeURIComponent(path.slice(5)), req, res);
  }
  if (path === '/files' && req.method === 'POST') return uploadFile(backend, req, res);
  if (path.startsWith('/files/') && req.method === 'GET') return downloadFile(backend, path.slice(7), req, res);
  if (req.method === 'GET' || req.method === 'HEAD') return serveStatic(options.staticDir, path, res);
  sendJson(res, 404, { ok: false, error: { code: 'not_found', message: '没有这个地址。' } });
}

async function callMethod(backend: Backend, name: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!isMethodName(name) || (contract[name].testOnly && !backend.services.testMode)) {
    return sendJson(res, 404, { ok: false, error: { code: 'not_found', message: `没有名为 ${name.slice(0, 60)} 的接口。` } });
  }
  // JSON only: a cross-site form cannot send application/json without a CORS preflight we never grant.
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return sendJson(res, 415, { ok: false, error: { code: 'validation', message: '请求体必须是 JSON（Content-Type: application/json）。' } });
  }
  let input: unknown;
  try {
    const body = await readBody(req, MAX_JSON_BYTES);
    input = body.length ? JSON.parse(body.toString('utf8')) : {};
  } catch (e) {
    const message = e instanceof BodyTooLarge ? '请求内容过大。' : '请求体不是有效的 JSON。';
    return sendJson(res, e instanceof BodyTooLarge ? 413 : 400, { ok: false, error: { code: 'validation', message } });
  }
  const token = bearerToken(req);
  const session = backend.authenticate(token);
  const result = await backend.dispatch(name, input, session);
  const headers: Record<string, string> = {};
  if (result.ok && (name === 'auth.login' || name === 'auth.setupAdmin')) headers['Set-Cookie'] = sessionCookie((result.value as { token: string }).token);
  if (name === 'auth.logout') headers['Set-Cookie'] = clearCookie;
  sendResult(res, result, headers);
}

function sendResult(res: ServerResponse, result: { ok: boolean; error?: { code: string } }, headers: Record<string, string> = {}): void {
  sendJson(res, result.ok ? 200 : statusFor(result.error!.code), result, headers);
}

function describeMethods(testMode: boolean) {
  return methodNames
    .filter((name) => testMode || !contract[name].testOnly)
    .map((name) => {
      const def = contract[name];
      return {
        name,
        summary: def.summary,
        access: def.access,
        write: def.write,
        input: z.toJSONSchema(def.input, { io: 'input', unrepresentable: 'any' }),
        output: z.toJSONSchema(def.output, { io: 'output', unrepresentable: 'any' }),
      };
    });
}

async function uploadFile(backend: Backend, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const session = backend.authenticate(bearerToken(req));
  if (!session) return sendJson(res, 401, { ok: false, error: { code: 'unauthenticated', message: '登录已失效，请重新登录。' } });
  const limit = uploadLimit(String(req.headers['x-upload-purpose'] ?? ''), session.role);
  let bytes: Buffer;
  try {
    bytes = await readBody(req, limit);
  } catch {
    return sendJson(res, 413, { ok: false, error: { code: 'validation', message: `文件过大，单个文件不能超过 ${limit / 1048576} MB。` } });
  }
  let name = 'upload';
  try {
    name = decodeURIComponent(String(req.headers['x-file-name'] ?? 'upload'));
  } catch {
    /* keep the neutral name: the client's name is metadata only */
  }
  const file = backend.services.files.put(bytes, { originalName: name, kind: 'upload', createdBy: session.username, at: backend.services.clock.now().toISOString(), maxBytes: limit });
  sendJson(res, 200, { ok: true, value: { token: file.id, name: file.originalName, size: file.size } });
}

function downloadFile(backend: Backend, id: string, req: IncomingMessage, res: ServerResponse): void {
  const session = backend.authenticate(bearerToken(req));
  if (!session) return sendJson(res, 401, { ok: false, error: { code: 'unauthenticated', message: '登录已失效，请重新登录。' } });
  if (!/^[0-9a-f-]{36}$/.test(id)) return sendJson(res, 404, { ok: false, error: { code: 'not_found', message: '文件不存在。' } });
  try {
    const meta = backend.services.files.meta(id);
    res.writeHead(200, { 'Content-Type': meta.mime, 'Content-Length': String(meta.size), 'Content-Disposition': attachmentHeader(meta.originalName), 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    createReadStream(backend.services.files.pathOf(id)).pipe(res);
  } catch {
    sendJson(res, 404, { ok: false, error: { code: 'not_found', message: '文件不存在或已过期。' } });
  }
}

function streamEvents(backend: Backend, req: IncomingMessage, res: ServerResponse): void {
  if (!backend.authenticate(bearerToken(req))) return sendJson(res, 401, { ok: false, error: { code: 'unauthenticated', message: '请先登录。' } });
  res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  res.write(': connected\n\n');
  const offs = (['job.progress', 'data.changed'] as const).map((event) => backend.on(event, (payload) => res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`)));
  const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
  req.on('close', () => {
    clearInterval(ping);
    offs.forEach((off) => off());
  });
}

function serveStatic(root: string | undefined, urlPath: string, res: ServerResponse): void {
  if (!root || !existsSync(root)) {
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('界面尚未构建：请先运行 npm run build:renderer（npm start 会自动构建）。');
    return;
  }
  let file = resolveInside(root, urlPath === '/' ? '/index.html' : urlPath);
  if (file === null) {
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('bad path');
    return;
  }
  // Client-side routes fall back to the app page.
  if (!existsSync(file) || !statSync(file).isFile()) file = join(root, 'index.html');
  const type = STATIC_TYPES[extname(file)] ?? 'application/octet-stream';
  const immutable = file.includes(`${join(root, 'assets')}`);
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  createReadStream(file).pipe(res);
}
