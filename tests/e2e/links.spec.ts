/**
 * Links between notes and clips, end to end: `[[` completion in the note editor, resolved and
 * unresolved links, following them, backlinks and unlinked mentions, and renaming a linked note.
 */
import type { Page } from '@playwright/test';
import { expect, notebookApi, test } from './fixtures';
import { BacklinksPanel } from './pages/backlinks';
import { LibraryPage } from './pages/library';
import { NoteEditor } from './pages/note-editor';
import { Reader } from './pages/reader';

const convoy = {
  title: 'The convoy leaves Gao',
  url: 'https://field-journal.example/2024/convoy',
};
const convoyPage = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${convoy.title}</title><meta property="og:site_name" content="Field Journal"></head><body><article>
<h1>${convoy.title}</h1>
<p>At dawn the last trucks formed up by the river. The withdrawal had been announced a month
before, but few in the town believed it until the engines started and the column began to move.</p>
<p>Traders watched from the market. Some said the roads would empty of patrols; others said the
boats would come back, since the river would be open again.</p>
</article></body></html>`;

/** A new note with this title, its body focused and empty. */
async function startNote(page: Page, title: string): Promise<NoteEditor> {
  const library = new LibraryPage(page);
  const editor = new NoteEditor(page);
  await library.newNote();
  await editor.title.fill(title);
  await editor.body.click();
  await expect(editor.body).toBeFocused();
  return editor;
}

test('a link picked from [[ completion leads to the clip, which lists the note as a backlink', async ({
  page,
  served,
  request,
}) => {
  await notebookApi(request, served)('clip', { html: convoyPage, url: convoy.url });
  const library = new LibraryPage(page);
  const reader = new Reader(page);
  const backlinks = new BacklinksPanel(page);
  await library.open(served.url);
  await expect(library.row(convoy.title)).toBeVisible();

  const editor = await startNote(page, 'Gao, November');
  await page.keyboard.type('The column left at dawn, see [[conv');
  const completion = editor.root.getByRole('listbox', { name: 'Completions' });
  const option = completion.getByRole('option', { name: new RegExp(convoy.title) });
  await expect(option).toBeVisible();
  await expect(option.getByRole('img', { name: 'Clip' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('completion.png') });
  await page.keyboard.press('Enter');
  await expect(completion).toHaveCount(0);
  await page.keyboard.type(' for the story.');

  await editor.expectBody(`The column left at dawn, see [[${convoy.title}]] for the story.`);
  await editor.expectSaved();
  const link = editor.body.locator('.cm-wikilink', { hasText: convoy.title });
  await expect(link).toHaveClass(/is-resolved/);
  await page.screenshot({ path: test.info().outputPath('editor.png') });

  // Ctrl/Cmd-click follows the link to the clip, which lists the note.
  await link.click({ modifiers: ['ControlOrMeta'] });
  await expect(reader.title).toHaveText(convoy.title);
  await expect(backlinks.heading).toHaveText('Backlinks (1)');
  await expect(backlinks.source('Gao, November')).toBeVisible();
  await expect(backlinks.root).toContainText(`see [[${convoy.title}]] for the story`);

  await page.reload();
  await library.row(convoy.title).click();
  await expect(backlinks.source('Gao, November')).toBeVisible();
  await backlinks.source('Gao, November').click();
  await expect(editor.title).toHaveValue('Gao, November');
  await expect(editor.body.locator('.cm-wikilink.is-resolved', { hasText: convoy.title })).toBeVisible();
});

test('a link to nothing looks different, and following it creates the note', async ({ page, served }) => {
  const library = new LibraryPage(page);
  const backlinks = new BacklinksPanel(page);
  await library.open(served.url);

  const editor = await startNote(page, 'Plans');
  await page.keyboard.type('Next: [[Timbuktu trip]] in March. `[[not a link]]`');
  await editor.expectSaved();
  const link = editor.body.locator('.cm-wikilink', { hasText: 'Timbuktu trip' });
  await expect(link).toHaveClass(/is-unresolved/);
  // Inside code, brackets are only text.
  await expect(editor.body.locator('.cm-wikilink')).toHaveCount(1);

  await link.click({ modifiers: ['ControlOrMeta'] });
  await expect(editor.title).toHaveValue('Timbuktu trip');
  await expect(library.row('Timbuktu trip')).toBeVisible();
  await expect(backlinks.source('Plans')).toBeVisible();

  // Back in the first note the link now leads somewhere; Mod-Enter on it follows it too.
  await backlinks.source('Plans').click();
  await expect(editor.title).toHaveValue('Plans');
  await expect(link).toHaveClass(/is-resolved/);
  await link.click();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(editor.title).toHaveValue('Timbuktu trip');
});

test('renaming a linked note asks, then rewrites the links', async ({ page, served, request }) => {
  const api = notebookApi(request, served);
  await api('createNote', { title: 'Mopti', body: 'River port.' });
  await api('createNote', { title: 'Route', body: 'From Bamako to [[Mopti]] by road.' });
  const library = new LibraryPage(page);
  const editor = new NoteEditor(page);
  await library.open(served.url);

  await library.row('Mopti').click();
  await expect(new BacklinksPanel(page).source('Route')).toBeVisible();
  await editor.title.fill('Mopti, on the Niger');
  await editor.title.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Update links to this note?' });
  await expect(dialog).toContainText('Rename and update 1 link in 1 note?');
  await dialog.getByRole('button', { name: 'Rename and update links' }).click();
  await expect(editor.title).toHaveValue('Mopti, on the Niger');
  await expect(library.row('Mopti, on the Niger')).toBeVisible();

  await library.row('Route').click();
  await editor.expectBody('From Bamako to [[Mopti, on the Niger]] by road.');
});

test('an unlinked mention becomes a link with one click', async ({ page, served, request }) => {
  const api = notebookApi(request, served);
  await api('createNote', { title: 'Sévaré', body: 'A junction town.' });
  await api('createNote', { title: 'Trip log', body: 'We slept in Sévaré before the ferry.' });
  const library = new LibraryPage(page);
  const backlinks = new BacklinksPanel(page);
  await library.open(served.url);

  await library.row('Sévaré').click();
  await expect(backlinks.heading).toHaveText('Backlinks (0)');
  await expect(backlinks.root).toContainText('No notes link here yet.');
  await expect(backlinks.mentionsHeading).toHaveText('Unlinked mentions (1)');
  await expect(backlinks.mention('Trip log')).toBeVisible();

  await backlinks.linkIt('Trip log').click();
  await expect(backlinks.heading).toHaveText('Backlinks (1)');
  await expect(backlinks.source('Trip log')).toBeVisible();
  await expect(backlinks.mentionsHeading).toHaveText('Unlinked mentions (0)');
});

test('a link to a heading opens the note there, and a link to a highlight shows the highlight', async ({
  page,
  served,
  request,
}) => {
  const api = notebookApi(request, served);
  const { clip } = (await api('clip', { html: convoyPage, url: convoy.url })) as { clip: { id: string } };
  const quote = 'Traders watched from the market.';
  const highlight = (await api('addHighlight', { clipId: clip.id, quote })) as { id: string };
  const filler = Array.from({ length: 60 }, (_, i) => `Line ${i} of the first part.`).join('\n\n');
  await api('createNote', {
    title: 'Sources',
    body: `# Sources\n\n${filler}\n\n## Field notes\n\nThe ferry log.`,
  });
  await api('createNote', {
    title: 'Index',
    body: `See [[Sources#Field notes]] and [[${convoy.title}#^${highlight.id}]].`,
  });
  const library = new LibraryPage(page);
  const editor = new NoteEditor(page);
  const reader = new Reader(page);
  await library.open(served.url);

  await library.row('Index').click();
  await editor.body
    .locator('.cm-wikilink', { hasText: 'Sources#Field notes' })
    .click({ modifiers: ['ControlOrMeta'] });
  await expect(editor.title).toHaveValue('Sources');
  await expect.poll(() => page.evaluate(() => document.getSelection()?.toString())).toBe('## Field notes');
  await expect(editor.body.locator('.cm-line', { hasText: '## Field notes' })).toBeInViewport();

  await library.row('Index').click();
  await editor.body
    .locator('.cm-wikilink', { hasText: highlight.id })
    .click({ modifiers: ['ControlOrMeta'] });
  await expect(reader.title).toHaveText(convoy.title);
  const mark = reader.body.locator(`mark[data-highlight-id="${highlight.id}"]`);
  await expect(mark).toHaveText(quote);
  await expect(mark).toHaveClass(/is-flashing/);
});
