import type { Highlight } from '@shared/types';
import { shortQuote } from './highlight-text';

interface HighlightListProps {
  highlights: readonly Highlight[];
  /** The ids painted in the article; the others are listed as orphaned. */
  placed: ReadonlySet<string>;
  readOnly: boolean;
  onJump: (id: string) => void;
  onMakeNote: (highlight: Highlight) => void;
  onCopyLink: (highlight: Highlight) => void;
  onRemove: (id: string) => void;
}

interface EntryProps extends Omit<HighlightListProps, 'highlights' | 'placed'> {
  highlight: Highlight;
  orphaned: boolean;
}

function Entry({ highlight, orphaned, readOnly, onJump, onMakeNote, onCopyLink, onRemove }: EntryProps) {
  const quote = shortQuote(highlight.anchor.quote);
  return (
    <li className={`hl-entry hl-entry--${highlight.color}`}>
      <span className="visually-hidden">{highlight.color}: </span>
      {orphaned ? (
        <p className="hl-entry__quote">{quote}</p>
      ) : (
        <button type="button" className="hl-entry__quote" onClick={() => onJump(highlight.id)}>
          {quote}
        </button>
      )}
      {highlight.comment.trim() && <p className="hl-entry__comment">{highlight.comment}</p>}
      {!readOnly && (
        <div className="hl-entry__actions">
          <button type="button" className="hl-entry__action" onClick={() => onMakeNote(highlight)}>
            Make note
          </button>
          <button type="button" className="hl-entry__action" onClick={() => onCopyLink(highlight)}>
            Copy link
          </button>
          {orphaned && (
            <button type="button" className="hl-entry__action" onClick={() => onRemove(highlight.id)}>
              Remove
            </button>
          )}
        </div>
      )}
    </li>
  );
}

/** The clip's highlights beside the article, in text order; those it lost, under "Orphaned". */
export function HighlightList({ highlights, placed, ...actions }: HighlightListProps) {
  const found = highlights.filter((h) => placed.has(h.id));
  const orphaned = highlights.filter((h) => !placed.has(h.id));
  return (
    <section className="hl-list" aria-label="Highlights">
      <h2 className="reader-panel__heading">
        Highlights {highlights.length > 0 && <span className="reader-panel__count">{highlights.length}</span>}
      </h2>
      {highlights.length === 0 && (
        <p className="reader-panel__empty">
          {actions.readOnly ? 'None.' : 'Select text in the article to highlight it (H).'}
        </p>
      )}
      {found.length > 0 && (
        <ul className="hl-list__items">
          {found.map((h) => (
            <Entry key={h.id} highlight={h} orphaned={false} {...actions} />
          ))}
        </ul>
      )}
      {orphaned.length > 0 && (
        <section className="hl-list__orphaned" aria-label="Orphaned">
          <h3 className="hl-list__subheading">Orphaned</h3>
          <p className="reader-panel__empty">No longer found in the article; kept with their quotes.</p>
          <ul className="hl-list__items">
            {orphaned.map((h) => (
              <Entry key={h.id} highlight={h} orphaned {...actions} />
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
