// The report sheets write body rows as XML themselves (sheets/rowXml.ts) instead of through exceljs'
// Row/Cell objects. The file must be the one exceljs writes: same sheet XML, shared strings and
// styles, byte for byte — for numbers, text, empty text, styled empty cells, a row with no value
// (exceljs leaves it out), fills, number formats, bold. An exceljs upgrade that changes either side
// fails here.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { rowXmlWriter, type OutValue } from '../../../electron/backend/documents/sheets/rowXml';
import { workbookBuffer, writeTitleAndHeader, type HeaderColumn } from '../../../electron/backend/exports/xlsxWriter';

const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
const WRAP: Partial<ExcelJS.Alignment> = { vertical: 'middle', wrapText: true };
const style = (extra: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> => Object.freeze({ font: { name: '宋体', size: 11 }, border: THIN, alignment: WRAP, ...extra });
const PLAIN = style({});
const TEXT = style({ numFmt: '@' });
const MONEY = style({ numFmt: '0.00' });
const RED = style({ font: { name: '宋体', size: 11, color: { argb: 'FFFFFFFF' }, bold: false }, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF5222D' } } });
const BOLD = style({ font: { name: '宋体', size: 11, bold: true } });
const ROW = Object.freeze({});

const COLUMNS: HeaderColumn[] = [
  { title: '序号', width: 6 },
  { group: '户主', title: '姓名', width: 10 },
  { group: '户主', title: '证件号码', width: 22, text: true },
  { title: '人均纯收入（元）', width: 12 },
  { title: '风险等级', width: 10 },
  { title: '备注', width: 20 },
];
const ROWS: { values: OutValue[]; styles: Partial<ExcelJS.Style>[] }[] = [
  { values: [1, '王大山', '4306**********0318', 5404.17, '红色', "'=1+1 <b>&amp;"], styles: [PLAIN, PLAIN, TEXT, MONEY, RED, PLAIN] },
  { values: [2, '刘三', '', null, '', null], styles: [PLAIN, PLAIN, TEXT, PLAIN, PLAIN, PLAIN] },
  { values: [null, null, null, null, null, null], styles: [PLAIN, PLAIN, TEXT, PLAIN, PLAIN, PLAIN] },
  { values: [3, '王大山', '4306**********0213', -0.5, '蓝色', '王大山'], styles: [PLAIN, PLAIN, TEXT, MONEY, PLAIN, PLAIN] },
  { values: ['合计', '共 3 户', '', 0, '红1户', ''], styles: [BOLD, BOLD, TEXT, BOLD, BOLD, BOLD] },
];

async function build(write: (sheet: ExcelJS.Worksheet, rowNo: number, values: OutValue[], styles: Partial<ExcelJS.Style>[]) => void): Promise<Buffer> {
  return workbookBuffer(async (wb) => {
    const sheet = wb.addWorksheet('表', { views: [{ state: 'frozen', xSplit: 0, ySplit: 4 }] });
    writeTitleAndHeader(sheet, '标题', '副标题', COLUMNS);
    ROWS.forEach((r, i) => write(sheet, 5 + i, r.values, r.styles));
    sheet.commit();
  });
}

async function parts(bytes: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const names = ['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'];
  return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await zip.file(n)!.async('string')] as const)));
}

describe('rowXml', () => {
  it('writes the bytes exceljs writes for the same rows', async () => {
    const byExceljs = await build((sheet, rowNo, values, styles) => {
      const row = sheet.getRow(rowNo);
      values.forEach((v, i) => {
        const cell = row.getCell(i + 1);
        cell.value = v;
        cell.style = styles[i];
      });
      row.commit();
    });
    const byRowXml = await build((sheet, rowNo, values, styles) => rowXmlWriter(sheet, COLUMNS.length).write(rowNo, values, styles, ROW));
    const [expected, actual] = [await parts(byExceljs), await parts(byRowXml)];
    expect(expected['xl/worksheets/sheet1.xml']).toContain('<row r="8"'); // the empty row 7 is left out by both
    expect(expected['xl/worksheets/sheet1.xml']).not.toContain('<row r="7"');
    expect(actual).toEqual(expected);
    // and it reads back as written
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(byRowXml as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell('C5').value).toBe('4306**********0318');
    expect(ws.getCell('D5').numFmt).toBe('0.00');
    expect(ws.getCell('E5').fill).toMatchObject({ fgColor: { argb: 'FFF5222D' } });
    expect(ws.getCell('F5').value).toBe("'=1+1 <b>&amp;");
    expect(ws.getCell('D6').value).toBeNull();
    expect(ws.getCell('A9').font).toMatchObject({ bold: true });
  });

  it('refuses a sheet whose earlier rows are not committed (they would land after ours)', async () => {
    await workbookBuffer(async (wb) => {
      const sheet = wb.addWorksheet('表');
      writeTitleAndHeader(sheet, '标题', '副标题', COLUMNS);
      sheet.getRow(5).getCell(1).value = 1; // not committed
      expect(() => rowXmlWriter(sheet, COLUMNS.length)).toThrow(/rowXml/);
      sheet.commit();
    });
  });
});
