import { useCallback, useMemo } from 'react';
import type { CommandActions, CommandContext } from '../commands';
import { activeArea, focusNow, focusSoon, focusTargets } from '../lib/focus';
import { isSinglePane } from '../lib/single-pane';
import { reportError } from '../lib/notice-store';
import { startLocation, type LibraryLocation } from '../features/library/library-location';
import type { ItemListData } from '../features/library/use-item-list';
import type { NoteEditorControl } from '../features/notes/use-note-editor';
import type { TrashActions } from '../features/trash/use-trash-actions';

interface WorkspaceParts {
  location: LibraryLocation;
  setLocation: (location: LibraryLocation) => void;
  list: ItemListData;
  selectedId: string | null;
  setSelectedId: (id: string | null) => void;
  editor: NoteEditorControl;
  trash: TrashActions;
}

export interface WorkspaceActions extends CommandActions {
  selectedIndex: number;
  openAt: (index: number) => void;
  trashOpen: () => void;
  restoreOpen: () => void;
  /** Closes the note to show the list (narrow windows show one pane at a time). */
  backToList: () => void;
  emptyTrash: () => void;
  readContext: () => Omit<CommandContext, 'area' | 'typing'>;
}

/** What the panes and the commands do, in terms of the features' own actions. */
export function useWorkspaceActions(parts: WorkspaceParts): WorkspaceActions {
  const { location, setLocation, list, selectedId, setSelectedId, editor, trash } = parts;
  const { draft } = editor;
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
    if (draft && (activeArea() !== 'list' || !selected))
      return { id: draft.id, title: draft.getSnapshot().title };
    return selected ?? null;
  }, [list, selectedIndex, draft]);

  const trashItem = useCallback(
    async (target: { id: string; title: string } | null) => {
      if (!target) return;
      const index = list.indexOf(target.id);
      const neighbour = index === -1 ? undefined : (list.itemAt(index + 1) ?? list.itemAt(index - 1));
      if (draft?.id === target.id && !(await editor.close())) return;
      if (await trash.moveToTrash(target)) setSelectedId(neighbour?.id ?? null);
    },
    [list, draft, editor, trash, setSelectedId],
  );

  return useMemo(() => {
    const actions: WorkspaceActions = {
      selectedIndex,
      newNote: () => {
        const inTrash = location.view === 'trash';
        if (inTrash) setLocation(startLocation);
        const tags = !inTrash && location.tag ? [location.tag] : [];
        void editor.create(tags).then((id) => id && setSelectedId(id));
      },
      selectNext: () =>
        selectAt(selectedIndex === -1 ? 0 : Math.min(selectedIndex + 1, (list.total ?? 1) - 1)),
      selectPrevious: () => selectAt(selectedIndex === -1 ? 0 : Math.max(selectedIndex - 1, 0)),
      openSelected: () => {
        const item = list.itemAt(selectedIndex);
        if (item) void editor.open(item.id, 'body');
      },
      openAt: (index) => {
        const item = list.itemAt(index);
        if (!item) return;
        setSelectedId(item.id);
        void editor.open(item.id);
      },
      trashCurrent: () => void trashItem(trashTarget()),
      trashOpen: () => void trashItem(draft ? { id: draft.id, title: draft.getSnapshot().title } : null),
      undoTrash: () => void trash.undo(),
      restoreOpen: () => {
        if (!draft) return;
        void trash.restore(draft.id).then(async (restored) => {
          if (restored) await draft.reload().catch(reportError);
        });
      },
      emptyTrash: () => {
        const openTrashed = draft?.getSnapshot().note.deleted;
        void (openTrashed ? editor.close() : Promise.resolve(true)).then(() => trash.emptyTrash());
      },
      leaveEditor: () => {
        // In one-pane windows the list appears only once the note is closed.
        if (!isSinglePane()) return focusNow(focusTargets.list);
        void editor.close().then((closed) => closed && focusSoon(focusTargets.list));
      },
      backToList: () => {
        void editor.close().then((closed) => closed && focusSoon(focusTargets.list));
      },
      readContext: () => ({
        view: location.view,
        hasSelection: selectedIndex !== -1,
        hasTrashTarget: trashTarget() !== null,
        canUndoTrash: trash.lastTrashed !== null,
        actions,
      }),
    };
    return actions;
  }, [
    location,
    setLocation,
    list,
    selectedIndex,
    setSelectedId,
    editor,
    trash,
    draft,
    selectAt,
    trashItem,
    trashTarget,
  ]);
}
