import type { ShortcutHint } from '../commands/shortcuts';
import { NothingOpen, Welcome } from '../features/library/Welcome';
import { NoteEditor } from '../features/notes/NoteEditor';
import type { NoteDraft } from '../features/notes/note-draft';
import type { EditorField } from '../features/notes/use-note-editor';
import { useNoteSnapshot } from '../features/notes/use-note-snapshot';
import { TrashedNote } from '../features/trash/TrashedNote';

interface DetailPaneProps {
  draft: NoteDraft | null;
  focus: EditorField | null;
  libraryEmpty: boolean;
  newNoteShortcut: ShortcutHint;
  trashShortcut: ShortcutHint;
  onNewNote: () => void;
  onTrash: () => void;
  onRestore: () => void;
  onBack: () => void;
}

type OpenNoteProps = Pick<DetailPaneProps, 'focus' | 'trashShortcut' | 'onTrash' | 'onRestore' | 'onBack'> & {
  draft: NoteDraft;
};

function OpenNote({ draft, focus, trashShortcut, onTrash, onRestore, onBack }: OpenNoteProps) {
  const { note } = useNoteSnapshot(draft);
  if (note.deleted) return <TrashedNote note={note} onRestore={onRestore} onBack={onBack} />;
  return (
    <NoteEditor
      draft={draft}
      initialFocus={focus}
      trashShortcut={trashShortcut}
      onTrash={onTrash}
      onBack={onBack}
    />
  );
}

/** The right-hand pane: the open note, or a welcome, or a hint. */
export function DetailPane(props: DetailPaneProps) {
  const { draft, libraryEmpty, newNoteShortcut, onNewNote } = props;
  return (
    <main className="detail-pane" data-area="editor" aria-label="Detail">
      {draft ? (
        <OpenNote key={draft.id} {...props} draft={draft} />
      ) : libraryEmpty ? (
        <Welcome shortcut={newNoteShortcut} onNewNote={onNewNote} />
      ) : (
        <NothingOpen shortcut={newNoteShortcut} />
      )}
    </main>
  );
}
