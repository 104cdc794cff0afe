import { expect, test } from './fixtures';

/**
 * A valid 18-digit ID (GB 11643 check digit). Computed here rather than imported from shared/domain:
 * that module now pulls the holiday JSON, which Playwright's loader refuses without an import attribute.
 */
function idNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

// A 1×1 PNG: the smallest real image the photo check accepts.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

// 走访: from the household page, record a visit with a photo; the visit lists with its thumbnail.
test('records a visit with a photo attachment from the household page', async ({ loggedIn: page, server }) => {
  const township = await server.api<{ id: string }>('divisions.save', { level: 'township', name: '青山镇' });
  const village = await server.api<{ id: string }>('divisions.save', { level: 'village', name: '石桥村', parentId: township.id });
  const household = await server.api<{ id: string }>('households.save', {
    villageId: village.id,
    householdType: '脱贫户',
    members: [{ name: '欧阳振华', idNumber: idNumber('62052319700315011'), relation: '户主', labourSkill: '普通劳动力' }],
  });
  const cadre = await server.api<{ id: string }>('cadres.save', { name: '周立新', unit: '县农业农村局' });
  await server.api('cadres.assign', { cadreId: cadre.id, householdId: household.id, startDate: '2026-11-01' });

  await page.goto(`${server.url}/#/household/${household.id}`);
  await page.getByRole('tab', { name: '走访记录' }).click();
  await page.getByRole('button', { name: '登记走访' }).click();
  const dialog = page.getByRole('dialog');
  const date = dialog.getByLabel('走访日期');
  await date.click();
  await date.fill('2026-11-20');
  await date.press('Enter');
  // The household's paired cadre is preselected as a visitor.
  await expect(dialog.getByText('周立新（县农业农村局）')).toBeVisible();
  await dialog.getByLabel('走访情况').fill('户主务工收入稳定，老人慢性病卡已办理');
  await dialog.getByLabel('满意度').click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('满意', { exact: true }).click();
  await dialog.locator('input[type=file]').setInputFiles({ name: '入户照片.png', mimeType: 'image/png', buffer: PNG });
  await expect(dialog.locator('.ant-upload-list-item-done')).toHaveCount(1);
  await dialog.getByRole('button', { name: /保\s*存/ }).click();

  await expect(page.getByText('走访记录已保存')).toBeVisible();
  const tab = page.getByTestId('followups-tab');
  await expect(tab.getByText('户主务工收入稳定，老人慢性病卡已办理')).toBeVisible();
  await expect(tab.getByText('2026-11-20')).toBeVisible();
  const thumb = tab.locator('img[alt="入户照片.png"]');
  await expect(thumb).toBeVisible();
  // The thumbnail really loaded from the file store (naturalWidth 0 = broken image).
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);

  const visits = await server.api<{ rows: { visitors: string[]; satisfaction: string; photos: { fileId: string }[] }[] }>('followups.list', { filter: { householdId: household.id } });
  expect(visits.rows).toHaveLength(1);
  expect(visits.rows[0]).toMatchObject({ visitors: ['周立新'], satisfaction: 'satisfied' });
  expect(visits.rows[0].photos).toHaveLength(1);
});
