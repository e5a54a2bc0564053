import type { MouseEvent } from 'react';
import type { ItemSummary } from '@shared/types';
import { RowHead, RowTags, sourceLine } from '../../components/RowParts';
import { siteOf } from '../../lib/site-name';

interface ItemRowProps {
  item: ItemSummary;
  rowId: string;
  index: number;
  setSize: number;
  top: number;
  /** Selected: the keyboard's row, or one of the picked rows while several are picked. */
  selected: boolean;
  /** The row the keyboard is on (it carries the focus ring). */
  active: boolean;
  open: boolean;
  onPick: (index: number, how: RowPick) => void;
}

/** What a click on a row asks for: open it, add or remove it (Ctrl/Cmd), or pick a range (Shift). */
export type RowPick = 'open' | 'toggle' | 'range';

function pickOf(event: MouseEvent): RowPick {
  if (event.shiftKey) return 'range';
  return event.metaKey || event.ctrlKey ? 'toggle' : 'open';
}

/** Under a clip's title: where it is from and when it was published. */
function clipSource(item: ItemSummary): string | null {
  return item.type === 'clip' ? sourceLine(siteOf(item), item.published) : null;
}

/** One list row: type, title (or "Untitled"), date, the site or first words, and tags. */
export function ItemRow(props: ItemRowProps) {
  const { item, rowId, index, setSize, top, selected, active, open, onPick } = props;
  const title = item.title.trim() || 'Untitled';
  const source = clipSource(item);
  const className = ['list-row item-row', selected && 'is-selected', active && 'is-active', open && 'is-open']
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
      style={{ top }}
      // Shift-click picks a range: keep the browser from selecting the rows' text as well.
      onMouseDown={(event) => event.shiftKey && event.preventDefault()}
      onClick={(event) => onPick(index, pickOf(event))}
    >
      <RowHead type={item.type} title={item.title} updated={item.updated} />
      <div id={`${rowId}-details`}>
        <p className="item-row__excerpt">
          {source && <span className="item-row__source">{source}</span>}
          {source && item.excerpt && <span aria-hidden="true"> — </span>}
          {item.excerpt || (source ? '' : '\u00a0')}
        </p>
        <RowTags tags={item.tags} />
      </div>
    </div>
  );
}

/** Stands in for a row whose page is still on its way. */
export function PlaceholderRow({ top }: { top: number }) {
  return (
    <div className="item-row is-loading" style={{ top }} aria-hidden="true">
      <span className="item-row__bar" />
      <span className="item-row__bar is-short" />
    </div>
  );
}
