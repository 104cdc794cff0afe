// dossier.export (一户一档): every applicable form generated fresh, the minutes and 公示 the household
// appears in, its scans, photos and pad signatures, its case timeline, and one PDF of all forms
// (LibreOffice), or a note saying why there is none.
import JSZip from 'jszip';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { readDocx } from '../documents/docx-read';
import { buildScenario, fileBytes, HEAD, HEAD_ID, type Scenario } from './scenario';

const hasSoffice = (process.env.PATH ?? '').split(delimiter).some((dir) => existsSync(join(dir, 'soffice')));

let t: TestBackend;
let s: Scenario;

beforeAll(async () => {
  t = await startTestBackend();
  s = await buildScenario(t);
  const photo = t.backend.services.files.put(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2]), { originalName: '入户照片.jpg', kind: 'upload', createdBy: 'admin', at: t.clock.now().toISOString() });
  await t.call('followups.save', { householdId: s.householdId, visitDate: '2026-12-05', visitors: ['周建军'], visitMethod: 'home', findings: '入户走访', photoTokens: [photo.id] });
}, 60_000);
afterAll(() => t.close());

describe('dossier.export', () => {
  it('zips the forms, minutes, 公示, attachments, timeline and one PDF', { timeout: 180_000 }, async () => {
    const r = await t.call('dossier.export', { householdId: s.householdId });
    expect(r.name).toMatch(/^一户一档-青山村-王大山-\d{4}-\d{2}-\d{2}\.zip$/);
    const zip = await JSZip.loadAsync(fileBytes(t, r.fileId));
    const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
    expect(r.entries).toBe(names.length);
    for (const form of ['个人申请及承诺授权书', '信息采集表', '家庭收入核算表', '识别审批表', '帮扶措施落实情况表']) {
      expect(names.some((n) => n.startsWith('文书/') && n.endsWith(`${form}.docx`)), form).toBe(true);
    }
    expect(names.some((n) => n.startsWith('文书/') && n.includes('不予纳入告知书'))).toBe(false); // not applicable
    expect(names.some((n) => n.startsWith('会议记录/民主评议会议记录-青山村-2026-11-29'))).toBe(true);
    expect(names.filter((n) => n.startsWith('公示公告/'))).toHaveLength(2); // 公示 + 公告
    expect(names).toContain('照片/入户照片.jpg');
    expect(names.filter((n) => n.startsWith('签名/'))).toHaveLength(2); // applicant + verify-time pad marks
    const intake = await readDocx(await zip.file(names.find((n) => n.endsWith('信息采集表.docx'))!)!.async('uint8array'));
    expect(intake.xml).toContain(HEAD_ID); // the archive keeps full IDs (internal)
    const timeline = await zip.file('流程记录.txt')!.async('string');
    expect(timeline).toContain(`${HEAD}户 流程记录`);
    expect(timeline).toContain('【识别纳入】');
    expect(timeline).toContain('完成「县级审定」');
    expect(timeline).toContain('完成「镇街审核」');
    if (hasSoffice) {
      expect(r.pdf).toBe(true);
      const pdf = await zip.file('全部文书.pdf')!.async('uint8array');
      expect(Buffer.from(pdf.slice(0, 5)).toString()).toBe('%PDF-');
    } else {
      expect(r.pdf).toBe(false);
      expect(await zip.file('未生成PDF的说明.txt')!.async('string')).toContain('LibreOffice');
    }
    const audit = t.backend.services.db.prepare(`SELECT summary FROM audit_log WHERE action = 'dossier.export' AND household_id = ?`).get(s.householdId) as { summary: string };
    expect(audit.summary).toContain('一户一档');
    expect((await t.call('documents.files', { householdId: s.householdId })).some((f) => f.id === r.fileId)).toBe(true);
  });

  it('refuses a household outside the caller\'s villages', async () => {
    const village = { ...t.admin, role: 'village' as const, scope: { kind: 'villages' as const, villageIds: ['elsewhere'] } };
    expect((await t.fail('dossier.export', { householdId: s.householdId }, village)).code).toBe('permission');
  });
});
