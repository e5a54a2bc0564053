import { useCallback, useMemo, useRef } from 'react';
import type { Item } from '@shared/types';
import { reportError } from '../lib/notice-store';
import { useClient } from '../lib/use-client';
import { useClipReader, type ClipReaderControl } from '../features/reader/use-clip-reader';
import { rememberNote } from '../features/reader/quote-target';
import { useNoteEditor, type EditorField, type NoteEditorControl } from '../features/notes/use-note-editor';

/** What is open in the detail pane, whatever its type. */
export interface OpenItem {
  id: string;
  title: string;
  deleted: string | null;
  rev: number;
}

export interface DetailControl {
  editor: NoteEditorControl;
  reader: ClipReaderControl;
  /** The id of the open item, or null. */
  openId: string | null;
  /** The open item as it is now (a note's title changes as it is typed), or null. */
  current: () => OpenItem | null;
  /**
   * Opens an item (by id, or already in hand): a note in the editor, a clip in the reader. The
   * open note is saved first; false if it could not be, or the item could not be read.
   */
  show: (target: string | Item, focus?: EditorField) => Promise<boolean>;
  /** Creates a note with these tags and opens it; its id, or null. */
  create: (tags: string[]) => Promise<string | null>;
  /** Saves and closes whatever is open. */
  close: () => Promise<boolean>;
  /** Brings the open item up to date; throws `not_found` if it is gone. */
  reload: () => Promise<void>;
}

/** The detail pane's one open item: the note editor and the clip reader never show at once. */
export function useDetail(onSaved: (item: Item) => void): DetailControl {
  const client = useClient();
  const editor = useNoteEditor(onSaved);
  const reader = useClipReader(onSaved);
  const ticket = useRef(0);
  const { draft } = editor;
  const { clip } = reader;

  const show = useCallback(
    async (target: string | Item, focus?: EditorField): Promise<boolean> => {
      const id = typeof target === 'string' ? target : target.id;
      if (draft?.id === id) return editor.open(draft.getSnapshot().note, focus);
      const mine = ++ticket.current;
      if (!(await editor.flush())) return false;
      let item: Item;
      try {
        item = typeof target === 'string' ? await client.getItem({ id }) : target;
      } catch (error) {
        reportError(error);
        return false;
      }
      if (mine !== ticket.current) return false;
      if (item.type === 'note') {
        const opened = await editor.open(item, focus);
        if (opened) {
          reader.show(null);
          // "Quote into note" in the reader adds to the note last opened.
          if (item.deleted === null) rememberNote(item.id);
        }
        return opened;
      }
      if (!(await editor.close())) return false;
      reader.show(item);
      return true;
    },
    [client, draft, editor, reader],
  );

  const create = useCallback(
    async (tags: string[]) => {
      ++ticket.current;
      const id = await editor.create(tags);
      if (id) {
        reader.show(null);
        rememberNote(id);
      }
      return id;
    },
    [editor, reader],
  );

  const close = useCallback(async () => {
    ++ticket.current;
    if (!(await editor.close())) return false;
    reader.show(null);
    return true;
  }, [editor, reader]);

  const reload = useCallback(async () => {
    if (draft) await draft.reload();
    else await reader.reload();
  }, [draft, reader]);

  const current = useCallback((): OpenItem | null => {
    if (clip) return clip;
    if (!draft) return null;
    const { note, title } = draft.getSnapshot();
    return { id: note.id, title, deleted: note.deleted, rev: note.rev };
  }, [draft, clip]);

  const openId = draft?.id ?? clip?.id ?? null;
  return useMemo(
    () => ({ editor, reader, openId, current, show, create, close, reload }),
    [editor, reader, openId, current, show, create, close, reload],
  );
}
