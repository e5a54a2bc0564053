import { useCallback, useMemo, useRef, useState } from 'react';
import type { Clip, Highlight, HighlightColor } from '@shared/types';
import { reportError, showNotice } from '../../lib/notice-store';
import { useClient } from '../../lib/use-client';

/** What a new highlight is made from: the quote and the text around it. */
export interface HighlightDraft {
  quote: string;
  prefix: string;
  suffix: string;
}

export interface HighlightsControl {
  /** The clip's highlights as they are now, in text order. */
  highlights: Highlight[];
  /** Highlights a passage; the new highlight, or null (the reason is shown). */
  add: (draft: HighlightDraft, color: HighlightColor, comment?: string) => Promise<Highlight | null>;
  update: (id: string, change: { color?: HighlightColor; comment?: string }) => void;
  /** Removes a highlight, with Undo in the notice. */
  remove: (id: string) => void;
}

const NONE: Highlight[] = [];

function byPlace(a: Highlight, b: Highlight): number {
  if (a.orphaned !== b.orphaned) return a.orphaned ? 1 : -1;
  return a.anchor.start - b.anchor.start || a.anchor.end - b.anchor.end;
}

/**
 * A clip's highlights and the calls that change them. A newer copy of the clip (after any
 * change, from anywhere) replaces the list; in between, each answer is applied as it comes.
 */
export function useHighlights(clip: Clip): HighlightsControl {
  const client = useClient();
  const fromClip = (clip.highlights as Highlight[] | undefined) ?? NONE;
  const [state, setState] = useState({ source: fromClip, list: fromClip });
  if (state.source !== fromClip) setState({ source: fromClip, list: fromClip });
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const clipId = clip.id;

  const apply = useCallback((change: (list: Highlight[]) => Highlight[]) => {
    setState((now) => ({ ...now, list: change(now.list).sort(byPlace) }));
  }, []);

  // One change after another, so a comment typed quickly after a colour lands in order.
  const enqueue = useCallback(<T>(call: () => Promise<T>): Promise<T | null> => {
    const next = queue.current.then(call).catch((error: unknown) => {
      reportError(error);
      return null;
    });
    queue.current = next;
    return next;
  }, []);

  const add = useCallback(
    ({ quote, prefix, suffix }: HighlightDraft, color: HighlightColor, comment = '') =>
      enqueue(async () => {
        const made = await client.addHighlight({ clipId, quote, prefix, suffix, color, comment });
        apply((list) => [...list.filter((h) => h.id !== made.id), made]);
        return made;
      }),
    [client, clipId, enqueue, apply],
  );

  const update = useCallback(
    (id: string, change: { color?: HighlightColor; comment?: string }) => {
      apply((list) => list.map((h) => (h.id === id ? { ...h, ...change } : h)));
      void enqueue(async () => {
        const saved = await client.updateHighlight({ clipId, highlightId: id, ...change });
        apply((list) => list.map((h) => (h.id === id ? saved : h)));
      });
    },
    [client, clipId, enqueue, apply],
  );

  const remove = useCallback(
    (id: string) => {
      void enqueue(async () => {
        const gone = state.list.find((h) => h.id === id);
        await client.removeHighlight({ clipId, highlightId: id });
        apply((list) => list.filter((h) => h.id !== id));
        if (!gone) return;
        const { quote, prefix, suffix } = gone.anchor;
        showNotice({
          tone: 'info',
          message: 'Highlight removed.',
          action: { label: 'Undo', run: () => void add({ quote, prefix, suffix }, gone.color, gone.comment) },
        });
      });
    },
    [client, clipId, enqueue, apply, add, state.list],
  );

  return useMemo(() => ({ highlights: state.list, add, update, remove }), [state.list, add, update, remove]);
}
