/** The NotebookApi methods, on top of the store. Arguments arrive parsed (see src/shared/api.ts). */
import type { Args, NotebookApi } from '../shared/api';
import { NotebookError } from '../shared/errors';
import { applyTagChanges, normalizeTag, tagKey } from '../shared/tags';
import type { Item, ItemSummary, TagCount } from '../shared/types';
import { checkLibrary } from './check';
import type { LibraryLock } from './lock';
import type { ItemRecord } from './item-record';
import { noteRecord, toSummary } from './item-record';
import { makeExcerpt } from './excerpt';
import { SCHEMA_VERSION } from './library-file';
import type { Store } from './store';

export interface ApiContext {
  store: Store;
  lock: LibraryLock;
  now: () => string;
  newId: () => string;
}

export function notebookApi({ store, lock, now, newId }: ApiContext): NotebookApi {
  const summaryOf = (id: string): ItemSummary => toSummary(store.require(id));
  const itemOf = (id: string): Promise<Item> => readItem(store, store.require(id));

  return {
    async getLibraryInfo() {
      const { live, trash } = store.counts;
      return {
        dir: store.dir,
        schemaVersion: SCHEMA_VERSION,
        rev: store.rev,
        counts: { items: live, notes: live, trash },
        recoveries: [...store.recoveries],
      };
    },

    async listItems({ view, tag, offset, limit }: Args<'listItems'>) {
      const page = store.query({
        view,
        tag: tag === undefined ? undefined : normalizeTag(tag),
        offset,
        limit,
      });
      return { total: page.total, offset, items: page.items.map(toSummary) };
    },

    async getItem({ id }: Args<'getItem'>) {
      return itemOf(id);
    },

    async createNote({ title, body, tags }: Args<'createNote'>) {
      const id = newId();
      const cleanTags = applyTagChanges([], tags, []);
      return store.withItem(id, async () => {
        await store.change({ id, text: body }, (rev, bodyFile) => {
          if (store.get(id)) throw new NotebookError('conflict', `An item with id "${id}" already exists.`);
          const created = now();
          const record = noteRecord({
            id,
            rev,
            title,
            body,
            tags: cleanTags,
            created,
            updated: created,
            deleted: null,
            bodyFile: bodyFile as string,
          });
          return { put: [record], remove: [], obsoleteBodies: [] };
        });
        return withBody(store.require(id), body);
      });
    },

    async updateNote({ id, title, body, baseRev }: Args<'updateNote'>) {
      return store.withItem(id, async () => {
        const current = store.require(id);
        if (baseRev !== undefined && current.rev !== baseRev) {
          throw new NotebookError(
            'conflict',
            `"${displayTitle(current)}" changed since you opened it (revision ${current.rev}, not ${baseRev}).`,
          );
        }
        refuseTrashed(current, 'edit');
        if (title === undefined && body === undefined) return itemOf(id);
        await store.change(body === undefined ? null : { id, text: body }, (rev, bodyFile) => {
          requireUnchanged(store, current);
          const record: ItemRecord = {
            ...current,
            title: title ?? current.title,
            excerpt: body === undefined ? current.excerpt : makeExcerpt(body),
            updated: now(),
            rev,
            bodyFile: bodyFile ?? current.bodyFile,
          };
          return { put: [record], remove: [], obsoleteBodies: bodyFile ? [current.bodyFile] : [] };
        });
        return body === undefined ? itemOf(id) : withBody(store.require(id), body);
      });
    },

    async tagItem({ id, add, remove }: Args<'tagItem'>) {
      return store.withItem(id, async () => {
        const current = store.require(id);
        const tags = applyTagChanges(current.tags, add, remove);
        if (sameTags(tags, current.tags)) return itemOf(id);
        refuseTrashed(current, 'tag');
        await store.change(null, (rev) => {
          requireUnchanged(store, current);
          return { put: [{ ...current, tags, updated: now(), rev }], remove: [], obsoleteBodies: [] };
        });
        return itemOf(id);
      });
    },

    async trashItem({ id }: Args<'trashItem'>) {
      return setTrashed(id, true);
    },

    async restoreItem({ id }: Args<'restoreItem'>) {
      return setTrashed(id, false);
    },

    async emptyTrash() {
      if (store.trashedItems().length === 0) return { purged: 0 };
      let purged = 0;
      await store.change(null, () => {
        // Decided now, in revision order: an item restored meanwhile stays.
        const trashed = store.trashedItems();
        purged = trashed.length;
        return {
          put: [],
          remove: trashed,
          obsoleteBodies: trashed.map((item) => item.bodyFile),
          purge: true,
        };
      });
      return { purged };
    },

    async listTags() {
      return { tags: countTags(store.liveItems()) };
    },

    async checkLibrary() {
      await store.drain();
      return checkLibrary(store, lock.info);
    },
  };

  function setTrashed(id: string, trashed: boolean): Promise<ItemSummary> {
    return store.withItem(id, async () => {
      const current = store.require(id);
      if ((current.deleted !== null) === trashed) return summaryOf(id);
      await store.change(null, (rev) => {
        requireUnchanged(store, current);
        return {
          put: [{ ...current, deleted: trashed ? now() : null, rev }],
          remove: [],
          obsoleteBodies: [],
        };
      });
      return summaryOf(id);
    });
  }
}

function withBody(record: ItemRecord, body: string): Item {
  return { ...toSummary(record), type: 'note', body };
}

async function readItem(store: Store, record: ItemRecord): Promise<Item> {
  let current = record;
  for (;;) {
    const body = await store.bodies.read(current.bodyFile);
    if (body !== null) return withBody(current, body);
    // A save may have replaced (and removed) the body file while we were reading it.
    const latest = store.get(current.id);
    if (!latest || latest.bodyFile === current.bodyFile) break;
    current = latest;
  }
  throw new NotebookError(
    'corrupt',
    `The text of "${displayTitle(current)}" (${current.id}) is missing: ${store.bodies.path(current.bodyFile)} does not exist. ` +
      'The rest of the library is fine; run the library check for details.',
  );
}

// Changes to one item are queued, so only emptyTrash can have touched it meanwhile (not_found).
function requireUnchanged(store: Store, current: ItemRecord): void {
  if (store.require(current.id) !== current) {
    throw new NotebookError(
      'conflict',
      `"${displayTitle(current)}" changed while it was being saved; try again.`,
    );
  }
}

function refuseTrashed(item: ItemRecord, verb: string): void {
  if (item.deleted !== null) {
    throw new NotebookError(
      'conflict',
      `"${displayTitle(item)}" is in the trash: restore it first to ${verb} it.`,
    );
  }
}

function displayTitle(item: ItemRecord): string {
  return item.title.trim() === '' ? 'Untitled' : item.title;
}

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((tag, i) => tag === b[i]);
}

// Case- and accent-insensitive order, as a person reads a list: `à-trier` next to `archives`.
const tagOrder = new Intl.Collator('und', { sensitivity: 'base', numeric: true });

/** One row per tag (case-insensitive), spelled as on the most recently updated item; by name. */
function countTags(items: Iterable<ItemRecord>): TagCount[] {
  const counts = new Map<string, TagCount>();
  for (const item of items) {
    for (const tag of item.tags) {
      const key = tagKey(tag);
      const row = counts.get(key);
      if (row) row.count++;
      else counts.set(key, { name: tag, count: 1 });
    }
  }
  return [...counts.values()].sort((a, b) => tagOrder.compare(a.name, b.name) || (a.name < b.name ? -1 : 1));
}
