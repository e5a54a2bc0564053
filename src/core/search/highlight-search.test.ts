import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../../shared/types';
import { call } from '../../../tests/helpers/call';
import { withTempLibrary } from '../../../tests/helpers/temp-library';
import type { Notebook } from '../notebook';

const find = (notebook: Notebook, query: string): Promise<SearchResult> =>
  call(notebook, 'search', { query });

const PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>River trade</title></head>' +
  '<body><main><article><h1>River trade</h1>' +
  '<p>Boats carry millet downstream from Mopti every week of the dry season, and traders meet them at the quay.</p>' +
  '<p>The pirogues return with salt slabs from Timbuktu, which the merchants weigh on the riverbank at dawn.</p>' +
  '</article></main></body></html>';

describe('highlights in search', () => {
  it('finds a highlight by its quote and comment, under its clip, and follows its changes', async () => {
    await withTempLibrary(async (library) => {
      let notebook = library.notebook;
      const { clip } = await call(notebook, 'clip', { html: PAGE, url: 'https://river.example/trade' });
      const highlight = await call(notebook, 'addHighlight', {
        clipId: clip.id,
        quote: 'salt slabs from Timbuktu',
        comment: 'caravan route',
      });
      await notebook.whenSearchReady();

      const byQuote = await find(notebook, 'slabs');
      expect(byQuote.hits.map((hit) => [hit.type, hit.id, hit.highlightId])).toEqual([
        ['clip', clip.id, undefined],
        ['highlight', clip.id, highlight.id],
      ]);
      const hit = byQuote.hits.find((h) => h.type === 'highlight');
      expect(hit).toMatchObject({ title: 'River trade' });
      expect(hit?.snippet).toContain('<mark>slabs</mark>');

      // The comment is the highlight's alone; type:highlight leaves the clip out.
      expect((await find(notebook, 'caravan')).hits.map((h) => h.type)).toEqual(['highlight']);
      expect((await find(notebook, 'type:highlight salt')).hits.map((h) => h.highlightId)).toEqual([
        highlight.id,
      ]);
      expect((await find(notebook, 'type:clip salt')).hits.map((h) => h.type)).toEqual(['clip']);
      // A search for the clip's title finds the clip once, not once per highlight.
      expect((await find(notebook, 'river trade')).hits.map((h) => h.type)).toEqual(['clip']);

      await call(notebook, 'updateHighlight', {
        clipId: clip.id,
        highlightId: highlight.id,
        comment: 'market day',
      });
      await notebook.whenSearchReady();
      expect((await find(notebook, 'caravan')).total).toBe(0);
      expect((await find(notebook, 'market')).hits.map((h) => h.highlightId)).toEqual([highlight.id]);

      // Saved with the index and loaded again.
      notebook = await library.reopen();
      await notebook.whenSearchReady();
      expect((await find(notebook, 'type:highlight market')).total).toBe(1);

      await call(notebook, 'trashItem', { id: clip.id });
      await notebook.whenSearchReady();
      expect((await find(notebook, 'type:highlight market')).total).toBe(0);
      await call(notebook, 'restoreItem', { id: clip.id });
      await notebook.whenSearchReady();
      expect((await find(notebook, 'type:highlight market')).total).toBe(1);

      await call(notebook, 'removeHighlight', { clipId: clip.id, highlightId: highlight.id });
      await notebook.whenSearchReady();
      expect((await find(notebook, 'type:highlight')).total).toBe(0);
      expect((await find(notebook, 'slabs')).hits.map((h) => h.type)).toEqual(['clip']);
    });
  });

  it('finds highlights again after the index is rebuilt on the indexing thread', async () => {
    await withTempLibrary(async (library) => {
      const { clip } = await call(library.notebook, 'clip', {
        html: PAGE,
        url: 'https://river.example/trade',
      });
      const highlight = await call(library.notebook, 'addHighlight', {
        clipId: clip.id,
        quote: 'salt slabs from Timbuktu',
        comment: 'caravan route',
      });
      await library.notebook.close();
      await fs.rm(path.join(library.dir, 'index'), { recursive: true, force: true });

      const notebook = await library.reopen();
      await notebook.whenSearchReady();
      expect((await find(notebook, 'caravan')).hits.map((h) => [h.type, h.highlightId])).toEqual([
        ['highlight', highlight.id],
      ]);
      expect((await find(notebook, 'slabs')).hits.map((h) => h.type)).toEqual(['clip', 'highlight']);
    });
  });
});
