/**
 * Which items an export takes. Each of `ids`, `tag` and `query` given narrows it (so `--tag` with
 * `--query` is both); with none, everything outside the trash. `tag` includes nested tags and,
 * like `query`, only items outside the trash; ids are taken as given (trashed ones too).
 * A query takes every note and clip it finds (paged through), not highlight hits.
 */
import type { ExportProblem } from '../../shared/types';
import type { ItemRecord } from '../item-record';
import type { SearchService } from '../search/search-service';
import type { Store } from '../store';

const SEARCH_PAGE = 200;

export interface ExportScope {
  ids?: string[];
  tag?: string;
  query?: string;
}

export async function scopeItems(
  store: Store,
  search: SearchService,
  scope: ExportScope,
  problems: ExportProblem[],
): Promise<ItemRecord[]> {
  let items: ItemRecord[];
  if (scope.ids !== undefined) {
    items = [];
    const seen = new Set<string>();
    for (const id of scope.ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      const record = store.get(id);
      if (record) items.push(record);
      else problems.push({ subject: id, message: `There is no item with id "${id}".` });
    }
  } else if (scope.tag !== undefined) {
    items = tagged(store, scope.tag);
  } else {
    items = [...store.liveItems()];
  }
  if (scope.tag !== undefined && scope.ids !== undefined) {
    const withTag = new Set(tagged(store, scope.tag).map((record) => record.id));
    items = items.filter((record) => withTag.has(record.id));
  }
  if (scope.query !== undefined) {
    const found = await searchIds(search, scope.query);
    items = items.filter((record) => found.has(record.id));
  }
  return items;
}

function tagged(store: Store, tag: string): ItemRecord[] {
  return store.query({ view: 'all', tag, offset: 0, limit: Number.MAX_SAFE_INTEGER }).items;
}

async function searchIds(search: SearchService, query: string): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let offset = 0; ; offset += SEARCH_PAGE) {
    const result = await search.search({ query, limit: SEARCH_PAGE, offset });
    for (const hit of result.hits) if (hit.type === 'note' || hit.type === 'clip') ids.add(hit.id);
    if (result.hits.length < SEARCH_PAGE || offset + SEARCH_PAGE >= result.total) return ids;
  }
}
