import { useCallback, useMemo } from 'react';
import type { TagNode } from '@shared/types';
import { showNotice } from '../../lib/notice-store';
import { useClient } from '../../lib/use-client';
import { useLoaded } from '../../lib/use-loaded';
import { itemCount } from './tag-tree';

/** Every tag in use as a tree (counts include nested tags), reloaded whenever `revision` moves on. */
export function useTags(revision: number): TagNode[] | null {
  const client = useClient();
  const load = useCallback(async () => (await client.listTags({})).tree, [client]);
  return useLoaded(load, revision);
}

/**
 * Changing tags across the library. Each call rejects with the notebook's error for the caller to
 * show where the person is looking; the lists refresh from the change event that follows.
 */
export interface TagActions {
  rename: (from: string, to: string) => Promise<number>;
  remove: (tag: string) => Promise<number>;
  tagItems: (ids: string[], add: string[], remove: string[]) => Promise<number>;
}

export function useTagActions(): TagActions {
  const client = useClient();
  return useMemo(
    () => ({
      rename: async (from, to) => {
        const { changed } = await client.renameTag({ from, to });
        showNotice({ tone: 'info', message: `Renamed #${from} to #${to} on ${itemCount(changed)}.` });
        return changed;
      },
      remove: async (tag) => {
        const { changed } = await client.deleteTag({ tag });
        showNotice({ tone: 'info', message: `Removed #${tag} from ${itemCount(changed)}.` });
        return changed;
      },
      tagItems: async (ids, add, remove) => {
        const { changed } = await client.tagItems({ ids, add, remove });
        showNotice({ tone: 'info', message: `Changed the tags of ${itemCount(changed)}.` });
        return changed;
      },
    }),
    [client],
  );
}
