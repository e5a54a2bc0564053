/**
 * Search at a given size, over generated articles (~5.3 KB of text each; 50,000 ≈ 265 MB) whose
 * bodies are files on disk, read the way a rebuild (in batches) and a page of results (at once,
 * only when the start of the body the index keeps is not enough) read them; the app's reader
 * keeps the last 64. Measures the rebuild, the index's memory (heap + typed arrays, after a GC),
 * save, load and the first search after it, one-item updates (the first after the load included),
 * the whole query path (parse → match → filters → rank → snippets, top 20) over the issue's mix —
 * then the same mix with every body in memory ('cached': the search without the body files' I/O) —
 * and the longest event-loop stall of each phase. Targets (issue 4, at 50k): query p95 ≤ 5 ms and
 * p99 ≤ 10 ms, first search ≤ 1 s after open, rebuild ≤ 60 s, index ≤ 700 MB, update p95 ≤ 5 ms,
 * no stall over 50 ms.
 */
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { executeSearch, type CatalogEntry, type SearchCatalog } from '../../src/core/search/execute';
import { parseQuery } from '../../src/core/search/query-parser';
import { SearchIndex, type IndexDoc } from '../../src/core/search/search-index';
import { yieldToLoop } from '../../src/core/event-loop';
import {
  createRandom,
  generateArticle,
  generateArticles,
  rareArticleWords,
  type CorpusArticle,
} from '../corpus';
import { summarize, time, withLoopMonitor } from '../stats';
import type { Suite } from './suite';

const MIX: Record<string, string[]> = {
  common: ['the', 'government', 'marché', 'security', 'rapport'],
  rare: rareArticleWords(5),
  words: [
    'withdrawal camps',
    'security council budget',
    'élections bamako',
    'refugees border',
    'harvest rain season',
  ],
  prefix: ['withd', 'secur', 'gouv', 'ke', 'negotiation ag', 'élections ba'],
  names: ['keita', 'Keïta', 'traore', 'Traoré', 'segou', 'Ségou', 'jurgen muller'],
  // Names and set phrases (in the generator's titles); `"of the"` is a worst case: two common words rarely adjacent.
  phrase: ['"aminata keïta"', '"santé publique"', '"sécurité alimentaire"', '"boubacar traore"', '"of the"'],
  operators: [
    'tag:sahel withdrawal',
    'site:rfi.fr élections',
    'author:keita',
    'type:clip camps -convoy',
    'after:2023-01 before:2024-06 harvest',
    'rain OR pluie',
    'tag:sources -tag:todo',
    '-"of the" drought',
  ],
};
const ROUNDS = 8;
const UPDATES = 200;
const PAGE = { limit: 20, offset: 0 };

export const searchSuite: Suite = {
  name: 'search',
  columns: [
    ...['build s', 'build loop max', 'index MB', 'save ms', 'save loop max', 'load ms', 'load loop max'],
    ...['first search ms', 'query p50', 'query p95', 'query p99', 'query max', 'query loop max'],
    ...['cached p95', 'cached p99', 'update first', 'update p95', 'update max'],
  ],
  async run(size) {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'commonplace-search-bench-'));
    try {
      const catalog = await writeCorpus(dir, size);
      const before = memory();
      const built = await withLoopMonitor(() => time(() => rebuild(catalog, size)));
      const index = built.value.value;
      await index.settle();
      const indexMb = (memory() - before) / 1e6;
      const saved = await withLoopMonitor(() => time(() => index.save(path.join(dir, 'index'), size)));
      const loaded = await withLoopMonitor(() => time(async () => SearchIndex.load(path.join(dir, 'index'))));
      const reopened = loaded.value.value?.index;
      if (!reopened) throw new Error('the saved index did not load');
      const first = await time(() => search(reopened, catalog, 'withdrawal camps'));
      const updates = await updateSamples(reopened, catalog, size);
      await reopened.settle();
      const queries = await withLoopMonitor(() => querySamples(reopened, catalog));
      // The same mix with every body it needs in memory: the search without the body files' I/O.
      catalog.cacheLimit = Infinity;
      const cached = Object.values(await querySamples(reopened, catalog)).flat();
      const all = summarize(Object.values(queries.value).flat());
      const p99 = percentile(Object.values(queries.value).flat(), 0.99);
      const byKind = Object.fromEntries(
        Object.entries(queries.value).map(([kind, ms]) => [`${kind} p95`, summarize(ms).p95]),
      );
      const update = summarize(updates);
      return {
        'build s': built.value.ms / 1000,
        'build loop max': built.loopMaxMs,
        'index MB': indexMb,
        'save ms': saved.value.ms,
        'save loop max': saved.loopMaxMs,
        'load ms': loaded.value.ms,
        'load loop max': loaded.loopMaxMs,
        'first search ms': loaded.value.ms + first.ms,
        'query p50': all.p50,
        'query p95': all.p95,
        'query p99': p99,
        'query max': all.max,
        'query loop max': queries.loopMaxMs,
        'cached p95': percentile(cached, 0.95),
        'cached p99': percentile(cached, 0.99),
        'update first': updates[0] ?? NaN,
        'update p95': update.p95,
        'update max': update.max,
        ...byKind,
      };
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  },
};

