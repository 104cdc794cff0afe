import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getHousehold } from '../../../electron/backend/repos/households';
import { seedVillage, startTestBackend, type TestBackend } from '../../support/backend';
import { GOOD_LINES, ID, countHouseholds, rosterXlsx, upload } from './fixtures';

// The import commit creates new households on a bulk path (imports/bulkCreate.ts) that builds the
// county change-log record from what it wrote instead of reading it back. These tests hold it to
// what households.save records, and to the same checks against a register changed since the preview.

const changeRows = (t: TestBackend, entity: string) =>
  (t.backend.services.db.prepare(`SELECT entity_id AS id, row_version AS rv, op, data FROM change_log WHERE entity = ? ORDER BY seq`).all(entity) as { id: string; rv: number; op: string; data: string }[]).map((r) => ({ ...r, data: JSON.parse(r.data) as Record<string, unknown> }));

describe('imports.roster.commit — new households in bulk', () => {
  let t: TestBackend;
  let villageId: string;
  beforeEach(async () => {
    t = await startTestBackend();
    villageId = (await seedVillage(t, '石桥村')).villageId;
  });
  afterEach(() => t.close());

  const preview = async () => (await t.call('imports.roster.preview', { file: upload(t, await rosterXlsx(GOOD_LINES), '花名册.xlsx'), options: { createDivisions: true } })).previewId!;

  it('logs each household exactly as it reads back, and each member as stored', async () => {
    await t.call('imports.roster.commit', { previewId: await preview() });
    const households = changeRows(t, 'household');
    expect(households).toHaveLength(2);
    for (const change of households) {
      const stored = getHousehold(t.backend.services.db, change.id)!;
      // What households.save puts in the change log: the record read back, members left out.
      expect(change.data).toEqual(JSON.parse(JSON.stringify({ ...stored, members: undefined, formerMembers: undefined })));
      expect(change).toMatchObject({ rv: stored.rowVersion, op: 'upsert' });
      const members = changeRows(t, 'member').filter((m) => m.data.householdId === change.id);
      expect(members.map((m) => [m.data.name, m.data.idNumber, m.data.pinyin, m.data.relation])).toEqual(stored.members.map((m) => [m.name, m.idNumber, m.pinyin, m.relation]));
    }
    const audit = await t.call('audit.list', { filter: {} });
    const zhang = audit.rows.find((a) => a.action === 'create' && a.entity === 'household' && a.summary.includes('张三'))!;
    expect(zhang.summary).toBe('新建农户「张三」（石桥村，3 人）');
    expect(zhang.changes.map((c) => c.label)).toEqual(expect.arrayContaining(['户编号', '行政村', '村民小组', '户主', '户类型']));
    expect(audit.rows.filter((a) => a.action === 'create' && a.entity === 'member')).toHaveLength(5);
  });

  it('refuses the whole import when a person was registered elsewhere after the preview', async () => {
    const previewId = await preview();
    await t.call('households.save', { villageId, householdType: '一般农户', members: [{ name: '李秀英', idNumber: ID.zhangWife, relation: '户主' }] });
    const error = await t.fail('imports.roster.commit', { previewId });
    expect(error.message).toContain('本次导入已全部撤销');
    expect(error.message).toContain(`李秀英（${ID.zhangWife}）已登记在「石桥村」`);
    expect(countHouseholds(t)).toBe(1);
  });

  it('refuses the whole import when its 户编号 was taken after the preview', async () => {
    const previewId = await preview();
    await t.call('households.save', { householdNo: 'H002', villageId, householdType: '一般农户', members: [{ name: '刘一', idNumber: ID.liHead, relation: '户主' }] });
    const error = await t.fail('imports.roster.commit', { previewId });
    expect(error.message).toContain('户编号「H002」已被另一户使用');
    expect(countHouseholds(t)).toBe(1);
  });
});
