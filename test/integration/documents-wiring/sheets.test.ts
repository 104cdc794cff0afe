// 季度风险评估表 and 台账 re-read with exceljs: IDs are TEXT of 18 characters (masked by default), the
// colours come from the grade history, the totals add up, and text that looks like a formula is
// written as inert text.
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskIdNumber } from '../../../shared/domain/idCard';
import { WARNINGS_NOTE } from '../../../electron/backend/documents/sheets/ledgers';
import { startTestBackend, type TestBackend } from '../../support/backend';
import { buildScenario, fileBytes, HEAD, HEAD_ID, REJECTED, THIRD, THIRD_ID, type Scenario } from './scenario';

let t: TestBackend;
let s: Scenario;

beforeAll(async () => {
  t = await startTestBackend();
  s = await buildScenario(t);
  await t.call('followups.save', { householdId: s.householdId, visitDate: '2026-12-05', visitors: ['周建军'], visitMethod: 'home', findings: '@SUM(1,2) 住房加固已开工' });
}, 60_000);
afterAll(() => t.close());

async function sheetOf(fileId: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fileBytes(t, fileId) as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

/** Data rows (from row 5) as arrays of cell values, by the leaf header of row 4. */
function table(ws: ExcelJS.Worksheet): { header: string[]; rows: Record<string, ExcelJS.CellValue>[] } {
  const seen = new Set<string>();
  const header = Array.from({ length: ws.columnCount }, (_, i) => {
    const leaf = String(ws.getRow(4).getCell(i + 1).value ?? ws.getRow(3).getCell(i + 1).value ?? '');
    // a leaf repeated under another group (户主 姓名 / 帮扶联系人 姓名) is keyed by group + leaf
    const key = seen.has(leaf) ? `${String(ws.getRow(3).getCell(i + 1).value)}${leaf}` : leaf;
    seen.add(leaf);
    return key;
  });
  const rows: Record<string, ExcelJS.CellValue>[] = [];
  for (let r = 5; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    rows.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).value])));
  }
  return { header, rows };
}

const colourLabelOn = async (householdId: string, date: string) => {
  const { grades } = await t.call('assessments.list', { householdId });
  const g = grades.filter((x) => x.date <= date).sort((a, b) => a.date.localeCompare(b.date) || a.recordedAt.localeCompare(b.recordedAt)).at(-1);
  return g ? g.colourLabel.replace(/（.*）$/, '') : '未评级';
};

describe('exports.quarterly', () => {
  it('one row per household graded in the quarter, IDs as 18-character text, colours this and last quarter, totals', async () => {
    const r = await t.call('exports.quarterly', { year: 2026, quarter: 4 });
    expect(r.dueDate).toBe('2027-01-05');
    expect(r.masked).toBe(true);
    const ws = await sheetOf(r.fileId);
    expect(String(ws.getCell('A1').value)).toBe('平江县青山镇2026年第4季度防返贫致贫监测对象风险评估表');
    expect(String(ws.getCell('A2').value)).toContain('报送截止：2027-01-05');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(ws.getCell('B3').value).toBe('基本情况');
    expect(ws.getCell('B3').isMerged).toBe(true);
    const { rows } = table(ws);
    const data = rows.slice(0, -1);
    const totals = rows.at(-1)!;
    expect(data.map((x) => x['户主姓名']).sort()).toEqual([HEAD, THIRD].sort()); // 张小花 was never graded
    expect(r.rows).toBe(2);
    for (const row of data) {
      expect(typeof row['证件号码']).toBe('string');
      expect(String(row['证件号码'])).toHaveLength(18);
    }
    const head = data.find((x) => x['户主姓名'] === HEAD)!;
    expect(head['证件号码']).toBe(maskIdNumber(HEAD_ID));
    expect(head['本季度风险等级']).toBe(await colourLabelOn(s.householdId, '2026-12-31'));
    expect(head['上季度风险等级']).toBe(await colourLabelOn(s.householdId, '2026-09-30'));
    expect(String(head['帮扶措施'])).toContain('公益岗位帮扶：护林员');
    expect(head['结对帮扶干部']).toBe('周建军');
    const account = (await t.call('income.get', { householdId: s.householdId })).account!;
    expect(head['人均纯收入（元）']).toBe(account.perCapitaFen / 100);
    expect(totals['序号']).toBe('合计');
    expect(totals['家庭人口']).toBe(3 + 2);
    expect(totals['村组']).toBe('共 2 户');
    // stored and audited together: the audit row names the file and the SHA-256 of its bytes
    const audit = t.backend.services.db.prepare(`SELECT action, summary FROM audit_log WHERE entity = 'report' AND entity_id = ?`).all(r.fileId) as { action: string; summary: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0].action).toBe('export');
    expect(audit[0].summary).toContain(`文件 SHA-256 ${createHash('sha256').update(fileBytes(t, r.fileId)).digest('hex')}`);
  });

  it('exports full IDs for pii.unmask with a purpose, still as text', async () => {
    const r = await t.call('exports.quarterly', { year: 2026, quarter: 4, masked: false, purpose: '季度报送' });
    const { rows } = table(await sheetOf(r.fileId));
    const ids = rows.slice(0, -1).map((x) => x['证件号码']);
    expect(ids.sort()).toEqual([HEAD_ID, THIRD_ID].sort());
  });
});

