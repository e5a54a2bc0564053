import './saved-searches.css';
import { useId, useRef, useState } from 'react';
import { useModal } from '../../lib/use-modal';

interface SaveSearchDialogProps {
  /** The query to save, or null while the dialog is closed. */
  query: string | null;
  onSave: (name: string, query: string) => Promise<boolean>;
  onClose: () => void;
}

/** Asks for a name (the query itself unless changed) and saves the search to the sidebar. */
export function SaveSearchDialog({ query, onSave, onClose }: SaveSearchDialogProps) {
  const field = useRef<HTMLInputElement>(null);
  const dialog = useModal(query !== null, { onShown: () => field.current?.select(), onClosed: onClose });
  const titleId = useId();
  const nameId = useId();
  const [saving, setSaving] = useState(false);

  const submit = async (name: string): Promise<void> => {
    if (query === null || saving) return;
    setSaving(true);
    const saved = await onSave(name.trim() || query, query);
    setSaving(false);
    if (saved) onClose();
  };

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={titleId}>
      {query !== null && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void submit(field.current?.value ?? '');
          }}
        >
          <h2 id={titleId} className="dialog__title">
            Save search
          </h2>
          <p className="field__hint">It stays in the sidebar, with how many items match it now.</p>
          <div className="field save-search__field">
            <label className="field__label" htmlFor={nameId}>
              Name
            </label>
            <input
              ref={field}
              id={nameId}
              name="name"
              className="field__input"
              type="text"
              defaultValue={query}
              maxLength={200}
              autoComplete="off"
              required
            />
          </div>
          <div className="dialog__actions">
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="button is-primary" disabled={saving}>
              Save
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
