import { useLayoutEffect, useState, type RefObject } from 'react';
import { locateAnchor } from '@shared/text-anchor';
import type { Highlight } from '@shared/types';
import { clearHighlights, paintHighlight } from './highlight-paint';

const NOTHING: ReadonlySet<string> = new Set();

/**
 * Paints the highlights into the rendered article, from scratch whenever the article or its
 * highlights change. Each anchor is placed in the article's `textContent` (whitespace may differ
 * from the clip's stored text); returns the ids that found their place.
 */
export function paintAll(root: HTMLElement, highlights: readonly Highlight[]): Set<string> {
  clearHighlights(root);
  const text = root.textContent ?? '';
  const placed = new Set<string>();
  for (const highlight of highlights) {
    if (highlight.orphaned) continue;
    const span = locateAnchor(text, highlight.anchor);
    if (!span) continue;
    if (paintHighlight(root, span, highlight.id, highlight.color).length > 0) placed.add(highlight.id);
  }
  return placed;
}

export function useHighlightPaint(
  articleRef: RefObject<HTMLElement | null>,
  html: string,
  highlights: readonly Highlight[],
): ReadonlySet<string> {
  const [placed, setPlaced] = useState(NOTHING);
  useLayoutEffect(() => {
    const root = articleRef.current;
    if (!root) return;
    const now = paintAll(root, highlights);
    setPlaced((before) =>
      before.size === now.size && [...now].every((id) => before.has(id)) ? before : now,
    );
  }, [articleRef, html, highlights]);
  return placed;
}
