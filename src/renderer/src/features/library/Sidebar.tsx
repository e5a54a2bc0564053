import './sidebar.css';
import type { ReactNode } from 'react';
import type { LibraryInfo, ListView } from '@shared/types';
import { viewLabels, type LibraryLocation } from './library-location';

interface SidebarProps {
  location: LibraryLocation;
  counts: LibraryInfo['counts'] | null;
  newNoteShortcut: { label: string; aria: string };
  tags: ReactNode;
  onNavigate: (location: LibraryLocation) => void;
  onNewNote: () => void;
}

const views: { view: ListView; count: (counts: LibraryInfo['counts']) => number }[] = [
  { view: 'all', count: (counts) => counts.items },
  { view: 'notes', count: (counts) => counts.notes },
  { view: 'trash', count: (counts) => counts.trash },
];

/** The library's views with their counts, the New note action, and the tags. */
export function Sidebar({ location, counts, newNoteShortcut, tags, onNavigate, onNewNote }: SidebarProps) {
  return (
    <aside className="sidebar" data-area="sidebar" aria-label="Sidebar">
      <p className="sidebar__brand">Commonplace</p>
      <button
        type="button"
        className="button is-primary sidebar__new"
        aria-label="New note"
        aria-keyshortcuts={newNoteShortcut.aria}
        onClick={onNewNote}
      >
        <span>New note</span>
        <kbd>{newNoteShortcut.label}</kbd>
      </button>
      <nav aria-label="Library">
        <ul className="sidebar__list">
          {views.map(({ view, count }) => (
            <li key={view}>
              <button
                type="button"
                className="sidebar-item"
                aria-current={location.view === view && location.tag === null ? 'page' : undefined}
                onClick={() => onNavigate({ view, tag: null })}
              >
                <span className="sidebar-item__label">{viewLabels[view]}</span>
                {counts && <span className="sidebar-item__count">{count(counts)}</span>}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <section className="sidebar__section" aria-labelledby="sidebar-tags">
        <h2 id="sidebar-tags" className="sidebar__heading">
          Tags
        </h2>
        {tags}
      </section>
    </aside>
  );
}
