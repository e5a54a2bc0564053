import { useCallback, useEffect, useRef, useState } from 'react';
import type { LinksReport } from '@shared/types';
import { errorMessage } from '../../lib/errors';
import { useClient } from '../../lib/use-client';

/** Changes often come in bursts (a save, then its event): one fetch after the burst. */
const SETTLE_MS = 120;

export interface ItemLinks {
  /** The item's links as last reported, or null before the first answer. */
  report: LinksReport | null;
  /** Why the links could not be read, as a sentence; null when they could. */
  problem: string | null;
  /** Reads the links again now. */
  refresh: () => void;
}

/**
 * An item's links (outgoing, backlinks, unlinked mentions), read again whenever anything in the
 * library changes: a backlink appears when some other note is saved.
 */
export function useItemLinks(itemId: string): ItemLinks {
  const client = useClient();
  const [state, setState] = useState<{ id: string; report: LinksReport | null; problem: string | null }>({
    id: itemId,
    report: null,
    problem: null,
  });
  const ticket = useRef(0);

  const refresh = useCallback(() => {
    const mine = ++ticket.current;
    client.getLinks({ id: itemId }).then(
      (report) => mine === ticket.current && setState({ id: itemId, report, problem: null }),
      (error: unknown) =>
        mine === ticket.current &&
        setState((last) => ({
          id: itemId,
          report: last.id === itemId ? last.report : null,
          problem: errorMessage(error),
        })),
    );
  }, [client, itemId]);

  useEffect(() => {
    refresh();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = client.onEvent((event) => {
      if (event.type !== 'items-changed') return;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(refresh, SETTLE_MS);
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [client, refresh]);

  const current = state.id === itemId;
  return { report: current ? state.report : null, problem: current ? state.problem : null, refresh };
}
