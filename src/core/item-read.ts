/** Reading a whole item: its record joined with its body file (Markdown for a note, JSON for a clip). */
import { NotebookError } from '../shared/errors';
import type { Clip, Item, Note } from '../shared/types';
import type { ClipBody } from './clip-record';
import { parseClipBody } from './clip-record';
import type { ClipRecord, ItemRecord, NoteRecord } from './item-record';
import { highlightsOf, toSummary } from './item-record';
import type { Store } from './store';

export function noteWithBody(record: NoteRecord, body: string): Note {
  return { ...toSummary(record), type: 'note', body };
}

/** The whole clip as it crosses the boundary: the summary's keys, then the article's. */
export function clipWithBody(record: ClipRecord, body: ClipBody): Clip {
  const summary = toSummary(record);
  if (summary.type !== 'clip') throw new Error('not a clip');
  return {
    ...summary,
    html: body.html,
    text: body.text,
    markdown: body.markdown,
    images: body.images.map((image) => ({ ...image })),
    citation: body.citation === null ? null : { ...body.citation },
    suggestedTags: [...body.suggestedTags],
    highlights: highlightsOf(record),
  };
}

export async function readItem(store: Store, record: ItemRecord): Promise<Item> {
  let current = record;
  for (;;) {
    const text = await store.bodies.read(current.bodyFile);
    if (text !== null)
      return current.type === 'note' ? noteWithBody(current, text) : parseClip(store, current, text);
    // A save may have replaced (and removed) the body file while we were reading it.
    const latest = store.get(current.id);
    if (!latest || latest.bodyFile === current.bodyFile) break;
    current = latest;
  }
  const what = current.type === 'note' ? 'text' : 'article';
  throw new NotebookError(
    'corrupt',
    `The ${what} of "${displayTitle(current)}" (${current.id}) is missing: ${store.bodies.path(current.bodyFile)} does not exist. ` +
      'The rest of the library is fine; run the library check for details.',
  );
}

function parseClip(store: Store, record: ClipRecord, text: string): Clip {
  try {
    return clipWithBody(record, parseClipBody(text));
  } catch (error) {
    throw new NotebookError(
      'corrupt',
      `The article of "${displayTitle(record)}" (${record.id}) is damaged: ${store.bodies.path(record.bodyFile)} ` +
        `cannot be read (${(error as Error).message}). The rest of the library is fine.`,
    );
  }
}

export function displayTitle(item: ItemRecord): string {
  return item.title.trim() === '' ? 'Untitled' : item.title;
}

// Changes to one item are queued, so only emptyTrash can have touched it meanwhile (not_found).
export function requireUnchanged(store: Store, current: ItemRecord): void {
  if (store.require(current.id) !== current) {
    throw new NotebookError(
      'conflict',
      `"${displayTitle(current)}" changed while it was being saved; try again.`,
    );
  }
}

export function refuseTrashed(item: ItemRecord, verb: string): void {
  if (item.deleted !== null) {
    throw new NotebookError(
      'conflict',
      `"${displayTitle(item)}" is in the trash: restore it first to ${verb} it.`,
    );
  }
}
