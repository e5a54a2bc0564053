import './welcome.css';
interface WelcomeProps {
  shortcut: { label: string; aria: string };
  onNewNote: () => void;
}

/** What an empty library shows: one line of purpose and the one thing to do first. */
export function Welcome({ shortcut, onNewNote }: WelcomeProps) {
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title" className="welcome__title">
        Welcome to Commonplace
      </h1>
      <p className="welcome__text">
        A quiet place for your research notes. Everything stays in this library, on this computer.
      </p>
      <div className="welcome__action">
        <button
          type="button"
          className="button is-primary"
          aria-keyshortcuts={shortcut.aria}
          onClick={onNewNote}
        >
          Write your first note
        </button>
        <span className="welcome__hint">
          or press <kbd>{shortcut.label}</kbd> anywhere
        </span>
      </div>
    </section>
  );
}

/** The detail pane when nothing is open. */
export function NothingOpen({ shortcut }: { shortcut: { label: string } }) {
  return (
    <p className="detail-empty">
      Select a note in the list, or press <kbd>{shortcut.label}</kbd> for a new one.
    </p>
  );
}
