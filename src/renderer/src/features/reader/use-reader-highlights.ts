import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { Clip, Highlight, HighlightColor, Item } from '@shared/types';
import { matches } from '../../commands/shortcuts';
import { isDialogOpen, isTyping } from '../../lib/focus';
import { showNotice } from '../../lib/notice-store';
import { flashHighlight, highlightAt, marksOf } from './highlight-paint';
import type { PopoverPlace } from './HighlightPopover';
import { useHighlightNotes, type HighlightNotes } from './use-highlight-notes';
import { useHighlightPaint } from './use-highlight-paint';
import { useHighlights, type HighlightsControl } from './use-highlights';
import { readSelection, useTextSelection, type TextSelection } from './use-text-selection';

/** The highlight whose popover is open, and where. */
export interface OpenPopover {
  highlight: Highlight;
  place: PopoverPlace;
  focusComment: boolean;
}

export interface ReaderHighlights {
  store: HighlightsControl;
  notes: HighlightNotes;
  placed: ReadonlySet<string>;
  selection: TextSelection | null;
  /** The colour H (and the first toolbar button's shortcut) uses: the last one picked. */
  color: HighlightColor;
  popover: OpenPopover | null;
  /** Closes the popover; `byKey` (Esc, Mod+Enter) gives the focus back to a highlight opened with the keyboard. */
  closePopover: (byKey: boolean) => void;
  /** Highlights the selection; then opens its comment, or quotes it into a note. */
  highlight: (color: HighlightColor, then?: 'comment' | 'quote') => void;
  copySelection: () => void;
  jump: (id: string) => void;
}

interface Parts {
  clip: Clip;
  articleRef: RefObject<HTMLElement | null>;
  /** The element the toolbar and popover are placed in. */
  frameRef: RefObject<HTMLElement | null>;
  readOnly: boolean;
  onOpenItem?: (target: string | Item) => void;
}

const POPOVER_WIDTH = 300;
let lastColor: HighlightColor = 'yellow';

function placeUnder(mark: HTMLElement, frame: HTMLElement): PopoverPlace {
  const box = mark.getBoundingClientRect();
  const origin = frame.getBoundingClientRect();
  const left = Math.min(box.left - origin.left, origin.width - POPOVER_WIDTH);
  return { top: box.bottom - origin.top + 6, left: Math.max(left, 0) };
}

/** Everything the reader does with highlights: make them from the selection, paint, edit, list. */
export function useReaderHighlights(parts: Parts): ReaderHighlights {
  const { clip, articleRef, frameRef, readOnly, onOpenItem } = parts;
  const store = useHighlights(clip);
  const placed = useHighlightPaint(articleRef, clip.html, store.highlights);
  const { selection, clear } = useTextSelection(articleRef, frameRef, !readOnly);
  const openById = useCallback((id: string) => onOpenItem?.(id), [onOpenItem]);
  const notes = useHighlightNotes(clip, onOpenItem ? openById : undefined);
  const [color, setColor] = useState(lastColor);
  const [open, setOpen] = useState<{ id: string; place: PopoverPlace; focusComment: boolean } | null>(null);
  const popoverHighlight = open ? store.highlights.find((h) => h.id === open.id) : undefined;
  const popover = open && popoverHighlight ? { ...open, highlight: popoverHighlight } : null;

  const openPopover = useCallback(
    (id: string, focusComment: boolean) => {
      const mark = articleRef.current ? marksOf(articleRef.current, id).at(-1) : undefined;
      if (!mark || !frameRef.current) return;
      setOpen({ id, place: placeUnder(mark, frameRef.current), focusComment });
    },
    [articleRef, frameRef],
  );

  const justMade = useRef<{ id: string; comment: boolean } | null>(null);
  // The highlight a keyboard opened the popover from: closing it with a key gives the focus back there.
  const openedFrom = useRef<HTMLElement | null>(null);
  const highlight = useCallback(
    (picked: HighlightColor, then?: 'comment' | 'quote') => {
      const root = articleRef.current;
      const place = frameRef.current;
      const pending = selection ?? (root && place ? readSelection(root, place) : null);
      if (!pending) return;
      lastColor = picked;
      setColor(picked);
      clear();
      void store.add(pending, picked).then((made) => {
        if (!made) return;
        if (then === 'quote') notes.quoteIntoNote(made);
        justMade.current = { id: made.id, comment: then === 'comment' };
      });
    },
    [articleRef, frameRef, selection, clear, store, notes],
  );

  // Once a new highlight is in the list it has been painted (a layout effect): say if it could
  // not be, else open its comment if that is what it was made for.
  useEffect(() => {
    const made = justMade.current;
    if (!made || !store.highlights.some((h) => h.id === made.id)) return;
    justMade.current = null;
    const painted = articleRef.current ? marksOf(articleRef.current, made.id).length > 0 : false;
    if (!painted) {
      showNotice({
        tone: 'error',
        message: 'Highlighted, but the passage could not be marked here: it is listed under Orphaned.',
      });
    } else if (made.comment) openPopover(made.id, true);
  }, [articleRef, store.highlights, openPopover]);

  // A click on a highlight opens its popover (unless it ends a selection or follows a link).
  useEffect(() => {
    const root = articleRef.current;
    if (!root || readOnly) return;
    const onClick = (event: MouseEvent): void => {
      const mark = highlightAt(event.target);
      const id = mark?.dataset.highlightId;
      if (!mark || !id || !root.ownerDocument.getSelection()?.isCollapsed) return;
      if (event.target instanceof Element && event.target.closest('a[href]')) return;
      openPopover(id, false);
    };
    // Enter or Space on a highlight reached with Tab opens it, its comment ready; closing it comes back here.
    const onKeyDown = (event: KeyboardEvent): void => {
      const mark = highlightAt(event.target);
      const id = mark?.dataset.highlightId;
      if (!mark || mark !== event.target || !id || (event.key !== 'Enter' && event.key !== ' ')) return;
      event.preventDefault();
      openedFrom.current = mark;
      openPopover(id, true);
    };
    root.addEventListener('click', onClick);
    root.addEventListener('keydown', onKeyDown);
    return () => {
      root.removeEventListener('click', onClick);
      root.removeEventListener('keydown', onKeyDown);
    };
  }, [articleRef, readOnly, openPopover]);

  // H highlights the selection in the article.
  const shortcut = useRef(() => highlight(lastColor));
  useEffect(() => {
    shortcut.current = () => highlight(lastColor);
  });
  useEffect(() => {
    if (readOnly) return;
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.repeat || !matches(event, 'H')) return;
      if (isTyping() || isDialogOpen()) return;
      const root = articleRef.current;
      const place = frameRef.current;
      if (!root || !place || !readSelection(root, place)) return;
      event.preventDefault();
      shortcut.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [articleRef, frameRef, readOnly]);

  const copySelection = useCallback(() => {
    if (!selection) return;
    notes.copyQuote(selection.quote);
    clear();
  }, [selection, notes, clear]);

  const jump = useCallback(
    (id: string) => {
      if (articleRef.current && !flashHighlight(articleRef.current, id)) {
        showNotice({ tone: 'error', message: 'This highlight is no longer in the article.' });
      }
    },
    [articleRef],
  );

  const closePopover = useCallback((byKey: boolean) => {
    setOpen(null);
    const mark = openedFrom.current;
    openedFrom.current = null;
    if (byKey && mark?.isConnected) mark.focus();
  }, []);

  return { store, notes, placed, selection, color, popover, closePopover, highlight, copySelection, jump };
}
