import ExcelJS from 'exceljs';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { neutralise } from '../../electron/backend/backup/auditExport';
import { seedVillage, startTestBackend, type TestBackend } from '../support/backend';

// Reliability bar R-01 / L-03 / L-05 (append-only, never pruned), L-06 and X-04 (audit export
// with formula neutralisation), I-04 (denials audited).

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mjs|js)$/.test(name) ? [path] : [];
  });
}

describe('audit log', () => {
  let t: TestBackend;
  beforeEach(async () => {
    t = await startTestBackend();
  });
  afterEach(() => t.close());

  it('is append-only in the database itself: UPDATE and DELETE abort', () => {
    const db = t.backend.services.db;
    const n = (db.prepare(`SELECT count(*) AS n FROM audit_log`).get() as { n: number }).n;
    expect(n).toBeGreaterThan(0);
    expect(() => db.prepare(`UPDATE audit_log SET summary = 'x'`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM audit_log`).run()).toThrow(/append-only/);
    expect((db.prepare(`SELECT count(*) AS n FROM audit_log`).get() as { n: number }).n).toBe(n);
  });

  it('no code path updates, deletes or prunes audit rows', () => {
    const offenders = ['electron', 'shared', 'renderer'].flatMap((d) => sourceFiles(join(process.cwd(), d))).filter((f) => {
      const text = readFileSync(f, 'utf8');
      return /(UPDATE|DELETE\s+FROM|REPLACE\s+INTO|DROP\s+TABLE)\s+["`]?audit_log/i.test(text);
    });
    expect(offenders).toEqual([]);
  });

  it('exports the filtered log to .xlsx as text cells, neutralising formula-like text, and audits the export', async () => {
    const { villageId } = await seedVillage(t);
    await t.call('users.save', { username: 'evil', displayName: '=cmd|"/c calc"!A1', role: 'clerk', scope: { kind: 'all' }, initialPassword: 'Qingshan#2026' });
    await t.call('households.save', { villageId, householdType: '一般农户', members: [{ name: '张三', relation: '户主' }] });
    const me = await t.call('auth.me', {});
    const all = await t.call('audit.list', { filter: { userId: me.id }, endRow: 1000 });
    const exported = await t.call('audit.export', { filter: { userId: me.id } });
    expect(exported.rows).toBe(all.total);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(t.backend.services.files.read(exported.fileId) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(String(sheet.getCell('A1').value)).toBe('审计日志导出');
    expect(sheet.rowCount).toBe(5 + all.total);
    const cells: ExcelJS.Cell[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    expect(cells.every((c) => c.type === ExcelJS.ValueType.String)).toBe(true);
    expect(cells.some((c) => String(c.value).startsWith('='))).toBe(false);
    expect(cells.some((c) => String(c.value).includes("'=cmd") || String(c.value).includes('=cmd'))).toBe(true);

    const after = await t.call('audit.list', { filter: { entity: 'audit' } });
    expect(after.rows[0]).toMatchObject({ action: 'export' });
    expect(after.rows[0].summary).toContain(`${all.total} 条`);
  });

  it('neutralise: every formula trigger gets a leading apostrophe, other text is unchanged', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '＝1']) expect(neutralise(s)).toBe(`'${s}`);
    for (const s of ['张三', '1-2', '', "'already"]) expect(neutralise(s)).toBe(s);
  });

  it('audit.export needs audit.read', async () => {
    await t.call('users.save', { username: 'viewer1', displayName: '领导', role: 'viewer', scope: { kind: 'all' }, initialPassword: 'Qingshan#2026' });
    const viewer = await t.loginAs('viewer1', 'Qingshan#2026');
    expect((await t.fail('audit.export', { filter: {} }, viewer)).code).toBe('permission');
    expect((await t.fail('users.options', {}, viewer)).code).toBe('permission');
  });
});
