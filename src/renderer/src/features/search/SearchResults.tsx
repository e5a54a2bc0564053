import './search.css';
import { useEffect, useRef } from 'react';
import { focusTargets } from '../../lib/focus';
import { isHighlightsQuery } from './highlights-view';
import { NothingFound } from './NothingFound';
import { SearchHitRow } from './SearchHitRow';
import { hitKey, type SearchControl } from './use-search';

interface SearchResultsProps {
  search: SearchControl;
  openId: string | null;
  onOpen: (index: number) => void;
}

export const hitRowId = (index: number): string => `search-hit-${index}`;

const plural = (count: number, one: string, many: string): string =>
  `${count.toLocaleString()} ${count === 1 ? one : many}`;

/** The list pane while searching: how many match, the index's progress, and the hits, best first. */
export function SearchResults({ search, openId, onOpen }: SearchResultsProps) {
  const { result, failure, indexing, selectedIndex, query } = search;
  const list = useRef<HTMLDivElement>(null);
  const hits = result?.hits ?? [];
  // The Highlights view (every highlight, newest first) is this search.
  const highlights = isHighlightsQuery(query);

  // Keep the selected hit in view when the keyboard moves it.
  useEffect(() => {
    if (selectedIndex === null) return;
    list.current?.querySelector(`#${hitRowId(selectedIndex)}`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedIndex]);

  return (
    <>
      <header className="list-header">
        <div className="list-header__text">
          <h1 className="list-header__title">{highlights ? 'Highlights' : 'Search'}</h1>
          <p className="list-header__count" role="status">
            {failure
              ? 'No answer'
              : result
                ? highlights
                  ? plural(result.total, 'highlight', 'highlights')
                  : plural(result.total, 'result', 'results')
                : 'Searching…'}
          </p>
          {indexing && (
            <p className="search-indexing">
              Still indexing… ({indexing.done.toLocaleString()}/{indexing.total.toLocaleString()})
            </p>
          )}
        </div>
      </header>
      <div className="item-list-frame">
        <div ref={list} className="search-results">
          <div
            id={focusTargets.list}
            className="search-results__list"
            data-area="list"
            role="listbox"
            aria-label="Search results"
            tabIndex={0}
            aria-activedescendant={selectedIndex === null ? undefined : hitRowId(selectedIndex)}
          >
            {hits.map((hit, index) => (
              <SearchHitRow
                key={hitKey(hit)}
                hit={hit}
                rowId={hitRowId(index)}
                index={index}
                setSize={result?.total ?? hits.length}
                selected={index === selectedIndex}
                open={hit.id === openId}
                onOpen={onOpen}
              />
            ))}
          </div>
          {result && result.total > hits.length && (
            <p className="search-results__more">
              Showing the best {hits.length.toLocaleString()}.{' '}
              {search.canShowMore ? (
                <button type="button" className="button is-quiet" onClick={search.showMore}>
                  Show more
                </button>
              ) : (
                'Add words to narrow the search.'
              )}
            </p>
          )}
        </div>
        {failure && (
          <p className="search-empty search-failure" role="alert">
            The search did not answer: {failure}
          </p>
        )}
        {!failure && result?.total === 0 && highlights && (
          <div className="search-empty">
            <p className="search-empty__title">No highlights yet.</p>
            <p className="search-empty__hint">
              Select text in a clip and pick a colour (or press H) to highlight it.
            </p>
          </div>
        )}
        {!failure && result?.total === 0 && !highlights && (
          <NothingFound query={query.trim()} indexing={indexing !== null} />
        )}
      </div>
    </>
  );
}
