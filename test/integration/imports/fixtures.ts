import ExcelJS from 'exceljs';
import { makeIdNumber } from '../../../shared/domain/idCard';
import type { TestBackend } from '../../support/backend';

// Roster fixtures built with exceljs in the test: a title row, a 2-row merged header in the national
// export's wording, good rows and one bad row of each kind the import must catch.

export const ID = {
  zhangHead: makeIdNumber('620523', '19700315', '011'),
  zhangWife: makeIdNumber('620523', '19720601', '022'),
  zhangSon: makeIdNumber('620523', '20160901', '031'),
  wangHead: makeIdNumber('620523', '19650720', '041'),
  wangWife: makeIdNumber('620523', '19680110', '052'),
  liHead: makeIdNumber('620523', '19800808', '061'),
  zhaoHead: makeIdNumber('620523', '19590202', '071'),
  qianHead: makeIdNumber('620523', '19881111', '081'),
  dbHead: makeIdNumber('620523', '19750505', '091'),
  sunHead: makeIdNumber('620523', '19900101', '101'),
  zhouHead: makeIdNumber('620523', '19911212', '111'),
};

export const wrongCheckDigit = (id: string): string => id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
const fullWidth = (s: string): string => [...s].map((c) => (/[0-9X]/.test(c) ? String.fromCodePoint(c.codePointAt(0)! + 0xfee0) : c)).join('');

/** Row values from column A: 户编号 行政村 村民小组 姓名 证件号码 与户主关系 出生日期 在校生状况 户类型 联系电话 务工地点 务工时间（月）. */
export type RosterLine = (string | number | Date | null | Record<string, unknown>)[];

export const GOOD_LINES: RosterLine[] = [
  ['H001', '石桥村', '一组', '张三', ID.zhangHead, '户主', 25642, null, '一般农户', '13800001234', '兰州', 6], // 25642 = serial of 1970-03-15
  ['H001', '石桥村', '一组', '李秀英', ID.zhangWife, '配偶', '1972/6/1', null, '一般农户', null, null, null],
  ['H001', '石桥村', '一组', '张小明', ID.zhangSon, '之子', null, '小学三年级', '一般农户', null, null, null],
  ['H002', '石桥村', '二组', '王五', ID.wangHead, '本人', null, null, '脱贫户', '13900005678', null, null],
  ['H002', '石桥村', '二组', '赵兰', ` ${fullWidth(ID.wangWife)} `, '妻子', null, null, '脱贫户', null, null, null], // full-width digits + spaces
];

/** One bad row per kind, each its own household; `expect` = the column letter and a message fragment. */
export const BAD_LINES: { line: RosterLine; column: string; message: RegExp }[] = [
  { line: ['H003', '石桥村', '一组', '李四', wrongCheckDigit(ID.liHead), '户主', null, null, '一般农户', null, null, null], column: 'E', message: /校验位/ },
  { line: ['H004', '石桥村', '一组', '赵六', 430102199001011200, '户主', null, null, '一般农户', null, null, null], column: 'E', message: /4\.30102E\+17/ },
  { line: ['H005', '石桥村', '一组', '钱七', ID.qianHead, '户主', null, null, '一般农户', null, null, null], column: 'E', message: /与第 \d+ 行重复/ },
  { line: ['H006', '石桥村', '一组', '孙八', ID.dbHead, '户主', null, null, '一般农户', null, null, null], column: 'E', message: /已登记在/ },
  { line: ['H007', '白水村', '一组', '周九', ID.zhouHead, '户主', null, null, '一般农户', null, null, null], column: 'B', message: /行政村“白水村”不存在/ },
  { line: ['H008', '石桥村', '一组', '吴十', ID.sunHead, '户主', 'not-a-date', null, '一般农户', null, null, null], column: 'G', message: /不是有效日期/ },
];
/** The first occurrence of the in-file duplicate (its own household, imported fine). */
export const DUPLICATE_FIRST: RosterLine = ['H009', '石桥村', '二组', '钱七', ID.qianHead, '户主', null, null, '一般农户', null, null, null];

const GROUPS: [string, number, number][] = [
  ['所在地', 2, 3],
  ['家庭成员', 4, 8],
  ['务工情况', 11, 12],
];
const LEAVES = [null, '行政村', '村民小组', '姓名', '证件号码', '与户主关系', '出生日期', '在校生状况', null, null, '务工地点', '务工时间（月）'];
const TALL = new Map([
  [1, '户编号'],
  [9, '户类型'],
  [10, '联系电话'],
]);

/** A workbook as a township clerk's template looks: title A1:L1, header rows 2–3 with merges, data from row 4. */
export async function rosterXlsx(lines: RosterLine[], options: { title?: string } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.getCell('A1').value = options.title ?? '青山镇防返贫动态监测户花名册';
  ws.mergeCells('A1:L1');
  for (const [name, from, to] of GROUPS) {
    ws.getCell(2, from).value = name;
    ws.mergeCells(2, from, 2, to);
  }
  for (const [col, name] of TALL) {
    ws.getCell(2, col).value = name;
    ws.mergeCells(2, col, 3, col);
  }
  LEAVES.forEach((leaf, i) => {
    if (leaf) ws.getCell(3, i + 1).value = leaf;
  });
  lines.forEach((line, r) => {
    line.forEach((v, c) => {
      if (v === null) return;
      const cell = ws.getCell(4 + r, c + 1);
      cell.value = v as ExcelJS.CellValue;
      if (c === 6 && typeof v === 'number') cell.numFmt = 'General'; // an Excel serial left as a number
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The same roster as CSV text (one header row). */
export function rosterCsv(lines: RosterLine[]): string {
  const header = ['户编号', '行政村', '村民小组', '姓名', '证件号码', '与户主关系', '出生日期', '在校生状况', '户类型', '联系电话', '务工地点', '务工时间（月）'];
  const esc = (v: unknown) => (v === null || v === undefined ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  return [header, ...lines].map((l) => l.map(esc).join(',')).join('\r\n') + '\r\n';
}

/** Stores bytes as an upload, the way POST /files does, and returns the token. */
export function upload(t: TestBackend, bytes: Buffer | Uint8Array, name: string): string {
  return t.backend.services.files.put(bytes, { originalName: name, kind: 'upload', createdBy: 'admin', at: t.clock.now().toISOString() }).id;
}

/** Households, members and row versions: equal snapshots = nothing was written. */
export function dbSnapshot(t: TestBackend): { households: string; members: string; audit: number; changes: number } {
  const db = t.backend.services.db;
  return {
    households: JSON.stringify(db.prepare(`SELECT id, household_no, row_version FROM households ORDER BY id`).all()),
    members: JSON.stringify(db.prepare(`SELECT id, id_number, row_version FROM members ORDER BY id`).all()),
    audit: (db.prepare(`SELECT count(*) AS n FROM audit_log WHERE entity IN ('household', 'member')`).get() as { n: number }).n,
    changes: (db.prepare(`SELECT count(*) AS n FROM change_log`).get() as { n: number }).n,
  };
}

export const countHouseholds = (t: TestBackend): number => (t.backend.services.db.prepare(`SELECT count(*) AS n FROM households WHERE deleted_at IS NULL`).get() as { n: number }).n;
