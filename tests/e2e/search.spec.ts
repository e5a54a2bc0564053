/**
 * Search in the browser mode, end to end: the real renderer against `commonplace serve` on a
 * fresh temporary library per test, with notes and a clip made through the API.
 */
import { expect, notebookApi, test } from './fixtures';
import { LibraryPage } from './pages/library';
import { NoteEditor } from './pages/note-editor';
import { Reader } from './pages/reader';
import { SearchPage } from './pages/search';

const notes = {
  security: {
    title: 'Security briefing',
    body: 'Sécurité first. Keïta met the prefect about the troop withdrawal from the river camps.',
    tags: ['sahel/mali'],
  },
  prices: {
    title: 'Market prices',
    body: 'Rice and millet rose after the withdrawal of the convoy.',
    tags: ['economy'],
  },
  reading: { title: 'Reading list', body: 'Books about the Keïta dynasty and Sundiata.', tags: ['reading'] },
};

// Long enough that its one match is far below the first screen.
const diary = {
  title: 'Convoy diary',
  body: `${Array.from({ length: 40 }, (_, day) => `Day ${day + 1}: waited by the river.`).join('\n')}\n\nThe withdrawal began on day 41.`,
};

const convoy = {
  title: 'The convoy leaves Gao',
  site: 'Field Journal',
  url: 'https://field-journal.example/2024/convoy',
};
const convoyPage = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${convoy.title}</title><meta property="og:site_name" content="${convoy.site}">
<meta property="article:published_time" content="2024-11-20"></head><body><article>
<h1>${convoy.title}</h1>
<p>At dawn the last trucks formed up by the river. The withdrawal had been announced a month
before, but few in the town believed it until the engines started and the column began to move.</p>
<p>Traders watched from the market. Some said the withdrawal would empty the roads of patrols and
bring the bandits back; others said it would bring the boats back, since the river would be open.</p>
<p>By noon the column was gone. What the withdrawal means for the harvest, nobody could yet say,
but the grain merchants had already raised their prices for the coming season.</p>
</article></body></html>`;

test('results follow every keystroke, with the matched words marked', async ({ page, served, request }) => {
  const api = notebookApi(request, served);
  for (const note of Object.values(notes)) await api('createNote', note);
  await api('clip', { html: convoyPage, url: convoy.url });
  const library = new LibraryPage(page);
  const search = new SearchPage(page);
  await library.open(served.url);

  await page.keyboard.press('/');
  await expect(search.box).toBeFocused();
  await search.type('keita');
  await search.expectCount(2);
  await expect(search.snippetMarks(notes.security.title)).toHaveText(['Keïta']);
  await expect(search.result(notes.reading.title)).toBeVisible();

  // The last word matches as a prefix while it is being typed.
  await search.type('withd');
  await search.expectCount(3);
  await expect(search.snippetMarks(notes.prices.title).first()).toHaveText('withdrawal');
  await expect(search.result(convoy.title)).toContainText(convoy.site);

  await search.search('withdrawal tag:sahel', 1);
  await expect(search.result(notes.security.title)).toBeVisible();
  await search.search('withdrawal type:clip', 1);
  await expect(search.result(convoy.title)).toBeVisible();
  await search.search('securite', 1);
  await expect(search.snippetMarks(notes.security.title)).toHaveText(['Sécurité']);

  await search.box.fill('zanzibar');
  await expect(search.nothingFound).toHaveText('Nothing matches zanzibar.');
  await expect(page.getByText('tag:sahel', { exact: true })).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(search.box).toHaveValue('');
  await expect(search.results).toHaveCount(0);
  await expect(library.listHeading).toHaveText('All');
  await expect(library.list).toBeFocused();
});

test('an opened result shows its matches in the reader and the editor', async ({ page, served, request }) => {
  const api = notebookApi(request, served);
  await api('createNote', diary);
  await api('clip', { html: convoyPage, url: convoy.url });
  const library = new LibraryPage(page);
  const search = new SearchPage(page);
  const reader = new Reader(page);
  const editor = new NoteEditor(page);
  await library.open(served.url);

  await page.keyboard.press('ControlOrMeta+f');
  await expect(search.box).toBeFocused();
  await search.search('withdrawal', 2);
  await search.result(convoy.title).click();
  const marks = reader.body.locator('mark.search-match');
  await expect(marks).toHaveCount(3);
  await expect(marks.first()).toHaveText('withdrawal');
  await expect(marks.first()).toBeInViewport();
  await expect(search.matchBar).toContainText('3 matches for withdrawal');
  await search.nextMatch.click();
  await expect(search.matchBar).toContainText('2/3');
  await expect(marks.nth(1)).toBeInViewport();

  // In the editor the match is marked too, and stepping selects it and scrolls it into view.
  await search.result(diary.title).click();
  await expect(editor.title).toHaveValue(diary.title);
  await expect(search.matchBar).toContainText('1 match for withdrawal');
  await search.nextMatch.click();
  await expect(editor.body).toBeFocused();
  await expect(editor.body.locator('mark.cm-search-match')).toHaveText('withdrawal');
  const selected = await page.evaluate(() => document.getSelection()?.toString());
  expect(selected).toBe('withdrawal');
  const detail = page.getByRole('main', { name: 'Detail' });
  await expect.poll(() => detail.evaluate((pane) => pane.scrollTop)).toBeGreaterThan(0);

  // The keyboard: Esc goes from the editor to the results, and from the results to the library.
  await page.keyboard.press('Escape');
  await expect(search.results).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(search.box).toHaveValue('');
  await expect(library.listHeading).toHaveText('All');

  // ↓ and Enter in the box, J/K in the results.
  await page.keyboard.press('ControlOrMeta+f');
  await expect(search.box).toBeFocused();
  await search.type('withdrawal');
  await search.expectCount(2);
  await page.keyboard.press('ArrowDown');
  await expect(search.results.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  // In the box J is a letter.
  await page.keyboard.press('j');
  await expect(search.box).toHaveValue('withdrawalj');
  await page.keyboard.press('Backspace');
  await search.expectCount(2);
  await page.keyboard.press('Enter');
  await expect(search.results).toBeFocused();
  await expect(search.matchBar).toBeVisible();
  await page.keyboard.press('j');
  await expect(search.results.getByRole('option').nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('k');
  await expect(search.results.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Escape');
  await expect(search.box).toHaveValue('');
  await expect(search.matchBar).toHaveCount(0);
});

test('a saved search stays in the sidebar and counts live', async ({ page, served, request }) => {
  const api = notebookApi(request, served);
  await api('createNote', notes.security);
  const library = new LibraryPage(page);
  const search = new SearchPage(page);
  await library.open(served.url);

  await search.search('keita', 1);
  await search.save('Keïta files');
  await expect(search.savedSearch('Keïta files')).toHaveAccessibleName('Keïta files 1');

  // Another window adds a matching note: the results and the count follow without a reload.
  await api('createNote', notes.reading);
  await expect(search.savedSearch('Keïta files')).toHaveAccessibleName('Keïta files 2');
  await search.expectCount(2);

  await page.keyboard.press('Escape');
  await expect(search.results).toHaveCount(0);
  await search.savedSearch('Keïta files').click();
  await expect(search.box).toHaveValue('keita');
  await search.expectCount(2);

  await search.search('keita tag:reading', 1);
  await expect(search.result(notes.reading.title)).toBeVisible();
  await search.save();
  await expect(search.savedSearch('keita tag:reading')).toHaveAccessibleName('keita tag:reading 1');

  await search.removeButton('Keïta files').click();
  await expect(search.savedSearch('Keïta files')).toHaveCount(0);
  await expect(library.notice('Removed the saved search “Keïta files”.')).toBeVisible();

  // In a text field `/` is a slash, not the way to the search box.
  await library.newNote();
  await page.keyboard.type('either/or');
  await expect(new NoteEditor(page).title).toHaveValue('either/or');
  await expect(search.box).toHaveValue('keita tag:reading');
});
