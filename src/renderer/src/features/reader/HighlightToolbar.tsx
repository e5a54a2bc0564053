import type { HighlightColor } from '@shared/types';
import { ColorPicker } from './ColorPicker';
import type { TextSelection } from './use-text-selection';

interface HighlightToolbarProps {
  selection: TextSelection;
  shortcutColor: HighlightColor;
  onHighlight: (color: HighlightColor) => void;
  onComment: () => void;
  onCopyQuote: () => void;
  onQuoteIntoNote: () => void;
}

/** Shown over a selection in the article: highlight it, comment on it, copy it, quote it into a note. */
export function HighlightToolbar(props: HighlightToolbarProps) {
  const { selection, shortcutColor } = props;
  return (
    <div
      className={selection.below ? 'hl-toolbar is-below' : 'hl-toolbar'}
      role="toolbar"
      aria-label="Selection"
      style={{ top: selection.top, left: selection.left }}
      // Keeps the selection on the page while a button is pressed.
      onMouseDown={(event) => event.preventDefault()}
    >
      <ColorPicker shortcutColor={shortcutColor} onPick={props.onHighlight} />
      <span className="hl-toolbar__divider" aria-hidden="true" />
      <button type="button" className="hl-toolbar__button" onClick={props.onComment}>
        Comment
      </button>
      <button type="button" className="hl-toolbar__button" onClick={props.onCopyQuote}>
        Copy as quote
      </button>
      <button type="button" className="hl-toolbar__button" onClick={props.onQuoteIntoNote}>
        Quote into note
      </button>
    </div>
  );
}
