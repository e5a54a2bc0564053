/**
 * The search index of an open library: loaded from `<library>/index` on open and brought up to
 * date by replaying what changed since it was saved, or rebuilt in the background when it is
 * missing, damaged or ahead of the store; updated on every change; saved lazily (after a quiet
 * spell, and on close), never on every edit. The library is usable throughout: searches made
 * while it rebuilds answer from what is indexed so far and say so.
 */
import { performance } from 'node:perf_hooks';
import type { Args } from '../../shared/api';
import type { IndexStatus, NotebookEvent, SearchResult } from '../../shared/types';
import type { Store } from '../store';
import { BodyTextReader } from './body-text';
import { storeCatalog } from './catalog';
import { executeSearch, type SearchCatalog } from './execute';
import { byRev } from './backlog';
import { IndexUpdater } from './index-updater';
import { IndexWorkerClient, type BatchBuilder } from './index-worker-client';
import { IndexPersistence } from './index-persistence';
import { parseQuery } from './query-parser';
import { splitHighlightDocId } from './highlight-docs';
import { SearchIndex } from './search-index';

// A replay this small runs before the first search answers; a longer one is a background job.
const REPLAY_INLINE = 500;

export class SearchService {
  private updater: IndexUpdater | null = null;
  // Changes announced while the index loads, applied once it has.
  private readonly early = new Set<string>();
  private readonly bodies: BodyTextReader;
  private readonly catalog: SearchCatalog;
  private readonly persistence: IndexPersistence;
  private readonly loaded: Promise<void>;
  private readonly unsubscribe: () => void;
  private closing: Promise<void> | null = null;

  private constructor(
    private readonly store: Store,
    readonly dir: string,
    private readonly emit: (event: NotebookEvent) => void,
    private readonly builder: BatchBuilder | null,
  ) {
    this.bodies = new BodyTextReader(store);
    this.catalog = storeCatalog(store, this.bodies);
    this.persistence = new IndexPersistence(dir, () => this.updater);
    this.unsubscribe = store.onEvent((event) => {
      if (event.type === 'items-changed') this.onItemsChanged(event.ids);
    });
    this.loaded = this.load();
  }

  /**
   * Starts loading (or rebuilding) the index of `store` kept in `dir`; returns at once. A rebuild
   * runs on the indexing thread (`builder`; null: on the main thread, in small steps).
   */
  static open(
    store: Store,
    dir: string,
    emit: (event: NotebookEvent) => void,
    builder: BatchBuilder | null = new IndexWorkerClient(),
  ): SearchService {
    return new SearchService(store, dir, emit, builder);
  }

  status(): IndexStatus {
    return this.updater?.status() ?? { state: 'building', done: 0, total: 0 };
  }

  /** The index folder did not load when the library opened, and nothing has been saved over it since. */
  get damagedOnDisk(): boolean {
    return this.persistence.damaged;
  }

  /** Resolves once the index is loaded and fully built (a background rebuild included). */
  async whenReady(): Promise<void> {
    await this.loaded;
    await this.updater?.whenIdle();
  }

  onItemsChanged(ids: readonly string[]): void {
    if (this.updater) this.updater.enqueue(ids);
    else for (const id of ids) this.early.add(id);
  }

  async search({ query, limit, offset }: Args<'search'>): Promise<SearchResult> {
    await this.loaded;
    const updater = this.updater as IndexUpdater;
    // Read your writes: a change already acknowledged is searchable.
    await updater.whenSettled();
    const index = updater.status();
    const started = performance.now();
    const parsed = parseQuery(query);
    const { total, hits } = await executeSearch(updater.index, parsed, this.catalog, { limit, offset });
    const tookMs = Math.round((performance.now() - started) * 100) / 100;
    return { query, total, tookMs, index, hits };
  }

  /** Stops a rebuild where it is, applies the last changes, saves the index if it changed. */
  close(): Promise<void> {
    return (this.closing ??= this.shutDown());
  }

  private async shutDown(): Promise<void> {
    this.unsubscribe();
    await this.loaded;
    const updater = this.updater as IndexUpdater;
    updater.dropBacklog();
    await updater.whenSettled();
    await this.persistence.close();
    await updater.stop();
  }

  private async load(): Promise<void> {
    const saved = await this.persistence.load();
    // A store file restored from its backup may hold older versions than the index saw: start over.
    const trusted = saved !== null && saved.rev <= this.store.rev && this.store.recoveries.length === 0;
    if (saved && trusted) {
      const updater = this.startUpdater(saved.index, saved.rev);
      const stale: { id: string; rev: number }[] = [];
      for (const item of this.store.allItems()) if (item.rev > saved.rev) stale.push(item);
      // Items purged since the save are in no record: find them in the index.
      // (A highlight's document goes with its clip.)
      const gone = new Set<string>();
      for (const id of saved.index.ids()) {
        const [itemId] = splitHighlightDocId(id);
        if (this.store.get(itemId) === undefined) gone.add(itemId);
      }
      updater.enqueue(gone);
      if (stale.length <= REPLAY_INLINE) updater.enqueue(stale.map((item) => item.id));
      else updater.startBacklog(byRev(stale));
      return;
    }
    const updater = this.startUpdater(SearchIndex.create(), 0);
    const live: { id: string; rev: number }[] = [];
    for (const item of this.store.allItems()) {
      if (item.deleted === null) live.push(item);
      else updater.markReflected(item);
    }
    updater.startBacklog(byRev(live));
    // Even an empty library gets its index saved, over whatever did not load.
    this.persistence.changed();
  }

  private startUpdater(index: SearchIndex, baseline: number): IndexUpdater {
    const updater = new IndexUpdater(
      index,
      this.store,
      this.bodies,
      {
        changed: () => this.persistence.changed(),
        progress: (done, total) => {
          if (done === total) this.persistence.changed();
          this.emit({ type: 'progress', job: 'index', done, total, message: progressMessage(done, total) });
        },
      },
      baseline,
      this.builder,
    );
    this.updater = updater;
    updater.enqueue(this.early);
    this.early.clear();
    return updater;
  }
}

function progressMessage(done: number, total: number): string {
  const count = (n: number): string => n.toLocaleString('en');
  const items = total === 1 ? 'item' : 'items';
  return done === total
    ? `Search index ready (${count(total)} ${items})`
    : `Indexing for search: ${count(done)} of ${count(total)} ${items}`;
}
