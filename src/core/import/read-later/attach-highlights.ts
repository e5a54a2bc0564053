/**
 * Adding an export's tags and highlights to a clip in one change, never replacing anything: tags
 * are added to the clip's, and a highlight whose passage the clip already has highlighted is left
 * out. A highlight whose passage is not in the clip's text (the page changed since it was saved)
 * is kept as an orphaned highlight, with its quote and note, as a refresh keeps one whose passage
 * went away: the reader lists it apart, and a later refresh places it if the passage comes back.
 */
import { NotebookError } from '../../../shared/errors';
import { applyTagChanges } from '../../../shared/tags';
import { anchorQuote } from '../../../shared/text-anchor';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../../shared/types';
import { newHighlightId } from '../../highlights/highlight-id';
import { inTextOrder } from '../../highlights/highlight-order';
import type { ClipRecord, HighlightRecord } from '../../item-record';
import { displayTitle, readItem, requireUnchanged } from '../../item-read';
import type { Store } from '../../store';
import type { SavedHighlight } from './read-later-entry';

const MAX_COMMENT_LENGTH = 20_000;

export interface Attached {
  highlights: number;
  tags: number;
  /** Kept, but orphaned: their passage is not in the clip's text. */
  notFound: SavedHighlight[];
}

export async function attachToClip(
  { store, now }: { store: Store; now: () => string },
  clipId: string,
  tags: readonly string[],
  highlights: readonly SavedHighlight[],
): Promise<Attached> {
  return store.withItem(clipId, async () => {
    const current = store.require(clipId);
    if (current.type !== 'clip')
      throw new NotebookError('conflict', `"${displayTitle(current)}" is not a clip.`);
    const clip = await readItem(store, current);
    if (clip.type !== 'clip') throw new Error('not a clip');
    const known = new Set((current.highlights ?? []).map((h) => fold(h.anchor.quote)));
    const taken = new Set<string>();
    const created = now();
    const added: HighlightRecord[] = [];
    const notFound: SavedHighlight[] = [];
    for (const saved of highlights) {
      const key = fold(saved.quote);
      if (key === '' || known.has(key)) continue;
      known.add(key);
      const anchor = anchorQuote(clip.text, saved.quote);
      if (anchor === null) notFound.push(saved);
      added.push({
        id: uniqueId(store, taken),
        anchor: anchor ?? { quote: saved.quote.trim(), prefix: '', suffix: '', start: 0, end: 0 },
        color: colorOf(saved.color),
        comment: saved.comment.slice(0, MAX_COMMENT_LENGTH),
        created,
        updated: created,
        orphaned: anchor === null,
      });
    }
    const newTags = applyTagChanges(current.tags, tags, []);
    const tagsAdded = newTags.length - current.tags.length;
    if (added.length === 0 && tagsAdded === 0) return { highlights: 0, tags: 0, notFound };
    await store.change(null, (rev) => {
      requireUnchanged(store, current);
      const record: ClipRecord = {
        ...current,
        tags: newTags,
        highlights: inTextOrder([...(current.highlights ?? []), ...added]),
        updated: created,
        rev,
      };
      return { put: [record], remove: [], obsoleteBodies: [] };
    });
    return { highlights: added.length, tags: tagsAdded, notFound };
  });
}

/** Whitespace never tells two quotes apart. */
function fold(quote: string): string {
  return quote.replace(/\s+/g, ' ').trim();
}

function colorOf(name: string | undefined): HighlightColor {
  return (HIGHLIGHT_COLORS as readonly string[]).includes(name ?? '') ? (name as HighlightColor) : 'yellow';
}

function uniqueId(store: Store, taken: Set<string>): string {
  for (;;) {
    const id = newHighlightId(store);
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}
