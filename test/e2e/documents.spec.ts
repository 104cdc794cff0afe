import { expect, test } from './fixtures';

/** A valid 18-digit ID (GB 11643 check digit), computed here (see assistance.spec.ts for why). */
function idNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

async function household(server: { api<T>(m: string, i: unknown): Promise<T> }) {
  const township = await server.api<{ id: string }>('divisions.save', { level: 'township', name: '青山镇' });
  const village = await server.api<{ id: string }>('divisions.save', { level: 'village', name: '石桥村', parentId: township.id });
  const h = await server.api<{ id: string }>('households.save', {
    villageId: village.id,
    householdType: '一般农户',
    members: [{ name: '欧阳振华', idNumber: idNumber('62052319700315011'), relation: '户主', labourSkill: '普通劳动力' }],
  });
  await server.api('income.save', { householdId: h.id, date: '2026-11-20', items: [{ key: 'migrantWork', amountFen: 1_200_000 }, { key: 'farmlandSubsidy', amountFen: 0 }] });
  return h.id;
}

// 文书档案: generate the 信息采集表 from the household page, see it rendered as A4 pages, save it.
test('generates a form from the household page and previews it', async ({ loggedIn: page, server }) => {
  const id = await household(server);
  await page.goto(`${server.url}/#/household/${id}`);
  await page.getByRole('tab', { name: '文书档案' }).click();
  await page.getByTestId('dossier-generate-intake').click();
  const preview = page.getByTestId('docx-preview');
  await expect(preview.locator('section.docx').first()).toBeVisible();
  await expect(preview).toContainText('防止返贫监测对象信息采集表');
  await expect(preview).toContainText('欧阳振华');
  await expect(page.getByTestId('print-document')).toBeEnabled();
  await page.screenshot({ path: 'test-results/forms-wired/preview-in-app.png' });
  // 打印: only the pages go to the printer (window.print stubbed: headless Chromium has no dialog)
  await page.evaluate(() => {
    window.print = () => document.body.setAttribute('data-printed-pages', String(document.querySelectorAll('body > .gl-print-root section.docx').length));
  });
  await page.getByTestId('print-document').click();
  await expect(page.locator('body')).toHaveAttribute('data-printed-pages', /^[1-9]/);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('body > .gl-print-root')).toBeVisible();
  await expect(page.locator('.ant-layout-sider')).toBeHidden();
  await expect(page.getByTestId('dossier-tab')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(page.locator('body > .gl-print-root')).toHaveCount(0);
  const download = page.waitForEvent('download');
  await page.getByTestId('save-document').click();
  expect((await download).suggestedFilename()).toMatch(/^信息采集表-石桥村-欧阳振华-.*\.docx$/);
  await page.getByRole('button', { name: '关闭' }).click();
  await expect(page.getByTestId('dossier-tab').getByText(/信息采集表-石桥村-欧阳振华/)).toBeVisible();
  // a form that does not apply yet says why
  await expect(page.getByTestId('dossier-generate-approval')).toBeDisabled();
});

// 文书生成: pick the form, find the household by name, preview.
test('generates from the documents page by household search', async ({ loggedIn: page, server }) => {
  await household(server);
  await page.goto(`${server.url}/#/documents`);
  await page.locator('label.ant-radio-button-wrapper', { hasText: '家庭收入核算表' }).click();
  await page.getByLabel('选择农户').fill('欧阳');
  await page.locator('.ant-select-dropdown:visible').getByText(/欧阳振华/).click();
  await page.getByTestId('generate-document').click();
  await expect(page.getByTestId('docx-preview')).toContainText('家庭收入核算表');
  await expect(page.getByTestId('docx-preview')).toContainText('12000.00');
});
