import './notes.css';
import { useCallback, useEffect, useRef } from 'react';
import type { EditorView } from '@codemirror/view';
import type { LinkCandidate } from '@shared/types';
import type { ShortcutHint } from '../../commands/shortcuts';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TagEditor } from '../tags/TagEditor';
import { formatLongDate } from '../../lib/format-date';
import { focusTargets } from '../../lib/focus';
import { useClient } from '../../lib/use-client';
import { BackButton } from '../../components/BackButton';
import { BacklinksPanel } from '../links/BacklinksPanel';
import { COMPLETION_LIMIT } from '../links/link-completion';
import { typeIconNode } from '../links/type-icon-node';
import { useFollowLink, type OpenAt } from '../links/use-follow-link';
import { findHeading } from '../links/wikilink-ranges';
import { useItemLinks } from '../links/use-item-links';
import { MatchBar } from '../search/MatchBar';
import { CopyMarkdownButton } from '../transfer/CopyMarkdownButton';
import { MarkdownBody } from './MarkdownBody';
import { revealRange } from './search-marks';
import { SaveStatus } from './SaveStatus';
import type { NoteDraft } from './note-draft';
import type { EditorField } from './use-note-editor';
import { useNoteMatches } from './use-note-matches';
import { useNoteSnapshot } from './use-note-snapshot';
import { renameQuestion, useTitleRename } from './use-title-rename';

interface NoteEditorProps {
  draft: NoteDraft;
  /** The field to focus when this note appears. */
  initialFocus: EditorField | null;
  /** The words to find when the note was opened from a search, or null. */
  matches: readonly string[] | null;
  trashShortcut: ShortcutHint;
  onTrash: () => void;
  onBack: () => void;
  /** Opens an item (a link's target — at its heading or highlight —, a backlink's note) by id, or one just created. */
  onOpenItem: OpenAt;
  /** A heading to show when the note opens (it was opened by a `[[Note#Heading]]` link), or null. */
  heading?: string | null;
}

const drawIcon = (candidate: LinkCandidate): Node => typeIconNode(candidate.type);

/** The open note: title, tags and Markdown body, saved as you type, and the notes linking to it. */
export function NoteEditor(props: NoteEditorProps) {
  const { draft, initialFocus, matches, trashShortcut, onTrash, onBack, onOpenItem } = props;
  const client = useClient();
  const { note, title, body, state, problem } = useNoteSnapshot(draft);
  const view = useRef<EditorView | null>(null);
  const found = useNoteMatches(body, matches, view);
  const links = useItemLinks(draft.id);
  const rename = useTitleRename(draft, links.report);
  const follow = useFollowLink(onOpenItem);
  const findCandidates = useCallback(
    async (query: string) => (await client.completeLinks({ query, limit: COMPLETION_LIMIT })).candidates,
    [client],
  );
  const openById = useCallback((id: string) => onOpenItem(id), [onOpenItem]);

  // The editor is keyed by note, so this runs when a note appears.
  useEffect(() => {
    if (initialFocus) document.getElementById(focusTargets[initialFocus])?.focus();
  }, [initialFocus]);

  // Opened by a link to one of its headings: show that heading.
  const heading = props.heading ?? null;
  useEffect(() => {
    const editor = view.current;
    const line = heading === null || !editor ? null : findHeading(editor.state.doc.toString(), heading);
    if (editor && line) revealRange(editor, line.from, line.to);
  }, [heading]);

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
        <CopyMarkdownButton id={draft.id} beforeCopy={() => draft.flush()} />
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
          value={rename.value(title)}
          onChange={(event) => rename.change(event.target.value)}
          onBlur={() => {
            rename.commit();
            void draft.flush();
          }}
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
        <MarkdownBody
          draft={draft}
          viewRef={view}
          outgoing={links.report?.outgoing ?? null}
          findCandidates={findCandidates}
          drawIcon={drawIcon}
          follow={follow}
        />
        <p className="note-editor__dates">
          Created {formatLongDate(note.created)} · Edited {formatLongDate(note.updated)}
        </p>
        <BacklinksPanel itemId={draft.id} onOpen={openById} />
      </div>
      <ConfirmDialog
        open={rename.asking !== null}
        title="Update links to this note?"
        message={rename.asking ? renameQuestion(rename.asking) : ''}
        confirmLabel="Rename and update links"
        onConfirm={rename.confirm}
        onCancel={rename.cancel}
      />
    </article>
  );
}
