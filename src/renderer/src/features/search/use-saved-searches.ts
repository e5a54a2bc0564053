import { useCallback, useMemo, useState } from 'react';
import type { SavedSearch } from '@shared/types';
import { reportError, showNotice } from '../../lib/notice-store';
import { useClient } from '../../lib/use-client';
import { useLoaded } from '../../lib/use-loaded';

/** A saved search with how many items match it now (null if that could not be asked). */
export interface SavedSearchCount {
  saved: SavedSearch;
  count: number | null;
}

export interface SavedSearchesControl {
  /** The saved searches in order, or null until they are loaded. */
  searches: SavedSearchCount[] | null;
  /** Saves a search under a name; false if it could not. */
  save: (name: string, query: string) => Promise<boolean>;
  /** Removes a saved search, with Undo in the notice. */
  remove: (saved: SavedSearch) => void;
}

/** The sidebar's saved searches, each with a live count: asked again whenever the library changes. */
export function useSavedSearches(revision: number): SavedSearchesControl {
  const client = useClient();
  const [edits, setEdits] = useState(0);
  const reload = useCallback(() => setEdits((count) => count + 1), []);

  const load = useCallback(async (): Promise<SavedSearchCount[]> => {
    const { searches } = await client.listSavedSearches({});
    return Promise.all(
      searches.map(async (saved) => {
        try {
          return { saved, count: (await client.search({ query: saved.query, limit: 1 })).total };
        } catch {
          return { saved, count: null };
        }
      }),
    );
  }, [client]);
  const searches = useLoaded(load, revision + edits);

  const save = useCallback(
    async (name: string, query: string) => {
      try {
        await client.saveSearch({ name, query });
        reload();
        return true;
      } catch (error) {
        reportError(error);
        return false;
      }
    },
    [client, reload],
  );

  const remove = useCallback(
    (saved: SavedSearch) => {
      client.deleteSavedSearch({ id: saved.id }).then(() => {
        reload();
        showNotice({
          tone: 'info',
          message: `Removed the saved search “${saved.name}”.`,
          action: { label: 'Undo', run: () => void save(saved.name, saved.query) },
        });
      }, reportError);
    },
    [client, reload, save],
  );

  return useMemo(() => ({ searches, save, remove }), [searches, save, remove]);
}
