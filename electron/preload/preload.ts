import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

// The whole surface the page gets (reliability bar I-01): one frozen object of five functions,
// matching PreloadBridge in renderer/src/api/transport.ts. No ipcRenderer, no channel names, no
// event objects reach the page. Runs sandboxed: only 'electron' may be required here, and this
// file is bundled to CommonJS (dist-electron/preload.cjs) by scripts/build-electron.mjs.

const IPC_CHANNEL = 'guardline:invoke'; // = guards.ts (not imported: the sandboxed preload is bundled alone)
const EVENT_CHANNEL = 'guardline:event';
const EVENTS = new Set(['job.progress', 'data.changed']);
const FILE_ID = /^[0-9a-f-]{36}$/;

type Result<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string; details?: unknown } };

const call = <T>(request: Record<string, unknown>): Promise<Result<T>> =>
  ipcRenderer.invoke(IPC_CHANNEL, request).catch(() => ({ ok: false as const, error: { code: 'io', message: '与工作站主进程的连接中断，请重启程序。' } })) as Promise<Result<T>>;

const bridge = Object.freeze({
  invoke: (method: string, input: unknown) => call<unknown>({ kind: 'invoke', method: String(method), input }),

  onEvent(event: string, cb: (payload: unknown) => void): () => void {
    if (!EVENTS.has(event) || typeof cb !== 'function') return () => {};
    const listener = (_e: IpcRendererEvent, message: { event: string; payload: unknown }) => {
      if (message?.event === event) cb(message.payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, listener);
    };
  },

  uploadFile: (bytes: ArrayBuffer, name: string, purpose?: 'backup') =>
    call<{ token: string; name: string; size: number }>({ kind: 'upload', bytes: new Uint8Array(bytes), name: String(name), ...(purpose === 'backup' ? { purpose } : {}) }),

  saveFile: (fileId: string, suggestedName: string) => call<{ saved: boolean }>({ kind: 'save', fileId: String(fileId), suggestedName: String(suggestedName ?? '') }),

  fileUrl: (fileId: string): string => (FILE_ID.test(String(fileId)) ? `app://guardline/files/${fileId}` : 'about:blank'),
});

contextBridge.exposeInMainWorld('guardline', bridge);
