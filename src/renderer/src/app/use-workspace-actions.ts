import { useCallback, useMemo } from 'react';
import { tagIsWithin } from '@shared/tags';
import type { Clip } from '@shared/types';
import type { CommandActions, CommandContext } from '../commands';
import { activeArea, focusNow, focusSoon, focusTargets } from '../lib/focus';
import { isSinglePane } from '../lib/single-pane';
import { reportError } from '../lib/notice-store';
import { startLocation, type LibraryLocation } from '../features/library/library-location';
import type { ItemListData } from '../features/library/use-item-list';
import type { TrashActions } from '../features/trash/use-trash-actions';
import type { DetailControl } from './use-detail';

interface WorkspaceParts {
  location: LibraryLocation;
  setLocation: (location: LibraryLocation) => void;
  list: ItemListData;
  selectedId: string | null;
  setSelectedId: (id: string | null) => void;
  detail: DetailControl;
  trash: TrashActions;
  openClipDialog: () => void;
}

/** What the library list and the detail pane do; search adds its own on top (use-search-actions.ts). */
export interface LibraryActions extends Omit<
  CommandActions,
  'focusSearch' | 'leaveSearch' | 'showHighlights'
> {
  selectedIndex: number;
  openAt: (index: number) => void;
  trashOpen: () => void;
  restoreOpen: () => void;
  /** Closes the note to show the list (narrow windows show one pane at a time). */
  backToList: () => void;
  emptyTrash: () => void;
  /** A clip was made (or found): show it in the list and open it in the reader. */
  showClip: (clip: Clip) => void;
  /** Moves an item to the trash (closing it if open) and selects its neighbour in the list. */
  trashItem: (target: { id: string; title: string }) => void;
  readContext: () => Omit<CommandContext, 'area' | 'typing' | 'searching' | 'actions'>;
}

/** What the panes and the commands do, in terms of the features' own actions. */
export function useWorkspaceActions(parts: WorkspaceParts): LibraryActions {
  const { location, setLocation, list, selectedId, setSelectedId, detail, trash, openClipDialog } = parts;
  const selectedIndex = selectedId === null ? -1 : list.indexOf(selectedId);

  const selectAt = useCallback(
    (index: number) => {
      const item = list.itemAt(index);
      if (!item) return;
      setSelectedId(item.id);
      if (activeArea() !== 'list') focusNow(focusTargets.list);
    },
    [list, setSelectedId],
  );

  const trashTarget = useCallback(() => {
    const selected = selectedIndex === -1 ? undefined : list.itemAt(selectedIndex);
    const open = detail.current();
    if (open && (activeArea() !== 'list' || !selected)) return open;
    return selected ?? null;
  }, [list, selectedIndex, detail]);

  const trashItem = useCallback(
    async (target: { id: string; title: string } | null) => {
      if (!target) return;
      const index = list.indexOf(target.id);
      const neighbour = index === -1 ? undefined : (list.itemAt(index + 1) ?? list.itemAt(index - 1));
      if (detail.openId === target.id && !(await detail.close())) return;
      if (await trash.moveToTrash(target)) setSelectedId(neighbour?.id ?? null);
    },
    [list, detail, trash, setSelectedId],
  );

  return useMemo(
    (): LibraryActions => ({
      selectedIndex,
      newNote: () => {
        const inTrash = location.view === 'trash';
        if (inTrash) setLocation(startLocation);
        else if (location.view === 'clips') setLocation({ view: 'all', tag: location.tag });
        const tags = !inTrash && location.tag ? [location.tag] : [];
        void detail.create(tags).then((id) => id && setSelectedId(id));
      },
      clipPage: openClipDialog,
      showClip: (clip) => {
        const { view, tag } = location;
        const listed =
          (view === 'all' || view === 'clips') && (!tag || clip.tags.some((t) => tagIsWithin(t, tag)));
        if (!listed) setLocation(startLocation);
        setSelectedId(clip.id);
        void detail.show(clip);
      },
      selectNext: () =>
        selectAt(selectedIndex === -1 ? 0 : Math.min(selectedIndex + 1, (list.total ?? 1) - 1)),
      selectPrevious: () => selectAt(selectedIndex === -1 ? 0 : Math.max(selectedIndex - 1, 0)),
      openSelected: () => {
        const item = list.itemAt(selectedIndex);
        if (item) void detail.show(item.id, 'body');
      },
      openAt: (index) => {
        const item = list.itemAt(index);
        if (!item) return;
        setSelectedId(item.id);
        void detail.show(item.id);
      },
      trashCurrent: () => void trashItem(trashTarget()),
      trashOpen: () => void trashItem(detail.current()),
      trashItem: (target) => void trashItem(target),
      undoTrash: () => void trash.undo(),
      restoreOpen: () => {
        const open = detail.current();
        if (!open) return;
        void trash.restore(open.id).then(async (restored) => {
          if (restored) await detail.reload().catch(reportError);
        });
      },
      emptyTrash: () => {
        const openTrashed = detail.current()?.deleted;
        void (openTrashed ? detail.close() : Promise.resolve(true)).then(() => trash.emptyTrash());
      },
      leaveEditor: () => {
        // In one-pane windows the list appears only once the note is closed.
        if (!isSinglePane()) return focusNow(focusTargets.list);
        void detail.close().then((closed) => closed && focusSoon(focusTargets.list));
      },
      backToList: () => {
        void detail.close().then((closed) => closed && focusSoon(focusTargets.list));
      },
      readContext: () => ({
        view: location.view,
        hasSelection: selectedIndex !== -1,
        hasTrashTarget: trashTarget() !== null,
        canUndoTrash: trash.lastTrashed !== null,
      }),
    }),
    [
      location,
      setLocation,
      list,
      selectedIndex,
      setSelectedId,
      detail,
      trash,
      openClipDialog,
      selectAt,
      trashItem,
      trashTarget,
    ],
  );
}
