/**
 * Export, import, Copy as Markdown and Cite, end to end: the real renderer against
 * `commonplace serve`, writing to and reading from real folders on disk.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect as baseExpect, type Locator, type Page } from '@playwright/test';
import { articlePage, article } from './fixture-article';
import { expect, notebookApi, test } from './fixtures';
import { LibraryPage } from './pages/library';

const mopti = {
  title: 'Field notes from Mopti',
  body: 'The river was high this year.',
  tags: ['sahel/mali'],
};
const reading = { title: 'Reading list', body: 'Books to find in Bamako.', tags: ['reading'] };

/** The transfer dialogs, found by role and name. */
class TransferDialogs {
  readonly exportDialog: Locator;
  readonly importDialog: Locator;
  readonly citeDialog: Locator;

  constructor(readonly page: Page) {
    this.exportDialog = page.getByRole('dialog', { name: 'Export to Markdown' });
    this.importDialog = page.getByRole('dialog', { name: 'Import' });
    this.citeDialog = page.getByRole('dialog', { name: /^Cite/ });
  }

  /** Mod+E from the list, then the destination; returns the summary once the export ends. */
  async exportTo(dir: string, options: { scope?: RegExp; prune?: boolean } = {}): Promise<Locator> {
    await this.page.getByRole('listbox').focus();
    await this.page.keyboard.press('ControlOrMeta+e');
    await expect(this.exportDialog).toBeVisible();
    if (options.scope) await this.exportDialog.getByRole('radio', { name: options.scope }).check();
    await this.exportDialog.getByRole('textbox', { name: 'Destination folder' }).fill(dir);
    const prune = this.exportDialog.getByRole('checkbox', {
      name: 'Remove files of items no longer exported',
    });
    await prune.setChecked(options.prune ?? false);
    await this.exportDialog.getByRole('button', { name: 'Export', exact: true }).click();
    const summary = this.exportDialog.getByRole('region', { name: 'Export summary' });
    await expect(summary).toBeVisible();
    return summary;
  }

  async done(dialog: Locator): Promise<void> {
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(dialog).toBeHidden();
  }
}

async function markdownFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => join(entry.parentPath, entry.name));
}

async function tempFolder(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `commonplace-${prefix}-`));
}

test('Mod+E exports the library to a folder, and a tag export can prune the rest', async ({
  page,
  served,
  request,
}) => {
  const api = notebookApi(request, served);
  await api('createNote', mopti);
  await api('createNote', reading);
  const library = new LibraryPage(page);
  const dialogs = new TransferDialogs(page);
  const out = await tempFolder('export');
  try {
    await library.open(served.url);
    await expect(library.row(mopti.title)).toBeVisible();

    const summary = await dialogs.exportTo(out, { scope: /whole library/ });
    await expect(summary).toContainText(`Exported 2 notes and 0 clips to ${out}.`);
    await expect(summary.getByRole('listitem').filter({ hasText: 'files written' })).toHaveText(
      /^2\s*files written$/,
    );
    await page.screenshot({ path: test.info().outputPath('export-summary.png') });

    const files = await markdownFiles(out);
    baseExpect(files).toHaveLength(2);
    const texts = await Promise.all(files.map((file) => readFile(file, 'utf8')));
    baseExpect(texts.some((text) => text.includes(mopti.body) && text.includes('sahel/mali'))).toBe(true);
    baseExpect(texts.some((text) => text.includes(reading.body))).toBe(true);
    await dialogs.done(dialogs.exportDialog);

    // The tag shown in the sidebar is what Mod+E offers first; pruning drops the other note's file.
    await library.showTag('sahel', '#sahel');
    const tagged = await dialogs.exportTo(out, { prune: true });
    await expect(dialogs.exportDialog.getByText(/Exported 1 note and 0 clips/)).toBeVisible();
    await expect(tagged.getByRole('listitem').filter({ hasText: 'removed' })).toHaveText(
      /^1\s*file removed$/,
    );
    const left = await markdownFiles(out);
    baseExpect(left).toHaveLength(1);
    baseExpect(await readFile(left[0] ?? '', 'utf8')).toContain(mopti.body);
    await dialogs.done(dialogs.exportDialog);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});

test('an export to a path that is not a full path is refused before it starts', async ({ page, served }) => {
  const library = new LibraryPage(page);
  const dialogs = new TransferDialogs(page);
  await library.open(served.url);
  await page.keyboard.press('ControlOrMeta+e');
  await dialogs.exportDialog.getByRole('textbox', { name: 'Destination folder' }).fill('notes/export');
  await dialogs.exportDialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialogs.exportDialog.getByRole('alert')).toHaveText(/full path of the folder/);
  await page.keyboard.press('Escape');
  await expect(dialogs.exportDialog).toBeHidden();
});

