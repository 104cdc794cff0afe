/**
 * Word → PDF through LibreOffice, for the 一户一档 dossier: one soffice call with a throw-away
 * profile (two soffice on one profile silently lose output) and, where the repository's font map
 * exists, FONTCONFIG_FILE pointing at it so 仿宋/方正小标宋 render with a close CJK face.
 * When LibreOffice is missing the caller leaves the PDF out and says so.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findSoffice } from '../../imports/convertXls';

const TIMEOUT_MS = 180_000;

/** fonts.conf beside the repository (../shared/fonts), or named by GUARDLINE_FONTCONFIG_FILE. */
export function fontConfigFile(): string | undefined {
  const candidates = [process.env.GUARDLINE_FONTCONFIG_FILE, resolve(process.cwd(), '../shared/fonts/fonts.conf')];
  try {
    candidates.push(resolve(fileURLToPath(new URL('../../../..', import.meta.url)), '../shared/fonts/fonts.conf'));
  } catch {
    /* bundled without a file URL: the other candidates remain */
  }
  return candidates.find((p): p is string => Boolean(p) && existsSync(p!));
}

export type PdfResult = { ok: true; pdf: Buffer } | { ok: false; reason: string };

export const NO_LIBREOFFICE = '本机未安装 LibreOffice，未能生成 PDF。Word 文书已全部放在「文书」等文件夹中，可在 Word 或 WPS 中打开后打印或另存为 PDF。';

export async function docxToPdf(docx: Uint8Array): Promise<PdfResult> {
  const soffice = findSoffice();
  if (!soffice) return { ok: false, reason: NO_LIBREOFFICE };
  const work = mkdtempSync(join(tmpdir(), 'guardline-pdf-'));
  const profile = join(tmpdir(), `guardline-lo-${randomUUID()}`);
  try {
    const input = join(work, 'dossier.docx');
    writeFileSync(input, docx);
    const fonts = fontConfigFile();
    const env = fonts ? { ...process.env, FONTCONFIG_FILE: fonts } : process.env;
    await run(soffice, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, input], env);
    const output = join(work, 'dossier.pdf');
    if (!existsSync(output)) return { ok: false, reason: 'LibreOffice 未能把文书转换为 PDF。Word 文书已全部放在压缩包中，可在 Word 或 WPS 中打开打印。' };
    return { ok: true, pdf: readFileSync(output) };
  } catch {
    return { ok: false, reason: 'LibreOffice 转换 PDF 失败或超时。Word 文书已全部放在压缩包中，可在 Word 或 WPS 中打开打印。' };
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}

function run(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    execFile(file, args, { timeout: TIMEOUT_MS, killSignal: 'SIGKILL', windowsHide: true, env }, (err) => (err ? reject(err) : resolvePromise()));
  });
}
