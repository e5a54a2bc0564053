/**
 * Search at a given size, over a library of generated articles clipped into the store (~5.3 KB of
 * text each; 50,000 ≈ 265 MB; each body file also holds the article's HTML and Markdown, as a
 * clip's does). The rebuild is the app's own (IndexUpdater over the store, with the indexing
 * thread); a page of results reads bodies at once, only when the start of the body the index
 * keeps is not enough; the app's reader keeps the last 64. Measures the rebuild, the index's
 * memory (heap + memory outside it, after full GCs), save, load and the first search after it,
 * one-item updates (the first right after the load, before any search),
 * the whole query path (parse → match → filters → rank → snippets, top 20) over the issue's mix —
 * then the same mix with every body in memory ('cached': the search without the body files' I/O) —
 * and the longest event-loop stall of each phase. Targets (issue 4, at 50k): query p95 ≤ 5 ms and
 * p99 ≤ 10 ms, first search ≤ 1 s after open, rebuild ≤ 60 s, index ≤ 700 MB, update p95 ≤ 5 ms,
 * no stall over 50 ms.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { serializeClipBody } from '../../src/core/clip-record';
import { replaceFileDurably } from '../../src/core/durable-file';
import { yieldToLoop } from '../../src/core/event-loop';
import { bodyBucket, shardOf } from '../../src/core/ids';
import type { ClipRecord, ShardData } from '../../src/core/item-record';
import { newLibraryFile } from '../../src/core/library-file';
import { openLibraryFile } from '../../src/core/open-library';
import { LIBRARY_FILE, STORE_DIR, bodyFileName, bodyPath, shardPath } from '../../src/core/paths';
import { Store } from '../../src/core/store';
import { byRev } from '../../src/core/search/backlog';
import { BodyTextReader, bodyPlainText } from '../../src/core/search/body-text';
import { executeSearch, type CatalogEntry, type SearchCatalog } from '../../src/core/search/execute';
import { IndexUpdater } from '../../src/core/search/index-updater';
import { IndexWorkerClient } from '../../src/core/search/index-worker-client';
import { parseQuery } from '../../src/core/search/query-parser';
import { SearchIndex, type IndexDoc } from '../../src/core/search/search-index';
import {
  createRandom,
  generateArticle,
  generateArticles,
  rareArticleWords,
  type CorpusArticle,
} from '../corpus';
import { summarize, time, withFullCollections, withLoopMonitor } from '../stats';
import type { Suite } from './suite';
import { scratchDir } from '../scratch';

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
    ...[
      'store MB',
      'build s',
      'build loop max',
      'build full GCs',
      'index MB',
      'save ms',
      'save loop max',
      'load ms',
      'load loop max',
    ],
    ...['first search ms', 'query p50', 'query p95', 'query p99', 'query max', 'query loop max'],
    ...['cached p95', 'cached p99', 'update first', 'update p95', 'update max'],
  ],
  async run(size, options) {
    const dir = await scratchDir('commonplace-search-bench-');
    await writeCorpus(dir, size, options.shards);
    const empty = memory();
    const store = await openStore(dir);
    const catalog = benchCatalog(store);
    const before = memory();
    const collected = await withFullCollections(() => withLoopMonitor(() => time(() => rebuild(store))));
    const built = collected.value;
    const index = built.value.value;
    const indexMb = (memory() - before) / 1e6;
    const saved = await withLoopMonitor(() => time(() => index.save(path.join(dir, 'index'), size)));
    const loaded = await withLoopMonitor(() => time(async () => SearchIndex.load(path.join(dir, 'index'))));
    const reopened = loaded.value.value?.index;
    if (!reopened) throw new Error('the saved index did not load');
    // The first change comes right after opening, before any search: the first edit in the app.
    const nextUpdate = updateSampler(reopened, size);
    const updates = [await nextUpdate()];
    const first = await time(() => search(reopened, catalog, 'withdrawal camps'));
    while (updates.length < UPDATES) updates.push(await nextUpdate());
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
      'store MB': (before - empty) / 1e6,
      'build s': built.value.ms / 1000,
      'build loop max': built.loopMaxMs,
      'build full GCs': collected.fullGcs,
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
  },
};

interface BenchCatalog extends SearchCatalog {
  /** Bodies kept in memory, the most recently read (the app keeps 64: body-text.ts). */
  cacheLimit: number;
}

