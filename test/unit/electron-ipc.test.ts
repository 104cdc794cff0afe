import { beforeEach, describe, expect, it, vi } from 'vitest';

// The IPC wrapper with a fake Electron (the binary cannot run here; ECOSYSTEM §1): every message
// passes the sender check before anything else, the session token stays in main, and the
// renderer's result never carries it.

const handlers = new Map<string, (event: unknown, raw: unknown) => Promise<unknown>>();
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, fn: (event: unknown, raw: unknown) => Promise<unknown>) => handlers.set(channel, fn) },
  webContents: { fromId: () => undefined },
  app: { getPath: () => '/tmp/guardline-test' },
  BrowserWindow: { fromWebContents: () => null },
  dialog: {},
  shell: {},
  Menu: { buildFromTemplate: () => ({}) },
}));

const { createIpcState, registerIpc } = await import('../../electron/main/ipc');
const { IPC_CHANNEL } = await import('../../electron/main/guards');

const calls: { method: string; input: unknown; session: unknown }[] = [];
const fakeBackend = {
  authenticate: (token: string | null | undefined) => (token === 'T-123' ? { userId: 'u1', username: 'admin' } : null),
  dispatch: async (method: string, input: unknown, session: unknown) => {
    calls.push({ method, input, session });
    if (method === 'auth.login') return { ok: true, value: { token: 'T-123', user: { id: 'u1' } } };
    return { ok: true, value: { method } };
  },
};

function event(over: { id?: number; url?: string; detached?: boolean; sub?: boolean; noFrame?: boolean; throws?: boolean } = {}) {
  const mainFrame = { url: over.url ?? 'app://guardline/index.html', detached: over.detached ?? false };
  const sender = { id: over.id ?? 1, mainFrame };
  return {
    sender,
    get senderFrame() {
      if (over.throws) throw new Error('Render frame was disposed');
      if (over.noFrame) return null;
      return over.sub ? { ...mainFrame } : mainFrame;
    },
  };
}

describe('the guardline:invoke channel', () => {
  const state = createIpcState();
  beforeEach(() => {
    handlers.clear();
    calls.length = 0;
    state.known.clear();
    state.tokens.clear();
    state.known.add(1);
    registerIpc(state, () => fakeBackend as never, () => {});
  });
  const send = (ev: unknown, raw: unknown) => handlers.get(IPC_CHANNEL)!(ev, raw) as Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;

  it('refuses bad senders before looking at the message', async () => {
    for (const bad of [event({ noFrame: true }), event({ throws: true }), event({ detached: true }), event({ sub: true }), event({ url: 'https://evil.example/' }), event({ id: 2 })]) {
      const r = await send(bad, { kind: 'invoke', method: 'auth.me', input: {} });
      expect(r.error?.code).toBe('permission');
    }
    expect(calls).toEqual([]);
  });

  it('refuses envelopes that are not one of the three kinds', async () => {
    const r = await send(event(), { kind: 'invoke', method: 'auth.me', input: {}, extra: true });
    expect(r.error?.code).toBe('validation');
    expect(calls).toEqual([]);
  });

  it('keeps the login token in main and sends the session with later calls', async () => {
    const login = await send(event(), { kind: 'invoke', method: 'auth.login', input: { username: 'admin', password: 'x' } });
    expect(login.value).toEqual({ token: '', user: { id: 'u1' } });
    expect(state.tokens.get(1)).toBe('T-123');
    await send(event(), { kind: 'invoke', method: 'households.list', input: {} });
    expect(calls[1].session).toEqual({ userId: 'u1', username: 'admin' });
    await send(event(), { kind: 'invoke', method: 'auth.logout', input: {} });
    expect(state.tokens.has(1)).toBe(false);
  });

  it('needs a session for uploads and saves', async () => {
    const r = await send(event(), { kind: 'upload', bytes: new Uint8Array([1, 2, 3]), name: 'a.xlsx' });
    expect(r.error?.code).toBe('unauthenticated');
  });
});
