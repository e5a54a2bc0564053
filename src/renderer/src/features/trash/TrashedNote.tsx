import type { Note } from '@shared/types';
import { BackButton } from '../../components/BackButton';
import { formatLongDate } from '../../lib/format-date';
import { StaticTags } from '../tags/StaticTags';

interface TrashedNoteProps {
  note: Note;
  onRestore: () => void;
  onBack: () => void;
}

/** A note in the trash: readable, not editable, one click from coming back. */
export function TrashedNote({ note, onRestore, onBack }: TrashedNoteProps) {
  return (
    <article className="note-editor is-trashed" aria-label="Note in the trash">
      <header className="detail-toolbar">
        <BackButton onBack={onBack} />
        <p className="detail-toolbar__note">
          In the trash since {note.deleted ? formatLongDate(note.deleted) : 'recently'}.
        </p>
        <button type="button" className="button" onClick={onRestore}>
          Restore
        </button>
      </header>
      <div className="note-editor__page">
        <h1 className="note-editor__title is-static">{note.title.trim() || 'Untitled'}</h1>
        <StaticTags tags={note.tags} />
        <div className="note-editor__body is-static">{note.body}</div>
      </div>
    </article>
  );
}
