import { useCallback, useState, type CSSProperties } from 'react';
import { commands, type CommandContext } from '../commands';
import { clipPage } from '../commands/clip-page';
import { focusSearch } from '../commands/focus-search';
import { newNote } from '../commands/new-note';
import { shortcutHint } from '../commands/shortcuts';
import { moveToTrash } from '../commands/trash-item';
import { useKeyboard } from '../commands/use-keyboard';
import { Sidebar } from '../features/library/Sidebar';
import { startLocation } from '../features/library/library-location';
import { useItemList } from '../features/library/use-item-list';
import { useLibraryInfo } from '../features/library/use-library-info';
import { ClipDialog } from '../features/clip/ClipDialog';
import { useClipper } from '../features/clip/use-clipper';
import { PairingPrompt } from '../features/clipper/PairingPrompt';
import { SettingsButton } from '../features/clipper/SettingsButton';
import { SettingsDialog } from '../features/clipper/SettingsDialog';
import { openSettings } from '../features/clipper/settings-store';
import { useReceivedClip } from '../features/clipper/use-received-clip';
import { SaveSearchDialog } from '../features/search/SaveSearchDialog';
import { SavedSearches } from '../features/search/SavedSearches';
import { isHighlightsQuery } from '../features/search/highlights-view';
import { SearchBox } from '../features/search/SearchBox';
import { hitRowId } from '../features/search/SearchResults';
import { useSavedSearches } from '../features/search/use-saved-searches';
import { useSearch } from '../features/search/use-search';
import { TagTree } from '../features/tags/TagTree';
import { useTags } from '../features/tags/use-tags';
import { useTrashActions } from '../features/trash/use-trash-actions';
import { TransferButtons } from '../features/transfer/TransferButtons';
import { TransferDialogs } from '../features/transfer/TransferDialogs';
import { useTransferCommands } from '../features/transfer/use-transfer-commands';
import { CommandPalette } from '../features/palette/CommandPalette';
import { PaneResizer } from '../features/layout/PaneResizer';
import { PANE_LIMITS, usePaneWidths } from '../features/layout/pane-widths';
import { sidebarShown } from '../features/layout/sidebar-shown';
import { toggleSidebar } from '../commands/toggle-sidebar';
import { DetailPane } from './DetailPane';
import { ListPane } from './ListPane';
import { NoticeBar } from './NoticeBar';
import { useDetail } from './use-detail';
import { useLiveUpdates } from './use-live-updates';
import { useRefresh } from './use-refresh';
import { useSearchActions } from './use-search-actions';
import { useWorkspaceActions } from './use-workspace-actions';

const shortcuts = {
  newNote: shortcutHint(newNote.shortcut),
  clip: shortcutHint(clipPage.shortcut),
  trash: shortcutHint(moveToTrash.shortcut),
  search: shortcutHint(focusSearch.shortcut),
};

