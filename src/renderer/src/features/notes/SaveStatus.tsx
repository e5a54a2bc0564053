import type { SaveState } from './note-draft';

const labels: Record<SaveState, string> = {
  saved: 'Saved',
  // Pending edits are saved within a moment, so they read as saving too.
  unsaved: 'Saving…',
  saving: 'Saving…',
  error: 'Not saved',
};

/** Whether the open note is safely on disk; announced politely to screen readers. */
export function SaveStatus({ state }: { state: SaveState }) {
  return (
    <p className={`save-status is-${state}`} role="status" aria-label="Save status">
      <span className="save-status__dot" aria-hidden="true" />
      {labels[state]}
    </p>
  );
}
