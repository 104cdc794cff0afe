// documents.batch: merged into one Word file or one .docx per household zipped, with real progress
// events, households that cannot be printed listed (not silently dropped), and 取消 that stops it.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../../shared/domain/idCard';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { readDocx } from '../documents/docx-read';
import { buildScenario, fileBytes, HEAD, REJECTED, THIRD, type Scenario } from './scenario';

let t: TestBackend;
let s: Scenario;

beforeAll(async () => {
  t = await startTestBackend();
  s = await buildScenario(t);
}, 60_000);
afterAll(() => t.close());

function recordProgress(jobId: string) {
  const events: { percent: number; message: string; done?: boolean }[] = [];
  const off = t.backend.on('job.progress', (p: { jobId: string; percent: number; message: string; done?: boolean }) => {
    if (p.jobId === jobId) events.push(p);
  });
  return { events, off };
}

describe('documents.batch', () => {
  it('merges a village into one document; households without the needed records are listed with the reason', async () => {
    const progress = recordProgress('job-merged-0001');
    const r = await t.call('documents.batch', { form: 'intake', villageId: s.villageId, merged: true, jobId: 'job-merged-0001' });
    progress.off();
    expect(r.name).toMatch(/^信息采集表-批量1户-合并-\d{4}-\d{2}-\d{2}\.docx$/);
    expect(r.count).toBe(1);
    expect(r.files).toBe(1);
    expect(r.skipped.map((x) => x.headName).sort()).toEqual([REJECTED, THIRD].sort());
    expect(r.skipped[0].reason).toContain('收入核算');
    const doc = await readDocx(fileBytes(t, r.fileId));
    expect(doc.xml).toContain(HEAD);
    expect(progress.events.at(-1)).toMatchObject({ percent: 100, done: true });
    const percents = progress.events.map((e) => e.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
  });

  it('zips one .docx per household, with the list of those not generated', async () => {
    const r = await t.call('documents.batch', { form: 'application', householdIds: [s.householdId, s.rejectedId, s.thirdId], merged: false });
    expect(r.count).toBe(3);
    const zip = await JSZip.loadAsync(fileBytes(t, r.fileId));
    const names = Object.keys(zip.files).sort();
    expect(names).toHaveLength(3);
    expect(names.every((n) => n.startsWith('个人申请及承诺授权书-青山村-'))).toBe(true);
    const rejected = await readDocx(await zip.file(names.find((n) => n.includes(REJECTED))!)!.async('uint8array'));
    expect(rejected.xml).toContain(REJECTED);

    const partial = await t.call('documents.batch', { form: 'incomeSheet', householdIds: [s.householdId, s.thirdId], merged: false });
    const files = Object.keys((await JSZip.loadAsync(fileBytes(t, partial.fileId))).files);
    expect(files).toContain('未生成清单.txt');
  });

  it('builds one file per household on the worker pool when the batch is large enough', { timeout: 60_000 }, async () => {
    const ids = [s.householdId];
    for (let i = 0; i < 9; i++) {
      const h = await t.call('households.save', { villageId: s.villageId, householdType: '一般农户', members: [{ name: `赵${i}号`, idNumber: makeIdNumber('430626', '19800202', 100 + i), relation: '户主', labourSkill: '普通劳动力' }] });
      await t.call('income.save', { householdId: h.id, date: '2026-12-01', items: [{ key: 'migrantWork', amountFen: 1_000_000 + i }, { key: 'farmlandSubsidy', amountFen: 0 }] });
      ids.push(h.id);
    }
    const progress = recordProgress('job-pool-0001');
    const r = await t.call('documents.batch', { form: 'incomeSheet', householdIds: ids, merged: false, jobId: 'job-pool-0001' });
    progress.off();
    expect(r.count).toBe(10);
    const zip = await JSZip.loadAsync(fileBytes(t, r.fileId));
    const names = Object.keys(zip.files);
    expect(names).toHaveLength(10);
    const zhao = await readDocx(await zip.file(names.find((n) => n.includes('赵3号'))!)!.async('uint8array'));
    expect(zhao.xml).toContain('赵3号');
    expect(zhao.xml).toContain('10000.03');
    expect(progress.events.some((e) => e.message.startsWith('已生成'))).toBe(true);
  });

  it('refuses forms that are not per household, and households outside the caller\'s villages', async () => {
    expect((await t.fail('documents.batch', { form: 'minutes', villageId: s.villageId, merged: true })).message).toContain('不能按户批量生成');
    const village = { ...t.admin, role: 'village' as const, scope: { kind: 'villages' as const, villageIds: ['elsewhere'] } };
    expect((await t.fail('documents.batch', { form: 'intake', householdIds: [s.householdId], merged: true }, village)).code).toBe('permission');
  });

  it('stops when cancelled and stores nothing', async () => {
    const before = (t.backend.services.db.prepare(`SELECT count(*) AS n FROM files WHERE kind = 'generated'`).get() as { n: number }).n;
    const ids = Array.from({ length: 3 }, () => [s.householdId, s.rejectedId, s.thirdId]).flat();
    let cancelled: Promise<unknown> | undefined;
    const off = t.backend.on('job.progress', (p: { jobId: string; percent: number }) => {
      if (p.jobId === 'job-cancel-0001' && p.percent > 0 && !cancelled) cancelled = t.call('documents.cancel', { jobId: 'job-cancel-0001' });
    });
    const err = await t.fail('documents.batch', { form: 'application', householdIds: ids, merged: false, jobId: 'job-cancel-0001' });
    off();
    expect(await cancelled).toEqual({ cancelled: true });
    expect(err.message).toContain('已取消');
    expect(err.details).toMatchObject({ cancelled: true });
    expect((t.backend.services.db.prepare(`SELECT count(*) AS n FROM files WHERE kind = 'generated'`).get() as { n: number }).n).toBe(before);
  });
});
