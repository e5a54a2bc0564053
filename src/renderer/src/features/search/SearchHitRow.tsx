import type { SearchHit } from '@shared/types';
import { RowHead, RowTags, sourceLine } from '../../components/RowParts';
import { MarkedText } from './MarkedText';
import { Snippet } from './Snippet';

interface SearchHitRowProps {
  hit: SearchHit;
  rowId: string;
  index: number;
  setSize: number;
  selected: boolean;
  open: boolean;
  onOpen: (index: number) => void;
}

/** One search result: type, title, date, where a clip is from, the snippet with its matches, tags. */
export function SearchHitRow({ hit, rowId, index, setSize, selected, open, onOpen }: SearchHitRowProps) {
  const title = hit.title.trim() || 'Untitled';
  // Under a clip's (or highlight's) title: the site and when it was published.
  const source = hit.type === 'note' ? null : sourceLine(hit.siteName ?? '', hit.published);
  const className = ['list-row search-hit', selected && 'is-selected', open && 'is-open']
    .filter(Boolean)
    .join(' ');
  return (
    <div
      id={rowId}
      role="option"
      aria-selected={selected}
      aria-current={open ? 'true' : undefined}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      aria-label={title}
      aria-describedby={`${rowId}-details`}
      className={className}
      onClick={() => onOpen(index)}
    >
      <RowHead type={hit.type} title={hit.title} updated={hit.updated}>
        <MarkedText text={title} words={hit.matches} />
      </RowHead>
      <div id={`${rowId}-details`}>
        {source && <p className="search-hit__source">{source}</p>}
        {hit.snippet && <Snippet className="search-hit__snippet" html={hit.snippet} />}
        <RowTags tags={hit.tags} />
      </div>
    </div>
  );
}
