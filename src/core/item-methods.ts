/** The methods every item has, whatever its type: list, read, tag, trash, restore; and the tag counts. */
import type { Args, NotebookApi } from '../shared/api';
import { applyTagChanges, normalizeTag, tagKey } from '../shared/tags';
import type { ItemSummary, TagCount } from '../shared/types';
import type { ItemRecord } from './item-record';
import { toSummary } from './item-record';
import { readItem, refuseTrashed, requireUnchanged } from './item-read';
import type { Store } from './store';

export interface ItemContext {
  store: Store;
  now: () => string;
}

type ItemMethods = Pick<
  NotebookApi,
  'listItems' | 'getItem' | 'tagItem' | 'trashItem' | 'restoreItem' | 'listTags'
>;

export function itemMethods({ store, now }: ItemContext): ItemMethods {
  const summaryOf = (id: string): ItemSummary => toSummary(store.require(id));

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

  return {
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
      return readItem(store, store.require(id));
    },

    async tagItem({ id, add, remove }: Args<'tagItem'>) {
      return store.withItem(id, async () => {
        const current = store.require(id);
        const tags = applyTagChanges(current.tags, add, remove);
        if (sameTags(tags, current.tags)) return readItem(store, current);
        refuseTrashed(current, 'tag');
        await store.change(null, (rev) => {
          requireUnchanged(store, current);
          return { put: [{ ...current, tags, updated: now(), rev }], remove: [], obsoleteBodies: [] };
        });
        return readItem(store, store.require(id));
      });
    },

    async trashItem({ id }: Args<'trashItem'>) {
      return setTrashed(id, true);
    },

    async restoreItem({ id }: Args<'restoreItem'>) {
      return setTrashed(id, false);
    },

    async listTags() {
      return { tags: countTags(store.liveItems()) };
    },
  };
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
