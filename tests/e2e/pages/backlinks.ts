import type { Locator, Page } from '@playwright/test';

/** The Backlinks panel beside the open note or clip. */
export class BacklinksPanel {
  readonly root: Locator;
  readonly heading: Locator;
  readonly mentionsHeading: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('main', { name: 'Detail' }).getByRole('region', { name: 'Backlinks' });
    this.heading = this.root.getByRole('heading', { name: /^Backlinks/ });
    this.mentionsHeading = this.root.getByRole('heading', { name: /^Unlinked mentions/ });
  }

  /** A note linking here, by its title (a button that opens it). */
  source(title: string): Locator {
    return this.root
      .getByRole('list', { name: 'Notes linking here' })
      .getByRole('button', { name: title, exact: true });
  }

  /** A note naming this item without linking, by its title. */
  mention(title: string): Locator {
    return this.root
      .getByRole('list', { name: 'Unlinked mentions' })
      .getByRole('button', { name: title, exact: true });
  }

  linkIt(title: string): Locator {
    return this.root.getByRole('button', { name: `Link it in ${title}`, exact: true });
  }
}
