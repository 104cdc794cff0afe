import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DomainError } from '../../../shared/domain/errors';

// Old binary Excel (.xls, BIFF8) cannot be read by exceljs. If LibreOffice is installed we convert it
// headless to .xlsx (with a throw-away profile, so a running LibreOffice or a locked profile does not
// interfere); otherwise the clerk is asked to save the file as .xlsx.

const WINDOWS_PATHS = ['C:\\Program Files\\LibreOffice\\program\\soffice.exe', 'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe'];
const CONVERT_TIMEOUT_MS = 60_000;

/** The soffice executable, or null when LibreOffice is not installed. */
export function findSoffice(): string | null {
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice'];
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of names) {
      const candidate = join(dir, name);
      if (dir && existsSync(candidate)) return candidate;
    }
  }
  return process.platform === 'win32' ? (WINDOWS_PATHS.find((p) => existsSync(p)) ?? null) : null;
}

export const NEEDS_XLSX = '这是旧版 Excel（.xls）文件，本机未安装 LibreOffice，无法直接读取。请在 Excel 或 WPS 中打开它，选择“另存为”→“Excel 工作簿（*.xlsx）”，再导入新文件。';

/** Converts with LibreOffice; the caller then reads the .xlsx through the same guards as an upload. */
export async function convertWithLibreOffice(bytes: Buffer, from: 'xls' | 'csv' = 'xls'): Promise<Buffer> {
  const soffice = findSoffice();
  if (!soffice) throw new DomainError('validation', NEEDS_XLSX);
  const work = mkdtempSync(join(tmpdir(), 'guardline-convert-'));
  const profile = join(tmpdir(), `guardline-lo-${randomUUID()}`);
  try {
    const input = join(work, `input.${from}`);
    writeFileSync(input, bytes);
    await run(soffice, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', work, input]);
    const output = join(work, 'input.xlsx');
    if (!existsSync(output)) throw new DomainError('validation', '无法转换该 .xls 文件：可能已加密或已损坏。请在 Excel/WPS 中打开并另存为 .xlsx 后再导入。');
    return readFileSync(output);
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}

function run(file: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: CONVERT_TIMEOUT_MS, killSignal: 'SIGKILL', windowsHide: true }, (err) => {
      if (!err) return resolve();
      const timedOut = (err as { killed?: boolean }).killed;
      reject(new DomainError('validation', timedOut ? '转换 .xls 文件超时（60 秒），请在 Excel/WPS 中另存为 .xlsx 后再导入。' : '无法转换该 .xls 文件，请在 Excel/WPS 中另存为 .xlsx 后再导入。'));
    });
  });
}
