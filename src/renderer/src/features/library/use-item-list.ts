import { useEffect, useMemo, useSyncExternalStore } from 'react';
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
}

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

  useEffect(() => cache.sync(revision), [cache, revision]);

  return useMemo(
    () => ({
      total: cache.total,
      version,
      itemAt: (index: number) => cache.itemAt(index),
      indexOf: (id: string) => cache.indexOf(id),
      show: (first: number, last: number) => cache.show(first, last),
    }),
    [cache, version],
  );
}
