import './welcome.css';
import type { ShortcutHint } from '../../commands/shortcuts';
import { openTransfer } from '../transfer/transfer-store';

interface WelcomeProps {
  shortcuts: { newNote: ShortcutHint; clip: ShortcutHint };
  onNewNote: () => void;
  onClip: () => void;
}

/** What an empty library shows: one line of purpose and the first things to do. */
export function Welcome({ shortcuts, onNewNote, onClip }: WelcomeProps) {
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title" className="welcome__title">
        Welcome to Commonplace
      </h1>
      <p className="welcome__text">
        A quiet place for your research notes and the pages you read. Everything stays in this library, on
        this computer.
      </p>
      <ul className="welcome__actions">
        <li className="welcome__action">
          <button
            type="button"
            className="button is-primary"
            aria-keyshortcuts={shortcuts.clip.aria}
            onClick={onClip}
          >
            Clip a web page
          </button>
          <kbd>{shortcuts.clip.label}</kbd>
        </li>
        <li className="welcome__action">
          <button
            type="button"
            className="button"
            aria-keyshortcuts={shortcuts.newNote.aria}
            onClick={onNewNote}
          >
            Write your first note
          </button>
          <kbd>{shortcuts.newNote.label}</kbd>
        </li>
        {/* Transfer hook-up: the import dialog is mounted by the workspace. */}
        <li className="welcome__action">
          <button type="button" className="button" onClick={() => openTransfer({ kind: 'import' })}>
            Import a folder
          </button>
        </li>
      </ul>
    </section>
  );
}

/** The detail pane when nothing is open. */
export function NothingOpen({ shortcut }: { shortcut: { label: string } }) {
  return (
    <p className="detail-empty">
      Select an item in the list, or press <kbd>{shortcut.label}</kbd> for a new note.
    </p>
  );
}
