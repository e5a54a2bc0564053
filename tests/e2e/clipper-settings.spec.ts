/**
 * The app's side of browser clipping, end to end: the Settings dialog's "Browser clipper"
 * section, pairing an extension through the real clipper service (`commonplace serve`), and the
 * bookmarklet carrying a page from another site into the Clip dialog.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { article } from './fixture-article';
import { startFixtureSite } from './fixture-site';
import { ClipDialog } from './pages/clip-dialog';
import { LibraryPage } from './pages/library';

const EXTENSION_ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const EXTENSION_NAME = 'Commonplace Clipper for Chromium';

/** The Settings dialog, found by role and name. */
class SettingsDialog {
  readonly root: Locator;
  readonly status: Locator;
  readonly paired: Locator;
  readonly bookmarklet: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('dialog', { name: 'Settings' });
    const section = this.root.getByRole('region', { name: 'Browser clipper' });
    this.status = section.getByRole('status');
    this.paired = section.getByRole('list', { name: 'Paired extensions' });
    this.bookmarklet = section.getByRole('link', { name: 'Clip to Commonplace' });
  }

  async open(): Promise<void> {
    await this.page
      .getByRole('complementary', { name: 'Sidebar' })
      .getByRole('button', { name: 'Settings…' })
      .click();
    await expect(this.root).toBeVisible();
    await expect(this.status).not.toHaveText('Checking…');
  }

  /** The clipper service's port as the status line says it, or null when it is not running. */
  async clipperPort(): Promise<number | null> {
    const text = (await this.status.textContent()) ?? '';
    const match = /Listening on 127\.0\.0\.1:(\d+)/.exec(text);
    return match ? Number(match[1]) : null;
  }
}

test('Settings shows the clipper service; a pairing request is approved, listed and revoked', async ({
  page,
  served,
  request,
}) => {
  const library = new LibraryPage(page);
  const settings = new SettingsDialog(page);
  await library.open(served.url);
  await settings.open();
  await expect(settings.status).toHaveText(
    /^(Listening on 127\.0\.0\.1:\d+|Not running — start commonplace serve)$/,
  );
  await page.screenshot({ path: test.info().outputPath('settings.png') });
  const port = await settings.clipperPort();
  test.skip(port === null, 'The clipper service is not running in this build.');

  const asked = await request.post(`http://127.0.0.1:${port}/v1/pair`, {
    headers: { Origin: EXTENSION_ORIGIN },
    data: { name: EXTENSION_NAME },
  });
  expect(asked.status(), await asked.text()).toBe(202);
  const { code } = (await asked.json()) as { code: string };

  const prompt = page.getByRole('alertdialog', { name: 'Pair a browser extension?' });
  await expect(prompt).toBeVisible();
  await expect(prompt).toContainText(EXTENSION_NAME);
  await expect(prompt).toContainText(`${code.slice(0, 3)} ${code.slice(3)}`);
  await expect(prompt).toContainText('Check that the extension shows the same code.');
  await expect(prompt).toContainText(/Expires in \d:\d\d/);
  await page.screenshot({ path: test.info().outputPath('pairing-prompt.png') });

  await prompt.getByRole('button', { name: 'Approve' }).click();
  await expect(prompt).toBeHidden();
  const row = settings.paired.getByRole('listitem').filter({ hasText: EXTENSION_NAME });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Chromium · abcdefgh…');
  await expect(row).toContainText('never used');
  await page.screenshot({ path: test.info().outputPath('settings-paired.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: test.info().outputPath('settings-paired-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });

  await row.getByRole('button', { name: `Revoke ${EXTENSION_NAME}` }).click();
  const confirm = page.getByRole('dialog', { name: `Revoke ${EXTENSION_NAME}?` });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Revoke' }).click();
  await expect(confirm).toBeHidden();
  await expect(settings.root).toBeVisible();
  await expect(row).toBeHidden();
  await expect(settings.root).toContainText('No extension is paired yet.');
});

test('a pairing request answered elsewhere takes its prompt away', async ({ page, served, request }) => {
  const library = new LibraryPage(page);
  const settings = new SettingsDialog(page);
  await library.open(served.url);
  await settings.open();
  const port = await settings.clipperPort();
  test.skip(port === null, 'The clipper service is not running in this build.');
  await settings.root.getByRole('button', { name: 'Done' }).click();

  const asked = await request.post(`http://127.0.0.1:${port}/v1/pair`, {
    headers: { Origin: EXTENSION_ORIGIN },
    data: { name: EXTENSION_NAME },
  });
  expect(asked.status(), await asked.text()).toBe(202);
  const { requestId } = (await asked.json()) as { requestId: string };
  const prompt = page.getByRole('alertdialog', { name: 'Pair a browser extension?' });
  await expect(prompt).toBeVisible();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: test.info().outputPath('pairing-prompt-dark.png') });

  // Another window of the app answers it (here, through the same API the app uses).
  const token = new URL(served.url).hash.replace('#token=', '');
  const answered = await request.post(new URL('/api/answerPairing', served.origin).href, {
    headers: { Authorization: `Bearer ${token}` },
    data: { requestId, approve: false },
  });
  expect(answered.ok(), await answered.text()).toBe(true);
  await expect(prompt).toBeHidden();
});