test('Copy as Markdown puts the open note on the clipboard', async ({ page, served, request, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.origin });
  await notebookApi(request, served)('createNote', mopti);
  const library = new LibraryPage(page);
  await library.open(served.url);
  await library.row(mopti.title).click();
  const note = page.getByRole('article', { name: 'Note', exact: true });
  await note.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect(library.notice('Copied as Markdown.')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  baseExpect(copied).toContain(mopti.title);
  baseExpect(copied).toContain(mopti.body);
  baseExpect(copied.startsWith('---')).toBe(true);
});

test('Cite shows a clip as BibTeX and as CSL-JSON', async ({ page, served, request }) => {
  await notebookApi(request, served)('clip', {
    html: articlePage,
    url: 'https://field-journal.example/mopti',
  });
  const library = new LibraryPage(page);
  const dialogs = new TransferDialogs(page);
  await library.open(served.url);
  await library.row(article.title).click();
  await page.getByRole('article', { name: 'Clip' }).getByRole('button', { name: 'Cite' }).click();
  const text = dialogs.citeDialog.getByRole('textbox', { name: 'Citations' });
  await expect(text).toHaveValue(/^@\w+\{/);
  await expect(text).toHaveValue(/url = \{https:\/\/field-journal\.example\/mopti\}/);
  await dialogs.citeDialog.getByRole('radio', { name: 'CSL-JSON' }).check();
  await expect(text).toHaveValue(/^\[/);
  await expect(text).toHaveValue(new RegExp(`"title": "${article.title}"`));
  await dialogs.citeDialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialogs.citeDialog).toBeHidden();
});

test('a folder of Markdown files is imported from the welcome screen', async ({ page, served }) => {
  const vault = await tempFolder('vault');
  try {
    await mkdir(join(vault, 'trips'));
    await writeFile(
      join(vault, 'Ségou harbour.md'),
      '---\ntags: [sahel/mali]\n---\nBoats unload millet at dawn. See [[Timbuktu manuscripts]].\n',
    );
    await writeFile(join(vault, 'trips', 'Timbuktu manuscripts.md'), 'Family libraries kept them safe.\n');

    const library = new LibraryPage(page);
    const dialogs = new TransferDialogs(page);
    await library.open(served.url);
    await page.getByRole('button', { name: 'Import a folder' }).click();
    await expect(dialogs.importDialog).toBeVisible();
    await dialogs.importDialog.getByRole('textbox', { name: 'Markdown folder' }).fill(vault);
    await dialogs.importDialog.getByRole('button', { name: 'Import', exact: true }).click();

    const summary = dialogs.importDialog.getByRole('region', { name: 'Import summary' });
    await expect(summary).toContainText('Imported 2 items');
    await expect(summary.getByRole('listitem').filter({ hasText: 'created' })).toHaveText(/^2\s*created$/);
    await dialogs.done(dialogs.importDialog);

    await expect(library.row('Ségou harbour')).toBeVisible();
    await expect(library.row('Timbuktu manuscripts')).toBeVisible();
    await expect(library.row('Ségou harbour')).toContainText('#sahel/mali');
  } finally {
    await rm(vault, { recursive: true, force: true });
  }
});

test('a read-it-later export is imported without fetching, its format found from the file', async ({
  page,
  served,
}) => {
  const library = new LibraryPage(page);
  const dialogs = new TransferDialogs(page);
  await library.open(served.url);
  await page.getByRole('button', { name: 'Import a folder' }).click();
  await expect(dialogs.importDialog).toBeVisible();
  await dialogs.importDialog.getByRole('radio', { name: 'Read-it-later export' }).check();
  await expect(dialogs.importDialog.getByRole('textbox', { name: 'Markdown folder' })).toBeHidden();
  await dialogs.importDialog
    .getByRole('textbox', { name: 'Export file' })
    .fill(join(__dirname, '..', 'fixtures', 'read-later', 'ril_export.html'));
  await expect(dialogs.importDialog.getByRole('combobox', { name: 'Format' })).toHaveValue('');
  await dialogs.importDialog.getByRole('checkbox', { name: 'Fetch pages' }).uncheck();
  await dialogs.importDialog.getByRole('button', { name: 'Import', exact: true }).click();

  const summary = dialogs.importDialog.getByRole('region', { name: 'Import summary' });
  await expect(summary).toContainText('Imported 3 items');
  await dialogs.done(dialogs.importDialog);
  await expect(library.row('Les greniers de Djenné')).toBeVisible();
  await expect(library.row('Les greniers de Djenné')).toContainText('#mali');
  await expect(library.row('Smørrebrød & the open sandwich')).toBeVisible();
});
