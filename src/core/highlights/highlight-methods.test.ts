import { describe, expect, it } from 'vitest';
import type { Clip } from '../../shared/types';
import { call } from '../../../tests/helpers/call';
import { rejection } from '../../../tests/helpers/errors';
import { asClip } from '../../../tests/helpers/items';
import { steppingClock, withTempLibrary } from '../../../tests/helpers/temp-library';
import type { Notebook } from '../notebook';
import { ARTICLE_URL, articleHtml } from './article-fixture';

const options = { clock: steppingClock(), clipper: { inWorker: false } };

async function clipArticle(notebook: Notebook, url = ARTICLE_URL, title?: string): Promise<Clip> {
  return (await call(notebook, 'clip', { html: articleHtml(undefined, title), url })).clip;
}

const getClip = async (notebook: Notebook, id: string): Promise<Clip> =>
  asClip(await call(notebook, 'getItem', { id }));

describe('adding a highlight', () => {
  it('anchors the quote in the clip text and stores it on the clip', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const clip = await clipArticle(notebook);
      const highlight = await call(notebook, 'addHighlight', {
        clipId: clip.id,
        quote: 'rice husks',
        comment: 'Why husks?',
        color: 'green',
      });
      const start = clip.text.indexOf('rice husks');
      expect(highlight).toEqual({
        id: expect.stringMatching(/^[a-z0-9]{6,12}$/) as string,
        clipId: clip.id,
        clipTitle: 'Granaries of Djenné',
        anchor: {
          quote: 'rice husks',
          prefix: clip.text.slice(start - 32, start),
          suffix: clip.text.slice(start + 10, start + 42),
          start,
          end: start + 10,
        },
        color: 'green',
        comment: 'Why husks?',
        created: highlight.created,
        updated: highlight.created,
        orphaned: false,
      });
      const after = await getClip(notebook, clip.id);
      expect(after.highlights).toEqual([highlight]);
      expect(after.rev).toBeGreaterThan(clip.rev);
      expect(after.updated).toBe(highlight.created);
      expect(after.updated > clip.updated).toBe(true);
      expect(after.text).toBe(clip.text);

      const plain = await call(notebook, 'addHighlight', { clipId: clip.id, quote: 'the great mosque' });
      expect(plain).toMatchObject({ color: 'yellow', comment: '' });
      expect(plain.id).not.toBe(highlight.id);
    }, options);
  });

  it('accepts a selection whose whitespace differs, and keeps the quote as the text writes it', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const clip = await clipArticle(notebook);
      const highlight = await call(notebook, 'addHighlight', {
        clipId: clip.id,
        quote: '  binds like\u00a0cement.\nEvery   spring the whole town ',
      });
      expect(highlight.anchor.quote).toBe('binds like cement.\n\nEvery spring the whole town');
      expect(clip.text.slice(highlight.anchor.start, highlight.anchor.end)).toBe(highlight.anchor.quote);
    }, options);
  });

  it('picks the occurrence the prefix, suffix or start point at', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const clip = await clipArticle(notebook);
      const second = clip.text.lastIndexOf('Every spring');
      const add = (extra: { prefix?: string; suffix?: string; start?: number }) =>
        call(notebook, 'addHighlight', { clipId: clip.id, quote: 'Every spring', ...extra });
      expect((await add({})).anchor.start).toBe(0);
      expect((await add({ prefix: 'cement.\n\n' })).anchor.start).toBe(second);
      expect((await add({ suffix: ' the whole town' })).anchor.start).toBe(second);
      expect((await add({ start: second + 3 })).anchor.start).toBe(second);
    }, options);
  });

  it('refuses a passage that is not in the clip, a note, a trashed clip and an unknown id', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const clip = await clipArticle(notebook);
      const refused = await rejection(
        call(notebook, 'addHighlight', { clipId: clip.id, quote: 'rice husks and straw' }),
      );
      expect(refused).toEqual({
        code: 'invalid_argument',
        message:
          'That passage is not in “Granaries of Djenné”: highlight text exactly as it appears in the article.',
      });
      expect((await getClip(notebook, clip.id)).rev).toBe(clip.rev);
      const note = await call(notebook, 'createNote', { title: 'Field notes', body: 'rice husks' });
      expect(
        await rejection(call(notebook, 'addHighlight', { clipId: note.id, quote: 'rice husks' })),
      ).toEqual({
        code: 'invalid_argument',
        message: '"Field notes" is a note: only clips can be highlighted.',
      });
      const inTrash = await call(notebook, 'trashItem', { id: clip.id });
      const trashed = await rejection(
        call(notebook, 'addHighlight', { clipId: clip.id, quote: 'rice husks' }),
      );
      expect(trashed.code).toBe('conflict');
      expect(trashed.message).toContain('restore it first');
      expect((await rejection(call(notebook, 'addHighlight', { clipId: 'nope', quote: 'x' }))).code).toBe(
        'not_found',
      );
      expect((await getClip(notebook, clip.id)).highlights).toEqual([]);
      expect((await getClip(notebook, clip.id)).rev).toBe(inTrash.rev);
    }, options);
  });
});

