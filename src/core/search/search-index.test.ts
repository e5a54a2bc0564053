import fs from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../tests/helpers/temp-library';
import { INDEX_VERSION } from './index-files';
import { FLUSH_POSTINGS } from './index-tiers';
import { SearchIndex, type IndexDoc } from './search-index';
import { indexTerms } from './text';

const doc = (id: string, title: string, body: string, meta = ''): IndexDoc => ({
  id,
  type: 'note',
  title,
  body,
  meta,
});

/** `count` generated articles, `g0`, `g1`…: common words, a long tail of made-up ones, a few names. */
function corpus(count: number, seed = 1): IndexDoc[] {
  let state = seed >>> 0;
  const random = (n: number): number => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
  const syllables = ['ba', 'ko', 'ri', 'ne', 'su', 'ta', 'mo', 'li', 'de', 'ga'];
  const tail = Array.from(
    { length: 3000 },
    (_, i) => `${syllables[i % 10]}${syllables[(i >> 2) % 10]}${syllables[(i >> 5) % 10]}${i}`,
  );
  const common = 'the of and to in government report harvest rain security council le la des rapport'.split(
    ' ',
  );
  const names = ['Aminata Keïta', 'Boubacar Traoré', 'Ségou', 'Tombouctou'];
  const word = (): string =>
    (random(2) === 0
      ? common[random(common.length)]
      : random(50) === 0
        ? names[random(4)]
        : tail[random(random(3000) + 1)]) ?? 'x';
  const words = (n: number): string => Array.from({ length: n }, word).join(' ');
  return Array.from({ length: count }, (_, i) => ({
    id: `g${i}`,
    type: 'clip',
    title: words(6),
    body: words(200 + random(800)),
    meta: words(3),
  }));
}

/** Ids matching `term`, best first. */
function ranked(index: SearchIndex, term: string, prefix = false): string[] {
  return [...index.match(term, { prefix })]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([id]) => id);
}

function planted(): SearchIndex {
  const index = SearchIndex.create();
  for (const d of corpus(300)) index.add(d);
  index.add(
    doc('p-keita', 'Entretien', 'Nous avons rencontré Aminata Keïta à Gao pour parler des élections.'),
  );
  index.add(doc('p-withdrawal', 'Convoy notes', 'The withdrawal of the peacekeepers was announced in June.'));
  index.add(doc('p-retraits', 'Bilan', 'Les retraits successifs des forces ont changé la donne.'));
  index.add(doc('p-camps', 'Field trip', 'We visited two refugee camps near the border.'));
  return index;
}

