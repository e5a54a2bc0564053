import { useCallback, useState } from 'react';

const KEY = 'commonplace.reader-panel';

function storedOpen(): boolean {
  try {
    return localStorage.getItem(KEY) !== 'hidden';
  } catch {
    return true;
  }
}

/** Whether the reader's side panel (highlights, backlinks) shows; remembered between clips and visits. */
export function useReaderPanel(): { open: boolean; toggle: () => void } {
  const [open, setOpen] = useState(storedOpen);
  const toggle = useCallback(() => {
    setOpen((was) => {
      try {
        localStorage.setItem(KEY, was ? 'hidden' : 'shown');
      } catch {
        // Not remembered, still toggled.
      }
      return !was;
    });
  }, []);
  return { open, toggle };
}
