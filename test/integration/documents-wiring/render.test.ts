// The generated forms as a printer sees them: each .docx from documents.generate → PDF in one soffice
// call (private profile, the repository's font map), pdftotext shows the title and the household's
// name in Chinese; page 1 of each is saved under test-results/forms-wired/ for a person to look at.
// Skipped, with the reason in the test name, when LibreOffice or poppler is missing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { buildScenario, fileBytes, HEAD, REJECTED, type Scenario } from './scenario';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const FONTS_CONF = resolve(REPO, '../shared/fonts/fonts.conf');
const OUT = join(REPO, 'test-results', 'forms-wired');
const onPath = (cmd: string) => (process.env.PATH ?? '').split(delimiter).some((dir) => existsSync(join(dir, cmd)));
const missing = ['soffice', 'pdftotext', 'pdftoppm'].filter((c) => !onPath(c));
const SKIP = missing.length > 0 ? ` (SKIPPED: ${missing.join(', ')} not on PATH)` : '';

const run = (cmd: string, args: string[], env?: NodeJS.ProcessEnv) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 180_000 });
  if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
};

let t: TestBackend;
let s: Scenario;
const work = mkdtempSync(join(tmpdir(), 'guardline-forms-wired-'));

beforeAll(async () => {
  t = await startTestBackend();
  s = await buildScenario(t);
}, 60_000);
afterAll(() => {
  t.close();
  rmSync(work, { recursive: true, force: true });
});

describe('generated forms through LibreOffice', () => {
  it(`render with their title and the household in Chinese${SKIP}`, { skip: SKIP !== '', timeout: 240_000 }, async () => {
    const cases: { key: string; input: Record<string, unknown>; title: string; person: string }[] = [
      { key: 'intake', input: { form: 'intake', householdId: s.householdId }, title: '防止返贫监测对象信息采集表', person: HEAD },
      { key: 'application', input: { form: 'application', caseId: s.caseId }, title: '个人申请及承诺授权书', person: HEAD },
      { key: 'incomeSheet', input: { form: 'incomeSheet', householdId: s.householdId }, title: '家庭收入核算表', person: HEAD },
      { key: 'approval', input: { form: 'approval', householdId: s.householdId }, title: '识别审批表', person: HEAD },
      { key: 'minutes', input: { form: 'minutes', meetingId: s.meetingId }, title: '民主评议会议记录', person: HEAD },
      { key: 'publicNotice', input: { form: 'publicNotice', noticeId: s.noticeId }, title: '青山村拟纳入防止返贫监测对象名单公示', person: HEAD },
      { key: 'measures', input: { form: 'measures', householdId: s.householdId }, title: '帮扶措施落实情况表', person: HEAD },
      { key: 'rejectionNotice', input: { form: 'rejectionNotice', householdId: s.rejectedId }, title: '告知书', person: REJECTED },
    ];
    for (const c of cases) {
      const r = await t.call('documents.generate', c.input as never);
      writeFileSync(join(work, `${c.key}.docx`), fileBytes(t, r.fileId));
    }
    const profile = mkdtempSync(join(tmpdir(), 'lo-guardline-wired-'));
    try {
      const env = existsSync(FONTS_CONF) ? { FONTCONFIG_FILE: FONTS_CONF } : {};
      run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, ...cases.map((c) => join(work, `${c.key}.docx`))], env);
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
    mkdirSync(OUT, { recursive: true });
    for (const c of cases) {
      const pdf = join(work, `${c.key}.pdf`);
      expect(existsSync(pdf), `${c.key}.pdf`).toBe(true);
      const text = run('pdftotext', [pdf, '-']).replace(/\s+/g, '');
      expect(text, `${c.key}: title`).toContain(c.title);
      expect(text, `${c.key}: household`).toContain(c.person);
      run('pdftoppm', ['-r', '80', '-png', '-f', '1', '-l', '1', '-singlefile', pdf, join(OUT, c.key)]);
      expect(existsSync(join(OUT, `${c.key}.png`))).toBe(true);
    }
  });
});
