/** The methods every item has, whatever its type: list, read, tag, trash, restore. */
import type { Args, NotebookApi } from '../shared/api';
import { applyTagChanges, normalizeTag } from '../shared/tags';
import type { ItemSummary } from '../shared/types';
import { toSummary } from './item-record';
import { readItem, refuseTrashed, requireUnchanged } from './item-read';
import type { Store } from './store';

export interface ItemContext {
  store: Store;
  now: () => string;
}

type ItemMethods = Pick<NotebookApi, 'listItems' | 'getItem' | 'tagItem' | 'trashItem' | 'restoreItem'>;

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
  };
}

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((tag, i) => tag === b[i]);
}
