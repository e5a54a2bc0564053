/**
 * Tags across the library in the browser mode, end to end: renaming, merging and deleting a tag
 * from the sidebar, and tagging several picked rows at once.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, notebookApi, test } from './fixtures';
import { LibraryPage } from './pages/library';

/** The sidebar's tag menus and dialogs, and the list's selection bar. */
class TagsPage {
  readonly renameDialog: Locator;
  readonly confirmDialog: Locator;
  readonly selectionBar: Locator;

  constructor(readonly page: Page) {
    this.renameDialog = page.getByRole('dialog', { name: /^Rename #/ });
    this.confirmDialog = page.getByRole('dialog', { name: /^Delete #/ });
    this.selectionBar = page.getByRole('toolbar', { name: 'Selection' });
  }

  /** Opens a tag's menu (its ⋯ button) and picks an action. */
  async menu(tag: string, action: 'Rename…' | 'Delete…'): Promise<void> {
    await this.page.getByRole('button', { name: `Actions for #${tag}`, exact: true }).click();
    await this.page
      .getByRole('menu', { name: `Actions for #${tag}` })
      .getByRole('menuitem', { name: action })
      .click();
  }

  async rename(tag: string, to: string, button: 'Rename' | 'Merge', hint: string | RegExp): Promise<void> {
    await this.menu(tag, 'Rename…');
    const name = this.renameDialog.getByRole('textbox', { name: 'New name' });
    await expect(name).toHaveValue(tag);
    await name.fill(to);
    await expect(this.renameDialog).toContainText(hint);
    await this.renameDialog.getByRole('button', { name: button, exact: true }).click();
    await expect(this.renameDialog).toBeHidden();
  }
}

test('a tag renamed in the sidebar moves with its children, and merges onto a tag that exists', async ({
  page,
  served,
  request,
}) => {
  const api = notebookApi(request, served);
  await api('createNote', { title: 'Mopti', tags: ['sahel/mali'] });
  await api('createNote', { title: 'Niamey', tags: ['sahel/niger', 'reading'] });
  await api('createNote', { title: 'Gao', tags: ['sahel/mali/gao'] });
  const library = new LibraryPage(page);
  const tags = new TagsPage(page);
  await library.open(served.url);

  // Counts include the nested tags; `sahel` itself is on no item.
  await expect(library.tag('sahel')).toHaveAccessibleName('sahel 3');
  await expect(library.tag('mali')).toHaveAccessibleName('mali 2');

  await page.getByRole('button', { name: 'Actions for #sahel', exact: true }).click();
  await expect(page.getByRole('menuitem', { name: 'Rename…' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);

  await tags.rename('sahel', 'west-africa', 'Rename', '3 items tagged #sahel or a tag under it will change');
  await expect(library.tag('west-africa')).toHaveAccessibleName('west-africa 3');
  await expect(library.tag('sahel')).toHaveCount(0);
  await expect(library.row('Gao')).toContainText('#west-africa/mali/gao');
  await expect(library.notice('Renamed #sahel to #west-africa on 3 items.')).toBeVisible();

  await tags.rename('west-africa/niger', 'west-africa/mali', 'Merge', '#west-africa/mali exists already');
  await expect(library.tag('niger')).toHaveCount(0);
  await expect(library.tag('mali')).toHaveAccessibleName('mali 3');
  await expect(library.row('Niamey')).toContainText('#west-africa/mali');

  // A tag cannot move under itself: the dialog says so and offers nothing to click.
  await tags.menu('west-africa', 'Rename…');
  await tags.renameDialog.getByRole('textbox', { name: 'New name' }).fill('west-africa/more');
  await expect(tags.renameDialog).toContainText('cannot move under itself');
  await expect(tags.renameDialog.getByRole('button', { name: 'Rename', exact: true })).toBeDisabled();
  await tags.renameDialog.getByRole('button', { name: 'Cancel' }).click();

  await tags.menu('reading', 'Delete…');
  await expect(tags.confirmDialog).toContainText('This removes #reading from 1 item');
  await tags.confirmDialog.getByRole('button', { name: 'Delete tag' }).click();
  await expect(library.tag('reading')).toHaveCount(0);
  await expect(library.row('Niamey')).not.toContainText('#reading');
});

test('rows picked with Ctrl/Cmd- and Shift-click are tagged together', async ({ page, served, request }) => {
  const api = notebookApi(request, served);
  for (const title of ['One', 'Two', 'Three', 'Four']) await api('createNote', { title, tags: ['old'] });
  const library = new LibraryPage(page);
  const tags = new TagsPage(page);
  await library.open(served.url);

  // Newest first: Four, Three, Two, One.
  await library.row('Four').click();
  await expect(tags.selectionBar).toHaveCount(0);
  await library.row('Two').click({ modifiers: ['ControlOrMeta'] });
  await expect(tags.selectionBar).toContainText('2 selected');
  await library.row('Four').click({ modifiers: ['ControlOrMeta'] });
  await expect(library.row('Four')).toHaveAttribute('aria-selected', 'false');
  await expect(tags.selectionBar).toHaveCount(0);
  await library.row('Three').click({ modifiers: ['ControlOrMeta'] });
  await expect(tags.selectionBar).toContainText('2 selected');
  // A range runs from the row last Ctrl/Cmd-clicked.
  await library.row('One').click({ modifiers: ['Shift'] });
  await expect(tags.selectionBar).toContainText('3 selected');
  for (const title of ['Two', 'Three', 'One']) {
    await expect(library.row(title)).toHaveAttribute('aria-selected', 'true');
  }
  await library.row('Three').click({ modifiers: ['ControlOrMeta'] });
  await expect(tags.selectionBar).toContainText('2 selected');

  await tags.selectionBar.getByRole('button', { name: 'Tag…' }).click();
  await tags.selectionBar.getByRole('textbox', { name: 'Tags to add' }).fill('batch, sahel/mali');
  await tags.selectionBar.getByRole('textbox', { name: 'Tags to remove' }).fill('old');
  await tags.selectionBar.getByRole('button', { name: 'Apply' }).click();

  await expect(library.notice('Changed the tags of 2 items.')).toBeVisible();
  for (const title of ['One', 'Two']) {
    await expect(library.row(title)).toContainText('#batch');
    await expect(library.row(title)).not.toContainText('#old');
  }
  await expect(library.row('Three')).toContainText('#old');
  await expect(library.row('Three')).not.toContainText('#batch');
  await expect(library.tag('batch')).toHaveAccessibleName('batch 2');
  await expect(library.tag('old')).toHaveAccessibleName('old 2');

  await tags.selectionBar.getByRole('button', { name: 'Clear selection' }).focus();
  await page.keyboard.press('Escape');
  await expect(tags.selectionBar).toHaveCount(0);
  await expect(library.row('One')).toHaveAttribute('aria-selected', 'false');
});
