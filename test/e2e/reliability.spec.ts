import { expect, login, test } from './fixtures';

// Accounts, backups and the audit export through the real UI (browser mode).

test('admin creates an account; the new user must change the password at first login', async ({ loggedIn: page, server }) => {
  await page.goto(`${server.url}/#/settings/users`);
  await page.getByRole('button', { name: '新建账号' }).click();
  const dialog = page.getByRole('dialog', { name: '新建账号' });
  await dialog.getByLabel('用户名（登录用，创建后不能修改）').fill('lijingban');
  await dialog.getByLabel('姓名').fill('李经办');
  await dialog.getByLabel('初始密码').fill('Qingshan#2026');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  const row = page.getByTestId('users-table').getByRole('row', { name: /lijingban/ });
  await expect(row).toContainText('待改密码');

  // First login: the password form blocks the app until it is changed (App.tsx forces it).
  await page.context().clearCookies();
  await login(page, server.url, 'lijingban', 'Qingshan#2026').catch(() => undefined);
  const forced = page.getByRole('dialog', { name: '请先修改密码' });
  await expect(forced).toBeVisible();
  await forced.getByLabel('原密码').fill('Qingshan#2026');
  await forced.getByLabel('新密码', { exact: true }).fill('Lushui@2027x');
  await forced.getByLabel('再次输入新密码').fill('Lushui@2027x');
  await forced.getByRole('button', { name: /确认修改/ }).click();
  await expect(forced).toBeHidden();
});

test('backup now, integrity check, and the backup appears verified in the list', async ({ loggedIn: page, server }) => {
  await page.goto(`${server.url}/#/settings/backups`);
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByTestId('backups-table')).toContainText('手动');
  await expect(page.getByTestId('backups-table')).toContainText('已校验');
  await page.getByRole('button', { name: '完整性检查' }).click();
  await expect(page.getByText(/完整性检查通过/)).toBeVisible();
});

test('audit log filtered by user exports to .xlsx', async ({ loggedIn: page, server }) => {
  await page.goto(`${server.url}/#/settings/audit`);
  await expect(page.getByTestId('audit-table')).toContainText('登录');
  const download = page.waitForEvent('download');
  await page.getByTestId('audit-export').click();
  expect((await download).suggestedFilename()).toMatch(/^审计日志-\d{8}\.xlsx$/);
});
