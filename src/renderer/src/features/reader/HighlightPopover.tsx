import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Highlight, HighlightColor } from '@shared/types';
import { isMac } from '../../commands/shortcuts';
import { ColorPicker } from './ColorPicker';

/** Where the popover shows, in pixels within the positioning frame. */
export interface PopoverPlace {
  top: number;
  left: number;
}

interface HighlightPopoverProps {
  highlight: Highlight;
  place: PopoverPlace;
  /** Puts the cursor in the comment at once (a highlight made with "Comment"). */
  focusComment: boolean;
  onColor: (color: HighlightColor) => void;
  onComment: (comment: string) => void;
  onRemove: () => void;
  /** `byKey`: closed with Esc or Mod+Enter, not by a press elsewhere. */
  onClose: (byKey: boolean) => void;
}

/** A highlight's own controls, under it: its colour, its comment, remove. */
export function HighlightPopover(props: HighlightPopoverProps) {
  const { highlight, place, focusComment, onComment, onClose } = props;
  const [draft, setDraft] = useState(highlight.comment);
  const root = useRef<HTMLDivElement>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  // What was last sent, so blur and a press outside do not save the same text twice.
  const sent = useRef(highlight.comment);
  const save = (): void => {
    if (draft === sent.current) return;
    sent.current = draft;
    onComment(draft);
  };
  const latest = useRef({ save, onClose });
  useEffect(() => {
    latest.current = { save, onClose };
  });

  useEffect(() => {
    if (focusComment) area.current?.focus();
  }, [focusComment]);

  // A press anywhere else keeps what was typed and closes the popover.
  useEffect(() => {
    const onPointerDown = (event: PointerEvent): void => {
      if (event.target instanceof Node && root.current?.contains(event.target)) return;
      latest.current.save();
      latest.current.onClose(false);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const mod = isMac ? event.metaKey : event.ctrlKey;
    if (event.key === 'Escape' || (event.key === 'Enter' && mod)) {
      // Esc here closes the popover, not the reader.
      event.preventDefault();
      event.stopPropagation();
      save();
      onClose(true);
    }
  };

  return (
    <div
      ref={root}
      className="hl-popover"
      role="dialog"
      aria-label="Highlight"
      style={{ top: place.top, left: place.left }}
      onKeyDown={onKeyDown}
    >
      <div className="hl-popover__row">
        <ColorPicker current={highlight.color} onPick={props.onColor} />
        <button
          type="button"
          className="button is-quiet is-danger hl-popover__remove"
          onClick={props.onRemove}
        >
          Remove
        </button>
      </div>
      <textarea
        ref={area}
        className="hl-popover__comment"
        aria-label="Comment"
        placeholder="Add a comment…"
        rows={3}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={save}
      />
      <p className="hl-popover__hint">{isMac ? '⌘↩' : 'Ctrl+Enter'} to save</p>
    </div>
  );
}
