/**
 * Highlights in the index: each highlight of a clip outside the trash is a document of its own,
 * `<clip id>^<highlight id>` (item ids never hold `^`), so the search box finds notes, clips and
 * highlights together and `type:highlight` picks them out. Its text is the quote; its comment and
 * the clip's tags are its metadata; it has no title of its own, so a search for a clip's title
 * finds the clip once, not once per highlight. It is shown under its clip's title.
 */
import type { HighlightRecord, ItemRecord } from '../item-record';
import type { Store } from '../store';
import type { CatalogEntry } from './execute';
import type { IndexDoc } from './search-index';

const SEPARATOR = '^';

export function highlightDocId(clipId: string, highlightId: string): string {
  return `${clipId}${SEPARATOR}${highlightId}`;
}

/** [clip id, highlight id], or [id] for an item's own document. */
export function splitHighlightDocId(id: string): [string, string] | [string] {
  const at = id.indexOf(SEPARATOR);
  return at < 0 ? [id] : [id.slice(0, at), id.slice(at + 1)];
}

/** The documents of a record's highlights (none for a note, or a clip in the trash). */
export function highlightDocs(record: ItemRecord): IndexDoc[] {
  if (record.type !== 'clip' || record.deleted !== null) return [];
  return (record.highlights ?? []).map((highlight) => ({
    id: highlightDocId(record.id, highlight.id),
    type: 'highlight',
    title: '',
    body: highlight.anchor.quote,
    meta: [highlight.comment, ...record.tags].join(' '),
    entry: highlightEntry(record, highlight),
  }));
}

/** The catalog entry of `<clip id>^<highlight id>`, from the clip as the store holds it now. */
export function highlightCatalogEntry(store: Store, id: string): CatalogEntry | undefined {
  const [clipId, highlightId] = splitHighlightDocId(id);
  if (highlightId === undefined) return undefined;
  const record = store.get(clipId);
  if (record?.type !== 'clip') return undefined;
  const highlight = record.highlights?.find((h) => h.id === highlightId);
  return highlight === undefined ? undefined : highlightEntry(record, highlight);
}

function highlightEntry(clip: ItemRecord & { type: 'clip' }, highlight: HighlightRecord): CatalogEntry {
  return {
    type: 'highlight',
    title: clip.title,
    tags: clip.tags,
    created: highlight.created,
    updated: highlight.updated,
    deleted: clip.deleted,
    siteName: clip.siteName,
    authors: clip.authors,
    published: clip.published,
    url: clip.url,
  };
}
