import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for 评议会议: the minutes editor, per-attendee signing (pad or paper), lock and hash. */
export class MeetingPage {
  constructor(readonly page: Page) {}

  async openNew(): Promise<void> {
    await this.page.goto(`${new URL(this.page.url()).origin}/#/meeting/new`);
    await expect(this.page.getByRole('heading', { name: '新建评议会议记录' })).toBeVisible();
  }

  /** Picks an option in an antd Select found by its aria-label. */
  async choose(label: string, option: string | RegExp, scope: Locator | Page = this.page): Promise<void> {
    await scope.getByLabel(label, { exact: true }).click();
    await this.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
  }

  async fillHeader(h: { village: string; place: string; host: string; recorder: string }): Promise<void> {
    const editor = this.page.getByTestId('meeting-editor');
    await this.choose('行政村', h.village, editor);
    await editor.getByLabel('会议地点').fill(h.place);
    await editor.getByLabel('主持人').fill(h.host);
    await editor.getByLabel('记录人').fill(h.recorder);
  }

  /** Fills attendee n (1-based), adding a row when needed. */
  async attendee(n: number, name: string, role: string): Promise<void> {
    const editor = this.page.getByTestId('meeting-editor');
    if (n > 1) await editor.getByRole('button', { name: '添加参会人员' }).click();
    await editor.getByLabel(`参会人员${n}姓名`).fill(name);
    const roleBox = editor.getByLabel(`参会人员${n}身份`);
    await roleBox.fill(role);
    await roleBox.press('Escape');
  }

  async addItem(n: number, caseLabel: RegExp, category: string, votes: [number, number, number]): Promise<void> {
    const editor = this.page.getByTestId('meeting-editor');
    await editor.getByRole('button', { name: '添加评议户' }).click();
    await this.choose(`第${n}户案件`, caseLabel, editor);
    await this.choose(`第${n}户拟认定类别`, category, editor);
    await editor.getByLabel(`第${n}户同意票`).fill(String(votes[0]));
    await editor.getByLabel(`第${n}户不同意票`).fill(String(votes[1]));
    await editor.getByLabel(`第${n}户弃权票`).fill(String(votes[2]));
  }

  async save(): Promise<void> {
    await this.page.getByTestId('meeting-editor').getByRole('button', { name: '保存会议记录' }).click();
  }

  /** Signs on the pad: a stroke drawn with real mouse moves on the canvas. */
  async signOnPad(name: string, seed: number): Promise<void> {
    await this.page.getByRole('button', { name: `${name} 签字板签字` }).click();
    const dialog = this.page.getByRole('dialog', { name: `签字：${name}` });
    const canvas = dialog.getByTestId('signature-canvas');
    await expect(canvas).toBeVisible();
    const box = await settledBox(canvas);
    const m = this.page.mouse;
    await m.move(box.x + 40, box.y + 100 + seed * 5);
    await m.down();
    for (let i = 1; i <= 24; i++) await m.move(box.x + 40 + i * 18, box.y + 100 + Math.sin(i / 2 + seed) * 40, { steps: 2 });
    await m.up();
    await dialog.getByRole('button', { name: '确认签字' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.signatureRow(name).getByRole('img', { name: `${name}的签字` })).toBeVisible();
  }

  /** 纸质签字: uploads a scan of the signed page through the row's upload button. */
  async signOnPaper(name: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: `${name} 纸质签字` }).click();
    await (await chooser).setFiles({ name: `${name}-签字页.png`, mimeType: 'image/png', buffer: Buffer.from('scan of the signed page') });
    await expect(this.signatureRow(name).getByText('纸质签字')).toBeVisible();
  }

  signatureRow(name: string): Locator {
    return this.page.getByTestId('meeting-signatures').locator('tr').filter({ hasText: name });
  }
}

/** The canvas's box once the modal's opening animation has finished (two equal readings). */
async function settledBox(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  let last = await locator.boundingBox();
  for (let i = 0; i < 50; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const now = await locator.boundingBox();
    if (now && last && now.x === last.x && now.y === last.y && now.width === last.width && now.height === last.height) return now;
    last = now;
  }
  throw new Error('signature canvas never settled');
}
