import { useEffect, useState } from 'react';
import { reportError } from './notice-store';

/**
 * Calls `load` when it changes or when `revision` moves on, and keeps the last result, so a
 * refresh does not blank what is on screen. Answers that arrive after a newer request
 * started are dropped.
 */
export function useLoaded<T>(load: () => Promise<T>, revision: number): T | null {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    let current = true;
    load().then(
      (result) => current && setValue(result),
      (error: unknown) => current && reportError(error),
    );
    return () => {
      current = false;
    };
  }, [load, revision]);
  return value;
}
