import { BrowserWindow, type Session, type WebContents } from 'electron';
import { APP_ENTRY, isSafeNavigation, secureWebPreferences } from './guards';

// The ONE BrowserWindow factory (reliability bar E-01) and the hardening every webContents gets
// (E-04 navigation/new windows/webviews, E-05 permissions). There is no other `new BrowserWindow`.

export interface WindowOptions {
  preloadPath: string;
  iconPath?: string;
  devTools: boolean;
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: '防返贫监测工作站',
    icon: options.iconPath,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    webPreferences: secureWebPreferences(options.preloadPath, options.devTools),
  });
  win.once('ready-to-show', () => win.show());
  // The page title may carry whatever a page sets; the window keeps the product name.
  win.on('page-title-updated', (e) => e.preventDefault());
  void win.loadURL(APP_ENTRY);
  return win;
}

/** Attached to every webContents the app creates, via app.on('web-contents-created'). */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isSafeNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isSafeNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isSafeNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Reliability bar E-05: no camera, microphone, notifications, geolocation, HID, serial or USB. */
export function denyAllPermissions(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}
