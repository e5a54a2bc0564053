import { expect, type Locator, type Page } from '@playwright/test';

/** The browser extension's popup (resources/extension/popup.html), found by role and name. */
export class ExtensionPopup {
  readonly port: Locator;
  readonly pair: Locator;
  readonly code: Locator;
  readonly pairingStatus: Locator;
  readonly paired: Locator;
  readonly tags: Locator;
  readonly comment: Locator;
  readonly clip: Locator;
  readonly status: Locator;
  readonly known: Locator;
  readonly open: Locator;

  constructor(readonly page: Page) {
    const pairing = page.getByRole('region', { name: 'Pair with Commonplace' });
    const clipping = page.getByRole('region', { name: 'Clip this page' });
    this.port = pairing.getByRole('spinbutton', { name: 'Port' });
    this.pair = pairing.getByRole('button', { name: 'Pair' });
    this.code = pairing.getByLabel('Pairing code');
    this.pairingStatus = pairing.getByRole('status');
    this.paired = clipping.getByText(/^Paired/);
    this.tags = clipping.getByRole('textbox', { name: 'Tags' });
    this.comment = clipping.getByRole('textbox', { name: 'Comment' });
    this.clip = clipping.getByRole('button', { name: 'Clip', exact: true });
    this.status = clipping.getByRole('status');
    this.known = clipping.getByRole('paragraph').filter({ hasText: 'Already in your library:' });
    this.open = clipping.getByRole('link', { name: 'Open' });
  }

  /** Opens the popup as a page of its own, clipping tab `tabId`. */
  async goto(extensionId: string, tabId: number): Promise<void> {
    await this.page.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  }

  mode(name: 'Article' | 'Selection' | 'Whole page'): Locator {
    return this.page.getByRole('group', { name: 'Keep' }).getByRole('radio', { name });
  }

  /** Asks to pair on `port` and returns the six digits shown, once they are. */
  async requestPairing(port: number): Promise<string> {
    await this.port.fill(String(port));
    await this.pair.click();
    await expect(this.code).toHaveText(/^\d{3} \d{3}$/);
    await expect(this.page.getByText('Approve this code in Commonplace.')).toBeVisible();
    return ((await this.code.textContent()) ?? '').replace(/\s/g, '');
  }
}
