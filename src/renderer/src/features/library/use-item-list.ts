import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { ItemSummary } from '@shared/types';
import { reportError } from '../../lib/notice-store';
import { useClient } from '../../lib/use-client';
import type { LibraryLocation } from './library-location';
import { PageCache } from './page-cache';

/** The rows of the list at a location, for the virtualized list. */
export interface ItemListData {
  /** How many rows there are; null until the first page arrives. */
  total: number | null;
  /** Changes whenever rows change (a render key for the list). */
  version: number;
  itemAt: (index: number) => ItemSummary | undefined;
  indexOf: (id: string) => number;
  show: (first: number, last: number) => void;
  /** The items picked with Ctrl/Cmd- or Shift-click, to act on many at once. */
  marked: ReadonlySet<string>;
  /**
   * Adds the row to the picked items or takes it out. When nothing is picked yet, `cursor` (the
   * row the keyboard is on) is picked too, as a file manager does.
   */
  toggleMark: (index: number, cursor: number | null) => void;
  /** Picks the rows from the last one toggled (else `cursor`) to `index`, instead of what was picked. */
  markRange: (index: number, cursor: number | null) => void;
  clearMarks: () => void;
}

interface Marks {
  cache: PageCache | null;
  ids: ReadonlySet<string>;
  /** Where a Shift-click range starts. */
  anchor: number | null;
}

const noMarks: Marks = { cache: null, ids: new Set(), anchor: null };

/** Pages through `listItems` for a location; refetches what is on screen when `revision` moves on. */
export function useItemList(location: LibraryLocation, revision: number): ItemListData {
  const client = useClient();
  const { view, tag } = location;
  const cache = useMemo(
    () =>
      new PageCache(
        (offset, limit) => client.listItems({ view, tag: tag ?? undefined, offset, limit }),
        reportError,
      ),
    [client, view, tag],
  );
  const version = useSyncExternalStore(cache.subscribe, cache.getVersion);
  // The picked items belong to one list: another location starts with none.
  const [stored, setMarks] = useState<Marks>(noMarks);
  const marks = stored.cache === cache ? stored : noMarks;

  useEffect(() => cache.sync(revision), [cache, revision]);

  const toggleMark = useCallback(
    (index: number, cursor: number | null) => {
      const item = cache.itemAt(index);
      if (!item) return;
      const ids = new Set(marks.ids);
      const seed = cursor === null || cursor === index ? undefined : cache.itemAt(cursor);
      if (ids.size === 0 && seed) ids.add(seed.id);
      if (!ids.delete(item.id)) ids.add(item.id);
      setMarks({ cache, ids, anchor: index });
    },
    [cache, marks],
  );

  const markRange = useCallback(
    (index: number, cursor: number | null) => {
      const anchor = marks.anchor ?? cursor ?? index;
      const ids = new Set<string>();
      // Rows never scrolled into view are not loaded yet, so they cannot be picked.
      for (let i = Math.min(anchor, index); i <= Math.max(anchor, index); i++) {
        const item = cache.itemAt(i);
        if (item) ids.add(item.id);
      }
      setMarks({ cache, ids, anchor });
    },
    [cache, marks],
  );

  const clearMarks = useCallback(() => setMarks(noMarks), []);

  return useMemo(
    () => ({
      total: cache.total,
      version,
      itemAt: (index: number) => cache.itemAt(index),
      indexOf: (id: string) => cache.indexOf(id),
      show: (first: number, last: number) => cache.show(first, last),
      marked: marks.ids,
      toggleMark,
      markRange,
      clearMarks,
    }),
    [cache, version, marks, toggleMark, markRange, clearMarks],
  );
}
