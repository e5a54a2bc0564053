import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { Item } from '@shared/types';
import type { ShortcutHint } from '../commands/shortcuts';
import type { Clipper } from '../features/clip/use-clipper';
import { NothingOpen, Welcome } from '../features/library/Welcome';
import type { LinkAt, OpenAt } from '../features/links/use-follow-link';
import { NoteEditor } from '../features/notes/NoteEditor';
import type { NoteDraft } from '../features/notes/note-draft';
import type { EditorField } from '../features/notes/use-note-editor';
import { useNoteSnapshot } from '../features/notes/use-note-snapshot';
import { ClipReader } from '../features/reader/ClipReader';
import { TrashedNote } from '../features/trash/TrashedNote';
import type { DetailControl } from './use-detail';

export interface DetailShortcuts {
  newNote: ShortcutHint;
  clip: ShortcutHint;
  trash: ShortcutHint;
}

interface DetailPaneProps {
  detail: DetailControl;
  clipper: Clipper;
  /** The words to mark in the open item, when it was opened from a search. */
  matches: readonly string[] | null;
  /** The highlight to show in the open clip, when it was opened from a highlight's search hit. */
  highlightId: string | null;
  libraryEmpty: boolean;
  shortcuts: DetailShortcuts;
  onNewNote: () => void;
  onTrash: () => void;
  onRestore: () => void;
  onBack: () => void;
}

interface OpenNoteProps {
  draft: NoteDraft;
  focus: EditorField | null;
  matches: readonly string[] | null;
  trashShortcut: ShortcutHint;
  onTrash: () => void;
  onRestore: () => void;
  onBack: () => void;
  onOpenItem: OpenAt;
  heading: string | null;
}

function OpenNote(props: OpenNoteProps) {
  const { draft, focus, matches, trashShortcut, onTrash, onRestore, onBack, onOpenItem, heading } = props;
  const { note } = useNoteSnapshot(draft);
  if (note.deleted) return <TrashedNote note={note} onRestore={onRestore} onBack={onBack} />;
  return (
    <NoteEditor
      draft={draft}
      initialFocus={focus}
      matches={matches}
      trashShortcut={trashShortcut}
      onTrash={onTrash}
      onBack={onBack}
      onOpenItem={onOpenItem}
      heading={heading}
    />
  );
}

/** The right-hand pane: the open note or clip, or a welcome, or a hint. */
export function DetailPane(props: DetailPaneProps) {
  const { detail, clipper, matches, highlightId, libraryEmpty, shortcuts } = props;
  const { onNewNote, onTrash, onRestore, onBack } = props;
  const { draft, focus } = detail.editor;
  const { clip } = detail.reader;
  const duplicate = clipper.duplicate?.clip.id === clip?.id ? clipper.duplicate : null;
  const pane = useRef<HTMLElement>(null);
  // A link's target (at its heading or highlight) or a backlink's note, by id, or a note just made from a link.
  const [linkAt, setLinkAt] = useState<(LinkAt & { id: string }) | null>(null);
  const openItem = useCallback(
    (target: string | Item, at?: LinkAt) => {
      const id = typeof target === 'string' ? target : target.id;
      setLinkAt(at && (at.heading !== undefined || at.highlightId !== undefined) ? { id, ...at } : null);
      void detail.show(target);
    },
    [detail],
  );
  const at = linkAt !== null && linkAt.id === detail.openId ? linkAt : null;
  // Another item starts at its top, not where the last one was scrolled to.
  useLayoutEffect(() => {
    pane.current?.scrollTo(0, 0);
  }, [detail.openId]);
  return (
    <main ref={pane} className="detail-pane" data-area="editor" aria-label="Detail">
      {draft ? (
        <OpenNote
          key={draft.id}
          draft={draft}
          focus={focus}
          matches={matches}
          trashShortcut={shortcuts.trash}
          onTrash={onTrash}
          onRestore={onRestore}
          onBack={onBack}
          onOpenItem={openItem}
          heading={at?.heading ?? null}
        />
      ) : clip ? (
        <ClipReader
          key={clip.id}
          clip={clip}
          duplicate={duplicate}
          matches={matches}
          highlightId={at?.highlightId ?? highlightId}
          trashShortcut={shortcuts.trash}
          onTags={detail.reader.changeTags}
          onTrash={onTrash}
          onRestore={onRestore}
          onRefresh={clipper.refreshDuplicate}
          onDismissDuplicate={clipper.dismissDuplicate}
          onBack={onBack}
          onOpenItem={openItem}
        />
      ) : libraryEmpty ? (
        <Welcome shortcuts={shortcuts} onNewNote={onNewNote} onClip={clipper.openDialog} />
      ) : (
        <NothingOpen shortcut={shortcuts.newNote} />
      )}
    </main>
  );
}
