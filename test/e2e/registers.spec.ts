import { expect, test, type GuardlineServer } from './fixtures';

/** A valid 18-digit ID (GB 11643 check digit), computed here: shared/domain is not loadable by Playwright. */
function idNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

interface Seeded {
  householdId: string;
}

/** 张三丰户: 户主, 配偶, a 小学5年级 child confirmed last school year; 3 亩 farmland. */
async function seed(server: GuardlineServer): Promise<Seeded> {
  const township = await server.api<{ id: string }>('divisions.save', { level: 'township', name: '青山镇' });
  const village = await server.api<{ id: string }>('divisions.save', { level: 'village', name: '石桥村', parentId: township.id });
  const h = await server.api<{ id: string }>('households.save', {
    villageId: village.id,
    householdType: '脱贫户',
    farmlandMu: 3,
    members: [
      { name: '张三丰', idNumber: idNumber('62052319700315011'), relation: '户主', insuredMedical: true },
      { name: '李秀英', idNumber: idNumber('62052319720601022'), relation: '配偶', insuredMedical: true },
      { name: '张小明', idNumber: idNumber('62052320150910031'), relation: '之子', insuredMedical: true, schoolStage: '小学', schoolGrade: 5, schoolYearConfirmed: '2025' },
    ],
  });
  return { householdId: h.id };
}

async function choose(page: import('@playwright/test').Page, scope: import('@playwright/test').Locator, label: string, option: string): Promise<void> {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}

test('records a death with a new 户主; the person stays as a former member and the timeline shows it', async ({ loggedIn: page, server }) => {
  const { householdId } = await seed(server);
  await page.goto(`${server.url}/#/household/${householdId}`);
  await page.getByRole('tab', { name: '家庭成员' }).click();
  await page.getByRole('button', { name: '登记人口变更' }).click();
  const drawer = page.getByRole('dialog', { name: /登记人口变更/ });
  await choose(page, drawer, '变更类型', '死亡');
  await drawer.getByLabel('张三丰（户主）').check();
  await choose(page, drawer, '新户主', '李秀英（原配偶）');
  await drawer.getByRole('button', { name: /登\s*记/ }).click();
  await page.getByRole('button', { name: '确认登记' }).click();

  await expect(page.getByTestId('event-timeline').getByText(/张三丰死亡.*户主改为李秀英/)).toBeVisible();
  await expect(page.getByText('已减员成员（历史，不删除）')).toBeVisible();
  await expect(page.getByTestId('household-title')).toHaveText('李秀英户');
});

test('enters income lines in 元, sees 人均纯收入 against the lines and the 地力补贴 warning, saves', async ({ loggedIn: page, server }) => {
  const { householdId } = await seed(server);
  await page.goto(`${server.url}/#/household/${householdId}`);
  await page.getByRole('tab', { name: '收入核算' }).click();
  await page.getByLabel('务工收入金额').fill('20000');
  await page.getByLabel('种植业收入金额').fill('3000');
  await page.getByLabel('种植业支出金额').fill('1000');
  await page.getByLabel('救灾款金额').fill('5000');
  // (20,000 + 3,000 − 1,000) ÷ 3 = 7,333.33; 救灾款 is not counted.
  await expect(page.getByTestId('per-capita')).toHaveText('7,333.33 元');
  await expect(page.getByTestId('income-summary').getByText('低于监测范围')).toBeVisible();
  await expect(page.getByTestId('income-warnings').getByText(/地力补贴/)).toBeVisible();
  await page.getByRole('button', { name: /保存收入核算/ }).click();
  await expect(page.getByText(/已保存收入核算：人均纯收入 7,333.33 元/)).toBeVisible();
});

test('an assessment with a failed check grades the household red with the reason', async ({ loggedIn: page, server }) => {
  const { householdId } = await seed(server);
  await page.goto(`${server.url}/#/household/${householdId}`);
  await page.getByRole('tab', { name: '三保障评估' }).click();
  for (const check of ['吃不愁', '穿不愁']) await page.getByRole('radiogroup', { name: check }).getByText('达标', { exact: true }).click();
  await page.getByRole('radiogroup', { name: '住房安全有保障' }).getByText('不达标', { exact: true }).click();
  await page.getByPlaceholder('不达标：具体问题（必填）').fill('C 级危房');
  await expect(page.getByTestId('grade-preview').getByText('红色', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: '保存评估并评级' }).click();
  await page.getByRole('button', { name: '保存评估', exact: true }).click();
  await expect(page.getByTestId('assessment-history').getByText('住房安全有保障')).toBeVisible();
  await page.getByRole('tab', { name: '风险与类别' }).click();
  await expect(page.getByTestId('grade-history').getByText(/两不愁三保障/)).toBeVisible();
});

test('人员名册 filters by 年级未确认, and the 年级升级 confirms the proposed grade', async ({ loggedIn: page, server }) => {
  await seed(server);
  await page.goto(`${server.url}/#/register/members`);
  await expect(page.getByRole('heading', { name: /人员名册/ })).toBeVisible();
  await expect(page.getByTestId('member-grid').locator('.ag-row')).toHaveCount(3);
  await page.getByText('年级未确认', { exact: true }).first().click();
  await expect(page.getByTestId('member-grid').locator('.ag-row')).toHaveCount(1);
  await page.getByRole('button', { name: '年级升级' }).click();
  const drawer = page.getByRole('dialog', { name: /年级升级/ });
  await expect(drawer.getByText('升入6年级')).toBeVisible();
  await drawer.getByRole('button', { name: /确认所选/ }).click();
  await page.getByRole('button', { name: '确认升级' }).click();
  await expect(page.getByText('已确认 1 名学生的年级。')).toBeVisible();
  await expect(drawer.getByText('本学年所有在校生的年级都已确认。')).toBeVisible();
});

test('户籍名册 saves a view with a quick filter and hidden columns, and reapplies it', async ({ loggedIn: page, server }) => {
  await seed(server);
  await page.goto(`${server.url}/#/register/households`);
  const grid = page.getByTestId('household-grid');
  await expect(grid.locator('.ag-row')).toHaveCount(1);
  await page.getByRole('button', { name: /显示列/ }).click();
  await page.locator('.ant-popover:visible').getByText('户编号', { exact: true }).click();
  await expect(grid.getByText('户编号', { exact: true })).toHaveCount(0);
  await page.getByText('一般农户', { exact: true }).click();
  await expect(grid.locator('.ag-row')).toHaveCount(0);
  await page.getByRole('button', { name: '保存视图' }).click();
  await page.getByLabel('视图名称').fill('一般农户');
  await page.getByRole('button', { name: /保\s*存/ }).last().click();
  await expect(page.getByText('已保存视图「一般农户」')).toBeVisible();

  await page.reload();
  await expect(grid.locator('.ag-row')).toHaveCount(1);
  await page.getByRole('button', { name: /我的视图/ }).hover();
  await page.getByRole('menuitem', { name: /一般农户/ }).click();
  await expect(grid.locator('.ag-row')).toHaveCount(0);
  await expect(grid.getByText('户编号', { exact: true })).toHaveCount(0);
});
