import { useCallback, useMemo, useState } from 'react';
import {
  droppedAddress,
  formatSize,
  readPageFile,
  readPaste,
  savedFromAddress,
  typedAddress,
} from './page-source';
import type { ClipRequest } from './use-clipper';

/** Clip a page by its address, or from its HTML (pasted or a saved file). */
export type ClipSource = 'url' | 'html';

interface ClipFields {
  source: ClipSource;
  url: string;
  html: string;
  /** The saved file the HTML came from, as "name (size)". */
  fileLabel: string | null;
  pageAddress: string;
  tags: string[];
  /** A problem with what was entered, found before asking the library. */
  problem: string | null;
}

export interface ClipForm extends ClipFields {
  setSource: (source: ClipSource) => void;
  setUrl: (url: string) => void;
  setHtml: (html: string) => void;
  setPageAddress: (address: string) => void;
  setTags: (tags: string[]) => void;
  /** Takes a paste meant for the dialog; true if it was used (the default paste must not run). */
  takePaste: (data: DataTransfer) => boolean;
  takeFile: (file: File) => Promise<void>;
  /** Takes a link dragged onto the dialog; true if there was one. */
  takeLink: (uriList: string) => boolean;
  /** Takes a whole page sent by the bookmarklet: its HTML and its address. */
  takePage: (page: { html: string; url: string }) => void;
  /** The request to send, or null (with `problem` set) if something is missing. */
  request: () => ClipRequest | null;
  reset: () => void;
}

const EMPTY: ClipFields = {
  source: 'url',
  url: '',
  html: '',
  fileLabel: null,
  pageAddress: '',
  tags: [],
  problem: null,
};

const MISSING: Record<ClipSource, string> = {
  url: 'Enter the address of a web page.',
  html: 'Paste the page’s HTML, or choose a saved page.',
};

/** The clip dialog's fields. */
export function useClipForm(): ClipForm {
  const [fields, setFields] = useState<ClipFields>(EMPTY);
  const patch = useCallback(
    (change: Partial<ClipFields>) => setFields((old) => ({ ...old, problem: null, ...change })),
    [],
  );

  const actions = useMemo(
    () => ({
      setSource: (source: ClipSource) => patch({ source }),
      setUrl: (url: string) => patch({ url }),
      setHtml: (html: string) => patch({ html, fileLabel: null }),
      setPageAddress: (pageAddress: string) => patch({ pageAddress }),
      setTags: (tags: string[]) => patch({ tags }),
      takePaste: (data: DataTransfer) => {
        const pasted = readPaste(data);
        if (pasted?.kind === 'url') patch({ source: 'url', url: pasted.url });
        if (pasted?.kind === 'html') patch({ source: 'html', html: pasted.html, fileLabel: null });
        return pasted !== null;
      },
      takeFile: async (file: File) => {
        const read = await readPageFile(file);
        if ('problem' in read) {
          patch({ problem: read.problem });
          return;
        }
        const fileLabel = `${file.name} (${formatSize(file.size)})`;
        setFields((old) => ({
          ...old,
          source: 'html',
          html: read.html,
          fileLabel,
          problem: null,
          pageAddress: old.pageAddress || savedFromAddress(read.html) || '',
        }));
      },
      takeLink: (uriList: string) => {
        const url = droppedAddress(uriList);
        if (url) patch({ source: 'url', url });
        return url !== null;
      },
      takePage: ({ html, url }: { html: string; url: string }) =>
        patch({ source: 'html', html, fileLabel: null, pageAddress: url }),
      reset: () => setFields(EMPTY),
    }),
    [patch],
  );

  const request = useCallback((): ClipRequest | null => {
    const { source, url, html, pageAddress, tags } = fields;
    if ((source === 'url' ? url : html).trim() === '') {
      patch({ problem: MISSING[source] });
      return null;
    }
    if (source === 'url') return { url: typedAddress(url), tags };
    const address = pageAddress.trim();
    return address === '' ? { html, tags } : { html, url: typedAddress(address), tags };
  }, [fields, patch]);

  return { ...fields, ...actions, request };
}
