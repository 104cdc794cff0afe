import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedVillage, startTestBackend, type TestBackend } from '../../support/backend';
import { BAD_LINES, DUPLICATE_FIRST, GOOD_LINES, ID, dbSnapshot, rosterCsv, rosterXlsx, upload } from './fixtures';

describe('imports.roster.preview', () => {
  let t: TestBackend;
  beforeEach(async () => {
    t = await startTestBackend();
    const { villageId } = await seedVillage(t, '石桥村');
    // Already registered: the person in BAD_LINES' "duplicate against the database" row.
    await t.call('households.save', { householdNo: 'DB001', villageId, householdType: '一般农户', members: [{ name: '孙八', idNumber: ID.dbHead, relation: '户主' }] });
  });
  afterEach(() => t.close());

  it('finds the merged header, maps national-export names and reports every bad row with row and column', async () => {
    const file = upload(t, await rosterXlsx([...GOOD_LINES, DUPLICATE_FIRST, ...BAD_LINES.map((b) => b.line)]), '花名册.xlsx');
    const before = dbSnapshot(t);
    const p = await t.call('imports.roster.preview', { file });

    expect(p.header).toEqual({ firstRow: 2, lastRow: 3, dataStartRow: 4 });
    expect(p.gaps).toEqual([]);
    expect(Object.fromEntries(p.columns.map((c) => [c.letter, c.field]))).toEqual({
      A: 'householdNo', B: 'villageName', C: 'groupName', D: 'name', E: 'idNumber', F: 'relation', G: 'birthDate', H: 'schoolStatus', I: 'householdType', J: 'householdPhone', K: 'workPlace', L: 'workMonths',
    });
    expect(p.columns.find((c) => c.letter === 'E')!.title).toBe('家庭成员 / 证件号码');

    const firstBadRow = 4 + GOOD_LINES.length + 1;
    BAD_LINES.forEach((bad, i) => {
      const row = firstBadRow + i;
      const hit = p.problems.find((x) => x.row === row && x.severity === 'error');
      expect(hit, `row ${row} should be reported`).toBeDefined();
      expect(hit!.column).toBe(bad.column);
      expect(hit!.message).toMatch(bad.message);
    });
    // Good rows carry no errors (full-width digits, serial and text dates, 本人/妻子 are normalised).
    expect(p.problems.filter((x) => x.row < firstBadRow && x.severity === 'error')).toEqual([]);
    expect(p.counts.households).toEqual({ create: 3, update: 0, unchanged: 0, rejected: BAD_LINES.length });
    expect(p.counts.members).toEqual({ create: 6, update: 0 });
    expect(p.previewId).toBeTruthy();

    // Nothing is written before the commit.
    expect(dbSnapshot(t)).toEqual(before);
    const page = await t.call('imports.roster.problems', { previewId: p.previewId!, severity: 'error', startRow: 0, endRow: 100 });
    expect(page.total).toBe(p.counts.errors);
  });

  it('returns the gaps instead of a preview when a required column is missing, and accepts an explicit mapping', async () => {
    const xlsx = await rosterXlsx(GOOD_LINES);
    const file = upload(t, xlsx, 'a.xlsx');
    const unmapped = await t.call('imports.roster.preview', { file, mapping: [{ column: 3, field: 'name' }, { column: 4, field: 'idNumber' }] });
    expect(unmapped.previewId).toBeNull();
    expect(unmapped.gaps.join('')).toMatch(/与户主关系.*行政村/);
    const explicit = unmapped.columns.map((c) => ({ column: c.column, field: c.column === 10 ? null : (c.field ?? null) }));
    explicit[1] = { column: 1, field: 'villageName' };
    explicit[5] = { column: 5, field: 'relation' };
    explicit[0] = { column: 0, field: 'householdNo' };
    const mapped = await t.call('imports.roster.preview', { file, mapping: explicit });
    expect(mapped.previewId).toBeTruthy();
    expect(mapped.columns.find((c) => c.column === 10)!.field).toBeNull();
    // The mapping is remembered by header text: the next preview of a file with these headers uses it.
    const again = await t.call('imports.roster.preview', { file: upload(t, xlsx, 'b.xlsx') });
    expect(again.columns.find((c) => c.column === 10)!.field).toBeNull();
  });

  it('reads formula cells as their cached values and never evaluates them', async () => {
    const line = [...GOOD_LINES[0]];
    line[3] = { formula: 'HYPERLINK("http://evil.example","张三")', result: '张三' };
    line[10] = { formula: 'cmd|\' /C calc\'!A0' };
    const p = await t.call('imports.roster.preview', { file: upload(t, await rosterXlsx([line]), 'f.xlsx') });
    expect(p.counts.households.create).toBe(1);
    await t.call('imports.roster.commit', { previewId: p.previewId! });
    const head = t.backend.services.db.prepare(`SELECT name, work_place FROM members WHERE id_number = ?`).get(ID.zhangHead) as { name: string; work_place: string | null };
    expect(head).toEqual({ name: '张三', work_place: null });
  });

  it('reads CSV in UTF-8 with a BOM and in GBK', async () => {
    const text = rosterCsv(GOOD_LINES);
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    const a = await t.call('imports.roster.preview', { file: upload(t, utf8, 'utf8.csv') });
    expect(a.counts.households.create).toBe(2);
    expect(a.notes).toEqual([]);
    const gbk = encodeGbk(text);
    const b = await t.call('imports.roster.preview', { file: upload(t, gbk, 'gbk.csv') });
    expect(b.counts.households.create).toBe(2);
    expect(b.notes.join('')).toContain('GBK');
    expect(b.problems.filter((x) => x.severity === 'error')).toEqual([]);
  });

  it('refuses a file that is neither Excel nor CSV, in Chinese', async () => {
    const err = await t.fail('imports.roster.preview', { file: upload(t, Buffer.from('%PDF-1.4'), 'x.pdf') });
    expect(err.message).toContain('.xlsx');
  });
});

/** GBK bytes for the test's characters, via a table built from TextDecoder (no encoder ships with Node). */
function encodeGbk(text: string): Buffer {
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      const ch = decoder.decode(Uint8Array.of(hi, lo));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else bytes.push(...(table.get(ch) ?? [0x3f]));
  }
  return Buffer.from(bytes);
}
