import { useEffect, useRef } from 'react';
import { toErrorInfo } from '@shared/errors';
import { reportError, showNotice } from '../lib/notice-store';
import { useClient } from '../lib/use-client';
import type { NoteDraft } from '../features/notes/note-draft';

/**
 * Listens for changes made elsewhere (another window, the CLI through the server): refreshes
 * the lists and counts, and brings the open note up to date, or closes it if it was deleted.
 */
export function useLiveUpdates(
  changed: (rev?: number) => void,
  draft: NoteDraft | null,
  closeNote: () => Promise<boolean>,
): void {
  const client = useClient();
  const open = useRef({ draft, closeNote });
  useEffect(() => {
    open.current = { draft, closeNote };
  });

  useEffect(
    () =>
      client.onEvent((event) => {
        if (event.type !== 'items-changed') return;
        changed(event.rev);
        const { draft: current, closeNote: close } = open.current;
        if (!current || (event.ids.length > 0 && !event.ids.includes(current.id))) return;
        if (event.rev <= current.getSnapshot().note.rev) return;
        current.reload().catch((error: unknown) => {
          if (toErrorInfo(error).code !== 'not_found') return reportError(error);
          void close();
          showNotice({ tone: 'info', message: 'The open note was deleted elsewhere.' });
        });
      }),
    [client, changed],
  );
}
