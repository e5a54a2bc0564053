import { useCallback, useEffect, useState } from 'react';
import {
  READY_MESSAGE,
  readClipMessage,
  wantsClip,
  withoutReceiveKey,
  type ReceivedPage,
} from './bookmarklet';

export interface ReceivedClip {
  /** The page the bookmarklet sent, until the Clip dialog has taken it. */
  page: ReceivedPage | null;
  taken: () => void;
}

/**
 * The app's side of the bookmarklet: opened at `#receive-clip` by a page, it tells that page it
 * is ready and takes the one page it sends (from that page only), then opens the Clip dialog.
 */
export function useReceivedClip(openDialog: () => void): ReceivedClip {
  const [page, setPage] = useState<ReceivedPage | null>(null);

  useEffect(() => {
    const sender = window.opener as Window | null;
    if (!sender || !wantsClip(location.hash)) return;
    const onMessage = (event: MessageEvent): void => {
      if (event.source !== sender) return;
      const received = readClipMessage(event.data);
      if (!received) return;
      window.removeEventListener('message', onMessage);
      history.replaceState(
        history.state,
        '',
        `${location.pathname}${location.search}${withoutReceiveKey(location.hash)}`,
      );
      setPage(received);
      openDialog();
    };
    window.addEventListener('message', onMessage);
    // The page's origin is not known here; the word "ready" tells it nothing it did not know.
    sender.postMessage(READY_MESSAGE, '*');
    return () => window.removeEventListener('message', onMessage);
  }, [openDialog]);

  const taken = useCallback(() => setPage(null), []);
  return { page, taken };
}