describe('exports.quarterly layout', () => {
  // The app's tag colours (UI.md) by the first character of the colour label.
  const TAG: Record<string, string> = { 红: 'FFF5222D', 橙: 'FFFA8C16', 黄: 'FFFADB14', 蓝: 'FF1677FF' };
  const THIN = { style: 'thin' };

  it('keeps the printed layout: merges, widths, 宋体, borders, fills, number formats, frozen header, print setup', async () => {
    const ws = await sheetOf((await t.call('exports.quarterly', { year: 2026, quarter: 4 })).fileId);
    expect(ws.model.merges.sort()).toEqual(['A1:N1', 'A2:N2', 'A3:A4', 'B3:F3', 'G3:K3', 'L3:M3', 'N3:N4'].sort());
    expect(ws.columns.map((c) => c.width)).toEqual([6, 14, 10, 22, 8, 14, 16, 14, 24, 10, 10, 30, 12, 34]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 });
    expect(ws.getCell('A1').font).toMatchObject({ name: '宋体', size: 16, bold: true });
    expect(ws.getCell('D4').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } });
    expect(ws.getCell('D4').font).toMatchObject({ name: '宋体', bold: true });
    const { rows } = table(ws);
    const last = 4 + rows.length;
    for (let r = 5; r <= last; r++) {
      for (let c = 1; c <= 14; c++) {
        const cell = ws.getRow(r).getCell(c);
        expect(cell.font?.name, cell.address).toBe('宋体');
        expect(cell.font?.size, cell.address).toBe(11);
        expect(cell.border, cell.address).toEqual({ top: THIN, left: THIN, bottom: THIN, right: THIN });
        expect(cell.alignment, cell.address).toEqual({ vertical: 'middle', wrapText: true });
        expect(Boolean(cell.font?.bold), cell.address).toBe(r === last); // the totals row only
      }
      expect(ws.getRow(r).getCell(4).numFmt).toBe('@'); // 证件号码 as text
    }
    const headRow = 5 + rows.findIndex((x) => x['户主姓名'] === HEAD);
    expect(ws.getRow(headRow).getCell(8).numFmt).toBe('0.00'); // 人均纯收入（元）
    for (const col of [10, 11]) {
      const cell = ws.getRow(headRow).getCell(col);
      const argb = TAG[String(cell.value).slice(0, 1)];
      expect(cell.fill, cell.address).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
      expect(cell.font?.color, cell.address).toEqual({ argb: argb === TAG['黄'] ? 'FF000000' : 'FFFFFFFF' });
    }
    const totalsFill = ws.getRow(last).getCell(10).fill;
    expect(totalsFill?.type === 'pattern' ? totalsFill.pattern : totalsFill).toBe('none'); // totals: counts, not a colour
  });
});

describe('exports.ledger', () => {
  it('监测对象台账: the monitored household with masked ID and cadre phone, development measure 已实施', async () => {
    const r = await t.call('exports.ledger', { kind: 'monitored' });
    const { rows } = table(await sheetOf(r.fileId));
    expect(rows.map((x) => x['姓名'])).toEqual([HEAD]);
    expect(rows[0]['证件号码']).toBe(maskIdNumber(HEAD_ID));
    expect(rows[0]['联系电话']).toBe('135****1234');
    expect(rows[0]['实施开发式帮扶措施情况']).toBe('已实施');
    expect(rows[0]['监测对象类别']).toBe('边缘易致贫户');
  });

  it('预警台账 from 部门预警 leads, saying so; formula-looking text neutralised', async () => {
    const r = await t.call('exports.ledger', { kind: 'warnings' });
    expect(r.note).toBe(WARNINGS_NOTE);
    const ws = await sheetOf(r.fileId);
    expect(String(ws.getCell('A2').value)).toContain(WARNINGS_NOTE);
    const { rows } = table(ws);
    expect(rows.map((x) => x['姓名'])).toEqual([REJECTED]);
    expect(rows[0]['预警内容']).toBe(`'=HYPERLINK("http://x","住院自付超标")`);
    expect(rows[0]['预警来源']).toBe('部门预警');
  });

  it('帮扶措施台账 and 走访台账: one row per measure / visit, no formulas anywhere', async () => {
    const measures = table(await sheetOf((await t.call('exports.ledger', { kind: 'measures' })).fileId)).rows;
    expect(measures).toHaveLength(3);
    expect(measures.find((x) => x['姓名'] === THIRD)!['措施内容']).toBe("'=1+1 养鸡补贴");
    const wsVisits = await sheetOf((await t.call('exports.ledger', { kind: 'visits' })).fileId);
    const visits = table(wsVisits).rows;
    expect(visits).toHaveLength(1);
    expect(visits[0]['发现情况']).toBe("'@SUM(1,2) 住房加固已开工");
    wsVisits.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });
});
