import { useEffect, useRef } from 'react';
import { toErrorInfo } from '@shared/errors';
import { reportError, showNotice } from '../lib/notice-store';
import { useClient } from '../lib/use-client';
import type { DetailControl } from './use-detail';

/**
 * Listens for changes made elsewhere (another window, the CLI through the server): refreshes
 * the lists and counts, and brings the open note or clip up to date, or closes it if it was deleted.
 */
export function useLiveUpdates(changed: (rev?: number) => void, detail: DetailControl): void {
  const client = useClient();
  const open = useRef(detail);
  useEffect(() => {
    open.current = detail;
  });

  useEffect(
    () =>
      client.onEvent((event) => {
        if (event.type !== 'items-changed') return;
        changed(event.rev);
        const current = open.current;
        const item = current.current();
        if (!item || (event.ids.length > 0 && !event.ids.includes(item.id))) return;
        if (event.rev <= item.rev) return;
        current.reload().catch((error: unknown) => {
          if (toErrorInfo(error).code !== 'not_found') return reportError(error);
          void current.close();
          showNotice({ tone: 'info', message: 'The open item was deleted elsewhere.' });
        });
      }),
    [client, changed],
  );
}
