/**
 * Clipping in the browser mode, end to end: the real renderer against `commonplace serve`,
 * clipping pages from a small fixture site on 127.0.0.1 that the tests can stop.
 */
import { test as base, expect } from './fixtures';
import { article, articlePage, frontPage } from './fixture-article';
import { startFixtureSite, type FixtureSite } from './fixture-site';
import { ClipDialog } from './pages/clip-dialog';
import { LibraryPage } from './pages/library';
import { Reader } from './pages/reader';

const test = base.extend<{ site: FixtureSite }>({
  // eslint-disable-next-line no-empty-pattern
  site: async ({}, use) => {
    const site = await startFixtureSite();
    await use(site);
    await site.close();
  },
});

test('a clipped page reads in the reader, images and all, with the site stopped', async ({
  page,
  served,
  site,
}) => {
  const library = new LibraryPage(page);
  const dialog = new ClipDialog(page);
  const reader = new Reader(page);
  await library.open(served.url);

  await dialog.clipUrl(site.url('/article.html'));
  await expect(library.row(article.title)).toBeVisible();
  await expect(library.row(article.title)).toContainText(article.site);
  await expect(library.view('Clips')).toHaveAccessibleName('Clips 1');

  await expect(reader.title).toHaveText(article.title);
  await expect(reader.byline).toContainText(article.site);
  await expect(reader.byline).toContainText(article.author);
  await expect(reader.source).toHaveAttribute('href', site.url('/article.html'));
  await expect(reader.source).toHaveAttribute('target', '_blank');
  await expect(reader.body).toContainText(article.firstParagraph);
  await expect(reader.body.getByRole('table')).toContainText('Smoked fish');
  await expect(reader.body.locator('pre')).toContainText(article.codeLine);
  await expect(reader.body.getByRole('listitem')).toHaveCount(3);
  await reader.expectImagesLoaded(2);

  // The side panel's properties: who, where, when, and the address, which opens outside.
  const properties = reader.root.getByRole('region', { name: 'Properties' });
  await expect(properties.getByRole('definition').first()).toHaveText(article.author);
  await expect(properties).toContainText(`Site${article.site}`);
  await expect(properties).toContainText('PublishedMarch 5, 2024');
  await expect(properties.getByRole('link', { name: site.url('/article.html') })).toHaveAttribute(
    'target',
    '_blank',
  );

  // The page's own site is gone: the clip is whole without it.
  await site.close();
  await page.reload();
  await library.row(article.title).click();
  await expect(reader.title).toHaveText(article.title);
  await reader.expectImagesLoaded(2);
});

test('clipping the same page again shows the clip already there', async ({ page, served, site }) => {
  const library = new LibraryPage(page);
  const dialog = new ClipDialog(page);
  const reader = new Reader(page);
  await library.open(served.url);
  await dialog.clipUrl(site.url('/article.html'));
  await expect(library.row(article.title)).toBeVisible();

  await library.showView('Notes');
  await dialog.clipUrl(site.url('/article.html?utm_source=x'));
  await expect(reader.duplicateNotice).toBeVisible();
  await expect(reader.title).toHaveText(article.title);
  await expect(library.listHeading).toHaveText('All');
  await expect(library.view('All')).toHaveAccessibleName('All 1');
  await expect(library.row(article.title)).toHaveCount(1);

  await reader.refreshButton.click();
  await expect(reader.duplicateNotice).toBeHidden();
  await expect(library.notice('Refreshed from the page.')).toBeVisible();
  await expect(library.view('All')).toHaveAccessibleName('All 1');
});

test('a page that is not there says so and leaves the library as it was', async ({ page, served, site }) => {
  const library = new LibraryPage(page);
  const dialog = new ClipDialog(page);
  await library.open(served.url);
  await expect(library.welcome).toBeVisible();

  await page.keyboard.press('ControlOrMeta+Shift+V');
  await expect(dialog.root).toBeVisible();
  await dialog.address.fill(site.url('/missing'));
  await dialog.submit.click();
  await expect(dialog.error).toContainText(/not found/i);
  await expect(dialog.address).toBeEnabled();
  await expect(dialog.address).toHaveValue(site.url('/missing'));

  await dialog.cancel.click();
  await expect(dialog.root).toBeHidden();
  await expect(library.view('All')).toHaveAccessibleName('All 0');
  await expect(library.welcome).toBeVisible();
});

