/**
 * Highlighting in the reader, end to end: select a passage of a clipped article, highlight it,
 * comment on it, find it again after a reload, quote it into a note, remove it.
 */
import type { Locator, Page } from '@playwright/test';
import { test as base, expect } from './fixtures';
import { article } from './fixture-article';
import { startFixtureSite, type FixtureSite } from './fixture-site';
import { ClipDialog } from './pages/clip-dialog';
import { LibraryPage } from './pages/library';
import { Reader } from './pages/reader';
import { SearchPage } from './pages/search';

const test = base.extend<{ site: FixtureSite }>({
  // eslint-disable-next-line no-empty-pattern
  site: async ({}, use) => {
    const site = await startFixtureSite();
    await use(site);
    await site.close();
  },
});

const SENTENCE =
  'Traders who have worked the river for decades say the rhythm of the market follows the water.';
const OTHER = 'The busiest stalls are those of the fish sellers';

/** The highlight controls of the reader: the selection toolbar, a highlight's popover, the list. */
class Highlights {
  readonly toolbar: Locator;
  readonly popover: Locator;
  readonly comment: Locator;
  readonly list: Locator;
  readonly panelToggle: Locator;

  constructor(
    readonly page: Page,
    readonly reader: Reader,
  ) {
    this.toolbar = reader.root.getByRole('toolbar', { name: 'Selection' });
    this.popover = reader.root.getByRole('dialog', { name: 'Highlight' });
    this.comment = this.popover.getByRole('textbox', { name: 'Comment' });
    this.list = reader.root.getByRole('region', { name: 'Highlights' });
    this.panelToggle = reader.root.getByRole('button', { name: /^(Hide|Show) panel$/ });
  }

  /** Selects a passage of the article as a person would with the mouse, then lets go. */
  async select(text: string): Promise<void> {
    await this.reader.body.evaluate((root, wanted) => {
      const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf(wanted);
        if (at === -1) continue;
        const range = root.ownerDocument.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const selection = root.ownerDocument.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
        root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        return;
      }
      throw new Error(`"${wanted}" is not in the article.`);
    }, text);
    await expect(this.toolbar).toBeVisible();
  }

  mark(text: string): Locator {
    return this.reader.body.locator('mark.hl[data-highlight-id]', { hasText: text });
  }

  entry(text: string): Locator {
    return this.list.getByRole('listitem').filter({ hasText: text });
  }
}

async function openClip(page: Page, served: { url: string }, site: FixtureSite) {
  const library = new LibraryPage(page);
  const reader = new Reader(page);
  await library.open(served.url);
  await new ClipDialog(page).clipUrl(site.url('/article.html'));
  await expect(reader.title).toHaveText(article.title);
  return { library, reader, highlights: new Highlights(page, reader) };
}

test('a highlight is made from a selection, commented, kept across a reload and removed', async ({
  page,
  served,
  site,
}) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  const { library, reader, highlights } = await openClip(page, served, site);
  await expect(highlights.list).toContainText('Select text in the article to highlight it');

  await highlights.select(SENTENCE);
  await highlights.toolbar.getByRole('button', { name: 'Highlight green' }).click();
  await expect(highlights.toolbar).toBeHidden();
  await expect(highlights.mark(SENTENCE)).toHaveText(SENTENCE);
  await expect(highlights.mark(SENTENCE)).toHaveClass(/hl--green/);
  await expect(highlights.entry(SENTENCE)).toBeVisible();
  await expect(library.notice(/could not be marked/)).toHaveCount(0);

  await highlights.mark(SENTENCE).click();
  await expect(highlights.popover).toBeVisible();
  await highlights.comment.fill('Compare with the Niger at Ségou.');
  await highlights.comment.press('ControlOrMeta+Enter');
  await expect(highlights.popover).toBeHidden();
  await expect(highlights.entry(SENTENCE)).toContainText('Compare with the Niger at Ségou.');

  await page.reload();
  await library.row(article.title).click();
  await expect(reader.title).toHaveText(article.title);
  await expect(highlights.mark(SENTENCE)).toHaveText(SENTENCE);
  await expect(highlights.mark(SENTENCE)).toHaveClass(/hl--green/);
  await expect(highlights.entry(SENTENCE)).toContainText('Compare with the Niger at Ségou.');

  // The search box finds the highlight by its comment; opening it shows the highlight.
  const search = new SearchPage(page);
  await search.search('type:highlight segou', 1);
  await expect(search.result(article.title).getByRole('img', { name: 'Highlight' })).toBeVisible();
  await search.result(article.title).click();
  await expect(highlights.mark(SENTENCE)).toHaveClass(/is-flashing/);
  await search.box.fill('');

  // The list jumps to the highlight and makes it blink.
  await highlights.entry(SENTENCE).getByRole('button', { name: SENTENCE }).click();
  await expect(highlights.mark(SENTENCE)).toHaveClass(/is-flashing/);

  // From the keyboard: the highlight is in the Tab order, Enter opens it at its comment, Esc comes back.
  await expect(highlights.mark(SENTENCE)).toHaveAttribute('tabindex', '0');
  await highlights.mark(SENTENCE).focus();
  await expect(highlights.mark(SENTENCE)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(highlights.popover).toBeVisible();
  await expect(highlights.comment).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(highlights.popover).toBeHidden();
  await expect(highlights.mark(SENTENCE)).toBeFocused();

  await highlights.mark(SENTENCE).click();
  await highlights.popover.getByRole('button', { name: 'pink' }).click();
  await expect(highlights.mark(SENTENCE)).toHaveClass(/hl--pink/);
  await highlights.popover.getByRole('button', { name: 'Remove' }).click();
  await expect(highlights.mark(SENTENCE)).toHaveCount(0);
  await expect(highlights.list.getByRole('listitem')).toHaveCount(0);
  await expect(library.notice('Highlight removed.')).toBeVisible();

  await page.reload();
  await library.row(article.title).click();
  await expect(reader.title).toHaveText(article.title);
  await expect(reader.body.locator('mark.hl')).toHaveCount(0);
});

