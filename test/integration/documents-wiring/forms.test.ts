// documents.generate for every form, from a household built through the API: the household's own
// data is in the document XML, signatures captured on the pad are embedded, IDs are in full on
// internal forms (masked on request), and each file lands in the household's 文书档案.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORM_KEYS } from '../../../shared/api/methods/documents';
import { FORM_KEYS as REGISTRY_KEYS } from '../../../electron/backend/documents/registry';
import { formatFen } from '../../../shared/domain/money';
import { maskIdNumber } from '../../../shared/domain/idCard';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { readDocx, type ReadDocx } from '../documents/docx-read';
import { buildScenario, CHILD_ID, fileBytes, HEAD, HEAD_ID, REJECTED, type Scenario } from './scenario';

let t: TestBackend;
let s: Scenario;

beforeAll(async () => {
  t = await startTestBackend();
  s = await buildScenario(t);
}, 60_000);
afterAll(() => t.close());

async function generate(input: Parameters<TestBackend['call']>[1] & object): Promise<{ name: string; doc: ReadDocx; fileId: string }> {
  const r = await t.call('documents.generate', input as never);
  return { name: r.name, fileId: r.fileId, doc: await readDocx(fileBytes(t, r.fileId)) };
}

describe('documents.generate from the records', () => {
  it('offers every registry form, household forms as batchable', async () => {
    expect([...FORM_KEYS]).toEqual(REGISTRY_KEYS);
    const forms = await t.call('documents.forms', {});
    expect(forms.map((f) => f.key)).toEqual(REGISTRY_KEYS);
    expect(forms.filter((f) => f.isPublic).map((f) => f.key)).toEqual(['publicNotice', 'announcement', 'measures']);
    expect(forms.filter((f) => !f.batchable).map((f) => f.key)).toEqual(['minutes', 'publicNotice', 'announcement']);
  });

  it('信息采集表: household, members, income and the paired cadre, IDs in full, the verify-time pad signature', async () => {
    const account = await t.call('income.get', { householdId: s.householdId });
    const { doc, name } = await generate({ form: 'intake', householdId: s.householdId });
    expect(name).toBe('信息采集表-青山村-王大山-2026-12-07.docx');
    expect(doc.text).toContain('防止返贫监测对象信息采集表');
    expect(doc.xml).toContain(HEAD);
    expect(doc.xml).toContain(HEAD_ID);
    expect(doc.xml).toContain(CHILD_ID);
    expect(doc.xml).toContain('李秀英');
    expect(doc.xml).toContain(formatFen(account.account!.perCapitaFen, { grouping: false }));
    expect(doc.xml).toContain('周建军');
    expect(doc.xml).toContain('平江县农业农村局');
    expect(doc.xml).toContain('青山镇');
    expect(doc.xml).toContain('赵镇干');
    expect(doc.drawings).toBeGreaterThanOrEqual(1); // 户主签字 at 入户核实 (pad)
  });

  it('授权书 carries the applicant pad signature; 审批表 the votes, 公示 period and county decision', async () => {
    const app = await generate({ form: 'application', caseId: s.caseId });
    expect(app.doc.xml).toContain(HEAD);
    expect(app.doc.xml).toContain(HEAD_ID);
    expect(app.doc.drawings).toBeGreaterThanOrEqual(1);
    const approval = await generate({ form: 'approval', householdId: s.householdId });
    expect(approval.doc.xml).toContain('边缘易致贫户');
    expect(approval.doc.xml).toContain('程序规范，同意纳入。');
    expect(approval.doc.xml).toContain('孙审核');
    // posted 11-29 for 7 days: counted from the next day (notice.ts), printed as an inclusive span
    expect(approval.doc.text).toContain('2026年11月30日至2026年12月6日（共7天）');
  });

  it('收入核算表 lists the itemised lines with their notes', async () => {
    const { doc } = await generate({ form: 'incomeSheet', householdId: s.householdId });
    expect(doc.xml).toContain('护林员');
    expect(doc.xml).toContain('水稻4亩');
    expect(doc.xml).toContain('王会计');
    expect(doc.xml).toContain('9000.00');
  });

  it('会议记录: items and every attendee signature embedded from the pad', async () => {
    const { doc } = await generate({ form: 'minutes', meetingId: s.meetingId });
    for (const name of ['张书记', '钱队员', '孙党员', HEAD]) expect(doc.xml).toContain(name);
    // three attendees signed on the pad; the host's signature is printed again in the footer
    expect(doc.drawings).toBeGreaterThanOrEqual(3);
  });

  it('公示 and 公告 list the household by name and group only', async () => {
    const notice = await generate({ form: 'publicNotice', noticeId: s.noticeId });
    expect(notice.doc.text).toContain('青山村拟纳入防止返贫监测对象名单公示');
    expect(notice.doc.xml).toContain(HEAD);
    expect(notice.doc.xml).toContain('0730-6123456');
    expect(notice.doc.text).toContain('公示期为2026年11月30日至2026年12月6日（共7天）');
    const ann = await generate({ form: 'announcement', noticeId: s.noticeId });
    expect(ann.doc.xml).toContain(HEAD);
    expect(ann.doc.xml).toContain('青山镇');
  });

  it('不予纳入告知书 from a lead closed as not eligible', async () => {
    const { doc } = await generate({ form: 'rejectionNotice', householdId: s.rejectedId });
    expect(doc.xml).toContain(REJECTED);
    expect(doc.xml).toContain('家庭人均纯收入明显高于监测范围');
  });

  it('风险消除评估表 from an elimination case (opened with a recorded 特批), with the criteria check', async () => {
    const c = await t.call('cases.open', { householdId: s.householdId, kind: 'elimination', mode: '帮扶消除', override: { reason: '测试：提前评估' } });
    const { doc } = await generate({ form: 'eliminationAssessment', caseId: c.id });
    expect(doc.xml).toContain(HEAD);
    expect(doc.xml).toContain('帮扶消除');
    expect(doc.xml).toContain('公益岗位帮扶（护林员）');
    await t.call('cases.withdraw', { caseId: c.id, reason: '测试结束' });
  });

  it('masks IDs on request and says which forms cannot be generated yet, and why', async () => {
    const { doc, name } = await generate({ form: 'intake', householdId: s.householdId, masked: true });
    expect(name).toContain('-遮挡-');
    expect(doc.xml).not.toContain(HEAD_ID);
    expect(doc.xml).toContain(maskIdNumber(HEAD_ID));
    const applicable = await t.call('documents.applicable', { householdId: s.rejectedId });
    const byForm = Object.fromEntries(applicable.map((a) => [a.form, a]));
    expect(byForm.rejectionNotice.available).toBe(true);
    expect(byForm.intake.available).toBe(false);
    expect(byForm.intake.reason).toContain('还没有收入核算');
    expect(byForm.approval.reason).toContain('没有识别纳入案件');
    const none = await t.fail('documents.generate', { form: 'approval', householdId: s.thirdId });
    expect(none.code).toBe('workflow_rule');
  });

  it('files each document under its household and audits it', async () => {
    const files = await t.call('documents.files', { householdId: s.householdId });
    const names = files.filter((f) => f.kind === 'generated').map((f) => f.name);
    expect(names.some((n) => n.startsWith('信息采集表-青山村-王大山'))).toBe(true);
    expect(names.some((n) => n.startsWith('识别审批表'))).toBe(true);
    const db = t.backend.services.db;
    const audited = db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'document.generate' AND household_id = ?`).get(s.householdId) as { n: number };
    expect(audited.n).toBeGreaterThanOrEqual(names.length);
  });

  it('refuses a household outside a village account\'s scope', async () => {
    const village = { ...t.admin, role: 'village' as const, scope: { kind: 'villages' as const, villageIds: ['other-village'] } };
    const err = await t.fail('documents.generate', { form: 'intake', householdId: s.householdId }, village);
    expect(err.code).toBe('permission');
  });
});
