import { expect, type Locator, type Page } from '@playwright/test';

/** The "Clip a web page" dialog, found by role and name. */
export class ClipDialog {
  readonly root: Locator;
  readonly openButton: Locator;
  readonly address: Locator;
  readonly htmlChoice: Locator;
  readonly html: Locator;
  readonly savedPage: Locator;
  readonly pageAddress: Locator;
  readonly tagInput: Locator;
  readonly submit: Locator;
  readonly cancel: Locator;
  readonly progress: Locator;
  readonly error: Locator;
  readonly keepWholePage: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('dialog', { name: 'Clip a web page' });
    this.openButton = page
      .getByRole('complementary', { name: 'Sidebar' })
      .getByRole('button', { name: 'Clip', exact: true });
    this.address = this.root.getByRole('textbox', { name: 'Web address' });
    this.htmlChoice = this.root.getByRole('radio', { name: 'Paste HTML' });
    this.html = this.root.getByRole('textbox', { name: 'Page HTML' });
    this.savedPage = this.root.getByLabel('Choose a saved page…');
    this.pageAddress = this.root.getByRole('textbox', { name: 'Page address (optional)' });
    this.tagInput = this.root.getByRole('textbox', { name: 'Add tag' });
    this.submit = this.root.getByRole('button', { name: 'Clip', exact: true });
    this.cancel = this.root.getByRole('button', { name: 'Cancel' });
    this.progress = this.root.getByRole('progressbar', { name: 'Clipping' });
    this.error = this.root.getByRole('alert');
    this.keepWholePage = this.root.getByRole('button', { name: 'Keep the whole page' });
  }

  async open(): Promise<void> {
    await this.openButton.click();
    await expect(this.root).toBeVisible();
    await expect(this.address).toBeFocused();
  }

  /** Opens the dialog, clips an address, and waits for the dialog to close (success). */
  async clipUrl(url: string): Promise<void> {
    await this.open();
    await this.address.fill(url);
    await this.submit.click();
    await expect(this.root).toBeHidden({ timeout: 20_000 });
  }

  /** Fires a paste on the dialog carrying what a browser puts on the clipboard. */
  async paste(data: { html?: string; text?: string }): Promise<void> {
    await this.root.evaluate((dialog, { html, text }) => {
      const clipboardData = new DataTransfer();
      if (html !== undefined) clipboardData.setData('text/html', html);
      if (text !== undefined) clipboardData.setData('text/plain', text);
      const target = dialog.ownerDocument.activeElement ?? dialog;
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
    }, data);
  }
}
