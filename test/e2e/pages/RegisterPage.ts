import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for 户籍名册 and the household form. */
export class RegisterPage {
  readonly grid: Locator;
  constructor(readonly page: Page) {
    this.grid = page.getByTestId('household-grid');
  }

  async open(): Promise<void> {
    await this.page.goto(`${new URL(this.page.url()).origin}/#/register/households`);
    await expect(this.page.getByRole('heading', { name: /户籍名册/ })).toBeVisible();
  }

  async search(text: string): Promise<void> {
    const box = this.page.getByLabel('搜索农户');
    await box.fill(text);
    await box.press('Enter');
  }

  /** Picks an option in an antd Select found by its aria-label. */
  async choose(label: string, option: string, scope: Locator | Page = this.page): Promise<void> {
    // Start from no open dropdown: a previous one still closing would also match ':visible'.
    const open = this.page.locator('.ant-select-dropdown:visible');
    await expect(open).toHaveCount(0);
    await scope.getByRole('combobox', { name: label, exact: true }).click();
    await open.getByTitle(option, { exact: true }).click();
    await expect(open).toHaveCount(0);
  }

  rowWithText(text: string): Locator {
    return this.grid.locator('.ag-row').filter({ hasText: text });
  }
}
