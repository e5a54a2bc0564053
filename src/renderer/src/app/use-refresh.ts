import { useCallback, useReducer, useRef } from 'react';

export interface Refresh {
  /** Moves on whenever the library changed; lists and counts reload when it does. */
  revision: number;
  /** Something changed (at store revision `rev`, if known). Revisions already seen are ignored. */
  changed: (rev?: number) => void;
}

/**
 * One counter for "the library changed", fed by our own writes and by live events. A write of
 * ours and the event it causes carry the same store revision, so they refresh only once.
 */
export function useRefresh(): Refresh {
  const [revision, bump] = useReducer((count: number) => count + 1, 0);
  const latest = useRef(-1);
  const changed = useCallback((rev?: number) => {
    if (rev !== undefined) {
      if (rev <= latest.current) return;
      latest.current = rev;
    }
    bump();
  }, []);
  return { revision, changed };
}
