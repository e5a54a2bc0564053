import type { SearchHit } from '@shared/types';
import { TypeIcon } from '../../components/TypeIcon';
import { formatLongDate, formatPublished, formatShortDate } from '../../lib/format-date';
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

/** Under a clip's (or highlight's) title: the site and when it was published. */
function hitSource(hit: SearchHit): string | null {
  const published = hit.published ? formatPublished(hit.published, 'short') : '';
  return [hit.siteName?.trim() ?? '', published].filter(Boolean).join(' · ') || null;
}

/** One search result: type, title, date, where a clip is from, the snippet with its matches, tags. */
export function SearchHitRow({ hit, rowId, index, setSize, selected, open, onOpen }: SearchHitRowProps) {
  const title = hit.title.trim() || 'Untitled';
  const source = hit.type === 'note' ? null : hitSource(hit);
  const className = ['search-hit', selected && 'is-selected', open && 'is-open'].filter(Boolean).join(' ');
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
      <div className="item-row__head">
        <TypeIcon type={hit.type} />
        <span className={hit.title.trim() ? 'item-row__title' : 'item-row__title is-untitled'}>
          <MarkedText text={title} words={hit.matches} />
        </span>
        <time className="item-row__date" dateTime={hit.updated} title={formatLongDate(hit.updated)}>
          {formatShortDate(hit.updated)}
        </time>
      </div>
      <div id={`${rowId}-details`}>
        {source && <p className="search-hit__source">{source}</p>}
        {hit.snippet && <Snippet className="search-hit__snippet" html={hit.snippet} />}
        {hit.tags.length > 0 && (
          <ul className="item-row__tags" aria-label="Tags">
            {hit.tags.map((tag) => (
              <li key={tag}>#{tag}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
