import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackendEvents } from '../../../shared/api/events';
import { makeIdNumber } from '../../../shared/domain/idCard';
import { seedVillage, startTestBackend, type TestBackend } from '../../support/backend';
import { BAD_LINES, DUPLICATE_FIRST, GOOD_LINES, ID, countHouseholds, dbSnapshot, rosterXlsx, upload } from './fixtures';

const householdIdByNo = (t: TestBackend, no: string): string =>
  (t.backend.services.db.prepare(`SELECT id FROM households WHERE household_no = ?`).get(no) as { id: string }).id;

describe('imports.roster.commit', () => {
  let t: TestBackend;
  let villageId: string;
  beforeEach(async () => {
    t = await startTestBackend();
    villageId = (await seedVillage(t, '石桥村')).villageId;
    await t.call('households.save', { householdNo: 'DB001', villageId, householdType: '一般农户', members: [{ name: '孙八', idNumber: ID.dbHead, relation: '户主' }] });
  });
  afterEach(() => t.close());

  const progressOf = (jobId: string): BackendEvents['job.progress'][] => {
    const seen: BackendEvents['job.progress'][] = [];
    t.backend.on('job.progress', (e) => {
      if (e.jobId === jobId) seen.push(e);
    });
    return seen;
  };

  it('writes the good households in one go, after a backup, and audits the import', async () => {
    const xlsx = await rosterXlsx([...GOOD_LINES, DUPLICATE_FIRST, ...BAD_LINES.map((b) => b.line)]);
    const p = await t.call('imports.roster.preview', { file: upload(t, xlsx, '花名册.xlsx') });
    const events = progressOf(p.previewId!);
    const result = await t.call('imports.roster.commit', { previewId: p.previewId! });

    expect(result.households).toEqual({ created: 3, updated: 0, unchanged: 0, rejected: BAD_LINES.length });
    expect(countHouseholds(t)).toBe(4);
    expect(result.backupFile).toMatch(/-pre-import\.db$/);
    expect(existsSync(join(t.dataDir, 'backups', result.backupFile!))).toBe(true);
    expect(events.at(-1)).toMatchObject({ percent: 100, done: true });
    expect(events.some((e) => e.percent > 0 && e.percent < 100)).toBe(true);

    const household = await t.call('households.get', { id: householdIdByNo(t, 'H001') });
    expect(household.members.map((m) => [m.name, m.relation, m.idNumber])).toEqual([
      ['张三', '户主', ID.zhangHead],
      ['李秀英', '配偶', ID.zhangWife],
      ['张小明', '之子', ID.zhangSon],
    ]);
    expect(household.members[2]).toMatchObject({ schoolStage: '小学', schoolGrade: 3, sex: '男', birthDate: '2016-09-01' });
    expect(household.members[0]).toMatchObject({ workPlace: '兰州', workMonths: 6 });
    const wang = await t.call('households.get', { id: householdIdByNo(t, 'H002') });
    expect(wang).toMatchObject({ householdType: '脱贫户', phone: '13900005678', groupName: '二组' });

    const audit = await t.call('audit.list', { filter: {} });
    expect(audit.rows.some((a) => a.action === 'import.commit' && a.summary.includes('新增 3 户'))).toBe(true);
    expect(audit.rows.filter((a) => a.action === 'create' && a.entity === 'household')).toHaveLength(4);

    const again = await t.fail('imports.roster.commit', { previewId: p.previewId! });
    expect(again.message).toContain('已经提交过');
  });

  it('importing the same file again changes nothing (row versions unchanged) and says so', async () => {
    const xlsx = await rosterXlsx(GOOD_LINES);
    const first = await t.call('imports.roster.preview', { file: upload(t, xlsx, 'a.xlsx') });
    await t.call('imports.roster.commit', { previewId: first.previewId! });
    const after = dbSnapshot(t);

    const second = await t.call('imports.roster.preview', { file: upload(t, xlsx, 'a.xlsx') });
    expect(second.sameFileCommittedAt).toBeTruthy();
    expect(second.counts.households).toEqual({ create: 0, update: 0, unchanged: 2, rejected: 0 });
    const result = await t.call('imports.roster.commit', { previewId: second.previewId! });
    expect(result.households).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(result.backupFile).toBeNull();
    expect(dbSnapshot(t)).toEqual(after);
  });

  it('updates a stored household matched by 户编号 and adds a new member, keeping the rest', async () => {
    await t.call('imports.roster.commit', { previewId: (await t.call('imports.roster.preview', { file: upload(t, await rosterXlsx(GOOD_LINES), 'a.xlsx') })).previewId! });
    const changed = GOOD_LINES.slice(0, 1).map((l) => {
      const line = [...l];
      line[9] = '13711112222';
      return line;
    });
    const wrong = makeIdNumber('620523', '20180301', '042');
    changed.push(['H001', '石桥村', '一组', '张小红', wrong.slice(0, 17) + (wrong[17] === '1' ? '2' : '1'), '之女', null, null, '一般农户', null, null, null]);
    const p = await t.call('imports.roster.preview', { file: upload(t, await rosterXlsx(changed), 'b.xlsx') });
    const err = p.problems.filter((x) => x.severity === 'error');
    expect(err).toEqual([expect.objectContaining({ row: 5, column: 'E' })]); // made-up ID: wrong check digit
    const fixed = [...changed];
    fixed[1] = [...fixed[1]];
    fixed[1][4] = makeIdNumber('620523', '20180301', '042');
    const q = await t.call('imports.roster.preview', { file: upload(t, await rosterXlsx(fixed), 'c.xlsx') });
    expect(q.counts.households).toMatchObject({ update: 1, create: 0 });
    expect(q.counts.members).toEqual({ create: 1, update: 0 });
    await t.call('imports.roster.commit', { previewId: q.previewId! });
    const h = await t.call('households.get', { id: householdIdByNo(t, 'H001') });
    expect(h.phone).toBe('13711112222');
    expect(h.members.map((m) => m.name)).toEqual(['张三', '李秀英', '张小明', '张小红']);
  });

  it('is all-or-nothing: a conflict found while writing rolls every household back', async () => {
    const p = await t.call('imports.roster.preview', { file: upload(t, await rosterXlsx(GOOD_LINES), 'a.xlsx') });
    // After the preview someone registers 王五's wife elsewhere: the second staged household now conflicts.
    await t.call('households.save', { villageId, householdType: '一般农户', members: [{ name: '赵兰', idNumber: ID.wangWife, relation: '户主' }] });
    const before = dbSnapshot(t);
    const err = await t.fail('imports.roster.commit', { previewId: p.previewId! });
    expect(err.message).toMatch(/提交失败，本次导入已全部撤销/);
    expect(dbSnapshot(t)).toEqual(before);
    expect(countHouseholds(t)).toBe(2);
  });

  it('cancel during the preview leaves nothing staged; cancel before the write leaves nothing written', async () => {
    const xlsx = await rosterXlsx(GOOD_LINES);
    const file = upload(t, xlsx, 'a.xlsx');
    let asked = false;
    t.backend.on('job.progress', (e) => {
      if (e.jobId === file && !asked) {
        asked = true;
        void t.call('imports.roster.cancel', { jobId: file });
      }
    });
    const cancelled = await t.fail('imports.roster.preview', { file, jobId: file });
    expect(cancelled.details).toMatchObject({ cancelled: true });
    const staged = t.backend.services.db.prepare(`SELECT count(*) AS n FROM import_jobs`).get() as { n: number };
    expect(staged.n).toBe(0);

    const p = await t.call('imports.roster.preview', { file: upload(t, xlsx, 'b.xlsx') });
    const before = dbSnapshot(t);
    const off = t.backend.on('job.progress', (e) => {
      if (e.jobId === p.previewId && e.message.includes('备份')) void t.call('imports.roster.cancel', { jobId: p.previewId! });
    });
    const stopped = await t.fail('imports.roster.commit', { previewId: p.previewId! });
    off();
    expect(stopped.details).toMatchObject({ cancelled: true });
    expect(dbSnapshot(t)).toEqual(before);
    // The preview is still there and can be committed later.
    const later = await t.call('imports.roster.commit', { previewId: p.previewId! });
    expect(later.households.created).toBe(2);
  });

  it('creates unknown villages and groups when asked, through divisions.save', async () => {
    const lines = [['N001', '白水村', '五组', '周九', ID.zhouHead, '户主', null, null, '一般农户', null, null, null]];
    const strict = await t.call('imports.roster.preview', { file: upload(t, await rosterXlsx(lines), 'a.xlsx') });
    expect(strict.counts.households.rejected).toBe(1);
    const p = await t.call('imports.roster.preview', { file: upload(t, await rosterXlsx(lines), 'b.xlsx'), options: { createDivisions: true } });
    const r = await t.call('imports.roster.commit', { previewId: p.previewId! });
    expect(r.divisionsCreated).toBe(2);
    const divisions = await t.call('divisions.list', {});
    const village = divisions.find((d) => d.name === '白水村')!;
    expect(divisions.find((d) => d.name === '五组')!.parentId).toBe(village.id);
  });

  it('writes a problem report with every problem as .xlsx', async () => {
    const p = await t.call('imports.roster.preview', { file: upload(t, await rosterXlsx([...GOOD_LINES, DUPLICATE_FIRST, ...BAD_LINES.map((b) => b.line)]), 'a.xlsx') });
    const { fileId, name } = await t.call('imports.roster.report', { previewId: p.previewId! });
    expect(name).toMatch(/^导入问题报告-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(t.backend.services.files.read(fileId) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('问题清单')!;
    const rows: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 4) rows.push(`${row.getCell(1).value}${row.getCell(2).value}|${row.getCell(5).value}|${row.getCell(4).value}`);
    });
    expect(rows).toHaveLength(p.problemTotal);
    const firstBad = 4 + GOOD_LINES.length + 1;
    BAD_LINES.forEach((b, i) => expect(rows.some((r) => r.startsWith(`${firstBad + i}${b.column}|错误|`) && b.message.test(r))).toBe(true));
  });
});