/** A library of clips in the store's layout (body files, shard files, library.json), written directly as the store would hold it. */
async function writeCorpus(dir: string, size: number, shards: number): Promise<void> {
  const byShard = new Map<number, ShardData>();
  for (let bucket = 0; bucket < 256; bucket++)
    await fs.mkdir(bodyPath(dir, bucket.toString(16).padStart(2, '0')), { recursive: true });
  let rev = 0;
  for (const article of generateArticles(size, 1)) {
    const id = `a${String(rev++).padStart(6, '0')}`;
    const record = clipRecord(id, rev, article);
    const shard = byShard.get(shardOf(id, shards)) ?? { items: {} };
    shard.items[id] = record;
    byShard.set(shardOf(id, shards), shard);
    await fs.writeFile(bodyPath(dir, record.bodyFile), clipBody(article.text));
  }
  await fs.mkdir(path.join(dir, STORE_DIR));
  for (const [shard, data] of byShard)
    await replaceFileDurably(shardPath(dir, shard), JSON.stringify(data), { keepBackup: false });
  const library = newLibraryFile(new Date().toISOString(), shards);
  await fs.writeFile(path.join(dir, LIBRARY_FILE), JSON.stringify(library));
}

/**
 * The catalog as the app's (catalog.ts `storeCatalog`): entries are the store's records, in its
 * memory; bodies are read at once, as the app reads a page's bodies (body-text.ts textOfIdNow).
 */
function benchCatalog(store: Store): BenchCatalog {
  const cache = new Map<string, string>();
  const catalog: BenchCatalog = {
    cacheLimit: 64,
    get: (id) => store.get(id),
    async bodyText(id) {
      const cached = cache.get(id);
      if (cached !== undefined) return cached;
      const record = store.get(id);
      const raw = record === undefined ? null : store.bodies.readNow(record.bodyFile);
      const text = record === undefined || raw === null ? '' : bodyPlainText(record.type, raw);
      cache.set(id, text);
      for (const oldest of cache.keys()) if (cache.size > catalog.cacheLimit) cache.delete(oldest);
      return text;
    },
  };
  return catalog;
}

function clipRecord(id: string, rev: number, a: CorpusArticle): ClipRecord {
  return {
    id,
    type: 'clip',
    title: a.title,
    tags: a.tags,
    excerpt: a.text.slice(0, 200),
    created: a.created,
    updated: a.updated,
    deleted: null,
    rev,
    url: a.url,
    canonicalUrl: a.url,
    authors: a.authors,
    siteName: a.siteName,
    published: a.published,
    lang: null,
    clipped: a.created,
    assets: [],
    mode: 'article',
    bodyFile: bodyFileName(bodyBucket(id), id, rev, 'json'),
  };
}

// A clip's body file: the article as HTML, plain text and Markdown.
function clipBody(text: string): string {
  const paragraphs = text.split('\n\n');
  return serializeClipBody({
    html: paragraphs.map((p) => `<p>${p.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</p>`).join('\n'),
    text,
    markdown: text,
    images: [],
    citation: null,
    suggestedTags: [],
  });
}

async function openStore(dir: string): Promise<Store> {
  const now = (): Date => new Date();
  return Store.open(dir, await openLibraryFile(dir, { now }), now);
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

/** A full rebuild as the app runs it (search-service.ts): every item, oldest first, until merges are done. */
async function rebuild(store: Store): Promise<SearchIndex> {
  const hooks = { changed: () => undefined, progress: () => undefined };
  const reader = new BodyTextReader(store);
  const updater = new IndexUpdater(SearchIndex.create(), store, reader, hooks, 0, new IndexWorkerClient());
  updater.startBacklog(byRev([...store.allItems()]));
  await updater.whenIdle();
  await updater.index.settle();
  await updater.stop();
  return updater.index;
}

/** One-item changes after the load, one per call, timed: edits of existing items, new items, removals. */
function updateSampler(index: SearchIndex, size: number): () => Promise<number> {
  const random = createRandom(3);
  let i = 0;
  return async () => {
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
    const ms = performance.now() - start;
    i++;
    await yieldToLoop();
    return ms;
  };
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

// Heap and memory outside it after a full GC (exposed at run time: the bench runs without flags).
// `external`, not `arrayBuffers`: the latter counts only buffers allocated on this thread, and most
// of the index (segments, heads, pair filters) is built on the indexing thread and handed over.
// Two collections: the buffers the first finds dead are counted until the next one starts.
function memory(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
}
