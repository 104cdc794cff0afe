// Public postings (公示, 公告, the posted 帮扶措施落实情况表) carry no ID number — full or masked — no
// phone and no health status, whatever the records hold; 主要风险 (因病 reveals health) only when the
// office switches privacy.noticeShowsRisks on. Unmasked exports need pii.unmask and are audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskIdNumber, maskPhone } from '../../../shared/domain/idCard';
import { WITHHELD } from '../../../electron/backend/documents/mappers/publicText';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { readDocx } from '../documents/docx-read';
import { buildScenario, CADRE_PHONE, CHILD_ID, fileBytes, HEAD, HEAD_ID, HEAD_PHONE, SPOUSE_ID, SPOUSE_PHONE, type Scenario } from './scenario';

let t: TestBackend;
let s: Scenario;

beforeAll(async () => {
  t = await startTestBackend();
  s = await buildScenario(t);
}, 60_000);
afterAll(() => t.close());

const HEALTH = ['长期慢性病', '患有大病', '慢性病', '大病', '残疾', '住院'];

async function text(form: 'publicNotice' | 'announcement' | 'measures', target: Record<string, string>): Promise<string> {
  const r = await t.call('documents.generate', { form, ...target });
  const doc = await readDocx(fileBytes(t, r.fileId));
  return `${doc.xml}\n${doc.footers.join('\n')}`;
}

function expectNothingPersonal(xml: string): void {
  for (const id of [HEAD_ID, SPOUSE_ID, CHILD_ID]) {
    expect(xml).not.toContain(id);
    expect(xml).not.toContain(maskIdNumber(id));
    expect(xml).not.toContain(id.slice(-6)); // no tail of an ID either
  }
  for (const phone of [HEAD_PHONE, SPOUSE_PHONE, CADRE_PHONE]) {
    expect(xml).not.toContain(phone);
    expect(xml).not.toContain(maskPhone(phone));
  }
  expect(xml).not.toMatch(/\d{4}\*{4,}\d{3}/);
  expect(xml).not.toMatch(/1[3-9]\d\*{4}\d{4}/);
  for (const word of HEALTH) expect(xml, `health word ${word}`).not.toContain(word);
}

describe('public postings', () => {
  it('公示 and 公告: name and group only; 主要风险 dropped by default', async () => {
    for (const form of ['publicNotice', 'announcement'] as const) {
      const xml = await text(form, { noticeId: s.noticeId });
      expect(xml).toContain(HEAD);
      expectNothingPersonal(xml);
      expect(xml).not.toContain('因病');
    }
  });

  it('帮扶措施落实情况表: health-revealing measure text withheld, no phones, no 主要风险', async () => {
    const xml = await text('measures', { householdId: s.householdId });
    expect(xml).toContain(HEAD);
    expect(xml).toContain('护林员');
    expect(xml).toContain(WITHHELD); // 「办理慢性病卡」
    expect(xml).toContain('周建军');
    expectNothingPersonal(xml);
    expect(xml).not.toContain('因病');
  });

  it('prints 主要风险 once the office switches noticeShowsRisks on — still no ID, phone or health status', async () => {
    const { profile } = await t.call('settings.get', {});
    await t.call('settings.saveProfile', { profile: { ...profile, privacy: { ...(profile.privacy as object), noticeShowsRisks: true } } });
    const xml = await text('publicNotice', { noticeId: s.noticeId });
    expect(xml).toContain('因病');
    expectNothingPersonal(xml);
    await t.call('settings.saveProfile', { profile: { ...profile, privacy: { ...(profile.privacy as object), noticeShowsRisks: false } } });
  });
});

describe('unmasking an export', () => {
  const auditCount = (action: string) => (t.backend.services.db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = ?`).get(action) as { n: number }).n;

  it('is refused without pii.unmask, needs a purpose, and leaves an audit row', async () => {
    const reviewer = { ...t.admin, role: 'reviewer' as const };
    const refused = await t.fail('exports.ledger', { kind: 'monitored', masked: false, purpose: '核对' }, reviewer);
    expect(refused.code).toBe('permission');
    expect((await t.fail('exports.quarterly', { year: 2026, quarter: 4, masked: false, purpose: '核对' }, reviewer)).code).toBe('permission');
    const noPurpose = await t.fail('exports.ledger', { kind: 'monitored', masked: false });
    expect(noPurpose.message).toContain('用途');
    const before = auditCount('export.unmasked');
    const r = await t.call('exports.ledger', { kind: 'monitored', masked: false, purpose: '报县乡村振兴局核对' });
    expect(r.masked).toBe(false);
    expect(auditCount('export.unmasked')).toBe(before + 1);
    const row = t.backend.services.db.prepare(`SELECT summary, username FROM audit_log WHERE action = 'export.unmasked' ORDER BY seq DESC LIMIT 1`).get() as { summary: string; username: string };
    expect(row.summary).toContain('报县乡村振兴局核对');
    expect(row.username).toBe('admin');
    // the default is masked, audited as a plain export
    const masked = await t.call('exports.ledger', { kind: 'monitored' }, reviewer);
    expect(masked.masked).toBe(true);
  });

  it('internal forms: a user without pii.full cannot ask for full IDs', async () => {
    // a hypothetical role with documents.generate but not pii.full does not exist in the seed; a viewer cannot generate at all
    const viewer = { ...t.admin, role: 'viewer' as const };
    expect((await t.fail('documents.generate', { form: 'intake', householdId: s.householdId }, viewer)).code).toBe('permission');
  });
});
