import { useEffect, useState } from 'react';
import type { PairingRequest } from '@shared/types';
import { errorMessage } from '../../lib/errors';
import { useClient } from '../../lib/use-client';
import { applyPairingEvent, secondsLeft, unexpired } from './clipper-text';
import { useNow } from './use-now';

export interface PairingQueue {
  /** The request to ask about now; null when none waits. */
  current: PairingRequest | null;
  /** How many more wait behind it. */
  behind: number;
  secondsLeft: number;
  /** The last answer that did not go through, as a sentence. */
  failure: string | null;
  answering: boolean;
  answer: (approve: boolean) => void;
  /** Puts the prompt away; the request stays listed in Settings until it expires. */
  later: () => void;
}

/** The pairing requests waiting for an answer, one at a time, from the core's events. */
export function usePairingQueue(): PairingQueue {
  const client = useClient();
  const [queue, setQueue] = useState<readonly PairingRequest[]>([]);
  const [putAway, setPutAway] = useState<ReadonlySet<string>>(new Set());
  const [failure, setFailure] = useState<string | null>(null);
  const [answering, setAnswering] = useState(false);

  useEffect(() => {
    let current = true;
    // Requests made before this window opened. A service not running (or not there) has none.
    client.getClipperInfo({}).then(
      (info) => current && setQueue((old) => (old.length === 0 ? info.requests : old)),
      () => undefined,
    );
    const stop = client.onEvent((event) => {
      if (event.type === 'pairing') setQueue((old) => applyPairingEvent(old, event));
    });
    return () => {
      current = false;
      stop();
    };
  }, [client]);

  const now = useNow(queue.length > 0);
  const waiting = unexpired(queue, now).filter((request) => !putAway.has(request.requestId));
  const current = waiting[0] ?? null;
  const currentId = current?.requestId ?? null;

  // A new request starts with a clean slate.
  const [seenId, setSeenId] = useState(currentId);
  if (seenId !== currentId) {
    setSeenId(currentId);
    setFailure(null);
  }

  const answer = (approve: boolean): void => {
    if (currentId === null) return;
    setAnswering(true);
    setFailure(null);
    client
      .answerPairing({ requestId: currentId, approve })
      .then(
        () =>
          setQueue((old) => applyPairingEvent(old, { type: 'pairing', request: null, requestId: currentId })),
        (error: unknown) => setFailure(errorMessage(error)),
      )
      .finally(() => setAnswering(false));
  };

  const later = (): void => {
    if (currentId !== null) setPutAway((old) => new Set([...old, currentId]));
  };

  return {
    current,
    behind: Math.max(0, waiting.length - 1),
    secondsLeft: current ? secondsLeft(current.expires, now) : 0,
    failure,
    answering,
    answer,
    later,
  };
}
