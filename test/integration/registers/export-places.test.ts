import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HandlerContext } from '../../../electron/backend/context';
import { exportRegister } from '../../../electron/backend/exports/registerExport';
import { exportPlaces } from '../../../electron/backend/repos/exports';
import { startTestBackend, type TestBackend } from '../../support/backend';

// exports.register reads a register village by village (a county is 300k households / 1M people) and
// continues on another sheet past Excel's last row. Whatever the walk, the file must hold the rows the
// one-query export held, in the same order: village (division list order), 村民小组, 户编号, 户主.

let t: TestBackend;

beforeAll(async () => {
  t = await startTestBackend();
  const township = await t.call('divisions.save', { level: 'township', name: '石桥镇' });
  // Created out of name order, so the division list order (sort_order) is what decides.
  for (const [v, villageName] of ['西岭村', '东山村', '南河村'].entries()) {
    const village = await t.call('divisions.save', { level: 'village', name: villageName, parentId: township.id });
    const groups = [await t.call('divisions.save', { level: 'group', name: '二组', parentId: village.id }), await t.call('divisions.save', { level: 'group', name: '一组', parentId: village.id })];
    for (let i = 0; i < 4; i++) {
      await t.call('households.save', {
        householdNo: `6205230010${v}${(7 - i) % 4}`.padEnd(15, '0'),
        villageId: village.id,
        groupId: groups[i % 2].id,
        householdType: '一般农户',
        members: [
          { name: `户主${v}${i}`, relation: '户主' },
          { name: `成员${v}${i}`, relation: '之子' },
        ],
      });
    }
  }
});
afterAll(() => t.close());

/** The order the single-query export used, straight from the database: [户主, 成员] per row. */
function reference(kind: 'households' | 'members'): string[] {
  const order = `ORDER BY v.sort_order, v.name, g.sort_order, g.name, h.household_no, h.head_name, h.id`;
  const from = `FROM households h LEFT JOIN divisions v ON v.id = h.village_id LEFT JOIN divisions g ON g.id = h.group_id`;
  const sql =
    kind === 'households'
      ? `SELECT h.head_name ${from} WHERE h.deleted_at IS NULL ${order}`
      : `SELECT h.head_name || '/' || m.name FROM members m JOIN households h ON h.id = m.household_id LEFT JOIN divisions v ON v.id = h.village_id LEFT JOIN divisions g ON g.id = h.group_id
         WHERE h.deleted_at IS NULL AND m.deleted_at IS NULL AND m.left_at IS NULL ${order}, m.sort_order, m.created_at`;
  return t.backend.services.db.prepare(sql).pluck().all() as string[];
}

async function sheetsOf(fileId: string): Promise<ExcelJS.Worksheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(t.backend.services.files.read(fileId) as unknown as ArrayBuffer);
  return wb.worksheets;
}

/** Data rows (from row 5) of every sheet: [序号, 户主 or 户主/成员]. */
function dataRows(sheets: ExcelJS.Worksheet[], kind: 'households' | 'members'): [number, string][] {
  const out: [number, string][] = [];
  for (const sheet of sheets) {
    sheet.eachRow((row, n) => {
      if (n < 5) return;
      const key = kind === 'households' ? String(row.getCell(5).value) : `${String(row.getCell(5).value)}/${String(row.getCell(6).value)}`;
      out.push([Number(row.getCell(1).value), key]);
    });
  }
  return out;
}

describe('exports.register, village by village', () => {
  it.each(['households', 'members'] as const)('%s: the same rows in the same order as one sorted query', async (view) => {
    const result = await t.call('exports.register', { view, filter: {} });
    const rows = dataRows(await sheetsOf(result.fileId), view);
    expect(rows.map(([, key]) => key)).toEqual(reference(view));
    expect(rows.map(([n]) => n)).toEqual(rows.map((_, i) => i + 1));
    expect(result.rows).toBe(rows.length);
  });

  it('past the sheet limit it continues on 续 sheets, each with the title and header, numbering on', async () => {
    const ctx = new HandlerContext(t.backend.services, t.admin);
    const result = await exportRegister(ctx, { view: 'members', filter: {} }, 10);
    const sheets = await sheetsOf(result.fileId);
    expect(sheets.map((s) => s.name)).toEqual(['人员名册', '人员名册（续1）', '人员名册（续2）']);
    for (const s of sheets) {
      expect(String(s.getCell('A1').value)).toContain('人员名册');
      expect(String(s.getCell('A2').value)).toContain('共 24 人');
      expect(String(s.getCell('A3').value)).toBe('序号');
    }
    expect(sheets.map((s) => s.rowCount)).toEqual([14, 14, 8]);
    const rows = dataRows(sheets, 'members');
    expect(rows.map(([, key]) => key)).toEqual(reference('members'));
    expect(rows.map(([n]) => n)).toEqual(rows.map((_, i) => i + 1));
  });

  // Last: it adds a household.
  it('reads one moment: a household saved in a village not yet written is not in the file, and 共 N is what was written', async () => {
    const before = reference('households');
    const lastVillage = exportPlaces(t.backend.services.db).filter((p): p is string => p !== null).at(-1)!;
    const exporting = exportRegister(new HandlerContext(t.backend.services, t.admin), { view: 'households', filter: {} });
    await t.call('households.save', { villageId: lastVillage, householdType: '一般农户', members: [{ name: '导出中新增', relation: '户主' }] });
    const result = await exporting;
    const sheets = await sheetsOf(result.fileId);
    expect(dataRows(sheets, 'households').map(([, key]) => key)).toEqual(before);
    expect(String(sheets[0].getCell('A2').value)).toContain(`共 ${before.length} 户`);
    expect(reference('households')).toContain('导出中新增');
  });
});

