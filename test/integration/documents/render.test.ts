/**
 * Renders every form through LibreOffice the way a clerk's printer would see it: each .docx → PDF
 * (one batched soffice call, private profile), then pdftotext must show the title and the
 * household, pdfinfo an A4 page in the form's orientation and no more pages than the layout was
 * designed for; page 1 is saved as a PNG under test-results/forms/ for a human to look at.
 * Skipped, with the reason in the test name, when LibreOffice or poppler is not installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveOptions } from '../../../electron/backend/documents/options';
import { buildDocx, buildMerged, FORMS, type FormKey } from '../../../electron/backend/documents/registry';
import { eliminationNotice, FIXTURES, HEAD_NAME, intake } from './fixtures';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const FONTS_CONF = resolve(REPO, '../shared/fonts/fonts.conf');
const OUT = join(REPO, 'test-results', 'forms');

const onPath = (cmd: string) => (process.env.PATH ?? '').split(delimiter).some((dir) => existsSync(join(dir, cmd)));
const missing = ['soffice', 'pdftotext', 'pdftoppm', 'pdfinfo'].filter((c) => !onPath(c));
const SKIP = missing.length > 0 ? ` (SKIPPED: ${missing.join(', ')} not on PATH — apt-get install libreoffice-writer fonts-noto-cjk poppler-utils)` : '';
if (SKIP) console.warn(`documents/render.test.ts${SKIP}`);

/** Most pages each form may take with the fixture household; more means the layout overflowed. */
const MAX_PAGES: Record<FormKey, number> = {
  application: 2, intake: 3, incomeSheet: 1, minutes: 2, publicNotice: 1, announcement: 1,
  approval: 2, measures: 1, eliminationAssessment: 2, rejectionNotice: 1,
};

/** Who must appear in each rendered form. */
const PERSON: Record<FormKey, string> = {
  application: HEAD_NAME, intake: HEAD_NAME, incomeSheet: HEAD_NAME, minutes: HEAD_NAME, publicNotice: HEAD_NAME,
  announcement: HEAD_NAME, approval: HEAD_NAME, measures: '龚德明', eliminationAssessment: '龚德明', rejectionNotice: '龚有才',
};

const run = (cmd: string, args: string[], env?: NodeJS.ProcessEnv) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
  if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
};

describe('LibreOffice render', () => {
  const work = mkdtempSync(join(tmpdir(), 'guardline-forms-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it(`renders every form as a readable A4 page${SKIP}`, { skip: SKIP !== '', timeout: 180_000 }, async () => {
    const files: { name: string; key: FormKey; title: string; person: string }[] = [];
    const options = resolveOptions();
    for (const key of Object.keys(FORMS) as FormKey[]) {
      writeFileSync(join(work, `${key}.docx`), await buildDocx(key, FIXTURES[key] as never));
      files.push({ name: key, key, title: FORMS[key].build(FIXTURES[key] as never, options).title, person: PERSON[key] });
    }
    writeFileSync(join(work, 'eliminationNotice.docx'), await buildDocx('publicNotice', eliminationNotice));
    files.push({
      name: 'eliminationNotice',
      key: 'publicNotice',
      title: FORMS.publicNotice.build(eliminationNotice, options).title,
      person: eliminationNotice.名单[0].户主姓名,
    });
    const second = { ...intake, 户: { ...intake.户, 户主姓名: '龚德明' } };
    writeFileSync(join(work, 'intake-batch.docx'), await buildMerged('intake', [intake, second]));

    // one soffice call for all files (≈50 ms per document) with a private profile, so concurrent
    // test runs never share one (two soffice on one profile silently lose output)
    const profile = mkdtempSync(join(tmpdir(), 'lo-guardline-'));
    const env = existsSync(FONTS_CONF) ? { FONTCONFIG_FILE: FONTS_CONF } : {};
    const docs = [...files.map((f) => join(work, `${f.name}.docx`)), join(work, 'intake-batch.docx')];
    try {
      run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, ...docs], env);
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }

    mkdirSync(OUT, { recursive: true });
    for (const f of files) {
      const pdf = join(work, `${f.name}.pdf`);
      expect(existsSync(pdf), `${f.name}.pdf was produced`).toBe(true);
      // table cells wrap long names onto two lines: compare without line breaks
      const text = run('pdftotext', [pdf, '-']).replace(/\s+/g, '');
      expect(text, `${f.name}: title`).toContain(f.title);
      expect(text, `${f.name}: household`).toContain(f.person);
      const info = run('pdfinfo', [pdf]);
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
      expect(pages, `${f.name}: pages`).toBeLessThanOrEqual(MAX_PAGES[f.key]);
      const landscape = FORMS[f.key].orientation === 'landscape';
      expect(info, `${f.name}: A4 ${landscape ? 'landscape' : 'portrait'}`).toMatch(landscape ? /841\.\d+ x 595\.\d+ pts/ : /595\.\d+ x 841\.\d+ pts/);
      run('pdftoppm', ['-r', '80', '-png', '-f', '1', '-l', '1', '-singlefile', pdf, join(OUT, f.name)]);
      expect(existsSync(join(OUT, `${f.name}.png`))).toBe(true);
    }

    // batch print: both households, each numbering its own pages
    const batch = run('pdftotext', [join(work, 'intake-batch.pdf'), '-']);
    expect(batch).toContain(HEAD_NAME);
    expect(batch).toContain('龚德明');
    expect((batch.match(/第 ?1 ?页/g) ?? []).length).toBe(2);
  });
});
