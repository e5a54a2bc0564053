import { expect, type Locator, type Page } from '@playwright/test';

type ViewName = 'All' | 'Clips' | 'Notes' | 'Trash';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The sidebar and the list, found the way a person finds them: by role and name. */
export class LibraryPage {
  readonly sidebar: Locator;
  readonly newNoteButton: Locator;
  readonly list: Locator;
  readonly listHeading: Locator;
  readonly welcome: Locator;

  constructor(readonly page: Page) {
    this.sidebar = page.getByRole('complementary', { name: 'Sidebar' });
    this.newNoteButton = this.sidebar.getByRole('button', { name: 'New note', exact: true });
    this.list = page.getByRole('listbox');
    this.listHeading = page.getByRole('region', { name: 'List' }).getByRole('heading', { level: 1 });
    this.welcome = page.getByRole('heading', { name: 'Welcome to Commonplace' });
  }

  /** Clicks New note and waits for the new, empty note to take focus. */
  async newNote(): Promise<void> {
    await this.newNoteButton.click();
    const title = this.page
      .getByRole('article', { name: 'Note', exact: true })
      .getByRole('textbox', { name: 'Title' });
    await expect(title).toBeFocused();
    await expect(title).toHaveValue('');
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.list).toBeVisible();
  }

  /** A view in the sidebar (`All`, `Clips`, `Notes`, `Trash`); its name ends with the count. */
  view(name: ViewName): Locator {
    return this.page
      .getByRole('navigation', { name: 'Library' })
      .getByRole('button', { name: new RegExp(`^${name}( \\d+)?$`) });
  }

  /** A tag in the sidebar, by the label shown (the last segment of a nested tag). */
  tag(label: string): Locator {
    return this.page
      .getByRole('region', { name: 'Tags' })
      .getByRole('button', { name: new RegExp(`^${escapeRegExp(label)}( \\d+)?$`) });
  }

  row(title: string): Locator {
    return this.list.getByRole('option', { name: title, exact: true });
  }

  /** The transient message at the bottom of the window. */
  notice(text: string | RegExp): Locator {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  async showView(name: ViewName): Promise<void> {
    await this.view(name).click();
    await expect(this.listHeading).toHaveText(name);
  }

  async showTag(label: string, heading: string): Promise<void> {
    await this.tag(label).click();
    await expect(this.listHeading).toHaveText(heading);
  }
}
