import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Note } from '@shared/types';
import { isDesktop } from '../../lib/api';
import { focusSoon, focusTargets } from '../../lib/focus';
import { reportError } from '../../lib/notice-store';
import { useClient } from '../../lib/use-client';
import { NoteDraft, asNote } from './note-draft';

/** Which field of the editor takes focus when a note opens. */
export type EditorField = 'title' | 'body';

export interface NoteEditorControl {
  /** The open note, or null. */
  draft: NoteDraft | null;
  /** The field the open note's editor focuses when it appears. */
  focus: EditorField | null;
  /**
   * Saves the open note, then opens another (already fetched), optionally focusing one of its
   * fields. False if it could not.
   */
  open: (note: Note, focus?: EditorField) => Promise<boolean>;
  /** Saves the open note's pending edits; false if they could not be saved. */
  flush: () => Promise<boolean>;
  /**
   * Saves the open note, then creates a new one with these tags and opens it with the title
   * focused. Resolves to the new note's id, or null if it could not.
   */
  create: (tags: string[]) => Promise<string | null>;
  /** Saves and closes the open note. */
  close: () => Promise<boolean>;
}

/** Which note is open in the detail pane; switching always saves the previous one first. */
export function useNoteEditor(onSaved: (note: Note) => void): NoteEditorControl {
  const client = useClient();
  const [shown, setShown] = useState<{ draft: NoteDraft | null; focus: EditorField | null }>({
    draft: null,
    focus: null,
  });
  const current = useRef<NoteDraft | null>(null);
  const ticket = useRef(0);
  const savedRef = useRef(onSaved);
  useEffect(() => {
    savedRef.current = onSaved;
  });

  const switchTo = useCallback((next: NoteDraft | null, focus: EditorField | null = null) => {
    current.current?.dispose();
    current.current = next;
    setShown({ draft: next, focus });
  }, []);

  const flush = useCallback(async () => (current.current ? current.current.flush() : true), []);

  const open = useCallback(
    async (note: Note, focus?: EditorField): Promise<boolean> => {
      if (current.current?.id === note.id) {
        if (focus) focusSoon(focusTargets[focus]);
        return true;
      }
      const mine = ++ticket.current;
      if (!(await flush()) || mine !== ticket.current) return false;
      switchTo(new NoteDraft(client, note, (saved) => savedRef.current(saved)), focus ?? null);
      return true;
    },
    [client, flush, switchTo],
  );

  const create = useCallback(
    async (tags: string[]): Promise<string | null> => {
      if (!(await flush())) return null;
      try {
        const note = asNote(await client.createNote({ tags }));
        savedRef.current(note);
        return (await open(note, 'title')) ? note.id : null;
      } catch (error) {
        reportError(error);
        return null;
      }
    },
    [client, flush, open],
  );

  const close = useCallback(async (): Promise<boolean> => {
    ++ticket.current;
    if (!(await flush())) return false;
    switchTo(null);
    return true;
  }, [flush, switchTo]);

  // Edits not yet saved when the page is hidden or goes away: save them now. A browser tab also
  // asks before leaving; the desktop window must never be kept from closing.
  useEffect(() => {
    const flushOpen = (): void => void current.current?.flush();
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') flushOpen();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent): void => {
      if (!current.current?.busy) return;
      flushOpen();
      if (!isDesktop()) event.preventDefault();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, []);

  const { draft, focus } = shown;
  return useMemo(
    () => ({ draft, focus, open, flush, create, close }),
    [draft, focus, open, flush, create, close],
  );
}
