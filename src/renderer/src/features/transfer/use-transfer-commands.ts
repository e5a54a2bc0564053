import { useEffect, useMemo, useRef } from 'react';
import type { TransferCommands } from '../../commands';
import type { ExportContext } from './export-scope';
import { openExport, openTransfer } from './transfer-store';
import { useCopyMarkdown } from './use-copy-markdown';

const noPicks: ReadonlySet<string> = new Set();

interface TransferSources {
  /** The item open in the detail pane. */
  openId: string | null;
  /** The open item as it is now (its title changes as it is typed). */
  readOpen: () => { id: string; title: string } | null;
  /** The items picked in the library list. */
  picked: ReadonlySet<string>;
  /** The tag the library list shows. */
  tag: string | null;
  /** The search's query while the list shows its results, else null. */
  query: string | null;
  /** Saves the note being edited. */
  flush: () => Promise<unknown>;
}

/** The workspace's export, import, Copy as Markdown and Cite, for the commands and the sidebar. */
export function useTransferCommands(sources: TransferSources): TransferCommands {
  const { openId, flush } = sources;
  const copy = useCopyMarkdown();
  // While a search shows its results, the library list (its tag, its picked rows) is out of sight.
  const picked = sources.query === null ? sources.picked : noPicks;
  const latest = useRef(sources);
  useEffect(() => {
    latest.current = sources;
  });

  return useMemo(() => {
    const pickedIds = [...picked];
    const citeIds = pickedIds.length > 0 ? pickedIds : openId ? [openId] : [];
    const readContext = (): ExportContext => {
      const { tag, query, readOpen } = latest.current;
      return { tag: query === null ? tag : null, query, pickedIds, open: readOpen() };
    };
    return {
      openExport: () => openExport(readContext()),
      openImport: () => openTransfer({ kind: 'import' }),
      copyMarkdown: openId ? () => void copy(openId, flush) : null,
      cite: citeIds.length > 0 ? () => openTransfer({ kind: 'cite', ids: citeIds }) : null,
    };
  }, [openId, picked, copy, flush]);
}
