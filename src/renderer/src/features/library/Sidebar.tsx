import './sidebar.css';
import type { ReactNode } from 'react';
import type { LibraryInfo, ListView } from '@shared/types';
import type { ShortcutHint } from '../../commands/shortcuts';
import { viewLabels, type LibraryLocation } from './library-location';

interface SidebarProps {
  /** Where the list is; null while it shows search results. */
  location: LibraryLocation | null;
  counts: LibraryInfo['counts'] | null;
  shortcuts: { newNote: ShortcutHint; clip: ShortcutHint };
  search: ReactNode;
  tags: ReactNode;
  saved: ReactNode;
  /** Export… and Import… (features/transfer), at the bottom. */
  transfer?: ReactNode;
  /** Settings… (features/clipper), below Export… and Import…. */
  settings?: ReactNode;

  onNavigate: (location: LibraryLocation) => void;
  /** Every highlight, newest first; `highlightsShown` while that is what the list shows. */
  onShowHighlights: () => void;
  highlightsShown: boolean;
  onNewNote: () => void;
  onClip: () => void;
}

const views: { view: ListView; count: (counts: LibraryInfo['counts']) => number }[] = [
  { view: 'all', count: (counts) => counts.items },
  { view: 'clips', count: (counts) => counts.clips },
  { view: 'notes', count: (counts) => counts.notes },
  { view: 'trash', count: (counts) => counts.trash },
];

/** Search, the New note and Clip actions, the library's views with their counts, Highlights, tags and saved searches. */
export function Sidebar(props: SidebarProps) {
  const { location, counts, shortcuts, search, tags, saved, onNavigate, onNewNote, onClip } = props;
  const viewItem = ({ view, count }: (typeof views)[number]) => (
    <li key={view}>
      <button
        type="button"
        className="sidebar-item"
        aria-current={location?.view === view && location.tag === null ? 'page' : undefined}
        onClick={() => onNavigate({ view, tag: null })}
      >
        <span className="sidebar-item__label">{viewLabels[view]}</span>
        {counts && <span className="sidebar-item__count">{count(counts)}</span>}
      </button>
    </li>
  );
  return (
    <aside className="sidebar" data-area="sidebar" aria-label="Sidebar">
      <p className="sidebar__brand">Commonplace</p>
      {search}
      <div className="sidebar__actions">
        <button
          type="button"
          className="button is-primary sidebar__action"
          aria-label="New note"
          title={`New note (${shortcuts.newNote.label})`}
          aria-keyshortcuts={shortcuts.newNote.aria}
          onClick={onNewNote}
        >
          <span>New note</span>
          <kbd>{shortcuts.newNote.label}</kbd>
        </button>
        <button
          type="button"
          className="button sidebar__action"
          aria-label="Clip"
          title={`Clip a web page (${shortcuts.clip.label})`}
          aria-keyshortcuts={shortcuts.clip.aria}
          onClick={onClip}
        >
          <span>Clip</span>
          <kbd>{shortcuts.clip.label}</kbd>
        </button>
      </div>
      <nav aria-label="Library">
        <ul className="sidebar__list">
          {views.filter(({ view }) => view !== 'trash').map(viewItem)}
          <li>
            <button
              type="button"
              className="sidebar-item"
              aria-current={props.highlightsShown ? 'page' : undefined}
              onClick={props.onShowHighlights}
            >
              <span className="sidebar-item__label">Highlights</span>
            </button>
          </li>
          {views.filter(({ view }) => view === 'trash').map(viewItem)}
        </ul>
      </nav>
      <section className="sidebar__section" aria-labelledby="sidebar-tags">
        <h2 id="sidebar-tags" className="sidebar__heading">
          Tags
        </h2>
        {tags}
      </section>
      <section className="sidebar__section" aria-labelledby="sidebar-saved">
        <h2 id="sidebar-saved" className="sidebar__heading">
          Saved
        </h2>
        {saved}
      </section>
      {props.transfer}
      {props.settings}
    </aside>
  );
}
