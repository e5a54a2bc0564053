import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ArgsIn } from '@shared/api';
import type { Clip, ClipResult } from '@shared/types';
import { showNotice } from '../../lib/notice-store';
import { useClient } from '../../lib/use-client';
import { clipFailure, type ClipFailure } from './clip-failure';

export type ClipRequest = ArgsIn<'clip'>;

export interface ClipProgress {
  message: string;
  done: number;
  total: number;
}

/** A clip that was already in the library when it was clipped again. */
export interface Duplicate {
  clip: Clip;
  /** The request that found it, sent again with `refresh: true` to replace its article. */
  request: ClipRequest;
  refreshing: boolean;
}

export interface Clipper {
  dialogOpen: boolean;
  working: boolean;
  /** What the clipper says it is doing, while it works. */
  progress: ClipProgress | null;
  failure: ClipFailure | null;
  duplicate: Duplicate | null;
  openDialog: () => void;
  closeDialog: () => void;
  clip: (request: ClipRequest) => void;
  /** After `not_article`: the same request again, keeping the whole page simplified. */
  keepWholePage: () => void;
  /** Clips the duplicate's page again, replacing its article. */
  refreshDuplicate: () => void;
  dismissDuplicate: () => void;
}

interface ClipperOptions {
  /** The item open in the detail pane; leaving the duplicate clip hides its notice. */
  openId: string | null;
  /** A clip was made, found or refreshed: show it. */
  onClipped: (clip: Clip) => void;
}

/** The clip dialog's state and the one clip job at a time; the work goes on if the dialog is closed. */
export function useClipper({ openId, onClipped }: ClipperOptions): Clipper {
  const client = useClient();
  const [dialogOpen, setDialogOpen] = useState(false);
  const [working, setWorking] = useState(false);
  const [progress, setProgress] = useState<ClipProgress | null>(null);
  const [failure, setFailure] = useState<ClipFailure | null>(null);
  const [duplicate, setDuplicate] = useState<Duplicate | null>(null);
  const last = useRef<ClipRequest | null>(null);
  const visible = useRef(false);
  const clipped = useRef(onClipped);
  useEffect(() => {
    clipped.current = onClipped;
    visible.current = dialogOpen;
  });

  useEffect(() => {
    if (!working) return;
    return client.onEvent((event) => {
      if (event.type !== 'progress' || event.job !== 'clip') return;
      setProgress({ message: event.message, done: event.done, total: event.total });
    });
  }, [client, working]);

  const seenOpen = useRef(openId);
  useEffect(() => {
    if (seenOpen.current === duplicate?.clip.id && openId !== seenOpen.current) setDuplicate(null);
    seenOpen.current = openId;
  }, [openId, duplicate]);

  const finish = useCallback((result: ClipResult, request: ClipRequest) => {
    const { clip } = result;
    const title = clip.title.trim() || 'Untitled';
    setDuplicate(result.duplicate ? { clip, request, refreshing: false } : null);
    if (visible.current) {
      setDialogOpen(false);
      clipped.current(clip);
      return;
    }
    const message = result.duplicate ? `“${title}” is already in your library.` : `Clipped “${title}”.`;
    showNotice({ tone: 'info', message, action: { label: 'Open', run: () => clipped.current(clip) } });
  }, []);

  const clip = useCallback(
    (request: ClipRequest) => {
      last.current = request;
      setWorking(true);
      setProgress(null);
      setFailure(null);
      client
        .clip(request)
        .then(
          (result) => finish(result, request),
          (error: unknown) => {
            const failed = clipFailure(error);
            setFailure(failed);
            if (!visible.current) showNotice({ tone: 'error', message: failed.message });
          },
        )
        .finally(() => setWorking(false));
    },
    [client, finish],
  );

  const refreshDuplicate = useCallback(() => {
    if (!duplicate) return;
    setDuplicate({ ...duplicate, refreshing: true });
    client.clip({ ...duplicate.request, refresh: true }).then(
      (result) => {
        setDuplicate(null);
        clipped.current(result.clip);
        showNotice({ tone: 'info', message: 'Refreshed from the page.' });
      },
      (error: unknown) => {
        setDuplicate({ ...duplicate, refreshing: false });
        showNotice({ tone: 'error', message: clipFailure(error).message });
      },
    );
  }, [client, duplicate]);

  const openDialog = useCallback(() => setDialogOpen(true), []);

  return useMemo(
    () => ({
      dialogOpen,
      working,
      progress,
      failure,
      duplicate,
      openDialog,
      closeDialog: () => {
        setDialogOpen(false);
        if (!working) setFailure(null);
      },
      clip,
      keepWholePage: () => {
        if (last.current) clip({ ...last.current, mode: 'page' });
      },
      refreshDuplicate,
      dismissDuplicate: () => setDuplicate(null),
    }),
    [dialogOpen, working, progress, failure, duplicate, openDialog, clip, refreshDuplicate],
  );
}
