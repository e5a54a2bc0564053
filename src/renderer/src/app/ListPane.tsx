import type { ReactNode } from 'react';
import { ItemList } from '../features/library/ItemList';
import { ListHeader } from '../features/library/ListHeader';
import { emptyListMessage, locationTitle, type LibraryLocation } from '../features/library/library-location';
import type { ItemListData } from '../features/library/use-item-list';
import { SearchResults } from '../features/search/SearchResults';
import type { SearchControl } from '../features/search/use-search';
import { EmptyTrashButton } from '../features/trash/EmptyTrashButton';
import type { WorkspaceActions } from './use-search-actions';

interface ListPaneProps {
  location: LibraryLocation;
  list: ItemListData;
  search: SearchControl;
  actions: WorkspaceActions;
  openId: string | null;
  /** The handles on the pane's edges: the sidebar's width on the left, the list's on the right. */
  resizers?: ReactNode;
}

/** The middle pane: the search's results while the box holds a query, the library's list otherwise. */
export function ListPane({ location, list, search, actions, openId, resizers }: ListPaneProps) {
  if (search.active) {
    return (
      <section className="list-pane" aria-label="List">
        <SearchResults search={search} openId={openId} onOpen={actions.openHit} />
        {resizers}
      </section>
    );
  }
  const title = locationTitle(location);
  return (
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
        openId={openId}
        empty={emptyListMessage(location)}
        onOpen={actions.openAt}
      />
      {resizers}
    </section>
  );
}
