import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findSoffice } from '../../../electron/backend/imports/convertXls';

// Roster fixtures made by LibreOffice Calc: a CSV converted headless with a throw-away profile, with the
// ID and phone columns typed as text (as a clerk sets them). Used by the integration and e2e tests.

export const soffice = findSoffice();

// CSV import filter: comma, double quote, UTF-8 (76), from row 1, then per-column formats (2 = text, 1 = standard).
const COLUMN_FORMATS = [2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 1].map((f, i) => `${i + 1}/${f}`).join('/');
const CSV_FILTER = `CSV:44,34,76,1,${COLUMN_FORMATS}`;

/** Converts CSV text to .xlsx or .xls with `soffice --headless --convert-to`; returns the path of the result. */
export function convertCsvWithLibreOffice(csv: string, to: 'xlsx' | 'xls', workDir: string): string {
  if (!soffice) throw new Error('LibreOffice (soffice) is not installed');
  const input = join(workDir, `roster-${randomUUID()}.csv`);
  writeFileSync(input, csv);
  const profile = join(tmpdir(), `lo-${randomUUID()}`);
  try {
    execFileSync(soffice, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', `--infilter=${CSV_FILTER}`, '--convert-to', to, '--outdir', workDir, input], { timeout: 90_000, stdio: 'ignore' });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return input.replace(/\.csv$/, `.${to}`);
}

export const readConverted = (path: string): Buffer => readFileSync(path);
