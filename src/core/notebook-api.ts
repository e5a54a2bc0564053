/** The NotebookApi methods, on top of the store. Arguments arrive parsed (see src/shared/api.ts). */
import type { Args, NotebookApi } from '../shared/api';
import type { AssetStore } from './assets';
import { usedAssets } from './assets';
import { checkLibrary } from './check';
import type { ClipService } from './clip-service';
import type { ItemRecord } from './item-record';
import { citeMethods } from './citations/cite-methods';
import { exportMethods } from './export/export-methods';
import { highlightMethods } from './highlights/highlight-methods';
import { importMethods } from './import/import-methods';
import { pairingMethods } from './pairing/pairing-methods';
import { itemMethods } from './item-methods';
import { linkMethods } from './links/link-methods';
import { SCHEMA_VERSION } from './library-file';
import type { LibraryLock } from './lock';
import { noteMethods } from './note-methods';
import type { ExtensionPairing } from './pairing/pairing';
import type { SavedSearches } from './search/saved-searches';
import { searchMethods, withIndexCheck } from './search/search-methods';
import type { SearchService } from './search/search-service';
import type { Store } from './store';
import { tagMethods } from './tag-methods';

export interface ApiContext {
  store: Store;
  assets: AssetStore;
  clips: ClipService;
  search: SearchService;
  savedSearches: SavedSearches;
  pairing: ExtensionPairing;
  lock: LibraryLock;
  now: () => string;
  newId: () => string;
}

export function notebookApi(context: ApiContext): NotebookApi {
  const { store, assets, clips, search, lock } = context;
  return {
    async getLibraryInfo() {
      const { live, notes, clips: clipCount, trash } = store.counts;
      return {
        dir: store.dir,
        schemaVersion: SCHEMA_VERSION,
        rev: store.rev,
        counts: { items: live, notes, clips: clipCount, trash },
        recoveries: [...store.recoveries],
      };
    },

    ...itemMethods(context),
    ...noteMethods(context),
    ...searchMethods(context),
    ...tagMethods(context),
    ...linkMethods(context),
    ...highlightMethods(context),
    ...exportMethods(context),
    ...citeMethods(context),
    ...importMethods(context),
    ...pairingMethods(context),

    async emptyTrash() {
      if (store.trashedItems().length === 0) return { purged: 0 };
      let purged: ItemRecord[] = [];
      await store.change(null, () => {
        // Decided now, in revision order: an item restored meanwhile stays.
        purged = store.trashedItems();
        return {
          put: [],
          remove: purged,
          obsoleteBodies: purged.map((item) => item.bodyFile),
          purge: true,
        };
      });
      const theirAssets = purged.flatMap((item) => (item.type === 'clip' ? item.assets : []));
      await assets.removeUnused(theirAssets, (asset) => usedAssets(store).has(asset));
      return { purged: purged.length };
    },

    clip: (args: Args<'clip'>) => clips.clip(args),
    findClip: (args: Args<'findClip'>) => clips.findClip(args),
    refreshClip: (args: Args<'refreshClip'>) => clips.refreshClip(args),

    async checkLibrary() {
      await store.drain();
      return withIndexCheck(await checkLibrary(store, assets, lock.info), search);
    },
  };
}
