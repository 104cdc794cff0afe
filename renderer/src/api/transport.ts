import type { BackendEvents, EventName } from '../../../shared/api/events';
import type { Result } from '../../../shared/api/result';

/** How the renderer reaches the backend: Electron IPC (preload bridge) or HTTP (browser mode). */
export interface Transport {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  /** `purpose` 'backup': a backup package, which may be larger than other uploads (files.ts uploadLimit). */
  upload(file: Blob, name: string, purpose?: 'backup'): Promise<Result<{ token: string; name: string; size: number }>>;
  /** URL (http) or action (ipc) to fetch a generated file. */
  download(fileId: string, name: string): Promise<void>;
  fileUrl(fileId: string): string;
  onEvent<E extends EventName>(event: E, cb: (payload: BackendEvents[E]) => void): () => void;
}

/** What the Electron preload exposes on window.guardline (see electron/preload). */
export interface PreloadBridge {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  onEvent(event: string, cb: (payload: unknown) => void): () => void;
  uploadFile(bytes: ArrayBuffer, name: string, purpose?: 'backup'): Promise<Result<{ token: string; name: string; size: number }>>;
  saveFile(fileId: string, suggestedName: string): Promise<Result<{ saved: boolean }>>;
  fileUrl(fileId: string): string;
}

declare global {
  interface Window {
    guardline?: PreloadBridge;
  }
}

const networkError = (): Result<never> => ({ ok: false, error: { code: 'io', message: '无法连接到工作站服务，请确认程序仍在运行后重试。' } });

export const httpTransport: Transport = {
  async invoke(method, input) {
    try {
      const res = await fetch(`./api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {}),
        credentials: 'same-origin',
      });
      return (await res.json()) as Result<unknown>;
    } catch {
      return networkError();
    }
  },
  async upload(file, name, purpose) {
    try {
      const headers: Record<string, string> = { 'X-File-Name': encodeURIComponent(name) };
      if (purpose) headers['X-Upload-Purpose'] = purpose;
      const res = await fetch('./files', { method: 'POST', headers, body: file, credentials: 'same-origin' });
      return (await res.json()) as Result<{ token: string; name: string; size: number }>;
    } catch {
      return networkError();
    }
  },
  async download(fileId, name) {
    const a = document.createElement('a');
    a.href = `./files/${fileId}`;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
  },
  fileUrl: (fileId) => `./files/${fileId}`,
  onEvent(event, cb) {
    const source = new EventSource('./api/events');
    const listener = (e: MessageEvent) => cb(JSON.parse(e.data as string));
    source.addEventListener(event, listener as EventListener);
    return () => source.close();
  },
};

export function ipcTransport(bridge: PreloadBridge): Transport {
  return {
    invoke: (method, input) => bridge.invoke(method, input),
    upload: async (file, name, purpose) => bridge.uploadFile(await file.arrayBuffer(), name, purpose),
    download: async (fileId, name) => {
      await bridge.saveFile(fileId, name);
    },
    fileUrl: (fileId) => bridge.fileUrl(fileId),
    onEvent: (event, cb) => bridge.onEvent(event, cb as (p: unknown) => void),
  };
}

export const defaultTransport = (): Transport => (window.guardline ? ipcTransport(window.guardline) : httpTransport);
