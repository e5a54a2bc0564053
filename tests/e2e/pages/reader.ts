import { expect, type Locator, type Page } from '@playwright/test';

/** The reader in the detail pane: an open clip, its tags, suggestions and article. */
export class Reader {
  readonly root: Locator;
  readonly title: Locator;
  readonly byline: Locator;
  readonly source: Locator;
  readonly body: Locator;
  readonly images: Locator;
  readonly suggested: Locator;
  readonly addAllSuggested: Locator;
  readonly duplicateNotice: Locator;
  readonly refreshButton: Locator;
  readonly trashButton: Locator;
  readonly trashed: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('article', { name: 'Clip', exact: true });
    this.title = this.root.getByRole('heading', { level: 1 }).first();
    this.byline = this.root.locator('.reader__byline');
    this.source = this.root.getByRole('link', { name: 'source', exact: true });
    this.body = this.root.getByRole('region', { name: 'Article' });
    this.images = this.body.locator('img');
    this.suggested = this.root.getByRole('group', { name: 'Suggested tags' });
    this.addAllSuggested = this.suggested.getByRole('button', { name: 'Add all' });
    this.duplicateNotice = this.root.getByRole('status').filter({ hasText: 'Already in your library' });
    this.refreshButton = this.duplicateNotice.getByRole('button', { name: 'Refresh' });
    this.trashButton = this.root.getByRole('button', { name: 'Move to trash' });
    this.trashed = page.getByRole('article', { name: 'Clip in the trash' });
  }

  /** A tag on the open clip, found by its remove button. */
  tag(name: string): Locator {
    return this.root.getByRole('button', { name: `Remove tag ${name}`, exact: true });
  }

  /** A tag the page suggests, found by its add button. */
  suggestion(name: string): Locator {
    return this.suggested.getByRole('button', { name: `Add tag ${name}`, exact: true });
  }

  /** Waits until every image of the article has loaded, from the library (`/assets/…`). */
  async expectImagesLoaded(count: number): Promise<void> {
    await expect(this.images).toHaveCount(count);
    for (const image of await this.images.all()) {
      await expect(image).toHaveAttribute('src', /^assets\//);
      await expect
        .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
        .toBeGreaterThan(0);
      expect(await image.evaluate((img: HTMLImageElement) => new URL(img.currentSrc).pathname)).toMatch(
        /^\/assets\/[0-9a-f]{64}\.[a-z0-9]+$/,
      );
    }
  }
}
