/**
 * What the search engine needs from the library, and nothing more: the metadata of an item (from
 * the store's memory, never the disk), its body text (from its body file, through a small cache),
 * and the document an item is indexed as.
 */
import type { ClipRecord, ItemRecord, NoteRecord } from '../item-record';
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

/** What indexing reads of a record (and all of it that is sent to the indexing thread). */
export type IndexedRecord =
  Pick<NoteRecord, NoteField> | Pick<ClipRecord, NoteField | 'authors' | 'siteName' | 'url' | 'published'>;
type NoteField = 'id' | 'type' | 'title' | 'tags' | 'created' | 'updated' | 'deleted';

export function indexedRecord(record: ItemRecord): IndexedRecord {
  const { id, title, tags, created, updated, deleted } = record;
  if (record.type === 'note') return { id, type: 'note', title, tags, created, updated, deleted };
  const { authors, siteName, url, published } = record;
  return { id, type: 'clip', title, tags, created, updated, deleted, authors, siteName, url, published };
}

/** An item as the index holds it: title, body, and the words around it (tags; a clip's authors, site and host). */
export function indexDoc(record: IndexedRecord, body: string): IndexDoc {
  const meta = [...record.tags];
  if (record.type === 'clip') {
    meta.push(...record.authors);
    if (record.siteName !== null) meta.push(record.siteName);
    const host = hostOf(record.url);
    if (host !== null) meta.push(host);
  }
  // With its entry: the index knows what filters and ranking need of it without asking again.
  return { id: record.id, type: record.type, title: record.title, body, meta: meta.join(' '), entry: record };
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}