/** The three panes, wired to the features and the keyboard. */
export function Workspace() {
  const { revision, changed } = useRefresh();
  const [location, setLocation] = useState(startLocation);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [savingQuery, setSavingQuery] = useState<string | null>(null);
  const info = useLibraryInfo(revision);
  const tagTree = useTags(revision) ?? [];
  const list = useItemList(location, revision);
  const search = useSearch(revision);
  const saved = useSavedSearches(revision);
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

  // Clipper hook-up: a page sent by the bookmarklet to `#receive-clip` (features/clipper).
  const received = useReceivedClip(clipper.openDialog);

  const library = useWorkspaceActions({
    location,
    setLocation,
    list,
    selectedId,
    setSelectedId,
    detail,
    trash,
    openClipDialog: clipper.openDialog,
  });
  const actions = useSearchActions({ library, search, detail, setLocation });
  // Transfer hook-up: export, import, Copy as Markdown and Cite (features/transfer).
  const transfer = useTransferCommands({
    openId: detail.openId,
    readOpen: detail.current,
    picked: list.marked,
    tag: location.tag,
    query: search.active ? search.query : null,
    flush: detail.editor.flush,
  });
  // The command palette: every command that can run where the person is (features/palette).
  const [paletteContext, setPaletteContext] = useState<CommandContext | null>(null);
  useKeyboard(commands, () => ({
    ...actions.readContext(),
    transfer,
    openSettings,
    openPalette: setPaletteContext,
  }));

  // Pane widths dragged on their edges (features/layout); the layout's own until then.
  const panes = usePaneWidths();
  const sidebarPane = useCallback(() => document.querySelector<HTMLElement>('.workspace > .sidebar'), []);
  const listPane = useCallback(() => document.querySelector<HTMLElement>('.workspace > .list-pane'), []);
  const paneStyle = {
    ...(panes.widths.sidebar === null ? {} : { '--sidebar-width': `${panes.widths.sidebar}px` }),
    ...(panes.widths.list === null ? {} : { '--list-width': `${panes.widths.list}px` }),
  } as CSSProperties;

  const libraryEmpty = info !== null && info.counts.items === 0 && info.counts.trash === 0;
  const opened = actions.opened?.id === detail.openId ? actions.opened : null;

  return (
    <div className="workspace" data-showing={detail.openId ? 'note' : 'list'} style={paneStyle}>
      <Sidebar
        location={search.active ? null : location}
        counts={info?.counts ?? null}
        shortcuts={shortcuts}
        onNavigate={actions.navigate}
        onShowHighlights={actions.showHighlights}
        highlightsShown={search.active && isHighlightsQuery(search.query)}
        onNewNote={actions.newNote}
        onClip={clipper.openDialog}
        search={
          <SearchBox
            query={search.query}
            shortcut={shortcuts.search}
            activeResult={search.selectedIndex === null ? null : hitRowId(search.selectedIndex)}
            onChange={actions.changeQuery}
            onStep={actions.stepResults}
            onOpen={actions.openFromBox}
            onSave={() => setSavingQuery(search.query.trim())}
          />
        }
        tags={
          <TagTree
            nodes={tagTree}
            selected={search.active ? null : location.tag}
            onSelect={(tag) => actions.navigate({ view: 'all', tag })}
          />
        }
        saved={
          <SavedSearches
            searches={saved.searches}
            current={search.query}
            onRun={actions.runSaved}
            onRemove={saved.remove}
          />
        }
        transfer={<TransferButtons transfer={transfer} />}
        settings={<SettingsButton />}
      />
      <ListPane
        location={location}
        list={list}
        search={search}
        actions={actions}
        openId={detail.openId}
        resizers={
          <>
            <button
              type="button"
              className="button is-quiet show-sidebar"
              aria-label="Show the sidebar"
              title={`Show the sidebar (${shortcutHint(toggleSidebar.shortcut).label})`}
              onClick={() => sidebarShown.set('shown')}
            >
              »
            </button>
            <PaneResizer
              label="Resize the sidebar"
              pane={sidebarPane}
              edge="start"
              {...PANE_LIMITS.sidebar}
              onResize={(width) => panes.setWidth('sidebar', width)}
              onReset={() => panes.setWidth('sidebar', null)}
            />
            <PaneResizer
              label="Resize the list"
              pane={listPane}
              edge="end"
              {...PANE_LIMITS.list}
              onResize={(width) => panes.setWidth('list', width)}
              onReset={() => panes.setWidth('list', null)}
            />
          </>
        }
      />
      <DetailPane
        detail={detail}
        clipper={clipper}
        matches={opened?.words ?? null}
        highlightId={opened?.highlightId ?? null}
        libraryEmpty={libraryEmpty}
        shortcuts={shortcuts}
        onNewNote={actions.newNote}
        onTrash={actions.trashOpen}
        onRestore={actions.restoreOpen}
        onBack={actions.backToList}
      />
      <ClipDialog clipper={clipper} prefill={received.page} onPrefilled={received.taken} />
      <SaveSearchDialog query={savingQuery} onSave={saved.save} onClose={() => setSavingQuery(null)} />
      <TransferDialogs beforeExport={detail.editor.flush} />
      <SettingsDialog />
      <CommandPalette context={paletteContext} commands={commands} onClose={() => setPaletteContext(null)} />
      <PairingPrompt />
      <NoticeBar />
    </div>
  );
}
