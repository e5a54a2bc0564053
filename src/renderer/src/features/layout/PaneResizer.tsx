import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';

interface PaneResizerProps {
  /** "Resize the sidebar". */
  label: string;
  /** The pane it resizes. */
  pane: () => HTMLElement | null;
  /** Which edge of the element it sits in: the list's left edge is the sidebar's right one. */
  edge: 'start' | 'end';
  min: number;
  max: number;
  onResize: (width: number) => void;
  /** Double-click: back to the layout's own width. */
  onReset: () => void;
}

const STEP = 16;

/**
 * The edge between two panes: drag it, or focus it and press ← → (Home/End for the narrowest and
 * widest); double-click gives the pane its usual width back. It sits in a pane that does not
 * scroll (the list), so it stays the full height.
 */
export function PaneResizer({ label, pane: paneOf, edge, min, max, onResize, onReset }: PaneResizerProps) {
  const handle = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const drag = useRef<{ startX: number; startWidth: number } | null>(null);

  // The pane's width as laid out: what the keys and a drag start from.
  useEffect(() => {
    const pane = paneOf();
    if (!pane) return;
    const observer = new ResizeObserver(() => setWidth(Math.round(pane.getBoundingClientRect().width)));
    observer.observe(pane);
    return () => observer.disconnect();
  }, [paneOf]);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>): void => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startX: event.clientX, startWidth: width };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>): void => {
    const start = drag.current;
    if (start) onResize(start.startWidth + event.clientX - start.startX);
  };
  const onPointerUp = (): void => {
    drag.current = null;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const next =
      event.key === 'ArrowLeft'
        ? width - STEP
        : event.key === 'ArrowRight'
          ? width + STEP
          : event.key === 'Home'
            ? min
            : event.key === 'End'
              ? max
              : null;
    if (next === null) return;
    event.preventDefault();
    onResize(next);
  };

  return (
    <div
      ref={handle}
      className={`pane-resizer is-${edge}`}
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={width}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onDoubleClick={onReset}
      onKeyDown={onKeyDown}
    />
  );
}
