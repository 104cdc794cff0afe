import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedVillage, startTestBackend, type TestBackend } from '../../support/backend';
import { ID, upload } from './fixtures';

// exports.register: IDs and phones as 18-char TEXT cells, formula triggers neutralised, merged header
// with the office title, frozen panes, masked by default, full export only with pii.unmask + audit.

async function readBack(t: TestBackend, fileId: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(t.backend.services.files.read(fileId) as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

describe('exports.register', () => {
  let t: TestBackend;
  beforeEach(async () => {
    t = await startTestBackend();
    const { villageId, groupIds } = await seedVillage(t, '石桥村');
    await t.call('households.save', {
      householdNo: '620523001000010',
      villageId,
      groupId: groupIds[0],
      householdType: '一般农户',
      phone: '13800001234',
      address: '=HYPERLINK("http://evil.example","点我")',
      members: [
        { name: '张三', idNumber: ID.zhangHead, relation: '户主', workPlace: '@SUM(1+1)' },
        { name: '+李秀英', idNumber: ID.zhangWife, relation: '配偶' },
      ],
    });
  });
  afterEach(() => t.close());

  it('writes IDs as 18-char text, masks them by default, neutralises formulas and freezes a merged header', async () => {
    const out = await t.call('exports.register', { view: 'households', filter: {} });
    expect(out).toMatchObject({ rows: 1, masked: true });
    expect(out.name).toMatch(/^户籍名册-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const ws = await readBack(t, out.fileId);
    expect(String(ws.getCell('A1').value)).toContain('户籍名册');
    expect(ws.getCell('B1').master.address).toBe('A1');
    expect(ws.getCell('C3').value).toBe('所在地');
    expect(ws.getCell('D3').master.address).toBe('C3');
    expect(ws.getCell('B4').master.address).toBe('B3'); // 户编号 spans both header rows
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });

    const header = (ws.getRow(4).values as unknown[]).map((v, i) => v ?? (ws.getRow(3).values as unknown[])[i]);
    const col = (title: string) => header.indexOf(title);
    const row = ws.getRow(5);
    const id = row.getCell(col('证件号码'));
    expect(id.type).toBe(ExcelJS.ValueType.String);
    expect(id.value).toBe(`${ID.zhangHead.slice(0, 4)}**********${ID.zhangHead.slice(14)}`);
    expect(id.numFmt).toBe('@');
    expect(row.getCell(col('联系电话')).value).toBe('138****1234');
    expect(row.getCell(col('户编号')).value).toBe('620523001000010');
    const address = row.getCell(col('家庭住址'));
    expect(address.type).toBe(ExcelJS.ValueType.String);
    expect(address.value).toBe(`'=HYPERLINK("http://evil.example","点我")`);
  });

  it('exports members unmasked for a permitted user with a purpose, and audits it', async () => {
    const refused = await t.fail('exports.register', { view: 'members', filter: {}, masked: false });
    expect(refused.message).toContain('用途');
    const out = await t.call('exports.register', { view: 'members', filter: {}, masked: false, purpose: '报县乡村振兴局核对' });
    expect(out).toMatchObject({ rows: 2, masked: false });
    const ws = await readBack(t, out.fileId);
    const ids: unknown[] = [];
    const names: unknown[] = [];
    ws.eachRow((r, n) => {
      if (n < 5) return;
      ids.push(r.getCell(7).value);
      names.push(r.getCell(6).value);
      expect(r.getCell(7).type).toBe(ExcelJS.ValueType.String);
    });
    expect(ids).toEqual([ID.zhangHead, ID.zhangWife]);
    expect(ids.every((v) => typeof v === 'string' && v.length === 18)).toBe(true);
    expect(names).toEqual(['张三', "'+李秀英"]);
    expect(String(ws.getCell('A2').value)).toContain('用途：报县乡村振兴局核对');
    const audit = await t.call('audit.list', { filter: {} });
    expect(audit.rows.some((a) => a.action === 'export.unmasked' && a.summary.includes('报县乡村振兴局核对') && a.summary.includes('SHA-256'))).toBe(true);
  });

  it('refuses an unmasked export to a role without pii.unmask', async () => {
    await t.call('users.save', { username: 'leader', displayName: '领导', role: 'viewer', scope: { kind: 'all' }, initialPassword: 'Viewer-Passw0rd!2' });
    const viewer = await t.loginAs('leader', 'Viewer-Passw0rd!2');
    const err = await t.fail('exports.register', { view: 'households', filter: {}, masked: false, purpose: 'x' }, viewer);
    expect(err.code).toBe('permission');
    const masked = await t.call('exports.register', { view: 'households', filter: {} }, viewer);
    expect(masked.masked).toBe(true);
  });

  it('an unmasked member export imports again without changes (round trip)', async () => {
    const out = await t.call('exports.register', { view: 'members', filter: {}, masked: false, purpose: '备份核对' });
    const bytes = t.backend.services.files.read(out.fileId);
    const p = await t.call('imports.roster.preview', { file: upload(t, bytes, out.name) });
    expect(p.gaps).toEqual([]);
    expect(p.counts.households).toMatchObject({ create: 0, update: 0, unchanged: 1, rejected: 0 });
  });
});
