/**
 * What the search engine needs from the library, and nothing more: the metadata of an item (from
 * the store's memory, never the disk), its body text (from its body file, through a small cache),
 * and the document an item is indexed as.
 */
import type { ItemRecord } from '../item-record';
import type { Store } from '../store';
import type { SearchCatalog } from './execute';
import type { IndexDoc } from './search-index';
import type { BodyTextReader } from './body-text';
import { highlightCatalogEntry } from './highlight-docs';

export function storeCatalog(store: Store, bodies: BodyTextReader): SearchCatalog {
  return {
    get: (id) => store.get(id) ?? highlightCatalogEntry(store, id),
    // An async function runs to its first await at once: the read happens now (see textOfIdNow).
    bodyText: async (id) => bodies.textOfIdNow(id),
  };
}

/** An item as the index holds it: title, body, and the words around it (tags; a clip's authors, site and host). */
export function indexDoc(record: ItemRecord, body: string): IndexDoc {
  const meta = [...record.tags];
  if (record.type === 'clip') {
    meta.push(...record.authors);
    if (record.siteName !== null) meta.push(record.siteName);
    const host = hostOf(record.url);
    if (host !== null) meta.push(host);
  }
  return { id: record.id, type: record.type, title: record.title, body, meta: meta.join(' ') };
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}
