/** The tag methods: counts (flat and as a tree), tagging many items, renaming, merging and deleting a tag everywhere. */
import type { Args, NotebookApi } from '../shared/api';
import { NotebookError } from '../shared/errors';
import { applyTagChanges, normalizeTag, tagIsWithin, tagKey } from '../shared/tags';
import type { TagCount, TagNode } from '../shared/types';
import type { ItemRecord } from './item-record';
import type { Store } from './store';

export interface TagContext {
  store: Store;
  now: () => string;
}

type TagMethods = Pick<NotebookApi, 'listTags' | 'tagItems' | 'renameTag' | 'mergeTags' | 'deleteTag'>;

export function tagMethods({ store, now }: TagContext): TagMethods {
  /**
   * Rewrites the tags of every item `rewrite` changes, in one change. The records are read inside
   * the apply callback, which runs in revision order, so an edit that landed meanwhile is kept.
   */
  async function rewriteTags(
    items: () => Iterable<ItemRecord>,
    rewrite: (tags: readonly string[]) => string[],
    touch: boolean,
  ): Promise<number> {
    const changes = (): ItemRecord[] =>
      [...items()].filter((current) => !sameTags(rewrite(current.tags), current.tags));
    // Checked first, so a change that would do nothing spends no revision (and bad tags are refused).
    if (changes().length === 0) return 0;
    let changed = 0;
    await store.change(null, (rev) => {
      const updated = touch ? now() : null;
      const put = changes().map((current) => ({
        ...current,
        tags: rewrite(current.tags),
        rev,
        updated: updated ?? current.updated,
      }));
      changed = put.length;
      return { put, remove: [], obsoleteBodies: [] };
    });
    return changed;
  }

  /** Moves `from` and the tags nested under it to `to`, on every item (trash included). */
  async function moveTag(
    fromRaw: string,
    toRaw: string,
    verb: 'rename' | 'merge',
  ): Promise<{ changed: number }> {
    const from = normalizeTag(fromRaw);
    const to = normalizeTag(toRaw);
    if (tagKey(from) !== tagKey(to) && tagIsWithin(to, from)) {
      throw new NotebookError(
        'invalid_argument',
        `Cannot ${verb} #${from} into #${to}: a tag cannot move under itself.`,
      );
    }
    requireTagInUse(store, from);
    const changed = await rewriteTags(
      () => store.allItems(),
      (tags) => renamedTags(tags, from, to),
      false,
    );
    return { changed };
  }

  return {
    async listTags() {
      const live = [...store.liveItems()];
      return { tags: countTags(live), tree: tagTree(live) };
    },

    async tagItems({ ids, add, remove }: Args<'tagItems'>) {
      const unique = [...new Set(ids)];
      const missing = unique.find((id) => store.get(id) === undefined);
      if (missing !== undefined) store.require(missing);
      // Checked before the change, so a bad tag is refused as itself, not as a failed save.
      applyTagChanges([], add, remove);
      const changed = await rewriteTags(
        () =>
          unique.flatMap((id) => {
            const current = store.get(id);
            return current && current.deleted === null ? [current] : [];
          }),
        (tags) => applyTagChanges(tags, add, remove),
        true,
      );
      return { changed };
    },

    async renameTag({ from, to }: Args<'renameTag'>) {
      return moveTag(from, to, 'rename');
    },

    async mergeTags({ from, into }: Args<'mergeTags'>) {
      return moveTag(from, into, 'merge');
    },

    async deleteTag({ tag }: Args<'deleteTag'>) {
      const gone = normalizeTag(tag);
      requireTagInUse(store, gone);
      const changed = await rewriteTags(
        () => store.allItems(),
        (tags) => tags.filter((t) => !tagIsWithin(t, gone)),
        false,
      );
      return { changed };
    },
  };
}

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((tag, i) => tag === b[i]);
}

function requireTagInUse(store: Store, tag: string): void {
  for (const item of store.allItems()) {
    if (item.tags.some((t) => tagIsWithin(t, tag))) return;
  }
  throw new NotebookError('not_found', `No item has the tag #${tag}.`);
}

/**
 * `from` becomes `to` and `from/x` becomes `to/x` (matched case-insensitively); a tag the item
 * already has is not repeated. Throws `invalid_argument` if a moved tag would be too long.
 */
export function renamedTags(tags: readonly string[], from: string, to: string): string[] {
  const depth = from.split('/').length;
  const moved = tags.map((tag) =>
    tagIsWithin(tag, from) ? normalizeTag([to, ...tag.split('/').slice(depth)].join('/')) : tag,
  );
  return applyTagChanges(moved, [], []);
}

// Case- and accent-insensitive order, as a person reads a list: `à-trier` next to `archives`.
const tagOrder = new Intl.Collator('und', { sensitivity: 'base', numeric: true });
const byName = (a: string, b: string): number => tagOrder.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

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
  return [...counts.values()].sort((a, b) => byName(a.name, b.name));
}

/**
 * The tags as a tree: `sahel/mali` under `sahel`, which appears even if no item carries it by
 * itself. A node counts the items carrying its tag or one nested under it, each item once.
 * Items come most recently updated first, so the first spelling seen is the newest.
 */
function tagTree(items: Iterable<ItemRecord>): TagNode[] {
  const roots: TagNode[] = [];
  const nodes = new Map<string, { node: TagNode; lastItem: string | null }>();

  const entryFor = (name: string): { node: TagNode; lastItem: string | null } => {
    const key = tagKey(name);
    const existing = nodes.get(key);
    if (existing) return existing;
    const cut = name.lastIndexOf('/');
    const node: TagNode = { name, label: name.slice(cut + 1), count: 0, own: 0, children: [] };
    const entry = { node, lastItem: null };
    nodes.set(key, entry);
    (cut === -1 ? roots : entryFor(name.slice(0, cut)).node.children).push(node);
    return entry;
  };

  for (const item of items) {
    for (const tag of item.tags) {
      const own = entryFor(tag).node;
      // Spelled like the flat list: as on the most recent item carrying the tag itself.
      if (own.own++ === 0) {
        own.name = tag;
        own.label = tag.slice(tag.lastIndexOf('/') + 1);
      }
      // Walk up from the tag; the first node this item already counted stops the walk, since its
      // ancestors were counted with it.
      for (let name = tag; ; name = name.slice(0, name.lastIndexOf('/'))) {
        const entry = entryFor(name);
        if (entry.lastItem === item.id) break;
        entry.lastItem = item.id;
        entry.node.count++;
        if (!name.includes('/')) break;
      }
    }
  }
  sortTree(roots);
  return roots;
}

function sortTree(nodes: TagNode[]): void {
  nodes.sort((a, b) => byName(a.label, b.label));
  for (const node of nodes) sortTree(node.children);
}
