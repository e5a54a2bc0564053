/**
 * Notes in the browser mode, end to end: the real renderer against `commonplace serve` on a
 * fresh temporary library per test.
 */
import { expect, notebookApi, test } from './fixtures';
import { LibraryPage } from './pages/library';
import { NoteEditor } from './pages/note-editor';

const mopti = {
  title: 'Field notes from Mopti',
  body: 'The river was high this year.\n\nMarket day moved to Monday.',
  tags: ['sahel/mali'],
};

test('a note written in the UI is still there, with its tag, after a reload', async ({ page, served }) => {
  const library = new LibraryPage(page);
  const editor = new NoteEditor(page);
  const refused: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      refused.push(message.text());
  });
  await library.open(served.url);
  await expect(library.welcome).toBeVisible();

  await library.newNote();
  await editor.write(mopti);
  await expect(library.row(mopti.title)).toBeVisible();
  await expect(library.row(mopti.title)).toContainText('#sahel/mali');

  await page.reload();
  // The token moved from the address bar into the tab's storage, so a reload still works.
  expect(page.url()).not.toContain('token=');
  await expect(library.row(mopti.title)).toBeVisible();
  await expect(library.view('All')).toHaveAccessibleName('All 1');

  await library.row(mopti.title).click();
  await expect(editor.title).toHaveValue(mopti.title);
  await editor.expectBody(mopti.body);
  await expect(editor.tag('sahel/mali')).toBeVisible();
  // The editor's own styles apply under the page's policy (its base theme makes it a flex column),
  // with the nonce the page was served with, and the browser refused nothing.
  await expect(page.locator('.cm-editor')).toHaveCSS('display', 'flex');
  expect(refused).toEqual([]);
});

test('a note moved to the trash comes back with Restore', async ({ page, served }) => {
  const library = new LibraryPage(page);
  const editor = new NoteEditor(page);
  await library.open(served.url);
  await library.newNote();
  await editor.write(mopti);

  await editor.trashButton.click();
  await expect(library.row(mopti.title)).toHaveCount(0);
  await expect(library.view('Trash')).toHaveAccessibleName('Trash 1');
  await expect(library.notice(`Moved “${mopti.title}” to the trash.`)).toBeVisible();

  await library.showView('Trash');
  await library.row(mopti.title).click();
  await expect(editor.trashed).toContainText(mopti.body.split('\n')[0] ?? '');
  await editor.restoreButton.click();
  await expect(library.row(mopti.title)).toHaveCount(0);
  await expect(library.view('Trash')).toHaveAccessibleName('Trash 0');

  await library.showView('All');
  await expect(library.row(mopti.title)).toBeVisible();
  await expect(editor.title).toHaveValue(mopti.title);
});

test('the tag filter shows the notes with that tag or a tag under it', async ({ page, served }) => {
  const library = new LibraryPage(page);
  const editor = new NoteEditor(page);
  await library.open(served.url);
  await library.newNote();
  await editor.write(mopti);
  await library.newNote();
  await editor.write({ title: 'Reading list', body: 'Books to find.', tags: ['reading'] });

  await library.showTag('sahel', '#sahel');
  await expect(library.row(mopti.title)).toBeVisible();
  await expect(library.row('Reading list')).toHaveCount(0);

  await library.showTag('mali', '#sahel/mali');
  await expect(library.row(mopti.title)).toBeVisible();
  await expect(library.row('Reading list')).toHaveCount(0);

  await library.showTag('reading', '#reading');
  await expect(library.row('Reading list')).toBeVisible();
  await expect(library.row(mopti.title)).toHaveCount(0);
});

test('an invalid tag is refused with a sentence saying why', async ({ page, served }) => {
  const library = new LibraryPage(page);
  const editor = new NoteEditor(page);
  await library.open(served.url);
  await library.newNote();

  await editor.tagInput.fill('two words');
  await editor.tagInput.press('Enter');
  await expect(editor.tagError).toContainText('is not a valid tag');
  await expect(editor.tagInput).toHaveAttribute('aria-invalid', 'true');
});

test('the keyboard creates, moves through, opens and trashes notes', async ({ page, served }) => {
  const library = new LibraryPage(page);
  const editor = new NoteEditor(page);
  await library.open(served.url);

  for (const title of ['First', 'Second']) {
    await page.keyboard.press('ControlOrMeta+n');
    await expect(editor.title).toHaveValue('');
    await expect(editor.title).toBeFocused();
    await page.keyboard.type(title);
    await editor.expectSaved();
  }

  await page.keyboard.press('Escape');
  await expect(library.list).toBeFocused();
  // Most recently updated first: Second, then First.
  await page.keyboard.press('j');
  await expect(library.row('First')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('k');
  await expect(library.row('Second')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(editor.body).toBeFocused();
  await expect(editor.title).toHaveValue('First');

  await page.keyboard.press('Escape');
  await expect(library.list).toBeFocused();
  await page.keyboard.press('ControlOrMeta+Backspace');
  await expect(library.row('First')).toHaveCount(0);
  await expect(library.view('Trash')).toHaveAccessibleName('Trash 1');
});

test('emptying the trash asks first', async ({ page, served }) => {
  const library = new LibraryPage(page);
  const editor = new NoteEditor(page);
  await library.open(served.url);
  await library.newNote();
  await editor.write({ title: 'Draft to discard', body: 'Not needed.' });
  await editor.trashButton.click();
  await library.showView('Trash');

  await page.getByRole('button', { name: 'Empty trash' }).click();
  const dialog = page.getByRole('dialog', { name: 'Empty the trash?' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(library.row('Draft to discard')).toBeVisible();

  await page.getByRole('button', { name: 'Empty trash' }).click();
  await dialog.getByRole('button', { name: 'Delete for good' }).click();
  await expect(library.row('Draft to discard')).toHaveCount(0);
  await expect(page.getByText('The trash is empty.')).toBeVisible();
});

test('without the token the page says which address to open', async ({ page, served }) => {
  await page.goto(served.origin);
  await expect(page.getByRole('heading', { name: 'Commonplace' })).toBeVisible();
  await expect(page.getByText('commonplace serve', { exact: false }).first()).toBeVisible();
});

test('a note created elsewhere appears without a reload', async ({ page, served, request }) => {
  const library = new LibraryPage(page);
  await library.open(served.url);
  await expect(library.welcome).toBeVisible();

  // Another window (or the CLI through the server) adds a note: the list follows live.
  await notebookApi(request, served)('createNote', { title: 'Written elsewhere', tags: ['inbox'] });

  await expect(library.row('Written elsewhere')).toBeVisible();
  await expect(library.view('All')).toHaveAccessibleName('All 1');
  await expect(library.tag('inbox')).toBeVisible();
});
