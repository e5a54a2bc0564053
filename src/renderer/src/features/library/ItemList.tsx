import './item-list.css';
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { focusTargets } from '../../lib/focus';
import { TagSelectionBar } from '../tags/TagSelectionBar';
import { ItemRow, PlaceholderRow, type RowPick } from './ItemRow';
import type { ItemListData } from './use-item-list';

/** Every row has this height, so the list can place any of 50,000 rows without measuring. */
export const ROW_HEIGHT = 84;
const OVERSCAN = 6;

interface ItemListProps {
  data: ItemListData;
  label: string;
  selectedIndex: number | null;
  openId: string | null;
  empty: ReactNode;
  onOpen: (index: number) => void;
}

const rowId = (index: number): string => `item-row-${index}`;

/**
 * A virtualized listbox: only the rows in view (plus a few) are in the DOM. A click opens a row;
 * Ctrl/Cmd-click and Shift-click pick several, which then can be tagged together; Esc lets go.
 */
export function ItemList({ data, label, selectedIndex, openId, empty, onOpen }: ItemListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(0);
  const count = data.total ?? 0;

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(count - 1, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);

  useEffect(() => {
    if (last >= first) data.show(first, last);
  }, [data, first, last]);

  // Keep the selected row in view when the keyboard moves it.
  useEffect(() => {
    const element = scroller.current;
    if (!element || selectedIndex === null) return;
    const top = selectedIndex * ROW_HEIGHT;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + ROW_HEIGHT > element.scrollTop + element.clientHeight) {
      element.scrollTop = top + ROW_HEIGHT - element.clientHeight;
    }
  }, [selectedIndex]);

  const picking = data.marked.size > 0;
  const pick = (index: number, how: RowPick): void => {
    if (how === 'toggle') return data.toggleMark(index, selectedIndex);
    if (how === 'range') return data.markRange(index, selectedIndex);
    data.clearMarks();
    onOpen(index);
  };

  const rows: ReactNode[] = [];
  for (let index = first; index <= last; index++) {
    const item = data.itemAt(index);
    const top = index * ROW_HEIGHT;
    rows.push(
      item ? (
        <ItemRow
          key={index}
          item={item}
          rowId={rowId(index)}
          index={index}
          setSize={count}
          top={top}
          selected={picking ? data.marked.has(item.id) : index === selectedIndex}
          active={index === selectedIndex}
          open={item.id === openId}
          onPick={pick}
        />
      ) : (
        <PlaceholderRow key={index} top={top} />
      ),
    );
  }

  const activeRendered = selectedIndex !== null && selectedIndex >= first && selectedIndex <= last;
  return (
    <div className="item-list-frame">
      {data.marked.size > 1 && <TagSelectionBar ids={[...data.marked]} onClear={data.clearMarks} />}
      <div
        id={focusTargets.list}
        ref={scroller}
        className="item-list"
        data-area="list"
        role="listbox"
        aria-label={label}
        aria-multiselectable="true"
        tabIndex={0}
        aria-activedescendant={activeRendered ? rowId(selectedIndex) : undefined}
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
        onKeyDown={(event) => {
          if (event.key !== 'Escape' || !picking) return;
          // Letting go of the picked rows comes before the workspace's own Esc.
          event.preventDefault();
          data.clearMarks();
        }}
      >
        <div className="item-list__spacer" style={{ height: count * ROW_HEIGHT }}>
          {rows}
        </div>
      </div>
      {data.total === 0 && <div className="item-list__empty">{empty}</div>}
    </div>
  );
}
