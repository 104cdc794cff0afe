import { app, BrowserWindow, dialog, Menu, session } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createBackend, type Backend } from '../backend/index';
import { anyWindowLoggedIn, createIpcState, forwardEvents, registerIpc, trackWindow } from './ipc';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { applicationMenu } from './shell';
import { createMainWindow, denyAllPermissions, hardenWebContents } from './window';

// The desktop shell: one instance, one window, the backend in this (main) process on
// <userData>/data, the UI from app:// and one IPC channel. Bundled to dist-electron/main.cjs by
// scripts/build-electron.mjs; `__dirname` is that folder (migrations/, preload.cjs beside it).

const bundleDir = __dirname;
const devTools = !app.isPackaged;
const ipcState = createIpcState();
let backend: Backend | null = null;
let mainWindow: BrowserWindow | null = null;

const log = {
  error: (message: string, err?: unknown) => console.error(`[guardline] ${message}`, err instanceof Error ? err.message : ''),
  warn: (message: string) => console.warn(`[guardline] ${message}`),
};

// Must happen before 'ready'.
app.enableSandbox();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // Reliability bar E-08: a second launch hands over to the first and leaves; the database is
  // only ever opened by one process.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    // Clean shutdown: closeDatabase checkpoints the WAL so the .db file is complete at rest.
    backend?.close();
    backend = null;
  });
  app.whenReady().then(start, fatal);
}

async function start(): Promise<void> {
  const dataDir = join(app.getPath('userData'), 'data');
  backend = await createBackend({ dataDir, migrationsDir: join(bundleDir, 'migrations'), log });
  const ses = session.defaultSession;
  denyAllPermissions(ses);
  handleAppProtocol(ses, { rendererRoot: rendererRoot(), backend: () => backend, hasSession: () => anyWindowLoggedIn(ipcState, backend) });
  registerIpc(ipcState, () => backend, (m) => log.warn(m));
  forwardEvents(ipcState, backend);
  Menu.setApplicationMenu(applicationMenu(devTools));
  mainWindow = createMainWindow({ preloadPath: join(bundleDir, 'preload.cjs'), iconPath: iconPath(), devTools });
  trackWindow(ipcState, mainWindow);
  mainWindow.on('closed', () => (mainWindow = null));
  if (backend.services.readOnly) warnReadOnly(mainWindow);
  // A large database is checked on a worker after the start: damage found then gets the same warning.
  void backend.integrity.then((v) => {
    if (v.status === 'damaged' && mainWindow) warnReadOnly(mainWindow);
  });
}

function warnReadOnly(window: BrowserWindow): void {
  void dialog.showMessageBox(window, {
    type: 'warning',
    title: '只读恢复模式',
    message: '数据库文件检查未通过，程序已进入只读恢复模式。',
    detail: '损坏的文件已原样复制到数据目录的 quarantine 文件夹，不会被删除。请管理员登录后到“系统管理 → 备份与恢复”从备份恢复。',
  });
}

/** dist/renderer next to dist-electron (in the asar when packaged). */
function rendererRoot(): string {
  return join(bundleDir, '..', 'dist', 'renderer');
}

function iconPath(): string | undefined {
  const candidate = join(bundleDir, '..', 'resources', 'icons', 'icon.png');
  return existsSync(candidate) ? candidate : undefined;
}

function fatal(e: unknown): void {
  // E.g. a database from a newer Guardline: refuse clearly instead of touching it.
  dialog.showErrorBox('防返贫监测工作站无法启动', e instanceof Error ? e.message : String(e));
  backend?.close();
  app.exit(1);
}