interface BenchCatalog extends SearchCatalog {
  entries: Map<string, CatalogEntry & { meta: string }>;
  dir: string;
  /** Bodies kept in memory, the most recently read (the app keeps 64: body-text.ts). */
  cacheLimit: number;
}

/** Bodies to files (one per article), metadata in memory — as the store keeps them. */
async function writeCorpus(dir: string, size: number): Promise<BenchCatalog> {
  const bodies = path.join(dir, 'bodies');
  await fs.mkdir(bodies);
  const entries = new Map<string, CatalogEntry & { meta: string }>();
  let i = 0;
  for (const article of generateArticles(size, 1)) {
    const id = `a${String(i++).padStart(6, '0')}`;
    entries.set(id, entryOf(article));
    await fs.writeFile(path.join(bodies, `${id}.txt`), article.text);
  }
  const cache = new Map<string, string>();
  const catalog: BenchCatalog = {
    entries,
    dir: bodies,
    cacheLimit: 64,
    get: (id) => entries.get(id),
    // Read at once, as the app reads a page's bodies (body-text.ts textOfIdNow).
    async bodyText(id) {
      const cached = cache.get(id);
      if (cached !== undefined) return cached;
      const text = readFileSync(path.join(bodies, `${id}.txt`), 'utf8');
      cache.set(id, text);
      for (const oldest of cache.keys()) if (cache.size > catalog.cacheLimit) cache.delete(oldest);
      return text;
    },
  };
  return catalog;
}

function entryOf(a: CorpusArticle): CatalogEntry & { meta: string } {
  const meta = [...a.authors, a.siteName, ...a.tags, new URL(a.url).hostname].join(' ');
  return {
    type: 'clip',
    title: a.title,
    tags: a.tags,
    updated: a.updated,
    created: a.created,
    deleted: null,
    siteName: a.siteName,
    authors: a.authors,
    published: a.published,
    url: a.url,
    meta,
  };
}

/** A full rebuild as the app runs it: bodies read 16 at a time, the loop given a turn every ~10 ms. */
async function rebuild(catalog: BenchCatalog, size: number): Promise<SearchIndex> {
  const index = SearchIndex.create();
  const ids = [...catalog.entries.keys()];
  let slice = performance.now();
  for (let at = 0; at < size; at += 16) {
    const batch = ids.slice(at, at + 16);
    const texts = await Promise.all(
      batch.map((id) => fs.readFile(path.join(catalog.dir, `${id}.txt`), 'utf8')),
    );
    for (const [k, id] of batch.entries()) {
      index.add(docOf(catalog, id, texts[k] ?? ''));
      if (performance.now() - slice > 10) {
        await yieldToLoop();
        slice = performance.now();
      }
    }
  }
  return index;
}

function docOf(catalog: BenchCatalog, id: string, body: string): IndexDoc {
  const entry = catalog.entries.get(id);
  return { id, type: 'clip', title: entry?.title ?? '', body, meta: entry?.meta ?? '', entry };
}

/** One-item changes right after the load: edits of existing items, new items, removals. */
async function updateSamples(index: SearchIndex, catalog: BenchCatalog, size: number): Promise<number[]> {
  const random = createRandom(3);
  const samples: number[] = [];
  for (let i = 0; i < UPDATES; i++) {
    const article = generateArticle(random);
    const id = i % 4 === 3 ? `new${i}` : `a${String(random.int(0, size - 1)).padStart(6, '0')}`;
    const entry = entryOf(article);
    const doc: IndexDoc = {
      id,
      type: 'clip',
      title: article.title,
      body: article.text,
      meta: entry.meta,
      entry,
    };
    const start = performance.now();
    if (i % 10 === 9) index.remove(id);
    else index.add(doc);
    samples.push(performance.now() - start);
    if (i % 10 === 9) catalog.entries.delete(id);
    await yieldToLoop();
  }
  return samples;
}

/** The mix, ROUNDS times, after one round untimed (the first run of each code path is compiled on the way). */
async function querySamples(index: SearchIndex, catalog: SearchCatalog): Promise<Record<string, number[]>> {
  const samples: Record<string, number[]> = {};
  for (let round = 0; round <= ROUNDS; round++) {
    for (const [kind, queries] of Object.entries(MIX)) {
      for (const query of queries) {
        const { ms } = await time(() => search(index, catalog, query));
        if (round > 0) (samples[kind] ??= []).push(ms);
        // One search per turn of the loop, as requests come: the loop monitor sees each one's stall.
        await yieldToLoop();
      }
    }
  }
  return samples;
}

function search(index: SearchIndex, catalog: SearchCatalog, query: string): Promise<unknown> {
  return executeSearch(index, parseQuery(query), catalog, PAGE);
}

function percentile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}

// Heap and typed arrays after a full GC (exposed at run time: the bench runs without flags).
function memory(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}