test('the bookmarklet brings a page from another site into the Clip dialog', async ({ page, served }) => {
  const site = await startFixtureSite();
  try {
    const library = new LibraryPage(page);
    const settings = new SettingsDialog(page);
    await library.open(served.url);
    await settings.open();
    const href = await settings.bookmarklet.getAttribute('href');
    expect(href).toMatch(/^javascript:/);
    const source = decodeURIComponent((href ?? '').slice('javascript:'.length));
    expect(source).toContain(JSON.stringify(new URL(served.origin).origin));

    // The person reads an article in this tab, then clicks the bookmark.
    await page.goto(site.url('/article.html'));
    const [app] = await Promise.all([page.waitForEvent('popup'), page.evaluate(source)]);

    const clip = new ClipDialog(app);
    await expect(clip.root).toBeVisible();
    await expect(clip.html).toHaveValue(new RegExp(article.firstParagraph));
    await expect(clip.pageAddress).toHaveValue(site.url('/article.html'));
    await expect(app).not.toHaveURL(/receive-clip/);
    await clip.submit.click();
    await expect(clip.root).toBeHidden({ timeout: 20_000 });
    await expect(app.getByRole('heading', { name: article.title })).toBeVisible();
  } finally {
    await site.close();
  }
});

test('the app takes a page only from the window that opened it, and only in the right shape', async ({
  page,
  served,
}) => {
  const library = new LibraryPage(page);
  await library.open(served.url);
  const opened = page.waitForEvent('popup');
  await page.evaluate((origin) => {
    const receiver = window.open(`${origin}#receive-clip`, '_blank');
    (window as unknown as { receiver: Window | null }).receiver = receiver;
  }, served.origin);
  const app = await opened;
  await expect(app.getByRole('complementary', { name: 'Sidebar' })).toBeVisible();
  const clip = new ClipDialog(app);
  const page1 = {
    type: 'commonplace-clip',
    url: 'https://example.org/post',
    title: 'A post',
    html: '<p>Hi</p>',
  };

  // From itself rather than its opener; from the opener, but not a page.
  await app.evaluate((data) => window.postMessage(data, '*'), page1);
  await page.evaluate(() => {
    const { receiver } = window as unknown as { receiver: Window };
    receiver.postMessage({ type: 'commonplace-clip', url: 'javascript:alert(1)', html: '<p>Hi</p>' }, '*');
    receiver.postMessage('commonplace-clip', '*');
  });
  await app.waitForTimeout(300);
  await expect(clip.root).toBeHidden();

  await page.evaluate((data) => {
    const { receiver } = window as unknown as { receiver: Window };
    receiver.postMessage(data, '*');
  }, page1);
  await expect(clip.root).toBeVisible();
  await expect(clip.html).toHaveValue('<p>Hi</p>');
  await expect(clip.pageAddress).toHaveValue('https://example.org/post');
});