test('a page with no article can still be kept whole', async ({ page, served, site }) => {
  const library = new LibraryPage(page);
  const dialog = new ClipDialog(page);
  const reader = new Reader(page);
  await library.open(served.url);
  await dialog.open();
  await dialog.address.fill(site.url('/'));
  await dialog.submit.click();
  await expect(dialog.error).toContainText('No article found on this page.');
  await expect(library.view('All')).toHaveAccessibleName('All 0');

  await dialog.keepWholePage.click();
  await expect(dialog.root).toBeHidden({ timeout: 20_000 });
  await expect(reader.title).toHaveText(frontPage.title);
  await expect(reader.body).toContainText(frontPage.headline);
  await expect(library.view('All')).toHaveAccessibleName('All 1');
});

test('the tags a page suggests are added in one step', async ({ page, served, site }) => {
  const library = new LibraryPage(page);
  const dialog = new ClipDialog(page);
  const reader = new Reader(page);
  await library.open(served.url);
  await dialog.clipUrl(site.url('/article.html'));

  for (const tag of article.keywords) await expect(reader.suggestion(tag)).toBeVisible();
  await reader.suggestion('sahel').click();
  await expect(reader.tag('sahel')).toBeVisible();
  await expect(reader.suggestion('sahel')).toHaveCount(0);

  await reader.addAllSuggested.click();
  for (const tag of article.keywords) await expect(reader.tag(tag)).toBeVisible();
  await expect(reader.suggested).toHaveCount(0);
  await expect(library.tag('mali')).toBeVisible();
  await expect(library.row(article.title)).toContainText('#river-trade');
});

test('pasted HTML and a saved page are clipped with the address given for them', async ({
  page,
  served,
  site,
}) => {
  const library = new LibraryPage(page);
  const dialog = new ClipDialog(page);
  const reader = new Reader(page);
  await library.open(served.url);

  // A selection copied from a browser carries text/html: the dialog switches to it by itself.
  await dialog.open();
  await dialog.paste({ html: '<h1>Copied</h1>', text: 'Copied' });
  await expect(dialog.htmlChoice).toBeChecked();
  await expect(dialog.html).toHaveValue('<h1>Copied</h1>');
  await dialog.cancel.click();

  await dialog.open();
  await dialog.htmlChoice.check();
  await dialog.savedPage.setInputFiles({
    name: 'mopti.html',
    mimeType: 'text/html',
    buffer: Buffer.from(articlePage),
  });
  await dialog.pageAddress.fill(site.url('/article.html'));
  await dialog.submit.click();
  await expect(dialog.root).toBeHidden({ timeout: 20_000 });
  await expect(reader.title).toHaveText(article.title);
  await reader.expectImagesLoaded(2);
  await expect(library.row(article.title)).toBeVisible();
});

test('a clip moved to the trash reads there and comes back with Restore', async ({ page, served, site }) => {
  const library = new LibraryPage(page);
  const dialog = new ClipDialog(page);
  const reader = new Reader(page);
  await library.open(served.url);
  await dialog.clipUrl(site.url('/article.html'));

  await reader.trashButton.click();
  await expect(library.notice(`Moved “${article.title}” to the trash.`)).toBeVisible();
  await expect(library.view('Clips')).toHaveAccessibleName('Clips 0');
  await library.showView('Trash');
  await library.row(article.title).click();
  await expect(reader.trashed).toContainText(article.firstParagraph);
  await reader.trashed.getByRole('button', { name: 'Restore' }).click();
  await expect(reader.root).toBeVisible();
  await expect(library.view('Clips')).toHaveAccessibleName('Clips 1');
});
