import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../tests/helpers/temp-library';
import { seedLibrary, type SeedNote } from '../bulk-write';
import type { NoteRecord } from '../item-record';
import { openLibraryFile } from '../open-library';
import { Store } from '../store';
import { BodyTextReader } from './body-text';
import { storeCatalog } from './catalog';
import { executeSearch } from './execute';
import type { BatchItem, BuiltBatch } from './index-batch';
import { IndexUpdater } from './index-updater';
import { IndexWorkerClient, type BatchBuilder } from './index-worker-client';
import { parseQuery } from './query-parser';
import { SearchIndex } from './search-index';

const PLACES = ['Ségou', 'Mopti', 'Gao', 'Kayes', 'Tombouctou'];
const QUERIES = ['river', 'segou', 'mop', '"river crossing"', 'tag:sahel market', 'note 7', '-gao crossing'];

function notes(count: number): SeedNote[] {
  return Array.from({ length: count }, (_, i) => {
    const place = PLACES[i % PLACES.length] as string;
    return {
      title: `Note ${i} from ${place}`,
      body: `The river crossing at ${place} ${i % 3 === 0 ? 'opens the market' : 'waits for rain'}. ${'Millet and sorghum. '.repeat(i % 7)}`,
      tags: i % 2 === 0 ? ['sahel'] : ['travel'],
      created: '2025-01-01T00:00:00.000Z',
      updated: `2025-01-01T00:00:${String(i % 60).padStart(2, '0')}.000Z`,
    };
  });
}

async function openStore(count: number): Promise<{ store: Store; ids: string[] }> {
  const dir = await makeTempDir();
  const ids = await seedLibrary(dir, notes(count), { shards: 4 });
  const now = (): Date => new Date('2025-02-01T00:00:00.000Z');
  const store = await Store.open(dir, await openLibraryFile(dir, { now }), now);
  return { store, ids };
}

/** A rebuild of every item through `builder` (null: on the main thread), as the search service runs it. */
async function rebuild(store: Store, ids: string[], builder: BatchBuilder | null): Promise<IndexUpdater> {
  const hooks = { changed: () => undefined, progress: () => undefined };
  const updater = new IndexUpdater(SearchIndex.create(), store, new BodyTextReader(store), hooks, 0, builder);
  store.onEvent((event) => {
    if (event.type === 'items-changed') updater.enqueue(event.ids);
  });
  updater.startBacklog(ids);
  return updater;
}

async function answers(store: Store, index: SearchIndex, queries = QUERIES): Promise<string[][]> {
  const catalog = storeCatalog(store, new BodyTextReader(store));
  const page = { limit: 100, offset: 0 };
  const results = [];
  for (const query of queries) {
    const { hits } = await executeSearch(index, parseQuery(query), catalog, page);
    results.push(hits.map((hit) => `${hit.id} ${hit.score}`));
  }
  return results;
}

/** The real indexing thread, in small batches so a test library needs several. */
class SmallBatches implements BatchBuilder {
  readonly batchSize = 8;
  readonly thread = new IndexWorkerClient();
  sent = 0;

  build(items: BatchItem[]): Promise<BuiltBatch> {
    this.sent++;
    return this.thread.build(items);
  }

  rest(): void {
    this.thread.rest();
  }

  close(): Promise<void> {
    return this.thread.close();
  }
}

