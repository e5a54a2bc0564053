import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResult } from '../../shared/types';
import { call } from '../../../tests/helpers/call';
import { startFixtureServer, type FixtureServer } from '../../../tests/helpers/fixture-server';
import { withTempLibrary } from '../../../tests/helpers/temp-library';
import type { Notebook } from '../notebook';

let site: FixtureServer;

beforeAll(async () => {
  site = await startFixtureServer();
});

afterAll(async () => {
  await site.close();
});

const ids = (result: SearchResult): string[] => result.hits.map((hit) => hit.id);
const find = (notebook: Notebook, query: string): Promise<SearchResult> =>
  call(notebook, 'search', { query });

/** A page given as HTML (nothing is fetched): an article about a named person, with accents. */
function pageHtml(title: string, paragraph: string): string {
  const body = Array.from({ length: 5 }, () => `<p>${paragraph}</p>`).join('\n');
  return (
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${title}</title>` +
    '<meta property="og:site_name" content="Journal du Sahel"><meta name="author" content="Aminata Diallo">' +
    `</head><body><main><article><h1>${title}</h1>${body}</article></main></body></html>`
  );
}

describe('searching a library', () => {
  it('finds notes and clips with snippets, and answers in the SearchResult shape', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const note = await call(notebook, 'createNote', {
        title: 'Granary repairs',
        body: 'The masons replaster the granaries every spring.',
        tags: ['sahel/mali'],
      });
      const { clip: fetched } = await call(notebook, 'clip', { url: site.url('/article/the-delta-traders') });
      const { clip: given } = await call(notebook, 'clip', {
        html: pageHtml(
          'Sécurité à Niamey',
          'Le président Keïta a parlé de la sécurité des marchés de Niamey.',
        ),
        url: 'https://journal-du-sahel.example/securite',
      });

      const result = await find(notebook, 'granaries');
      expect(result).toMatchObject({ query: 'granaries', total: 1, index: { state: 'ready' } });
      expect(Object.keys(result).sort()).toEqual(['hits', 'index', 'query', 'tookMs', 'total']);
      expect(result.tookMs).toBeGreaterThanOrEqual(0);
      expect(result.hits[0]).toMatchObject({
        id: note.id,
        type: 'note',
        title: 'Granary repairs',
        tags: ['sahel/mali'],
      });
      expect(result.hits[0]?.snippet).toContain('<mark>granaries</mark>');

      expect(ids(await find(notebook, 'traders delta'))).toEqual([fetched.id]);
      const clipHit = (await find(notebook, 'marchés')).hits[0];
      expect(clipHit).toMatchObject({ id: given.id, type: 'clip', siteName: 'Journal du Sahel' });
      // Metadata is searchable too: the author, the site and its host.
      expect(ids(await find(notebook, 'diallo'))).toEqual([given.id]);
      expect(ids(await find(notebook, 'fixture times'))).toEqual([fetched.id]);
      expect(ids(await find(notebook, 'nothing-like-this-anywhere'))).toEqual([]);
    });
  });

  it('ignores case and accents, and matches the last word as a prefix', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const note = await call(notebook, 'createNote', {
        title: 'Keïta à Niamey',
        body: 'Sécurité des marchés; the WITHDRAWAL of the garrison.',
      });
      for (const query of ['keita', 'KEÏTA', 'securite', 'SÉCURITÉ', 'niamey', 'withd', 'secu'])
        expect(ids(await find(notebook, query)), query).toEqual([note.id]);
    });
  });

  it('reflects every change at once: create, edit, tag, trash, restore, empty the trash', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const note = await call(notebook, 'createNote', { title: 'Harmattan', body: 'Dust over Gao.' });
      expect(ids(await find(notebook, 'gao'))).toEqual([note.id]);

      await call(notebook, 'updateNote', { id: note.id, body: 'Dust over Timbuktu.' });
      expect(ids(await find(notebook, 'gao'))).toEqual([]);
      expect(ids(await find(notebook, 'timbuktu'))).toEqual([note.id]);
      await call(notebook, 'updateNote', { id: note.id, title: 'Sandstorm season' });
      expect(ids(await find(notebook, 'sandstorm'))).toEqual([note.id]);
      expect(ids(await find(notebook, 'harmattan'))).toEqual([]);

      await call(notebook, 'tagItem', { id: note.id, add: ['weather'] });
      expect(ids(await find(notebook, 'weather'))).toEqual([note.id]);

      await call(notebook, 'trashItem', { id: note.id });
      expect(ids(await find(notebook, 'timbuktu'))).toEqual([]);
      await call(notebook, 'restoreItem', { id: note.id });
      expect(ids(await find(notebook, 'timbuktu'))).toEqual([note.id]);

      const other = await call(notebook, 'createNote', { title: 'Timbuktu manuscripts' });
      expect(ids(await find(notebook, 'timbuktu')).sort()).toEqual([note.id, other.id].sort());
      await call(notebook, 'trashItem', { id: other.id });
      await call(notebook, 'emptyTrash', {});
      expect(ids(await find(notebook, 'timbuktu'))).toEqual([note.id]);
      expect(ids(await find(notebook, 'manuscripts'))).toEqual([]);
    });
  });

  it('pages through results with limit and offset', async () => {
    await withTempLibrary(async ({ notebook }) => {
      for (let i = 0; i < 5; i++)
        await call(notebook, 'createNote', { title: `Baobab ${i}`, body: 'baobab' });
      const all = await call(notebook, 'search', { query: 'baobab', limit: 10 });
      expect(all.total).toBe(5);
      const page = await call(notebook, 'search', { query: 'baobab', limit: 2, offset: 2 });
      expect(page.total).toBe(5);
      expect(ids(page)).toEqual(ids(all).slice(2, 4));
    });
  });
});
