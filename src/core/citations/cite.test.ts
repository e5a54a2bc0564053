import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CitationResult } from '../../shared/types';
import { call } from '../../../tests/helpers/call';
import { rejection } from '../../../tests/helpers/errors';
import { asClip } from '../../../tests/helpers/items';
import { steppingClock, withTempLibrary, type TempLibrary } from '../../../tests/helpers/temp-library';
import type { CslItem } from './csl';
import { bibtexNames, bibtexText, readBibtex } from './read-bibtex';

const SCHOLARLY_URL = 'https://journals.sahel-academic.example/jss/article/view/142';
const PAGES = path.resolve(import.meta.dirname, '../../../tests/fixtures/pages');

// The fixture without its images, so clipping it never reaches for the network.
async function fixturePage(name: string): Promise<string> {
  const html = await fs.readFile(path.join(PAGES, name), 'utf8');
  return html.replace(/<img\b[^>]*>/gi, '');
}

function page(head: string, title: string, lang = 'en'): string {
  return (
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title>${head}</head>` +
    `<body><article><h1>${title}</h1>` +
    '<p>Every spring, after the last rains, the masons climb onto the roofs of the great mosque and the granaries around it.</p>' +
    '<p>They mix the mud with rice husks and leave it to ferment for weeks, until it smells of the river and binds like cement.</p>' +
    '</article></body></html>'
  );
}

const meta = (name: string, content: string): string => `<meta name="${name}" content="${content}">`;

async function clip(library: TempLibrary, html: string, url: string): Promise<string> {
  return (await call(library.notebook, 'clip', { html, url })).clip.id;
}

async function cite(
  library: TempLibrary,
  ids: string[],
  format: 'bibtex' | 'csl-json',
): Promise<CitationResult> {
  const result = await call(library.notebook, 'cite', { ids, format });
  expect(result.format).toBe(format);
  return result;
}

const csl = (result: CitationResult): CslItem[] => JSON.parse(result.text) as CslItem[];
const options = { clock: steppingClock('2025-01-20T10:00:00.000Z') };

describe('citing a scholarly clip', () => {
  it('writes every CSL-JSON field from the clip and its citation', async () => {
    await withTempLibrary(async (library) => {
      const id = await clip(library, await fixturePage('scholarly-article.html'), SCHOLARLY_URL);
      const stored = asClip(await call(library.notebook, 'getItem', { id }));
      const result = await cite(library, [id], 'csl-json');
      const items = csl(result);
      expect(items).toHaveLength(1);
      expect(items[0]).toEqual({
        id: 'keita2023pastoral',
        type: 'article-journal',
        title: 'Pastoral mobility and conflict in the inner Niger delta, 2012–2022',
        author: [
          { family: 'Keïta', given: 'Aminata' },
          { family: 'Dupont', given: 'Jean-Luc' },
          { family: 'Ag Mohamed', given: 'Ibrahim' },
        ],
        'container-title': 'Journal of Sahel Studies',
        publisher: 'Sahel Academic Press',
        volume: '14',
        issue: '2',
        page: '145-172',
        DOI: '10.5555/jss.2023.0142',
        ISSN: '2345-6789',
        URL: SCHOLARLY_URL,
        issued: { 'date-parts': [[2023, 6, 15]] },
        accessed: { 'date-parts': [[2025, 1, 20]] },
        language: 'en',
      });
      expect(stored.clipped.startsWith('2025-01-20')).toBe(true);
      expect(result.keys).toEqual({ [id]: 'keita2023pastoral' });
    }, options);
  });

  it('writes a biblatex @article that reads back to the same fields', async () => {
    await withTempLibrary(async (library) => {
      const id = await clip(library, await fixturePage('scholarly-article.html'), SCHOLARLY_URL);
      const result = await cite(library, [id], 'bibtex');
      expect(result.keys).toEqual({ [id]: 'keita2023pastoral' });
      const [entry, ...rest] = readBibtex(result.text);
      expect(rest).toEqual([]);
      expect(entry?.type).toBe('article');
      expect(entry?.key).toBe('keita2023pastoral');
      const raw = entry?.raw ?? {};
      expect(Object.keys(raw)).toEqual([
        'author',
        'title',
        'journaltitle',
        'volume',
        'number',
        'pages',
        'date',
        'doi',
        'issn',
        'url',
        'urldate',
        'langid',
      ]);
      expect(bibtexNames(raw.author ?? '')).toEqual([
        'Keïta, Aminata',
        'Dupont, Jean-Luc',
        'Ag Mohamed, Ibrahim',
      ]);
      expect(raw.title).toBe('{Pastoral} mobility and conflict in the inner {Niger} delta, 2012–2022');
      expect(bibtexText(raw.title ?? '')).toBe(
        'Pastoral mobility and conflict in the inner Niger delta, 2012–2022',
      );
      expect(raw).toMatchObject({
        journaltitle: 'Journal of Sahel Studies',
        volume: '14',
        number: '2',
        pages: '145--172',
        date: '2023-06-15',
        doi: '10.5555/jss.2023.0142',
        issn: '2345-6789',
        url: SCHOLARLY_URL,
        urldate: '2025-01-20',
        langid: 'english',
      });
    }, options);
  });
});

describe('citing web pages', () => {
  it('makes a news article a newspaper @article, and a plain page @online with its site', async () => {
    await withTempLibrary(async (library) => {
      const newsUrl = 'https://www.sahelobserver.example/news/2024/09/niger-river-floods-mopti';
      const news = await clip(library, await fixturePage('news-article.html'), newsUrl);
      const blog = await clip(
        library,
        page(
          meta('author', 'Mariam Traoré') +
            '<meta property="og:site_name" content="Delta Review">' +
            '<meta property="article:published_time" content="2024-02">',
          'Rebuilding the granaries: 100% mud & rice_husks',
          'fr-FR',
        ),
        'https://delta.example/granaries?utm_source=feed',
      );
      const items = csl(await cite(library, [news, blog], 'csl-json'));
      expect(items.map((item) => item.type)).toEqual(['article-newspaper', 'webpage']);
      expect(items[0]).toMatchObject({
        'container-title': 'The Sahel Observer',
        publisher: 'Sahel Observer Media',
      });
      expect(items[1]).toMatchObject({
        id: 'traore2024rebuilding',
        author: [{ family: 'Traoré', given: 'Mariam' }],
        'container-title': 'Delta Review',
        URL: 'https://delta.example/granaries',
        issued: { 'date-parts': [[2024, 2]] },
        language: 'fr-FR',
      });

      const entries = readBibtex((await cite(library, [news, blog], 'bibtex')).text);
      expect(entries.map((entry) => entry.type)).toEqual(['article', 'online']);
      expect(entries[0]?.raw).toMatchObject({
        entrysubtype: 'newspaper',
        journaltitle: 'The Sahel Observer',
      });
      const online = entries[1]?.raw ?? {};
      expect(online).toMatchObject({
        organization: 'Delta Review',
        date: '2024-02',
        url: 'https://delta.example/granaries',
        langid: 'french',
      });
      expect(online.title).toBe('{Rebuilding} the granaries: 100\\% mud \\& rice\\_husks');
      expect(bibtexText(online.title ?? '')).toBe('Rebuilding the granaries: 100% mud & rice_husks');
      expect(online.urldate).toMatch(/^2025-01-20$/);
    }, options);
  });

  it('reads back escaped specials and UTF-8 from a clipped page', async () => {
    await withTempLibrary(async (library) => {
      const title = 'Costs {in} $ & % at #1 ~ ^ _ in Ségou’s 日本 market';
      const html = page(meta('author', 'Zoë O’Brien'), title.replace(/&/g, '&amp;'));
      const id = await clip(library, html, 'https://market.example/costs');
      const { text, keys } = await cite(library, [id], 'bibtex');
      const entry = readBibtex(text)[0];
      expect(entry?.raw.title).toBe(
        '{Costs} \\{in\\} \\$ \\& \\% at \\#1 \\textasciitilde{} \\textasciicircum{} \\_ in {Ségou’s} 日本 market',
      );
      expect(bibtexText(entry?.raw.title ?? '')).toBe(title);
      expect(bibtexText(entry?.raw.author ?? '')).toBe('O’Brien, Zoë');
      expect(keys[id]).toBe('obriencosts');
    }, options);
  });

  it('cites a clip with no metadata by its title and address, and one without an author by its site', async () => {
    await withTempLibrary(async (library) => {
      const bare = await clip(library, page('', 'The mud masons'), 'http://bare.example/p?id=1&x={y}');
      const sited = await clip(
        library,
        page(
          '<meta property="og:site_name" content="The Delta Review">' +
            meta('citation_publication_date', '2021'),
          'On granaries',
        ),
        'https://delta.example/on-granaries',
      );
      const items = csl(await cite(library, [bare, sited], 'csl-json'));
      expect(items[1]?.id).toBe('delta2021granaries');
      expect(items[0]).toEqual({
        id: 'mudmasons',
        type: 'webpage',
        title: 'The mud masons',
        URL: 'http://bare.example/p?id=1&x={y}',
        accessed: { 'date-parts': [[2025, 1, 20]] },
        language: 'en',
      });
      const entry = readBibtex((await cite(library, [bare], 'bibtex')).text)[0];
      expect(entry?.type).toBe('online');
      expect(Object.keys(entry?.raw ?? {})).toEqual(['title', 'url', 'urldate', 'langid']);
      // Verbatim in biblatex: only the braces that would unbalance the entry are encoded.
      expect(entry?.raw.url).toBe('http://bare.example/p?id=1&x=%7By%7D');
    }, options);
  });
});

describe('citing notes, keys and errors', () => {
  it('cites a note as a document dated by its creation', async () => {
    await withTempLibrary(async (library) => {
      const note = await call(library.notebook, 'createNote', { title: 'Reading list: the Dina', body: 'x' });
      const result = await cite(library, [note.id], 'csl-json');
      expect(csl(result)).toEqual([
        {
          id: 'reading2025list',
          type: 'document',
          title: 'Reading list: the Dina',
          issued: { 'date-parts': [[2025, 1, 20]] },
        },
      ]);
      const entry = readBibtex((await cite(library, [note.id], 'bibtex')).text)[0];
      expect(entry).toEqual({
        type: 'misc',
        key: 'reading2025list',
        raw: { title: '{Reading} list: the {Dina}', date: '2025-01-20' },
      });
    }, options);
  });

  it('gives colliding keys a, b, c by creation order, whatever order they are asked in', async () => {
    await withTempLibrary(async (library) => {
      const ids: string[] = [];
      for (const n of [1, 2, 3]) {
        const head = meta('author', 'Aminata Keïta') + meta('citation_publication_date', '2024/03/0' + n);
        ids.push(await clip(library, page(head, `Elections in Mopti, part ${n}`), `https://a.example/${n}`));
      }
      const other = await clip(
        library,
        page(meta('author', 'Keita, Aminata') + meta('citation_publication_date', '2024'), 'Electionsa'),
        'https://a.example/other',
      );
      const [first, second, third] = ids as [string, string, string];
      const forward = await cite(library, [first, second, third, other], 'bibtex');
      expect(forward.keys).toEqual({
        [first]: 'keita2024elections',
        [second]: 'keita2024electionsb',
        [third]: 'keita2024electionsc',
        [other]: 'keita2024electionsa',
      });
      const backward = await cite(library, [other, third, second, first, first], 'csl-json');
      expect(backward.keys).toEqual(forward.keys);
      expect(csl(backward).map((item) => item.id)).toEqual([
        'keita2024electionsa',
        'keita2024electionsc',
        'keita2024electionsb',
        'keita2024elections',
      ]);
      const keys = readBibtex(forward.text).map((entry) => entry.key);
      expect(new Set(keys).size).toBe(4);
    }, options);
  });

  it('refuses unknown ids, naming them, and still cites items in the trash', async () => {
    await withTempLibrary(async (library) => {
      const note = await call(library.notebook, 'createNote', { title: 'Granaries' });
      await call(library.notebook, 'trashItem', { id: note.id });
      const result = await cite(library, [note.id], 'bibtex');
      expect(readBibtex(result.text).map((entry) => entry.key)).toEqual(['granaries2025']);
      const error = await rejection(
        call(library.notebook, 'cite', { ids: [note.id, 'nosuchitem', 'nor-this'] }),
      );
      expect(error.code).toBe('not_found');
      expect(error.message).toContain('"nosuchitem", "nor-this"');
    }, options);
  });
});
