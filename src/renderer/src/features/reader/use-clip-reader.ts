import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { NotebookError } from '@shared/errors';
import type { Clip, Item } from '@shared/types';
import { reportError } from '../../lib/notice-store';
import { useClient } from '../../lib/use-client';

export interface ClipReaderControl {
  /** The clip open in the reader, or null. */
  clip: Clip | null;
  /** Shows a clip (or nothing); a newer copy of the open clip replaces it. */
  show: (clip: Clip | null) => void;
  /** Fetches the open clip again after a change elsewhere; throws `not_found` if it is gone. */
  reload: () => Promise<void>;
  /** Adds and removes tags on the open clip, one change after another. */
  changeTags: (add: string[], remove: string[]) => void;
}

/** The library answers with items; the reader only ever holds a clip. */
export function asClip(item: Item): Clip {
  if (item.type !== 'clip') throw new NotebookError('invalid_argument', 'This item is not a clip.');
  return item;
}

/** Which clip the reader shows, and the one thing a clip lets you change: its tags. */
export function useClipReader(onSaved: (clip: Clip) => void): ClipReaderControl {
  const client = useClient();
  const [clip, setClip] = useState<Clip | null>(null);
  const current = useRef<Clip | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const saved = useRef(onSaved);
  useEffect(() => {
    saved.current = onSaved;
  });

  const show = useCallback((next: Clip | null) => {
    current.current = next;
    setClip(next);
  }, []);

  // Only a newer revision of the clip still open replaces what is shown.
  const accept = useCallback(
    (fresh: Clip) => {
      const open = current.current;
      if (open?.id === fresh.id && fresh.rev > open.rev) show(fresh);
    },
    [show],
  );

  const reload = useCallback(async () => {
    const open = current.current;
    if (!open) return;
    accept(asClip(await client.getItem({ id: open.id })));
  }, [client, accept]);

  const changeTags = useCallback(
    (add: string[], remove: string[]) => {
      const open = current.current;
      if (!open) return;
      queue.current = queue.current.then(async () => {
        try {
          const fresh = asClip(await client.tagItem({ id: open.id, add, remove }));
          saved.current(fresh);
          accept(fresh);
        } catch (error) {
          reportError(error);
        }
      });
    },
    [client, accept],
  );

  return useMemo(() => ({ clip, show, reload, changeTags }), [clip, show, reload, changeTags]);
}