describe('SearchIndex', () => {
  it('finds planted items by accent-free, stemmed and prefix terms', () => {
    const index = planted();
    expect(index.match('keita').has('p-keita')).toBe(true); // Keïta, typed without accent
    expect(index.match('withdraw').has('p-withdrawal')).toBe(true); // withdrawal ~ withdraw
    expect(index.match('retrait').has('p-retraits')).toBe(true); // retraits ~ retrait
    expect(index.match('camp').has('p-camps')).toBe(true); // camps ~ camp
    expect(index.match('withd', { prefix: true }).has('p-withdrawal')).toBe(true);
    expect(index.match('withd').has('p-withdrawal')).toBe(false); // a whole word is not a prefix
    expect(index.size).toBe(304);
  });

  it('ranks a title match above a body match', () => {
    const index = SearchIndex.create();
    index.add(doc('body', 'Notes', 'A long report that mentions the harvest once, among many other things.'));
    index.add(doc('title', 'Harvest in Ségou', 'Nothing else here.'));
    index.add(doc('meta', 'Notes', 'Nothing here.', 'harvest'));
    expect(ranked(index, 'harvest')).toEqual(['title', 'meta', 'body']);
  });

  it('reflects adds, updates and removes at once, and reuses nothing stale', () => {
    const index = SearchIndex.create();
    index.add(doc('a', 'Bamako', 'first version about cotton'));
    expect(index.match('cotton').has('a')).toBe(true);
    index.add(doc('a', 'Bamako', 'second version about gold'));
    expect(index.match('cotton').has('a')).toBe(false);
    expect(index.match('gold').has('a')).toBe(true);
    index.remove('a');
    expect(index.match('gold').size).toBe(0);
    expect(index.has('a')).toBe(false);
    index.add(doc('a', 'Bamako', 'restored'));
    expect([...index.ids()]).toEqual(['a']);
  });

  it('answers a word only a removed item had without throwing (the FlexSearch fastupdate trap)', async () => {
    const index = SearchIndex.create();
    index.add(doc('one', 'Alpha', 'shared words and a unique zyxwv'));
    index.add(doc('two', 'Beta', 'shared words'));
    index.remove('one');
    expect(() => index.match('zyxwv')).not.toThrow();
    expect(index.match('zyxwv').size).toBe(0);
    expect([...index.match('word').keys()]).toEqual(['two']); // words → word
    await index.settle();
    expect(index.match('zyxwv').size).toBe(0);
  });

  it('keeps every answer through flushes and merges, and drops dead versions', async () => {
    const index = SearchIndex.create();
    const docs = corpus(1500, 2);
    for (const d of docs) index.add(d);
    const before = ranked(index, 'government').slice(0, 50);
    for (const d of docs.slice(0, 300)) index.add({ ...d, body: `${d.body} rewritten` });
    await index.settle();
    expect(index.size).toBe(1500);
    expect(ranked(index, 'government').slice(0, 50)).toEqual(before);
    expect(index.match('rewritten').size).toBe(300);
    // The corpus overflowed the live tier more than twice: flushes and merges did happen.
    const postings = docs.reduce((sum, d) => sum + new Set(indexTerms(`${d.body}`)).size, 0);
    expect(postings).toBeGreaterThan(2 * FLUSH_POSTINGS);
  });

  it('loads what it saved: the same answers, and updates right away', async () => {
    const dir = await makeTempDir();
    const index = planted();
    index.add(doc('gone', 'Temporary', 'quartzite'));
    index.remove('gone');
    await index.save(dir, 42);
    const loaded = await SearchIndex.load(dir);
    expect(loaded?.rev).toBe(42);
    const again = loaded?.index as SearchIndex;
    expect(again.size).toBe(index.size);
    for (const [term, prefix] of [
      ['keita', false],
      ['withd', true],
      ['the', false],
      ['quartzite', false],
    ] as const) {
      expect(ranked(again, term, prefix)).toEqual(ranked(index, term, prefix));
    }
    // The start of each body comes back too, with the item it belongs to (snippets need no file).
    const heads = (of: SearchIndex): Map<string, string | undefined> =>
      new Map(
        Array.from({ length: of.numberLimit }, (_, num) => [of.idAt(num), of.headAt(num)] as const).filter(
          (pair): pair is [string, string | undefined] => pair[0] !== undefined,
        ),
      );
    expect(heads(again)).toEqual(heads(index));
    expect(heads(again).get('p-keita')).toContain('Keïta');
    // And each body's pair filter (phrase checks read no body where it says no).
    const pairs = (of: SearchIndex): Map<string, number[]> =>
      new Map(
        Array.from({ length: of.numberLimit }, (_, num) => [of.idAt(num), of.pairsAt(num)] as const).flatMap(
          ([id, filter]) => (id === undefined || filter === undefined ? [] : [[id, Array.from(filter)]]),
        ),
      );
    expect(pairs(again).size).toBe(index.size);
    expect(pairs(again)).toEqual(pairs(index));
    again.add(doc('p-keita', 'Entretien', 'rewritten without the name'));
    again.remove('p-camps');
    again.add(doc('new', 'Fresh', 'a new item about keita'));
    expect(again.match('keita').has('p-keita')).toBe(false);
    expect(again.match('camp').has('p-camps')).toBe(false);
    expect(again.match('keita').has('new')).toBe(true);
    await again.save(dir, 43);
    expect((await SearchIndex.load(dir))?.index.match('keita').has('new')).toBe(true);
  });

  it('loads nothing (null, no throw) from a missing, damaged or foreign folder', async () => {
    const dir = await makeTempDir();
    expect(await SearchIndex.load(join(dir, 'missing'))).toBeNull();
    const index = planted();
    await index.save(dir, 1);
    const segment = (await fs.readdir(dir)).find((name) => name.endsWith('.bin')) as string;
    const bytes = await fs.readFile(join(dir, segment));

    await fs.writeFile(join(dir, segment), bytes.subarray(0, bytes.length - 10)); // truncated
    expect(await SearchIndex.load(dir)).toBeNull();
    const flipped = Buffer.from(bytes);
    flipped[flipped.length >> 1] = (flipped[flipped.length >> 1] ?? 0) ^ 0xff; // one byte changed
    await fs.writeFile(join(dir, segment), flipped);
    expect(await SearchIndex.load(dir)).toBeNull();
    await fs.writeFile(join(dir, segment), bytes);
    expect(await SearchIndex.load(dir)).not.toBeNull();

    const manifest = join(dir, 'manifest.json');
    const good = await fs.readFile(manifest, 'utf8');
    await fs.writeFile(manifest, good.slice(0, 100));
    expect(await SearchIndex.load(dir)).toBeNull();
    await fs.writeFile(manifest, good.replace(`"version":${INDEX_VERSION}`, '"version":99'));
    expect(await SearchIndex.load(dir)).toBeNull();
    await fs.writeFile(manifest, good);
    const items = (await fs.readdir(dir)).find((name) => name.endsWith('.jsonl')) as string;
    const itemsText = await fs.readFile(join(dir, items), 'utf8');
    await fs.writeFile(join(dir, items), itemsText.replace('"ids":["', '"ids":["x'));
    expect(await SearchIndex.load(dir)).toBeNull();
    await fs.writeFile(join(dir, items), itemsText);
    expect(await SearchIndex.load(dir)).not.toBeNull();
    const heads = (await fs.readdir(dir)).find((name) => name.startsWith('heads-')) as string;
    const headBytes = await fs.readFile(join(dir, heads));
    const changed = Buffer.from(headBytes);
    changed[0] = (changed[0] ?? 0) ^ 0x20; // one letter's case: the same size, another CRC
    await fs.writeFile(join(dir, heads), changed);
    expect(await SearchIndex.load(dir)).toBeNull();
    await fs.writeFile(join(dir, heads), headBytes);
    expect(await SearchIndex.load(dir)).not.toBeNull();
    const pairs = (await fs.readdir(dir)).find((name) => name.startsWith('pairs-')) as string;
    const pairBytes = await fs.readFile(join(dir, pairs));
    await fs.writeFile(join(dir, pairs), pairBytes.subarray(1));
    expect(await SearchIndex.load(dir)).toBeNull();
    await fs.writeFile(join(dir, pairs), pairBytes);
    expect(await SearchIndex.load(dir)).not.toBeNull();
    await fs.rm(join(dir, segment));
    expect(await SearchIndex.load(dir)).toBeNull();
  });

  it('saves atomically: only the files the manifest names are left', async () => {
    const dir = await makeTempDir();
    const index = planted();
    await index.save(dir, 1);
    await fs.writeFile(join(dir, 'seg-00000000000000ff.bin'), 'left by a crash');
    index.add(doc('x', 'Another', 'item'));
    await index.save(dir, 2);
    const files = await fs.readdir(dir);
    expect(files).not.toContain('seg-00000000000000ff.bin');
    expect(files.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect((await SearchIndex.load(dir))?.index.has('x')).toBe(true);
  });
});
