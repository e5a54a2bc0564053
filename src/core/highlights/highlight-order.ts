/** How a clip keeps its highlights: in text order, orphaned ones last, placed again when its text changes. */
import { anchorAt, locateAnchor } from '../../shared/text-anchor';
import type { HighlightRecord } from '../item-record';

/** By where they start in the text (then end, then age); orphaned ones after, oldest first. */
export function inTextOrder(highlights: readonly HighlightRecord[]): HighlightRecord[] {
  return [...highlights].sort(
    (a, b) =>
      Number(a.orphaned) - Number(b.orphaned) ||
      (a.orphaned ? 0 : a.anchor.start - b.anchor.start || a.anchor.end - b.anchor.end) ||
      compareText(a.created, b.created) ||
      compareText(a.id, b.id),
  );
}

/**
 * The highlights of a clip whose text is now `text` (a refresh): each placed again by its quote and
 * context; one that cannot be found keeps its old anchor and is marked orphaned, never dropped. An
 * orphaned highlight whose passage is back is placed again.
 */
export function reanchorHighlights(highlights: readonly HighlightRecord[], text: string): HighlightRecord[] {
  return inTextOrder(
    highlights.map((highlight) => {
      const range = locateAnchor(text, highlight.anchor);
      return range === null
        ? { ...highlight, orphaned: true }
        : { ...highlight, anchor: anchorAt(text, range.start, range.end), orphaned: false };
    }),
  );
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
