import './saved-searches.css';
import type { SavedSearch } from '@shared/types';
import type { SavedSearchCount } from './use-saved-searches';

interface SavedSearchesProps {
  searches: SavedSearchCount[] | null;
  /** The query being shown, to mark the saved search it came from. */
  current: string;
  onRun: (saved: SavedSearch) => void;
  onRemove: (saved: SavedSearch) => void;
}

/** The sidebar's saved searches: each runs on click, shows how many items match it now, and can go. */
export function SavedSearches({ searches, current, onRun, onRemove }: SavedSearchesProps) {
  if (searches === null) return null;
  if (searches.length === 0) {
    return <p className="sidebar__quiet">Save a search to keep it here.</p>;
  }
  return (
    <ul className="sidebar__list">
      {searches.map(({ saved, count }) => (
        <li key={saved.id} className="saved-search">
          <button
            type="button"
            className="sidebar-item"
            aria-current={current.trim() === saved.query ? 'page' : undefined}
            title={saved.query}
            onClick={() => onRun(saved)}
          >
            <span className="sidebar-item__label">{saved.name}</span>
            {count !== null && <span className="sidebar-item__count">{count.toLocaleString()}</span>}
          </button>
          <button
            type="button"
            className="saved-search__remove"
            aria-label={`Remove saved search ${saved.name}`}
            title="Remove"
            onClick={() => onRemove(saved)}
          >
            <span aria-hidden="true">×</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
