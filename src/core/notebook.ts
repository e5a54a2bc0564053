/** createNotebook: the composition root — lock, library.json (migrating), shards, search index, assets, clipper, extension pairing, the API. */
import path from 'node:path';
import { methodNames } from '../shared/api';
import type { NotebookApi } from '../shared/api';
import { NotebookError } from '../shared/errors';
import type { NotebookEvent } from '../shared/types';
import { AssetStore } from './assets';
import { ClipService, type ClipperOptions } from './clip-service';
import { makeDirDurably } from './durable-file';
import { randomId } from './ids';
import { acquireLock } from './lock';
import { notebookApi } from './notebook-api';
import { openLibraryFile, type OpenedLibrary } from './open-library';
import { ExtensionPairing } from './pairing/pairing';
import { INDEX_DIR } from './paths';
import { SavedSearches } from './search/saved-searches';
import { SearchService } from './search/search-service';
import { Store } from './store';

export interface NotebookOptions {
  /** The library folder; created if missing. */
  dir: string;
  clock?: () => Date;
  /** Ids for new items; default: random 12 characters [a-z0-9]. */
  newId?: () => string;
  /** Who holds the lock, named to a second writer: 'commonplace serve', 'the Commonplace desktop app'… */
  holder?: string;
  /** Clipping limits (fetch timeout, page, image and per-clip sizes). */
  clipper?: ClipperOptions;
}

export interface Notebook extends NotebookApi {
  readonly dir: string;
  /** Browser extensions: pairing requests, their tokens, and where the clipper service listens. */
  readonly pairing: ExtensionPairing;
  /** Events after each durable change: `{ type: 'items-changed', ids, rev }`. Returns the unsubscribe function. */
  onEvent(listener: (event: NotebookEvent) => void): () => void;
  /**
   * Resolves once the search index is loaded, or rebuilt when it had to be (`progress` events
   * with job 'index' tell how far). The library works meanwhile; only complete answers wait.
   */
  whenSearchReady(): Promise<void>;
  /**
   * Stops clip downloads in progress (those clips fail, leaving nothing), waits for pending
   * writes, closes the extractor, saves the search index if it changed and releases the lock.
   * Calling it again is harmless.
   */
  close(): Promise<void>;
}

export async function createNotebook(options: NotebookOptions): Promise<Notebook> {
  const dir = path.resolve(options.dir);
  const clock = options.clock ?? (() => new Date());
  await makeDirDurably(dir);
  const lock = await acquireLock(dir, options.holder ?? 'Commonplace', clock());
  let store: Store;
  let library: OpenedLibrary;
  try {
    library = await openLibraryFile(dir, { now: clock });
    store = await Store.open(dir, library, clock);
  } catch (error) {
    await lock.release();
    throw error;
  }

  const now = (): string => clock().toISOString();
  const newId = options.newId ?? randomId;
  // Loads (or rebuilds) in the background: opening never waits for the index.
  const search = SearchService.open(store, path.join(dir, INDEX_DIR), (event) => store.emit(event));
  const savedSearches = new SavedSearches(library, newId);
  const assets = new AssetStore(dir);
  const clips = new ClipService({ store, assets, now, newId, options: options.clipper });
  const pairing = new ExtensionPairing({ library, clock, emit: (event) => store.emit(event) });
  const api = notebookApi({ store, assets, clips, search, savedSearches, pairing, lock, now, newId });
  let closing: Promise<void> | null = null;
  // Calls made once close() has begun are refused; calls already made (even ones still queued
  // behind another change to the same item) finish before the lock is released.
  const running = new Set<Promise<unknown>>();
  const guarded = Object.fromEntries(
    methodNames.map((name) => [
      name,
      (args: unknown) => {
        if (closing)
          return Promise.reject(new NotebookError('internal', `The library at ${dir} was closed.`));
        const call = (api[name] as (a: unknown) => Promise<unknown>)(args);
        running.add(call);
        void call.catch(() => undefined).then(() => running.delete(call));
        return call;
      },
    ]),
  ) as unknown as NotebookApi;
  const shutDown = async (): Promise<void> => {
    clips.abort();
    await Promise.allSettled([...running]);
    try {
      await pairing.close();
      await clips.close();
    } finally {
      // The index is derived: failing to save it must not keep the lock.
      await search.close().catch(() => undefined);
      await lock.release();
    }
  };
  return Object.freeze({
    ...guarded,
    dir,
    pairing,
    onEvent: (listener: (event: NotebookEvent) => void) => store.onEvent(listener),
    whenSearchReady: () => search.whenReady(),
    close: () => (closing ??= shutDown()),
  });
}
