import { describe, expect, it } from 'vitest';
import { executeSearch, type CatalogEntry, type SearchCatalog } from './execute';
import { HEAD_LENGTH } from './index-heads';
import { MAX_BODY_READS } from './index-phrase';
import { parseQuery } from './query-parser';
import { SearchIndex } from './search-index';
import { tokenize } from './text';

interface Item extends CatalogEntry {
  id: string;
  body: string;
}

const base = {
  tags: [],
  created: '2024-01-10T00:00:00.000Z',
  updated: '2024-01-10T00:00:00.000Z',
  deleted: null,
};

const ITEMS: Item[] = [
  {
    ...base,
    id: 'n-sahel',
    type: 'note',
    title: 'Harvest report',
    body: 'The harvest failed in Ségou.',
    tags: ['sahel/mali'],
  },
  {
    ...base,
    id: 'n-niger',
    type: 'note',
    title: 'Niger notes',
    body: 'Harvest and rain in Zinder.',
    tags: ['sahel/niger', 'todo'],
  },
  {
    ...base,
    id: 'c-rfi',
    type: 'clip',
    title: 'Élections à Bamako',
    body: 'Le conseil a publié les résultats des élections.',
    url: 'https://www.rfi.fr/fr/afrique/x',
    siteName: 'RFI',
    authors: ['Aminata Keïta'],
    published: '2024-11-05',
  },
  {
    ...base,
    id: 'c-other',
    type: 'clip',
    title: 'Rain season',
    body: 'Heavy rain and a poor harvest this season.',
    url: 'https://news.example.org/a',
    siteName: 'Example',
    authors: ['José Álvarez'],
    published: '2023-02',
  },
  {
    ...base,
    id: 'n-trash',
    type: 'note',
    title: 'Harvest draft',
    body: 'harvest harvest harvest',
    deleted: '2024-02-01T00:00:00.000Z',
  },
  {
    ...base,
    id: 'n-phrase',
    type: 'note',
    title: 'Council',
    body: 'The security council met; security matters, the council said.',
  },
  {
    ...base,
    id: 'n-exact',
    type: 'note',
    title: 'Exact',
    body: 'A meeting of the security council in New York.',
  },
];

function setup(
  items: Item[] = ITEMS,
  withEntries = true,
): { index: SearchIndex; catalog: SearchCatalog; reads: string[] } {
  const index = SearchIndex.create();
  const byId = new Map(items.map((item) => [item.id, item]));
  for (const item of items) {
    const meta = [...item.tags, ...(item.authors ?? []), item.siteName ?? ''].join(' ');
    index.add({
      id: item.id,
      type: item.type,
      title: item.title,
      body: item.body,
      meta,
      entry: withEntries ? item : undefined,
    });
  }
  const reads: string[] = [];
  const catalog: SearchCatalog = {
    get: (id) => byId.get(id),
    bodyText: async (id) => {
      reads.push(id);
      return byId.get(id)?.body ?? '';
    },
  };
  return { index, catalog, reads };
}

async function ids(query: string, items?: Item[], withEntries?: boolean): Promise<string[]> {
  const { index, catalog } = setup(items, withEntries);
  const { hits } = await executeSearch(index, parseQuery(query), catalog, { limit: 50, offset: 0 });
  return hits.map((hit) => hit.id);
}

