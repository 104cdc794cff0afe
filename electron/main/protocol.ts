import { protocol, type Session } from 'electron';
import { readFile } from 'node:fs/promises';
import type { Backend } from '../backend/index';
import { APP_SCHEME, CONTENT_SECURITY_POLICY, mimeOf, resolveAppRequest } from './guards';

// app://guardline/… serves the renderer build (never file://, reliability bar E-02/E-03), and
// app://guardline/files/<id> serves generated files to a logged-in window (images, previews).

/** Must run before app 'ready': a standard, secure scheme behaves like https for the page. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true } }]);
}

const HEADERS = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-cache' };

const refuse = (status: number) => new Response(null, { status, headers: HEADERS });

export interface ProtocolDeps {
  rendererRoot: string;
  backend: () => Backend | null;
  /** True when some window of ours holds a valid session (files are for logged-in users only). */
  hasSession: () => boolean;
}

export function handleAppProtocol(ses: Session, deps: ProtocolDeps): void {
  ses.protocol.handle(APP_SCHEME, async (request) => {
    const target = resolveAppRequest(deps.rendererRoot, request.url, request.method);
    if (target.kind === 'reject') return refuse(target.status);
    if (target.kind === 'file') return serveGenerated(deps, target.fileId);
    try {
      const body = await readFile(target.path);
      return new Response(body, { status: 200, headers: { ...HEADERS, 'Content-Type': mimeOf(target.path) } });
    } catch {
      // Unknown paths are client-side routes: answer with the app page, like the HTTP server.
      const page = resolveAppRequest(deps.rendererRoot, `${request.url.split('/').slice(0, 3).join('/')}/index.html`);
      if (page.kind !== 'static') return refuse(404);
      return new Response(await readFile(page.path), { status: 200, headers: { ...HEADERS, 'Content-Type': 'text/html; charset=utf-8' } });
    }
  });
}

function serveGenerated(deps: ProtocolDeps, fileId: string): Response {
  const backend = deps.backend();
  if (!backend || !deps.hasSession()) return refuse(401);
  try {
    const meta = backend.services.files.meta(fileId);
    const bytes = backend.services.files.read(fileId);
    return new Response(new Uint8Array(bytes), { status: 200, headers: { ...HEADERS, 'Content-Type': meta.mime, 'Cache-Control': 'no-store' } });
  } catch {
    return refuse(404);
  }
}
