import { useCallback, useEffect, useState } from 'react';
import type { ClipperInfo } from '@shared/types';
import { errorMessage } from '../../lib/errors';
import { reportError, showNotice } from '../../lib/notice-store';
import { useClient } from '../../lib/use-client';

export interface ClipperInfoState {
  /** The service, its paired extensions and waiting requests; null until first read. */
  info: ClipperInfo | null;
  /** Why it could not be read, as a sentence. */
  failure: string | null;
  answer: (requestId: string, approve: boolean) => void;
  revoke: (id: string, name: string) => void;
}

/** The clipper service's state while the settings show it, read again whenever a pairing changes. */
export function useClipperInfo(active: boolean): ClipperInfoState {
  const client = useClient();
  const [info, setInfo] = useState<ClipperInfo | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [reads, setReads] = useState(0);
  const reload = useCallback(() => setReads((count) => count + 1), []);

  useEffect(() => {
    if (!active) return;
    let current = true;
    client.getClipperInfo({}).then(
      (read) => {
        if (!current) return;
        setInfo(read);
        setFailure(null);
      },
      (error: unknown) => current && setFailure(errorMessage(error)),
    );
    return () => {
      current = false;
    };
  }, [client, active, reads]);

  useEffect(() => {
    if (!active) return;
    return client.onEvent((event) => {
      if (event.type === 'pairing') reload();
    });
  }, [client, active, reload]);

  const answer = useCallback(
    (requestId: string, approve: boolean) => {
      client.answerPairing({ requestId, approve }).then(reload, (error: unknown) => {
        reportError(error);
        reload();
      });
    },
    [client, reload],
  );

  const revoke = useCallback(
    (id: string, name: string) => {
      client.revokeExtension({ id }).then(
        () => {
          showNotice({ tone: 'info', message: `${name} can no longer clip into this library.` });
          reload();
        },
        (error: unknown) => reportError(error),
      );
    },
    [client, reload],
  );

  return { info, failure, answer, revoke };
}