describe('executeSearch', () => {
  it('ranks title matches first and never returns trashed items', async () => {
    const found = await ids('harvest ');
    expect(found[0]).toBe('n-sahel');
    expect(found).toEqual(expect.arrayContaining(['n-sahel', 'n-niger', 'c-other']));
    expect(found).not.toContain('n-trash');
  });

  it('filters by tag (with child tags), type, site, author and dates', async () => {
    expect((await ids('harvest tag:sahel ')).sort()).toEqual(['n-niger', 'n-sahel']);
    expect(await ids('harvest tag:sahel -tag:todo ')).toEqual(['n-sahel']);
    expect(await ids('harvest type:clip ')).toEqual(['c-other']);
    expect(await ids('site:rfi.fr')).toEqual(['c-rfi']);
    expect(await ids('site:example.org rain ')).toEqual(['c-other']);
    expect(await ids('author:keita')).toEqual(['c-rfi']);
    expect(await ids('author:alvarez rain ')).toEqual(['c-other']);
    expect(await ids('type:clip after:2024-11')).toEqual(['c-rfi']);
    expect(await ids('type:clip before:2024-01-01')).toEqual(['c-other']);
  });

  it('finds items by their facets alone after edits, removals and reused item numbers', async () => {
    const { index, catalog } = setup();
    const find = async (query: string): Promise<string[]> =>
      (await executeSearch(index, parseQuery(query), catalog, { limit: 50, offset: 0 })).hits
        .map((hit) => hit.id)
        .sort();
    const niger = ITEMS[1] as Item;
    const retagged = { ...niger, tags: ['travel'], updated: '2024-03-01T00:00:00.000Z' };
    // Many versions of one item: its old numbers die and are reused by the next ones.
    for (let i = 0; i < 40; i++) {
      const entry = i % 2 === 0 ? retagged : niger;
      index.add({ id: niger.id, type: 'note', title: entry.title, body: entry.body, meta: '', entry });
      await index.settle();
    }
    index.remove('n-sahel');
    const moved = { ...(ITEMS[5] as Item), tags: ['sahel/chad'] };
    index.add({ id: moved.id, type: 'note', title: moved.title, body: moved.body, meta: '', entry: moved });
    expect(await find('tag:sahel')).toEqual(['n-niger', 'n-phrase']);
    expect(await find('tag:travel')).toEqual([]);
    expect(await find('tag:todo harvest')).toEqual(['n-niger']);
    expect(await find('tag:sahel council')).toEqual(['n-phrase']);
    expect(await find('author:keita')).toEqual(['c-rfi']);
  });

  it('filters on any of many tags, however many an item has', async () => {
    const tags = Array.from({ length: 12 }, (_, i) => `topic/t${i}`);
    const many: Item = { ...base, id: 'many', type: 'note', title: 'Many tags', body: 'harvest', tags };
    const items = [...ITEMS, many];
    for (const tag of ['topic/t0', 'topic/t7', 'topic/t8', 'topic/t11', 'topic'])
      expect(await ids(`harvest tag:${tag}`, items)).toEqual(['many']);
    expect(await ids('harvest tag:topic -tag:topic/t11', items)).toEqual([]);
  });

  it('filters the same way when the index was given no entries (the catalog is asked)', async () => {
    expect((await ids('harvest tag:sahel ', ITEMS, false)).sort()).toEqual(['n-niger', 'n-sahel']);
    expect(await ids('author:keita', ITEMS, false)).toEqual(['c-rfi']);
    expect(await ids('harvest ', ITEMS, false)).not.toContain('n-trash');
  });

  it('ANDs words, ORs groups, and excludes words and phrases', async () => {
    expect(await ids('harvest rain ')).toEqual(expect.arrayContaining(['n-niger', 'c-other']));
    expect((await ids('harvest rain ')).length).toBe(2);
    expect((await ids('zinder OR bamako ')).sort()).toEqual(['c-rfi', 'n-niger']);
    expect(await ids('harvest -rain ')).toEqual(['n-sahel']);
    expect((await ids('council -"security council" ')).sort()).toEqual([]);
    expect((await ids('security -"council met" ')).sort()).toEqual(['n-exact']);
  });

  it('answers a query of exclusions only with every other item, never the trashed', async () => {
    const found = await ids('-harvest ');
    expect(found.sort()).toEqual(['c-rfi', 'n-exact', 'n-phrase']);
    expect((await ids('-keita -council')).sort()).toEqual(['c-other', 'n-niger', 'n-sahel']);
    expect(await ids('-tag:sahel type:note -council')).toEqual([]);
    expect(await ids('   ')).toEqual([]);
  });

  it('checks phrases on the text: the words in a row, accents aside', async () => {
    expect(await ids('"security council"')).toEqual(expect.arrayContaining(['n-phrase', 'n-exact']));
    expect(await ids('"council said"')).toEqual(['n-phrase']);
    expect(await ids('"council security"')).toEqual([]);
    expect(await ids('"elections a bamako"')).toEqual(['c-rfi']); // in the title
  });

  it('matches the last word as a prefix while typing, accents and case aside', async () => {
    expect(await ids('elec')).toEqual(['c-rfi']);
    expect(await ids('KEITA')).toEqual(['c-rfi']);
    expect(await ids('segou')).toEqual(['n-sahel']);
  });

  it('makes snippets with marks for the page only, and counts every match', async () => {
    const words = 'the harvest of rain in the season and a report on the council'.split(' ');
    const docs = Array.from({ length: 120 }, (_, i): Item => ({
      ...base,
      id: `g${i}`,
      type: 'clip',
      title: `Report ${i}`,
      body: words.filter((_, k) => (i + k) % 4 !== 0 || i % 7 !== 0).join(' '),
      updated: `2024-01-${String((i % 28) + 1).padStart(2, '0')}T00:00:00.000Z`,
    }));
    const { index, catalog, reads } = setup(docs);
    const query = parseQuery('the ');
    const first = await executeSearch(index, query, catalog, { limit: 10, offset: 0 });
    const second = await executeSearch(index, query, catalog, { limit: 10, offset: 10 });
    const holding = docs.filter((d) => tokenize(`${d.title} ${d.body}`).some((t) => t.term === 'the')).length;
    expect(holding).toBeGreaterThan(20);
    expect(first.total).toBe(holding);
    expect(second.total).toBe(holding);
    expect(first.hits).toHaveLength(10);
    expect(new Set([...first.hits, ...second.hits].map((hit) => hit.id)).size).toBe(20);
    expect(reads.length).toBeLessThanOrEqual(20);
    expect(first.hits[0]?.snippet).toMatch(/<mark>the<\/mark>/i);
    expect(first.hits[0]?.matches.map((m) => m.toLowerCase())).toContain('the');
    expect(first.hits[0]?.score).toBeGreaterThanOrEqual(first.hits[9]?.score ?? 0);
  });

  it('reads a body file only when the words come after the start the index keeps', async () => {
    const filler = (n: number): string => Array.from({ length: n }, (_, k) => `word${k}`).join(' ');
    const items: Item[] = [
      { ...base, id: 'near', type: 'note', title: 'Near', body: `A needle here. ${filler(600)}` },
      {
        ...base,
        id: 'far',
        type: 'note',
        title: 'Far',
        body: `${filler(300)} the deep needle ${filler(50)}`,
      },
      { ...base, id: 'short', type: 'note', title: 'Short', body: 'Only a needle.' },
    ];
    expect(items[1]?.body.indexOf('needle')).toBeGreaterThan(HEAD_LENGTH);
    const { index, catalog, reads } = setup(items);
    const found = await executeSearch(index, parseQuery('needle'), catalog, { limit: 10, offset: 0 });
    expect(found.hits.map((hit) => hit.id).sort()).toEqual(['far', 'near', 'short']);
    for (const hit of found.hits) expect(hit.snippet).toContain('<mark>needle</mark>');
    expect(found.hits.find((hit) => hit.id === 'near')?.snippet).toMatch(/…$/);
    expect(reads).toEqual(['far']);

    reads.length = 0;
    const phrase = await executeSearch(index, parseQuery('"deep needle"'), catalog, { limit: 10, offset: 0 });
    expect(phrase.hits.map((hit) => hit.id)).toEqual(['far']);
    expect(reads).toEqual(['far']);
    reads.length = 0;
    expect(
      (await executeSearch(index, parseQuery('"a needle"'), catalog, { limit: 10, offset: 0 })).total,
    ).toBe(2);
    expect(reads).toEqual([]);
  });

  /** Forty notes whose bodies hold `deep` and `needle` in the kept start, then `far(i)` after it. */
  const farItems = (far: (i: number) => string): Item[] => {
    const filler = (n: number): string => Array.from({ length: n }, (_, k) => `word${k}`).join(' ');
    return Array.from({ length: 40 }, (_, i) => ({
      ...base,
      id: `far${i}`,
      type: 'note',
      title: `Far ${i}`,
      body: `deep and needle. ${filler(300)} ${far(i)} ${filler(10)}`,
    }));
  };

  it('reads at most MAX_BODY_READS bodies for phrases, and shows no hit it could not check', async () => {
    // The phrase itself past the kept start, in every other item.
    const items = farItems((i) => (i % 2 === 0 ? 'the deep needle' : 'needle deep'));
    const { index, catalog, reads } = setup(items);
    const found = await executeSearch(index, parseQuery('"deep needle"'), catalog, { limit: 50, offset: 0 });
    expect(reads.length).toBeLessThanOrEqual(MAX_BODY_READS);
    expect(found.hits.length).toBeGreaterThan(0);
    for (const hit of found.hits) expect(Number(hit.id.slice(3)) % 2).toBe(0);
  });

  it('reads no body for a phrase whose words are in it but never side by side', async () => {
    // Both words, apart, after the kept start too; the phrase only in far7.
    const items = farItems((i) => (i === 7 ? 'the deep needle' : 'needle, then deep'));
    const { index, catalog, reads } = setup(items);
    const found = await executeSearch(index, parseQuery('"deep needle"'), catalog, { limit: 50, offset: 0 });
    expect(found.hits.map((hit) => hit.id)).toEqual(['far7']);
    expect(found.total).toBe(1);
    expect(reads).toEqual(['far7']);
    reads.length = 0;
    const without = await executeSearch(index, parseQuery('-"deep needle" needle'), catalog, {
      limit: 50,
      offset: 0,
    });
    expect(without.hits.map((hit) => hit.id).sort()).toEqual(
      items
        .map((item) => item.id)
        .filter((id) => id !== 'far7')
        .sort(),
    );
    expect(reads).toEqual(['far7']);
  });

  it('breaks ties by the most recently updated', async () => {
    const items: Item[] = ['2024-01-01', '2024-03-01', '2024-02-01'].map((day, i) => ({
      ...base,
      id: `t${i}`,
      type: 'note',
      title: 'Same',
      body: 'identical words',
      updated: `${day}T00:00:00.000Z`,
    }));
    expect(await ids('identical ', items)).toEqual(['t1', 't2', 't0']);
  });

  it('finds nothing for an empty query, and everything live for filters only', async () => {
    expect(await ids('')).toEqual([]);
    expect(await ids('   ')).toEqual([]);
    expect((await ids('type:note')).sort()).toEqual(['n-exact', 'n-niger', 'n-phrase', 'n-sahel']);
  });
});