describe('rebuilding on the indexing thread', () => {
  it('gives the same answers as indexing on the main thread', async () => {
    const { store, ids } = await openStore(60);
    const onMain = await rebuild(store, ids, null);
    await onMain.whenIdle();
    const builder = new SmallBatches();
    const threaded = await rebuild(store, ids, builder);
    await threaded.whenIdle();
    await Promise.all([onMain.index.settle(), threaded.index.settle()]);

    expect(builder.sent).toBeGreaterThan(5);
    expect(threaded.index.size).toBe(60);
    const expected = await answers(store, onMain.index);
    expect(expected.every((hits) => hits.length > 0)).toBe(true);
    expect(await answers(store, threaded.index)).toEqual(expected);
    await Promise.all([onMain.stop(), threaded.stop()]);
  });

  it('indexes the newer version of an item edited while its batch was being built', async () => {
    const { store, ids } = await openStore(30);
    const edited = ids[3] as string;
    const builder = new SmallBatches();
    let returned = 0;
    const racing: BatchBuilder = {
      batchSize: builder.batchSize,
      async build(items) {
        const built = await builder.build(items);
        if (++returned === 1) {
          const old = store.get(edited) as NoteRecord;
          await store.change({ id: edited, text: 'Baobab seedlings by the well.' }, (rev, bodyFile) => ({
            put: [{ ...old, rev, bodyFile: bodyFile as string, title: 'Baobabs' }],
            remove: [],
            obsoleteBodies: [old.bodyFile],
          }));
        }
        return built;
      },
      rest: () => builder.rest(),
      close: () => builder.close(),
    };
    const updater = await rebuild(store, ids, racing);
    await updater.whenIdle();

    const [baobab, oldTitle, river] = await answers(store, updater.index, [
      'baobab',
      '"note 3 from"',
      'river',
    ]);
    expect(baobab?.map((hit) => hit.split(' ')[0])).toEqual([edited]);
    expect(oldTitle).toEqual([]);
    expect(river?.map((hit) => hit.split(' ')[0])).not.toContain(edited);
    expect(updater.index.size).toBe(30);
    await updater.stop();
  });

  it('finishes on the main thread when the thread fails part-way, or cannot start', async () => {
    const { store, ids } = await openStore(40);
    const reference = await rebuild(store, ids, null);
    await reference.whenIdle();
    const expected = await answers(store, reference.index);

    const builder = new SmallBatches();
    const failing: BatchBuilder = {
      batchSize: builder.batchSize,
      build: (items) => (builder.sent < 2 ? builder.build(items) : Promise.reject(new Error('crashed'))),
      rest: () => builder.rest(),
      close: () => builder.close(),
    };
    const broken: BatchBuilder = {
      batchSize: 8,
      build: () => Promise.reject(new Error('no thread here')),
      rest: () => undefined,
      close: async () => undefined,
    };
    for (const unreliable of [failing, broken]) {
      const updater = await rebuild(store, ids, unreliable);
      await updater.whenIdle();
      expect(updater.index.size).toBe(40);
      expect(await answers(store, updater.index)).toEqual(expected);
      await updater.stop();
    }
    await reference.stop();
  });

  it('takes many changes at once through the thread, and they are searchable once settled', async () => {
    const { store, ids } = await openStore(100);
    const reference = await rebuild(store, ids, null);
    await reference.whenIdle();
    const expected = await answers(store, reference.index);

    const builder = new SmallBatches();
    const failing: BatchBuilder = {
      batchSize: 8,
      build: (items) => (builder.sent < 3 ? builder.build(items) : Promise.reject(new Error('crashed'))),
      rest: () => undefined,
      close: () => builder.close(),
    };
    const working = new SmallBatches();
    for (const through of [working, failing]) {
      const hooks = { changed: () => undefined, progress: () => undefined };
      const index = SearchIndex.create();
      const updater = new IndexUpdater(index, store, new BodyTextReader(store), hooks, 0, through);
      updater.enqueue(ids);
      await updater.whenSettled();
      expect(index.size).toBe(100);
      expect(await answers(store, index)).toEqual(expected);
      await updater.stop();
    }
    expect(working.sent).toBeGreaterThan(2);
    expect(builder.sent).toBe(3);
    await reference.stop();
  });

  it('stops cleanly when closed part-way, ending the thread', async () => {
    const { store, ids } = await openStore(80);
    const builder = new SmallBatches();
    const updater = await rebuild(store, ids, builder);
    await new Promise((resolve) => setTimeout(resolve, 5));
    updater.dropBacklog();
    await updater.stop();
    expect(updater.building).toBe(false);
    await expect(builder.thread.build([])).rejects.toThrow(/closed/);
    // What was adopted is searchable, whole.
    const [river] = await answers(store, updater.index, ['river']);
    expect(river?.length).toBe(updater.index.size);
  });
});
