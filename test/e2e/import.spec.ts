import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BAD_LINES, GOOD_LINES, rosterCsv } from '../integration/imports/fixtures';
import { convertCsvWithLibreOffice, soffice } from '../integration/imports/libreofficeFixture';
import { expect, test } from './fixtures';
import { RegisterPage } from './pages/RegisterPage';

// 导入花名册 through the UI with a roster made by LibreOffice Calc: good and bad rows; the preview lists
// each bad row; nothing is written until the commit; after the commit the register grid shows the
// households; importing the same file again changes nothing.

type Summary = { id: string; headName: string; updatedAt: string };

test.skip(!soffice, 'LibreOffice (soffice) is not installed: cannot make the LibreOffice roster fixture');

test('clerk imports a LibreOffice-made roster: bad rows reported, nothing written before commit, re-import changes nothing', async ({ loggedIn: page, server }) => {
  const township = await server.api<{ id: string }>('divisions.save', { level: 'township', name: '青山镇' });
  const village = await server.api<{ id: string }>('divisions.save', { level: 'village', name: '石桥村', parentId: township.id });
  await server.api('divisions.save', { level: 'group', name: '一组', parentId: village.id });
  await server.api('divisions.save', { level: 'group', name: '二组', parentId: village.id });

  const work = mkdtempSync(join(tmpdir(), 'guardline-e2e-import-'));
  try {
    // Header on row 1, good rows 2–6, then a wrong check digit (row 7) and an unknown village (row 8).
    const file = convertCsvWithLibreOffice(rosterCsv([...GOOD_LINES, BAD_LINES[0].line, BAD_LINES[4].line]), 'xlsx', work);
    const badRow = { checkDigit: 2 + GOOD_LINES.length, village: 3 + GOOD_LINES.length };

    await page.goto(`${server.url}/#/register/import`);
    await expect(page.getByRole('heading', { name: '导入花名册' })).toBeVisible();
    await page.locator('input[type=file]').setInputFiles(file);

    const counts = page.getByTestId('import-counts');
    await expect(counts).toContainText('新增农户2');
    await expect(counts).toContainText('有错误不导入2 户');
    const problems = page.getByTestId('import-problems');
    await expect(problems.locator('tr', { hasText: '校验位' })).toContainText(String(badRow.checkDigit));
    await expect(problems.locator('tr', { hasText: '白水村' })).toContainText(String(badRow.village));

    // Nothing is written until the commit.
    expect((await server.api<{ total: number }>('households.list', { filter: {} })).total).toBe(0);

    await page.getByTestId('import-commit').click();
    await expect(page.getByText('将写入 2 户 5 人（新增 2 户、更新 0 户），提交前会自动备份。', { exact: false })).toBeVisible();
    await page.getByRole('button', { name: '确认导入' }).click();
    await expect(page.getByTestId('import-result')).toContainText('新增 2 户');

    await page.getByRole('button', { name: '查看户籍名册' }).click();
    const register = new RegisterPage(page);
    await expect(register.rowWithText('张三')).toBeVisible();
    await expect(register.rowWithText('王五')).toBeVisible();
    await expect(register.grid.locator('.ag-row')).toHaveCount(2);

    // A second import of the same file changes nothing.
    const before = await server.api<{ rows: Summary[] }>('households.list', { filter: {} });
    await page.goto(`${server.url}/#/register/import`);
    await page.locator('input[type=file]').setInputFiles(file);
    await expect(page.getByText(/这个文件已于 .* 导入过/)).toBeVisible();
    await expect(counts).toContainText('新增农户0');
    await expect(counts).toContainText('无变化农户2');
    await expect(page.getByTestId('import-commit')).toBeDisabled();
    const after = await server.api<{ rows: Summary[] }>('households.list', { filter: {} });
    expect(after.rows).toEqual(before.rows);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
