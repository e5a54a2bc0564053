import './notes.css';
import { useEffect } from 'react';
import type { ShortcutHint } from '../../commands/shortcuts';
import { TagEditor } from '../tags/TagEditor';
import { formatLongDate } from '../../lib/format-date';
import { focusTargets } from '../../lib/focus';
import { BackButton } from '../../components/BackButton';
import { MatchBar } from '../search/MatchBar';
import { SaveStatus } from './SaveStatus';
import type { NoteDraft } from './note-draft';
import type { EditorField } from './use-note-editor';
import { useNoteMatches } from './use-note-matches';
import { useNoteSnapshot } from './use-note-snapshot';

interface NoteEditorProps {
  draft: NoteDraft;
  /** The field to focus when this note appears. */
  initialFocus: EditorField | null;
  /** The words to find when the note was opened from a search, or null. */
  matches: readonly string[] | null;
  trashShortcut: ShortcutHint;
  onTrash: () => void;
  onBack: () => void;
}

/** The open note: title, tags and Markdown body, saved as you type. */
export function NoteEditor(props: NoteEditorProps) {
  const { draft, initialFocus, matches, trashShortcut, onTrash, onBack } = props;
  const { note, title, body, state, problem } = useNoteSnapshot(draft);
  const found = useNoteMatches(body, matches);

  // The editor is keyed by note, so this runs when a note appears.
  useEffect(() => {
    if (initialFocus) document.getElementById(focusTargets[initialFocus])?.focus();
  }, [initialFocus]);
  const flush = (): void => void draft.flush();

  return (
    <article className="note-editor" aria-label="Note">
      <header className="detail-toolbar">
        <BackButton onBack={onBack} />
        <SaveStatus state={state} />
        <div className="detail-toolbar__note">
          {matches && (
            <MatchBar words={matches} count={found.count} current={found.current} onStep={found.step} />
          )}
        </div>
        <button
          type="button"
          className="button is-quiet"
          title={`Move to trash (${trashShortcut.label})`}
          aria-keyshortcuts={trashShortcut.aria}
          onClick={onTrash}
        >
          Move to trash
        </button>
      </header>
      {problem && (
        <p className="note-editor__problem" role="alert">
          {problem}
        </p>
      )}
      <div className="note-editor__page">
        <input
          id={focusTargets.title}
          className="note-editor__title"
          type="text"
          aria-label="Title"
          placeholder="Untitled"
          value={title}
          onChange={(event) => draft.edit({ title: event.target.value })}
          onBlur={flush}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              document.getElementById(focusTargets.body)?.focus();
            }
          }}
        />
        <TagEditor
          tags={note.tags}
          onAdd={(tags) => draft.changeTags(tags, [])}
          onRemove={(tag) => draft.changeTags([], [tag])}
        />
        <textarea
          id={focusTargets.body}
          className="note-editor__body"
          aria-label="Body"
          placeholder="Write in Markdown…"
          value={body}
          spellCheck
          onChange={(event) => draft.edit({ body: event.target.value })}
          onBlur={flush}
        />
        <p className="note-editor__dates">
          Created {formatLongDate(note.created)} · Edited {formatLongDate(note.updated)}
        </p>
      </div>
    </article>
  );
}
