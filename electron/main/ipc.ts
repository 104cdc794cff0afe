import { ipcMain, webContents as allWebContents, type BrowserWindow, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { fail, ok, type Result } from '../../shared/api/result';
import { formatZodIssues } from '../../shared/api/zodMessages';
import type { Backend } from '../backend/index';
import { uploadLimit } from '../backend/files';
import { EVENT_CHANNEL, FORWARDED_EVENTS, IPC_CHANNEL, ipcRequest, isAllowedSender, TOKEN_METHODS, type SenderInfo } from './guards';
import { saveGeneratedFile } from './shell';

// The ONE IPC channel (reliability bar I-01..I-05). Every message passes the sender check, then
// the envelope schema, then the backend's own dispatch (access + strict input schema). The
// session lives here in main, one bearer token per window: the desktop app logs in exactly like
// browser mode, but the renderer never holds the token.

export interface IpcState {
  /** webContents id → bearer token of the logged-in user. */
  tokens: Map<number, string>;
  /** webContents we created; IPC from any other is refused. */
  known: Set<number>;
}

export const createIpcState = (): IpcState => ({ tokens: new Map(), known: new Set() });

export function trackWindow(state: IpcState, win: BrowserWindow): void {
  const id = win.webContents.id;
  state.known.add(id);
  win.webContents.once('destroyed', () => {
    state.known.delete(id);
    state.tokens.delete(id);
  });
}

function senderInfo(event: IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame; // null once the frame navigated or was destroyed
  return {
    webContentsId: event.sender.id,
    frame: frame ? { url: frame.url, detached: frame.detached, isMainFrame: frame === event.sender.mainFrame } : null,
  };
}

export function registerIpc(state: IpcState, backend: () => Backend | null, log: (m: string) => void): void {
  ipcMain.handle(IPC_CHANNEL, async (event, raw: unknown): Promise<Result<unknown>> => {
    if (!isAllowedSender(() => senderInfo(event), state.known)) {
      log('refused IPC from an unexpected sender');
      return fail('permission', '请求来源不受信任，已拒绝。');
    }
    const b = backend();
    if (!b) return fail('io', '工作站正在启动，请稍候再试。');
    const parsed = ipcRequest.safeParse(raw);
    if (!parsed.success) return fail('validation', '请求格式不正确。', { issues: formatZodIssues(parsed.error.issues) });
    const req = parsed.data;
    const wcId = event.sender.id;
    const session = b.authenticate(state.tokens.get(wcId));
    if (req.kind === 'invoke') return invoke(state, b, wcId, req.method, req.input, session);
    if (!session) return fail('unauthenticated', '登录已失效，请重新登录。');
    if (req.kind === 'upload') return upload(b, req.bytes, req.name, session.username, uploadLimit(req.purpose, session.role));
    return saveGeneratedFile(event.sender, b, req.fileId, req.suggestedName);
  });
}

async function invoke(state: IpcState, b: Backend, wcId: number, method: string, input: unknown, session: ReturnType<Backend['authenticate']>): Promise<Result<unknown>> {
  const result = await b.dispatch(method, input, session);
  if (method === 'auth.logout') state.tokens.delete(wcId);
  if (result.ok && TOKEN_METHODS.has(method)) {
    const value = result.value as { token: string; user: unknown };
    state.tokens.set(wcId, value.token);
    return ok({ ...value, token: '' });
  }
  return result;
}

function upload(b: Backend, bytes: Uint8Array, name: string, username: string, limit: number): Result<{ token: string; name: string; size: number }> {
  if (bytes.byteLength > limit) return fail('validation', `文件过大，单个文件不能超过 ${limit / 1048576} MB。`);
  try {
    const file = b.services.files.put(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { originalName: name || 'upload', kind: 'upload', createdBy: username, at: b.services.clock.now().toISOString(), maxBytes: limit });
    return ok({ token: file.id, name: file.originalName, size: file.size });
  } catch (e) {
    return fail('io', e instanceof Error && /[\u4e00-\u9fff]/.test(e.message) ? e.message : '文件保存失败，请检查磁盘空间后重试。');
  }
}

/** Backend events go to our windows only, as plain data (never the IpcRenderer event object). */
export function forwardEvents(state: IpcState, b: Backend): void {
  for (const name of FORWARDED_EVENTS) {
    b.on(name, (payload) => {
      for (const id of state.known) {
        const wc: WebContents | undefined = allWebContents.fromId(id);
        if (wc && !wc.isDestroyed()) wc.send(EVENT_CHANNEL, { event: name, payload });
      }
    });
  }
}

/** For the protocol handler: files are served only while some window of ours is logged in. */
export const anyWindowLoggedIn = (state: IpcState, b: Backend | null): boolean => !!b && [...state.tokens.values()].some((t) => b.authenticate(t) !== null);
