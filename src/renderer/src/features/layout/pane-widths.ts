/**
 * The widths of the sidebar and the list, as dragged (or set with the arrow keys) on their edges;
 * remembered on this computer. Null: the layout's own width for the window's size.
 */
import { useCallback, useState } from 'react';

export interface PaneWidths {
  sidebar: number | null;
  list: number | null;
}

export const PANE_LIMITS = {
  sidebar: { min: 160, max: 420 },
  list: { min: 220, max: 600 },
} as const;

const KEY = 'commonplace.pane-widths';

export function clampWidth(pane: keyof PaneWidths, width: number): number {
  const { min, max } = PANE_LIMITS[pane];
  return Math.round(Math.min(max, Math.max(min, width)));
}

/** The widths remembered on this computer; anything unreadable is the layout's own. */
export function storedWidths(): PaneWidths {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    const read = (pane: keyof PaneWidths): number | null => {
      const value = (raw as Record<string, unknown> | null)?.[pane];
      return typeof value === 'number' && Number.isFinite(value) ? clampWidth(pane, value) : null;
    };
    return { sidebar: read('sidebar'), list: read('list') };
  } catch {
    return { sidebar: null, list: null };
  }
}

export function usePaneWidths(): {
  widths: PaneWidths;
  /** Sets one pane's width (clamped), or back to the layout's own with null. */
  setWidth: (pane: keyof PaneWidths, width: number | null) => void;
} {
  const [widths, setWidths] = useState(storedWidths);
  const setWidth = useCallback((pane: keyof PaneWidths, width: number | null) => {
    setWidths((before) => {
      const next = { ...before, [pane]: width === null ? null : clampWidth(pane, width) };
      try {
        localStorage.setItem(KEY, JSON.stringify(next));
      } catch {
        // Kept for now, not remembered.
      }
      return next;
    });
  }, []);
  return { widths, setWidth };
}
