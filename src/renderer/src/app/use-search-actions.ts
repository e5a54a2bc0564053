import { useMemo, useState } from 'react';
import type { SavedSearch } from '@shared/types';
import type { CommandActions, CommandContext } from '../commands';
import type { LibraryLocation } from '../features/library/library-location';
import type { EditorField } from '../features/notes/use-note-editor';
import { sidebarHidden, sidebarShown } from '../features/layout/sidebar-shown';
import { HIGHLIGHTS_QUERY } from '../features/search/highlights-view';
import type { SearchControl } from '../features/search/use-search';
import { activeArea, focusNow, focusSoon, focusTargets } from '../lib/focus';
import { isSinglePane } from '../lib/single-pane';
import type { DetailControl } from './use-detail';
import type { LibraryActions } from './use-workspace-actions';

/** The words to mark in the item that was opened from a search. */
export interface OpenedMatches {
  id: string;
  words: readonly string[];
  /** Opened from a highlight's hit: the highlight to show. */
  highlightId?: string;
}

export interface WorkspaceActions extends CommandActions, Omit<LibraryActions, 'readContext'> {
  /** The words to mark in the open item, while it is the one opened from the results. */
  opened: OpenedMatches | null;
  changeQuery: (query: string) => void;
  openHit: (index: number) => void;
  /** ↓ / ↑ in the search box: move through the results while typing goes on. */
  stepResults: (step: 1 | -1) => void;
  /** Enter in the search box: open the selected result (or the first) and go to the results. */
  openFromBox: () => void;
  runSaved: (saved: SavedSearch) => void;
  /** Leaves the search, if any, and shows a place in the library. */
  navigate: (location: LibraryLocation) => void;
  readContext: () => Omit<CommandContext, 'area' | 'typing'>;
}

interface SearchParts {
  library: LibraryActions;
  search: SearchControl;
  detail: DetailControl;
  setLocation: (location: LibraryLocation) => void;
}

const searchBoxFocused = (): boolean => document.activeElement?.id === focusTargets.search;

/**
 * While the search box holds a query the list pane shows its results: the list keys, Enter and
 * Mod+Backspace act on the results, and an item opened from them shows its matches.
 */
export function useSearchActions({ library, search, detail, setLocation }: SearchParts): WorkspaceActions {
  const [opened, setOpened] = useState<OpenedMatches | null>(null);

  return useMemo(() => {
    const { active, result, selectedIndex } = search;
    const hits = active ? (result?.hits ?? []) : [];
    const selected = selectedIndex === null ? undefined : hits[selectedIndex];

    const openHit = (index: number, focus?: EditorField): void => {
      const hit = hits[index];
      if (!hit) return;
      search.select(index);
      setOpened({ id: hit.id, words: hit.matches, highlightId: hit.highlightId });
      void detail.show(hit.id, focus);
    };
    const step = (by: 1 | -1): void => {
      if (hits.length === 0) return;
      const from = selectedIndex ?? (by === 1 ? -1 : 0);
      search.select(Math.min(Math.max(from + by, 0), hits.length - 1));
    };
    const stepInList = (by: 1 | -1): void => {
      step(by);
      if (activeArea() !== 'list') focusNow(focusTargets.list);
    };
    // A highlight's hit opens its clip; trashing from the results means the note or clip itself.
    const trashTarget = (): { id: string; title: string } | null => {
      const open = detail.current();
      if (selected && selected.type !== 'highlight' && (activeArea() === 'list' || !open)) return selected;
      return open;
    };
    const leave = (): void => {
      search.clear();
      setOpened(null);
    };

    const actions: WorkspaceActions = {
      ...library,
      opened,
      changeQuery: (query) => {
        if (query.trim() === '') setOpened(null);
        search.setQuery(query);
      },
      openHit,
      stepResults: step,
      openFromBox: () => {
        if (hits.length === 0) return;
        openHit(selectedIndex ?? 0);
        focusNow(focusTargets.list);
      },
      runSaved: (saved) => {
        setOpened(null);
        search.run(saved.query);
      },
      showHighlights: () => {
        setOpened(null);
        search.run(HIGHLIGHTS_QUERY);
      },
      navigate: (location) => {
        if (active) leave();
        setLocation(location);
      },
      openAt: (index) => {
        setOpened(null);
        library.openAt(index);
      },
      selectNext: () => (active ? stepInList(1) : library.selectNext()),
      selectPrevious: () => (active ? stepInList(-1) : library.selectPrevious()),
      openSelected: () => (active ? openHit(selectedIndex ?? -1, 'body') : library.openSelected()),
      trashCurrent: () => {
        if (!active) return library.trashCurrent();
        const target = trashTarget();
        if (target) library.trashItem(target);
      },
      focusSearch: () => {
        // The box is in the sidebar: show it first.
        if (sidebarHidden()) {
          sidebarShown.set('shown');
          focusSoon(focusTargets.search);
          return;
        }
        // In a one-pane window the sidebar shows only once the open item is closed.
        if (isSinglePane() && detail.openId) {
          void detail.close().then((closed) => closed && focusSoon(focusTargets.search));
          return;
        }
        const box = document.getElementById(focusTargets.search);
        if (!(box instanceof HTMLInputElement)) return;
        box.focus();
        box.select();
      },
      leaveSearch: () => {
        leave();
        focusSoon(focusTargets.list);
      },
      readContext: () => {
        const base = library.readContext();
        const searching = active || searchBoxFocused();
        if (!active) return { ...base, searching, actions };
        const hasTrashTarget = trashTarget() !== null;
        return { ...base, searching, hasSelection: selected !== undefined, hasTrashTarget, actions };
      },
    };
    return actions;
  }, [library, search, detail, setLocation, opened]);
}
