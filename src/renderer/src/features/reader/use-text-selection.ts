import { useCallback, useEffect, useState, type RefObject } from 'react';
import { quoteOf, spanOfRange, type TextSpan } from './highlight-paint';

/** Text selected in the article, ready to become a highlight, and where to show its toolbar. */
export interface TextSelection {
  span: TextSpan;
  quote: string;
  prefix: string;
  suffix: string;
  /** The toolbar's place, in pixels within the positioning frame. */
  top: number;
  left: number;
  /** True when there is no room above the selection, so the toolbar goes below it. */
  below: boolean;
}

const TOOLBAR_ROOM = 52;

/**
 * The current selection in the article, if any, read from the page's selection. The quote is
 * the selection's own text (paragraph breaks as a browser copies them); prefix and suffix come
 * from the article's `textContent` around it.
 */
export function readSelection(article: HTMLElement, frame: HTMLElement): TextSelection | null {
  const selection = article.ownerDocument.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const span = spanOfRange(article, range);
  if (!span) return null;
  const quoted = quoteOf(article.textContent ?? '', span);
  const quote = selection.toString().trim() || quoted.quote;
  const box = range.getBoundingClientRect();
  const origin = frame.getBoundingClientRect();
  const below = box.top - origin.top < TOOLBAR_ROOM;
  return {
    span,
    ...quoted,
    quote,
    top: below ? box.bottom - origin.top + 8 : box.top - origin.top - 8,
    left: Math.min(Math.max(box.left + box.width / 2 - origin.left, 120), origin.width - 120),
    below,
  };
}

export interface SelectionControl {
  selection: TextSelection | null;
  /** Forgets the selection (and clears it on the page). */
  clear: () => void;
}

/**
 * Follows the selection in the article: set when a mouse or keyboard selection ends inside it,
 * gone as soon as the page's selection collapses or leaves it.
 */
export function useTextSelection(
  articleRef: RefObject<HTMLElement | null>,
  frameRef: RefObject<HTMLElement | null>,
  enabled: boolean,
): SelectionControl {
  const [selection, setSelection] = useState<TextSelection | null>(null);

  useEffect(() => {
    const root = articleRef.current;
    if (!root || !enabled) return;
    const doc = root.ownerDocument;
    const update = (): void => {
      const place = frameRef.current;
      setSelection(place ? readSelection(root, place) : null);
    };
    const onKeyUp = (event: KeyboardEvent): void => {
      if (event.shiftKey || event.key === 'Shift') update();
    };
    const onSelectionChange = (): void => {
      const current = doc.getSelection();
      const inside =
        current !== null &&
        !current.isCollapsed &&
        root.contains(current.anchorNode) &&
        root.contains(current.focusNode);
      if (!inside) setSelection(null);
    };
    // On the document: a drag that starts in the article may well end outside it.
    doc.addEventListener('mouseup', update);
    doc.addEventListener('keyup', onKeyUp);
    doc.addEventListener('selectionchange', onSelectionChange);
    return () => {
      doc.removeEventListener('mouseup', update);
      doc.removeEventListener('keyup', onKeyUp);
      doc.removeEventListener('selectionchange', onSelectionChange);
    };
  }, [articleRef, frameRef, enabled]);

  const clear = useCallback(() => {
    setSelection(null);
    articleRef.current?.ownerDocument.getSelection()?.removeAllRanges();
  }, [articleRef]);

  return { selection, clear };
}
