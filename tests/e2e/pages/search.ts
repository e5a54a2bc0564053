import { expect, type Locator, type Page } from '@playwright/test';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The search box, its results in the list pane, saved searches, and the match bar on an opened item. */
export class SearchPage {
  readonly box: Locator;
  readonly saveButton: Locator;
  readonly results: Locator;
  readonly count: Locator;
  readonly indexing: Locator;
  readonly nothingFound: Locator;
  readonly saved: Locator;
  readonly saveDialog: Locator;
  readonly saveName: Locator;
  readonly matchBar: Locator;
  readonly nextMatch: Locator;
  readonly previousMatch: Locator;

  constructor(readonly page: Page) {
    const sidebar = page.getByRole('complementary', { name: 'Sidebar' });
    const listPane = page.getByRole('region', { name: 'List' });
    this.box = sidebar.getByRole('searchbox', { name: 'Search' });
    this.saveButton = sidebar.getByRole('button', { name: 'Save search' });
    this.results = page.getByRole('listbox', { name: 'Search results' });
    this.count = listPane.getByRole('status');
    this.indexing = listPane.getByText(/^Still indexing…/);
    this.nothingFound = listPane.getByText(/^Nothing matches /);
    this.saved = sidebar.getByRole('region', { name: 'Saved' });
    this.saveDialog = page.getByRole('dialog', { name: 'Save search' });
    this.saveName = this.saveDialog.getByRole('textbox', { name: 'Name' });
    this.matchBar = page.getByRole('group', { name: 'Search matches' });
    this.nextMatch = this.matchBar.getByRole('button', { name: 'Next match' });
    this.previousMatch = this.matchBar.getByRole('button', { name: 'Previous match' });
  }

  /** A result row, by its title. */
  result(title: string): Locator {
    return this.results.getByRole('option', { name: title, exact: true });
  }

  /** The words marked in a result's snippet (its title marks its matches too). */
  snippetMarks(title: string): Locator {
    return this.result(title).locator('.search-hit__snippet mark');
  }

  /** A saved search in the sidebar; its name ends with the live count. */
  savedSearch(name: string): Locator {
    return this.saved.getByRole('button', { name: new RegExp(`^${escapeRegExp(name)}( [\\d,]+)?$`) });
  }

  removeButton(name: string): Locator {
    return this.saved.getByRole('button', { name: `Remove saved search ${name}`, exact: true });
  }

  /** Types a query key by key into an empty box, as a person would. */
  async type(query: string): Promise<void> {
    await this.box.fill('');
    await this.box.pressSequentially(query, { delay: 25 });
  }

  /** Replaces the query at once and waits until the results answer it. */
  async search(query: string, expectedCount: number): Promise<void> {
    await this.box.fill(query);
    await this.expectCount(expectedCount);
  }

  async expectCount(count: number): Promise<void> {
    await expect(this.count).toHaveText(count === 1 ? '1 result' : `${count} results`);
    await expect(this.results.getByRole('option')).toHaveCount(count);
  }

  /** Saves the search in the box under a name (or the query itself, if none is given). */
  async save(name?: string): Promise<void> {
    await this.saveButton.click();
    await expect(this.saveDialog).toBeVisible();
    if (name !== undefined) await this.saveName.fill(name);
    await this.saveDialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(this.saveDialog).toBeHidden();
  }
}
