/**
 * The command palette (Mod+K): every command that can run where the person is, found by a few
 * letters of its name, run with Enter where they were.
 */
import { expect, notebookApi, test } from './fixtures';
import { LibraryPage } from './pages/library';
import { NoteEditor } from './pages/note-editor';

test('Mod+K finds a command by a few letters and runs it where the person was', async ({
  page,
  served,
  request,
}) => {
  await notebookApi(request, served)('createNote', { title: 'Field notes from Mopti', body: 'River high.' });
  const library = new LibraryPage(page);
  const editor = new NoteEditor(page);
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  const field = palette.getByRole('combobox', { name: 'Command' });
  const options = palette.getByRole('option');
  await library.open(served.url);
  await library.list.focus();

  await page.keyboard.press('ControlOrMeta+k');
  await expect(palette).toBeVisible();
  await expect(field).toBeFocused();
  // Every command that can run here, each with its shortcut; the palette itself is not listed.
  await expect(options.filter({ hasText: 'New note' })).toContainText(/Ctrl\+N|⌘N/);
  await expect(options.filter({ hasText: 'Command palette' })).toHaveCount(0);
  await expect(options.filter({ hasText: 'Search' })).toHaveCount(1);

  // Esc closes it and gives the focus back.
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();
  await expect(library.list).toBeFocused();

  // A few letters, ↓ and ↑, then Enter runs the one marked.
  await page.keyboard.press('ControlOrMeta+k');
  await field.fill('new no');
  await expect(options.first()).toHaveText(/^New note/);
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(editor.title).toBeFocused();
  await editor.title.fill('Made from the palette');
  await expect(library.row('Made from the palette')).toBeVisible();

  // Nothing matches: it says so.
  await page.keyboard.press('ControlOrMeta+k');
  await field.fill('zzzq');
  await expect(palette).toContainText('No command matches “zzzq”.');
  await field.fill('exp');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Export to Markdown' })).toBeVisible();
});

test('Esc and then at once Mod+K open the palette again, and it stays open', async ({ page, served }) => {
  const library = new LibraryPage(page);
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  const field = palette.getByRole('combobox', { name: 'Command' });
  await library.open(served.url);
  await library.list.focus();

  // A dialog's close event is queued: a quick Mod+K can reopen it before the event of its closing
  // arrives, which must not close it again. Ten rounds, since the keys do not always win the race.
  for (let round = 0; round < 10; round += 1) {
    await page.keyboard.press('ControlOrMeta+k');
    await expect(field).toBeFocused();
    await page.keyboard.press('Escape');
    await page.keyboard.press('ControlOrMeta+k');
    // Long enough for the queued event to arrive.
    await page.evaluate(() => new Promise((done) => setTimeout(done, 50)));
    await expect(palette).toBeVisible();
    await expect(field).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(palette).toBeHidden();
  }
});
