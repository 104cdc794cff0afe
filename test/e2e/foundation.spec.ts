import { makeIdNumber } from '../../shared/domain/idCard';
import { expect, test } from './fixtures';
import { RegisterPage } from './pages/RegisterPage';

// The walking skeleton through every layer: log in, create a village, add a household with two
// members, find it by pinyin initials in the grid, see the audit entry.
test('clerk creates a village and a household, finds it by pinyin, sees the audit entry', async ({ loggedIn: page, server }) => {
  const register = new RegisterPage(page);

  await page.goto(`${server.url}/#/settings/divisions`);
  await page.getByRole('button', { name: '添加乡镇' }).click();
  await page.getByLabel('区划名称').fill('青山镇');
  await page.getByRole('dialog').getByRole('button', { name: /保\s*存/ }).click();
  await page.getByRole('button', { name: '添加行政村' }).click();
  await page.getByLabel('区划名称').fill('石桥村');
  await page.getByRole('dialog').getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('石桥村')).toBeVisible();

  await register.open();
  await page.getByRole('button', { name: '新建农户' }).click();
  const drawer = page.getByRole('dialog', { name: '新建农户' });
  await register.choose('行政村', '石桥村', drawer);
  await register.choose('户类型', '一般农户', drawer);
  await drawer.getByLabel('联系电话').fill('13800001234');
  await drawer.getByLabel('成员1姓名').fill('欧阳振华');
  await drawer.getByLabel('成员1证件号码').fill(makeIdNumber('620523', '19700315', '011'));
  await drawer.getByRole('button', { name: '添加家庭成员' }).click();
  await drawer.getByLabel('成员2姓名').fill('李秀英');
  await drawer.getByLabel('成员2证件号码').fill(makeIdNumber('620523', '19720601', '022'));
  await register.choose('成员2与户主关系', '配偶', drawer);
  await drawer.getByRole('button', { name: /保存/ }).click();

  // Saving opens the household page.
  await expect(page.getByTestId('household-title')).toHaveText('欧阳振华户');
  await page.getByRole('tab', { name: '家庭成员' }).click();
  await expect(page.getByText('李秀英')).toBeVisible();

  await register.open();
  await register.search('oyzh');
  await expect(register.rowWithText('欧阳振华')).toBeVisible();
  await expect(register.grid.locator('.ag-row')).toHaveCount(1);

  await page.goto(`${server.url}/#/settings/audit`);
  await expect(page.getByTestId('audit-table').getByText(/新建农户「欧阳振华」/)).toBeVisible();
});

test('a wrong check digit is refused on the field, in Chinese', async ({ loggedIn: page, server }) => {
  const township = await server.api<{ id: string }>('divisions.save', { level: 'township', name: '青山镇' });
  await server.api('divisions.save', { level: 'village', name: '石桥村', parentId: township.id });
  const register = new RegisterPage(page);
  await register.open();
  await page.getByRole('button', { name: '新建农户' }).click();
  const drawer = page.getByRole('dialog', { name: '新建农户' });
  await register.choose('行政村', '石桥村', drawer);
  await register.choose('户类型', '脱贫户', drawer);
  await drawer.getByLabel('成员1姓名').fill('王五');
  const id = makeIdNumber('620523', '19800101', '013');
  await drawer.getByLabel('成员1证件号码').fill(id.slice(0, 17) + (id[17] === '1' ? '2' : '1'));
  await drawer.getByRole('button', { name: /保存/ }).click();
  await expect(drawer.getByText(/校验位/)).toBeVisible();
});
