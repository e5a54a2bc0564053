import { useMemo, useState } from 'react';
import { commands } from '../commands';
import { clipPage } from '../commands/clip-page';
import { newNote } from '../commands/new-note';
import { shortcutHint } from '../commands/shortcuts';
import { moveToTrash } from '../commands/trash-item';
import { useKeyboard } from '../commands/use-keyboard';
import { ItemList } from '../features/library/ItemList';
import { ListHeader } from '../features/library/ListHeader';
import { Sidebar } from '../features/library/Sidebar';
import { emptyListMessage, locationTitle, startLocation } from '../features/library/library-location';
import { useItemList } from '../features/library/use-item-list';
import { useLibraryInfo } from '../features/library/use-library-info';
import { ClipDialog } from '../features/clip/ClipDialog';
import { useClipper } from '../features/clip/use-clipper';
import { TagTree } from '../features/tags/TagTree';
import { buildTagTree } from '../features/tags/tag-tree';
import { useTags } from '../features/tags/use-tags';
import { EmptyTrashButton } from '../features/trash/EmptyTrashButton';
import { useTrashActions } from '../features/trash/use-trash-actions';
import { DetailPane } from './DetailPane';
import { NoticeBar } from './NoticeBar';
import { useDetail } from './use-detail';
import { useLiveUpdates } from './use-live-updates';
import { useRefresh } from './use-refresh';
import { useWorkspaceActions } from './use-workspace-actions';

const shortcuts = {
  newNote: shortcutHint(newNote.shortcut),
  clip: shortcutHint(clipPage.shortcut),
  trash: shortcutHint(moveToTrash.shortcut),
};

/** The three panes, wired to the features and the keyboard. */
export function Workspace() {
  const { revision, changed } = useRefresh();
  const [location, setLocation] = useState(startLocation);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const info = useLibraryInfo(revision);
  const tags = useTags(revision);
  const tagTree = useMemo(() => buildTagTree(tags ?? []), [tags]);
  const list = useItemList(location, revision);
  const detail = useDetail((item) => changed(item.rev));
  const trash = useTrashActions(changed);
  useLiveUpdates(changed, detail);
  const clipper = useClipper({
    openId: detail.openId,
    // Called once a clip arrives, long after `actions` below exists.
    onClipped: (clip) => {
      changed(clip.rev);
      actions.showClip(clip);
    },
  });

  const actions = useWorkspaceActions({
    location,
    setLocation,
    list,
    selectedId,
    setSelectedId,
    detail,
    trash,
    openClipDialog: clipper.openDialog,
  });
  useKeyboard(commands, actions.readContext);

  const title = locationTitle(location);
  const libraryEmpty = info !== null && info.counts.items === 0 && info.counts.trash === 0;

  return (
    <div className="workspace" data-showing={detail.openId ? 'note' : 'list'}>
      <Sidebar
        location={location}
        counts={info?.counts ?? null}
        shortcuts={shortcuts}
        onNavigate={setLocation}
        onNewNote={actions.newNote}
        onClip={clipper.openDialog}
        tags={
          <TagTree
            nodes={tagTree}
            selected={location.tag}
            onSelect={(tag) => setLocation({ view: 'all', tag })}
          />
        }
      />
      <section className="list-pane" aria-label="List">
        <ListHeader
          title={title}
          view={location.view}
          total={list.total}
          actions={
            location.view === 'trash' ? (
              <EmptyTrashButton count={list.total ?? 0} onEmpty={actions.emptyTrash} />
            ) : null
          }
        />
        <ItemList
          key={`${location.view}:${location.tag ?? ''}`}
          data={list}
          label={title}
          selectedIndex={actions.selectedIndex === -1 ? null : actions.selectedIndex}
          openId={detail.openId}
          empty={emptyListMessage(location)}
          onOpen={actions.openAt}
        />
      </section>
      <DetailPane
        detail={detail}
        clipper={clipper}
        libraryEmpty={libraryEmpty}
        shortcuts={shortcuts}
        onNewNote={actions.newNote}
        onTrash={actions.trashOpen}
        onRestore={actions.restoreOpen}
        onBack={actions.backToList}
      />
      <ClipDialog clipper={clipper} />
      <NoticeBar />
    </div>
  );
}
