import { useCallback } from 'react';
import { reportError, showNotice } from '../../lib/notice-store';
import { useClient } from '../../lib/use-client';

/** Puts text on the clipboard; false (with a notice) where there is no clipboard to write to. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    showNotice({ tone: 'error', message: 'Could not copy: the clipboard is not available here.' });
    return false;
  }
}

/**
 * "Copy as Markdown": the item as an export would write it (front matter, body, a clip's
 * highlights). `beforeCopy` saves the note being edited first, so the copy has what is on screen.
 */
export function useCopyMarkdown(): (id: string, beforeCopy?: () => Promise<unknown>) => Promise<void> {
  const client = useClient();
  return useCallback(
    async (id, beforeCopy) => {
      let markdown: string;
      try {
        await beforeCopy?.();
        ({ markdown } = await client.itemMarkdown({ id }));
      } catch (error) {
        reportError(error);
        return;
      }
      if (await copyText(markdown)) showNotice({ tone: 'info', message: 'Copied as Markdown.' });
    },
    [client],
  );
}