describe('changing and removing highlights', () => {
  it('changes colour and comment, and removes a highlight', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const clip = await clipArticle(notebook);
      const first = await call(notebook, 'addHighlight', { clipId: clip.id, quote: 'rice husks' });
      const other = await call(notebook, 'addHighlight', { clipId: clip.id, quote: 'the great mosque' });

      const recoloured = await call(notebook, 'updateHighlight', {
        clipId: clip.id,
        highlightId: first.id,
        color: 'pink',
      });
      expect(recoloured).toEqual({ ...first, color: 'pink', updated: recoloured.updated });
      expect(recoloured.updated > first.updated).toBe(true);
      const commented = await call(notebook, 'updateHighlight', {
        clipId: clip.id,
        highlightId: first.id,
        comment: 'Straw in some villages.',
      });
      expect(commented).toMatchObject({ color: 'pink', comment: 'Straw in some villages.' });
      const rev = (await getClip(notebook, clip.id)).rev;
      expect(
        await call(notebook, 'updateHighlight', { clipId: clip.id, highlightId: first.id, color: 'pink' }),
      ).toEqual(commented);
      expect((await getClip(notebook, clip.id)).rev).toBe(rev);

      const missing = await rejection(
        call(notebook, 'updateHighlight', { clipId: clip.id, highlightId: 'abcdef', color: 'blue' }),
      );
      expect(missing).toEqual({
        code: 'not_found',
        message: 'There is no highlight "abcdef" on “Granaries of Djenné”.',
      });

      expect(await call(notebook, 'removeHighlight', { clipId: clip.id, highlightId: first.id })).toEqual({
        removed: true,
      });
      expect(await call(notebook, 'removeHighlight', { clipId: clip.id, highlightId: first.id })).toEqual({
        removed: false,
      });
      expect((await getClip(notebook, clip.id)).highlights).toEqual([other]);
    }, options);
  });
});

describe('listing highlights', () => {
  it("lists a clip's highlights in text order, whatever order they were made in", async () => {
    await withTempLibrary(async ({ notebook }) => {
      const clip = await clipArticle(notebook);
      const quotes = ['their walls slump', 'rice husks', 'Every spring, after'];
      for (const quote of quotes) await call(notebook, 'addHighlight', { clipId: clip.id, quote });
      const listed = await call(notebook, 'listHighlights', { clipId: clip.id });
      expect(listed.total).toBe(3);
      expect(listed.highlights.map((h) => h.anchor.quote)).toEqual([
        'Every spring, after',
        'rice husks',
        'their walls slump',
      ]);
      expect((await getClip(notebook, clip.id)).highlights).toEqual(listed.highlights);
      const page = await call(notebook, 'listHighlights', { clipId: clip.id, offset: 1, limit: 1 });
      expect(page).toEqual({ total: 3, highlights: [listed.highlights[1]] });
    }, options);
  });

  it('lists every highlight in the library newest first, paged, leaving out trashed clips', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const granaries = await clipArticle(notebook);
      const mosque = await clipArticle(notebook, 'https://example.org/mosque', 'The great mosque');
      const a = await call(notebook, 'addHighlight', { clipId: granaries.id, quote: 'rice husks' });
      const b = await call(notebook, 'addHighlight', { clipId: mosque.id, quote: 'the children race' });
      const c = await call(notebook, 'addHighlight', { clipId: granaries.id, quote: 'Every spring, after' });

      const all = await call(notebook, 'listHighlights', {});
      expect(all.total).toBe(3);
      expect(all.highlights.map((h) => h.id)).toEqual([c.id, b.id, a.id]);
      expect(all.highlights.map((h) => h.clipTitle)).toEqual([
        'Granaries of Djenné',
        'The great mosque',
        'Granaries of Djenné',
      ]);
      expect(await call(notebook, 'listHighlights', { offset: 1, limit: 1 })).toEqual({
        total: 3,
        highlights: [b],
      });

      await call(notebook, 'trashItem', { id: granaries.id });
      expect((await call(notebook, 'listHighlights', {})).highlights).toEqual([b]);
      // A trashed clip keeps its highlights: they come back with it.
      expect((await getClip(notebook, granaries.id)).highlights.map((h) => h.id)).toEqual([c.id, a.id]);
      await call(notebook, 'restoreItem', { id: granaries.id });
      expect((await call(notebook, 'listHighlights', {})).highlights.map((h) => h.id)).toEqual([
        c.id,
        b.id,
        a.id,
      ]);
    }, options);
  });

  it('refuses to change highlights in the trash, and to list those of a note', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const clip = await clipArticle(notebook);
      const highlight = await call(notebook, 'addHighlight', { clipId: clip.id, quote: 'rice husks' });
      await call(notebook, 'trashItem', { id: clip.id });
      const args = { clipId: clip.id, highlightId: highlight.id };
      expect((await rejection(call(notebook, 'updateHighlight', { ...args, color: 'blue' }))).code).toBe(
        'conflict',
      );
      expect((await rejection(call(notebook, 'removeHighlight', args))).code).toBe('conflict');
      expect((await getClip(notebook, clip.id)).highlights).toEqual([highlight]);
      const note = await call(notebook, 'createNote', { title: 'Plain' });
      expect((await rejection(call(notebook, 'listHighlights', { clipId: note.id }))).code).toBe(
        'invalid_argument',
      );
    }, options);
  });
});

describe('keeping highlights', () => {
  it('keeps them when the library is closed and opened again', async () => {
    await withTempLibrary(async (library) => {
      const clip = await clipArticle(library.notebook);
      const made = await call(library.notebook, 'addHighlight', {
        clipId: clip.id,
        quote: 'ferment for weeks',
        color: 'purple',
        comment: 'Three to four weeks, the masons say.',
      });
      const notebook = await library.reopen();
      expect((await getClip(notebook, clip.id)).highlights).toEqual([made]);
      expect(await call(notebook, 'listHighlights', {})).toEqual({ total: 1, highlights: [made] });
      expect(await call(notebook, 'checkLibrary', {})).toMatchObject({ ok: true });
    }, options);
  });
});
