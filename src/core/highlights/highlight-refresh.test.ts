import { describe, expect, it } from 'vitest';
import type { Clip, Highlight } from '../../shared/types';
import { call } from '../../../tests/helpers/call';
import { fixtureServerForFile } from '../../../tests/helpers/file-fixture-server';
import { asClip } from '../../../tests/helpers/items';
import { steppingClock, withTempLibrary } from '../../../tests/helpers/temp-library';
import type { Notebook } from '../notebook';
import { ARTICLE_URL, PARAGRAPHS, articleHtml } from './article-fixture';

const site = fixtureServerForFile();

const options = { clock: steppingClock(), clipper: { timeoutMs: 5_000, inWorker: false } };

/** The article as revised by its site: a new opening paragraph, one word changed, one paragraph cut. */
const REVISED = [
  'Updated in March: the mosque committee has published its own account of the work.',
  PARAGRAPHS[0] as string,
  (PARAGRAPHS[1] as string).replace('rice husks', 'rice straw'),
  PARAGRAPHS[2] as string,
];

const QUOTES = {
  kept: 'the whole town turns out',
  edited: 'They mix the mud with rice husks and leave it to ferment',
  cut: 'their walls slump back into the earth',
};

async function highlightAll(notebook: Notebook, clip: Clip): Promise<Record<keyof typeof QUOTES, Highlight>> {
  const add = (quote: string): Promise<Highlight> =>
    call(notebook, 'addHighlight', { clipId: clip.id, quote, comment: `on ${quote}` });
  return { kept: await add(QUOTES.kept), edited: await add(QUOTES.edited), cut: await add(QUOTES.cut) };
}

function expectReanchored(clip: Clip, made: Record<keyof typeof QUOTES, Highlight>): void {
  const byId = new Map(clip.highlights.map((h) => [h.id, h]));
  const kept = byId.get(made.kept.id);
  expect(kept).toMatchObject({ orphaned: false, comment: made.kept.comment, created: made.kept.created });
  expect(kept?.anchor.quote).toBe(QUOTES.kept);
  expect(kept?.anchor.start).toBe(clip.text.indexOf(QUOTES.kept));
  expect(kept?.anchor.start).not.toBe(made.kept.anchor.start);

  const edited = byId.get(made.edited.id);
  expect(edited?.orphaned).toBe(false);
  expect(edited?.anchor.quote).toBe('They mix the mud with rice straw and leave it to ferment');
  expect(clip.text.slice(edited?.anchor.start, edited?.anchor.end)).toBe(edited?.anchor.quote);

  // Never dropped: kept with its old anchor, after the others.
  expect(clip.highlights.at(-1)).toEqual({ ...made.cut, orphaned: true });
  expect(clip.highlights.map((h) => h.id)).toEqual([made.edited.id, made.kept.id, made.cut.id]);
}

describe('refreshing a highlighted clip', () => {
  it('places the highlights again in the new text and orphans those it cannot place', async () => {
    await withTempLibrary(async (library) => {
      const { clip } = await call(library.notebook, 'clip', { html: articleHtml(), url: ARTICLE_URL });
      const made = await highlightAll(library.notebook, clip);

      const refreshed = await call(library.notebook, 'clip', {
        html: articleHtml(REVISED),
        url: ARTICLE_URL,
        refresh: true,
      });
      expect(refreshed).toMatchObject({ refreshed: true, clip: { id: clip.id } });
      expectReanchored(refreshed.clip, made);

      const notebook = await library.reopen();
      const reread = asClip(await call(notebook, 'getItem', { id: clip.id }));
      expect(reread.highlights).toEqual(refreshed.clip.highlights);
      expect(await call(notebook, 'listHighlights', { clipId: clip.id })).toEqual({
        total: 3,
        highlights: refreshed.clip.highlights,
      });

      // The cut paragraph is back: its highlight is placed again.
      const restored = await call(notebook, 'clip', { html: articleHtml(), url: ARTICLE_URL, refresh: true });
      const back = restored.clip.highlights.find((h) => h.id === made.cut.id);
      expect(back).toMatchObject({ orphaned: false, anchor: { quote: QUOTES.cut } });
      expect(back?.anchor.start).toBe(restored.clip.text.indexOf(QUOTES.cut));
    }, options);
  });

  it('does the same when refreshClip fetches the page again', async () => {
    await withTempLibrary(async ({ notebook }) => {
      site.set('/granaries', { body: articleHtml() });
      const { clip } = await call(notebook, 'clip', { url: site.url('/granaries') });
      const made = await highlightAll(notebook, clip);
      site.set('/granaries', { body: articleHtml(REVISED) });
      const refreshed = await call(notebook, 'refreshClip', { id: clip.id });
      expect(refreshed.refreshed).toBe(true);
      expectReanchored(refreshed.clip, made);
      expect(asClip(await call(notebook, 'getItem', { id: clip.id })).highlights).toEqual(
        refreshed.clip.highlights,
      );
    }, options);
  });
});
