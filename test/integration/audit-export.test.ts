import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../support/backend';

// audit.export reads its rows in chunks by seq and writes them with yields between chunks
// (backup/auditExport.ts). Whatever the chunking, the file must hold exactly the rows audit.list
// shows for the same filter, newest first, none twice — across chunk boundaries (500 rows).

const ROWS = 1_234;

let t: TestBackend;

beforeAll(async () => {
  t = await startTestBackend();
  const insert = t.backend.services.db.prepare(
    `INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, household_id, summary, changes) VALUES (?, ?, NULL, 'clerk', 'update', ?, ?, NULL, ?, ?)`,
  );
  t.backend.services.db.transaction(() => {
    for (let i = 0; i < ROWS; i++) {
      // Two days of entries, alternating entity, so both filters cut across chunks.
      const at = `2026-03-0${1 + (i % 2)}T0${i % 10}:00:00.000Z`;
      insert.run(`probe-${i}`, at, i % 3 === 0 ? 'probe-b' : 'probe-a', `e-${i}`, `第 ${i} 条`, JSON.stringify([{ field: 'n', label: '序号', old: i, new: i + 1 }]));
    }
  })();
});
afterAll(() => t.close());

async function exportedIds(filter: Record<string, string>): Promise<{ ids: string[]; changes: string[] }> {
  const exported = await t.call('audit.export', { filter });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(t.backend.services.files.read(exported.fileId) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  const ids: string[] = [];
  const changes: string[] = [];
  sheet.eachRow((row, n) => {
    if (n <= 5) return;
    ids.push(String(row.getCell(5).value));
    changes.push(String(row.getCell(8).value));
  });
  expect(exported.rows).toBe(ids.length);
  return { ids, changes };
}

async function listedIds(filter: Record<string, string>): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; ; start += 1000) {
    const page = await t.call('audit.list', { filter, startRow: start, endRow: start + 1000 });
    ids.push(...page.rows.map((r) => r.entityId ?? ''));
    if (page.rows.length < 1000) return ids;
  }
}

describe('audit.export across chunks', () => {
  it('an entity filter: every row audit.list shows, newest first, none twice', async () => {
    const listed = await listedIds({ entity: 'probe-a' });
    expect(listed.length).toBeGreaterThan(500 * 1.5);
    const { ids, changes } = await exportedIds({ entity: 'probe-a' });
    expect(ids).toEqual(listed);
    expect(new Set(ids).size).toBe(ids.length);
    const newest = Number(ids[0].slice(2));
    expect(changes[0]).toBe(`序号：${newest} → ${newest + 1}`);
  });

  it('a date range (China days) over both entities', async () => {
    const filter = { from: '2026-03-01', to: '2026-03-01' };
    const listed = await listedIds(filter);
    expect(listed.length).toBeGreaterThan(500);
    expect((await exportedIds(filter)).ids).toEqual(listed);
  });
});