test('H highlights the selection, and a highlight can be quoted into a note', async ({
  page,
  served,
  site,
}) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  const { library, highlights } = await openClip(page, served, site);

  await highlights.select(OTHER);
  await page.keyboard.press('h');
  await expect(highlights.mark(OTHER)).toHaveClass(/hl--yellow/);
  await expect(highlights.entry(OTHER)).toBeVisible();

  await highlights.select(SENTENCE);
  await highlights.toolbar.getByRole('button', { name: 'Quote into note' }).click();
  const noteTitle = `Quotes from ${article.title}`;
  await expect(library.notice(`Quoted into “${noteTitle}”.`)).toBeVisible();
  await expect(highlights.mark(SENTENCE)).toBeVisible();

  // Comment highlights the selection and opens its comment at once.
  await highlights.select('smoked catch travels on by road');
  await highlights.toolbar.getByRole('button', { name: 'Comment' }).click();
  await expect(highlights.comment).toBeFocused();
  await page.keyboard.type('Which road?');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(highlights.popover).toBeHidden();
  await expect(highlights.entry('smoked catch')).toContainText('Which road?');

  await highlights.panelToggle.click();
  await expect(highlights.list).toBeHidden();
  await expect(highlights.panelToggle).toHaveText('Show panel');
  await highlights.panelToggle.click();
  await expect(highlights.list.getByRole('listitem')).toHaveCount(3);

  await library.showView('Notes');
  await library.row(noteTitle).click();
  const body = page.getByRole('article', { name: 'Note', exact: true });
  await expect(body).toContainText(SENTENCE);
});

test('Highlights in the sidebar lists every highlight, newest first, and opens each at its place', async ({
  page,
  served,
  site,
}) => {
  const search = new SearchPage(page);
  const listPane = page.getByRole('region', { name: 'List' });
  const highlightsView = page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: 'Highlights', exact: true });
  const { library, reader, highlights } = await openClip(page, served, site);
  await highlightsView.click();
  await expect(listPane.getByRole('heading', { level: 1 })).toHaveText('Highlights');
  await expect(listPane.getByText('No highlights yet.')).toBeVisible();

  await library.showView('All');
  await library.row(article.title).click();
  await expect(reader.title).toHaveText(article.title);
  await highlights.select(SENTENCE);
  await page.keyboard.press('h');
  await expect(highlights.mark(SENTENCE)).toBeVisible();
  await highlights.select(OTHER);
  await page.keyboard.press('h');
  await expect(highlights.mark(OTHER)).toBeVisible();

  await highlightsView.click();
  await expect(highlightsView).toHaveAttribute('aria-current', 'page');
  await expect(search.box).toHaveValue('type:highlight');
  await expect(search.count).toHaveText('2 highlights');
  const rows = search.results.getByRole('option');
  await expect(rows.nth(0)).toContainText(OTHER);
  await expect(rows.nth(1)).toContainText(SENTENCE);
  await rows.nth(1).click();
  await expect(reader.title).toHaveText(article.title);
  await expect(highlights.mark(SENTENCE)).toHaveClass(/is-flashing/);
});
