import { app, BrowserWindow, dialog, Menu, shell, type MenuItemConstructorOptions, type WebContents } from 'electron';
import { extname, join } from 'node:path';
import { fail, ok, type Result } from '../../shared/api/result';
import type { Backend } from '../backend/index';
import { copyVerified } from './fileCopy';
import { isOpenableDocument, safeFileName } from './guards';

// What the desktop adds over browser mode: the Save dialog for generated files (by file id — no
// path ever comes from the renderer), opening a saved .docx/.xlsx with the system program, and
// printing the current window. shell.openExternal is never used (reliability bar E-04).

const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  '.docx': { name: 'Word 文档', extensions: ['docx'] },
  '.xlsx': { name: 'Excel 表格', extensions: ['xlsx'] },
  '.pdf': { name: 'PDF 文件', extensions: ['pdf'] },
  '.zip': { name: '压缩包', extensions: ['zip'] },
  '.glbak': { name: '加密备份', extensions: ['glbak'] },
  '.csv': { name: 'CSV 文件', extensions: ['csv'] },
};

export async function saveGeneratedFile(sender: WebContents, backend: Backend, fileId: string, suggestedName: string): Promise<Result<{ saved: boolean }>> {
  let meta: ReturnType<Backend['services']['files']['meta']>;
  try {
    meta = backend.services.files.meta(fileId);
  } catch {
    return fail('not_found', '文件不存在或已过期，请重新生成。');
  }
  const name = safeFileName(suggestedName || meta.originalName, meta.originalName);
  const ext = extname(name).toLowerCase();
  const win = BrowserWindow.fromWebContents(sender);
  const options = { title: '保存文件', defaultPath: join(app.getPath('documents'), name), filters: FILTERS[ext] ? [FILTERS[ext]] : [] };
  const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return ok({ saved: false });
  try {
    copyVerified(backend.services.files.pathOf(fileId), choice.filePath, meta.sha256);
  } catch {
    return fail('io', '保存失败：写入的文件校验不一致或目标位置不可写。请换一个位置（或另一个U盘）再试。');
  }
  if (isOpenableDocument(choice.filePath)) void offerToOpen(win, choice.filePath);
  return ok({ saved: true });
}

async function offerToOpen(win: BrowserWindow | null, path: string): Promise<void> {
  const options = { type: 'info' as const, title: '已保存', message: '文件已保存并校验无误。', detail: path, buttons: ['完成', '打开文件', '打开所在文件夹'], defaultId: 0, cancelId: 0, noLink: true };
  const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
  if (response === 1) await shell.openPath(path); // a document the user just saved, of an allowlisted type
  if (response === 2) shell.showItemInFolder(path);
}

export function printWindow(win: BrowserWindow | null | undefined): void {
  win?.webContents.print({ printBackground: true });
}

/** A small Chinese menu; DevTools and reload only in development builds. */
export function applicationMenu(devTools: boolean): Menu {
  const template: MenuItemConstructorOptions[] = [
    {
      label: '文件',
      submenu: [{ label: '打印…', accelerator: 'CmdOrCtrl+P', click: (_item, win) => printWindow(win as BrowserWindow | undefined) }, { type: 'separator' }, { label: '退出', role: 'quit' }],
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { label: '实际大小', role: 'resetZoom' },
        { label: '全屏', role: 'togglefullscreen' },
        ...(devTools ? ([{ type: 'separator' }, { label: '开发者工具', role: 'toggleDevTools' }, { label: '重新加载', role: 'reload' }] as MenuItemConstructorOptions[]) : []),
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
