/** createNotebook: the composition root — lock, library.json (migrating), shards, assets, clipper, the API. */
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
import { openLibraryFile } from './open-library';
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
  /** Events after each durable change: `{ type: 'items-changed', ids, rev }`. Returns the unsubscribe function. */
  onEvent(listener: (event: NotebookEvent) => void): () => void;
  /**
   * Stops clip downloads in progress (those clips fail, leaving nothing), waits for pending
   * writes, closes the extractor and releases the lock. Calling it again is harmless.
   */
  close(): Promise<void>;
}

export async function createNotebook(options: NotebookOptions): Promise<Notebook> {
  const dir = path.resolve(options.dir);
  const clock = options.clock ?? (() => new Date());
  await makeDirDurably(dir);
  const lock = await acquireLock(dir, options.holder ?? 'Commonplace', clock());
  let store: Store;
  try {
    const library = await openLibraryFile(dir, { now: clock });
    store = await Store.open(dir, library, clock);
  } catch (error) {
    await lock.release();
    throw error;
  }

  const now = (): string => clock().toISOString();
  const newId = options.newId ?? randomId;
  const assets = new AssetStore(dir);
  const clips = new ClipService({ store, assets, now, newId, options: options.clipper });
  const api = notebookApi({ store, assets, clips, lock, now, newId });
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
      await clips.close();
    } finally {
      await lock.release();
    }
  };
  return Object.freeze({
    ...guarded,
    dir,
    onEvent: (listener: (event: NotebookEvent) => void) => store.onEvent(listener),
    close: () => (closing ??= shutDown()),
  });
}
