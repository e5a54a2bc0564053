import './tags.css';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { normalizeTag } from '@shared/tags';
import { errorMessage } from '../../lib/errors';
import { useTagActions } from './use-tags';

interface TagSelectionBarProps {
  ids: readonly string[];
  onClear: () => void;
}

/** Tags as typed in one field: separated by commas or spaces, each checked. Throws on the first bad one. */
function parseTags(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .filter((piece) => piece !== '')
    .map(normalizeTag);
}

interface TagsFieldProps {
  id: string;
  name: 'add' | 'remove';
  label: string;
  placeholder?: string;
  autoFocus?: boolean;
  describedBy: string | undefined;
  onChange: () => void;
}

/** One labelled text field of tags, as `parseTags` reads it. */
function TagsField({ id, name, label, placeholder, autoFocus, describedBy, onChange }: TagsFieldProps) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        name={name}
        className="field__input"
        type="text"
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        autoFocus={autoFocus}
        aria-describedby={describedBy}
        onChange={onChange}
      />
    </div>
  );
}

/** While several items are selected: how many, "Tag…" (tags to add and to remove), and "Clear selection". */
export function TagSelectionBar({ ids, onClear }: TagSelectionBarProps) {
  const actions = useTagActions();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const tagButton = useRef<HTMLButtonElement>(null);
  const formId = useId();
  const errorId = useId();

  const close = (): void => {
    setEditing(false);
    setError(null);
    tagButton.current?.focus();
  };

  const apply = async (form: HTMLFormElement): Promise<void> => {
    const data = new FormData(form);
    const field = (name: string): string => {
      const value = data.get(name);
      return typeof value === 'string' ? value : '';
    };
    let add: string[];
    let remove: string[];
    try {
      add = parseTags(field('add'));
      remove = parseTags(field('remove'));
    } catch (failure) {
      return setError(errorMessage(failure));
    }
    if (add.length === 0 && remove.length === 0) return setError('Type a tag to add or to remove.');
    setSaving(true);
    try {
      await actions.tagItems([...ids], add, remove);
      close();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key !== 'Escape') return;
    // Esc closes the form first, then clears the selection; never the workspace's Esc.
    event.preventDefault();
    event.stopPropagation();
    if (editing) close();
    else onClear();
  };

  return (
    <div className="selection-bar" role="toolbar" aria-label="Selection" onKeyDown={onKeyDown}>
      <p className="selection-bar__count" aria-live="polite">
        {ids.length.toLocaleString()} selected
      </p>
      <button
        ref={tagButton}
        type="button"
        className="button"
        aria-expanded={editing}
        aria-controls={editing ? formId : undefined}
        onClick={() => (editing ? close() : setEditing(true))}
      >
        Tag…
      </button>
      <button type="button" className="button is-quiet" onClick={onClear}>
        Clear selection
      </button>
      {editing && (
        <form
          id={formId}
          className="selection-bar__form"
          aria-label={`Tag ${ids.length} selected items`}
          onSubmit={(event) => {
            event.preventDefault();
            void apply(event.currentTarget);
          }}
        >
          <TagsField
            id={`${formId}-add`}
            name="add"
            label="Tags to add"
            placeholder="reading, sahel/mali"
            autoFocus
            describedBy={error ? errorId : undefined}
            onChange={() => setError(null)}
          />
          <TagsField
            id={`${formId}-remove`}
            name="remove"
            label="Tags to remove"
            describedBy={error ? errorId : undefined}
            onChange={() => setError(null)}
          />
          {error && (
            <p id={errorId} className="selection-bar__error" role="alert">
              {error}
            </p>
          )}
          <div className="dialog__actions">
            <button type="button" className="button" onClick={close}>
              Cancel
            </button>
            <button type="submit" className="button is-primary" disabled={saving}>
              Apply
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
