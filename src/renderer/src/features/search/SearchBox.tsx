import './search.css';
import type { KeyboardEvent } from 'react';
import type { ShortcutHint } from '../../commands/shortcuts';
import { focusTargets } from '../../lib/focus';

interface SearchBoxProps {
  query: string;
  shortcut: ShortcutHint;
  /** The id of the selected result, for screen readers (focus stays in the box). */
  activeResult: string | null;
  onChange: (query: string) => void;
  /** ↓ / ↑ in the box move through the results. */
  onStep: (step: 1 | -1) => void;
  /** Enter opens the selected result (or the first). */
  onOpen: () => void;
  onSave: () => void;
}

/** The sidebar's search box, and Save search while it holds a query. Esc is the keyboard map's. */
export function SearchBox({
  query,
  shortcut,
  activeResult,
  onChange,
  onStep,
  onOpen,
  onSave,
}: SearchBoxProps) {
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.nativeEvent.isComposing) return;
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step !== 0) onStep(step);
    else if (event.key === 'Enter') onOpen();
    else return;
    event.preventDefault();
  };

  return (
    <div className="search-box" role="search">
      <div className="search-box__field">
        <svg className="search-box__icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
          <path d="M10.5 10.5l3.5 3.5" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
        </svg>
        <input
          id={focusTargets.search}
          className="search-box__input"
          type="search"
          aria-label="Search"
          placeholder="Search"
          title={`Search (${shortcut.label} or /)`}
          aria-keyshortcuts={`${shortcut.aria} /`}
          aria-controls={query.trim() ? focusTargets.list : undefined}
          aria-activedescendant={activeResult ?? undefined}
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={onKeyDown}
        />
        {!query && <kbd className="search-box__key">{shortcut.label}</kbd>}
      </div>
      {query.trim() && (
        <button
          type="button"
          className="button search-box__save"
          aria-label="Save search"
          title="Save search (keeps it in the sidebar)"
          onClick={onSave}
        >
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <path
              d="M4 2.25h8v11.5l-4-3-4 3z"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.4"
              strokeLinejoin="round"
            />
          </svg>
        </button>
      )}
    </div>
  );
}
