import { useId, useState, type KeyboardEvent } from 'react';
import { normalizeTag, tagKey } from '@shared/tags';
import { errorMessage } from '../../lib/errors';

interface TagEditorProps {
  tags: readonly string[];
  disabled?: boolean;
  onAdd: (tags: string[]) => void;
  onRemove: (tag: string) => void;
}

/** Splits what was typed on commas and checks each tag, keeping only new, valid ones. */
function parseInput(text: string, current: readonly string[]): { tags: string[]; error: string | null } {
  const known = new Set(current.map(tagKey));
  const tags: string[] = [];
  for (const piece of text.split(',')) {
    if (piece.trim() === '') continue;
    let tag: string;
    try {
      tag = normalizeTag(piece);
    } catch (error) {
      return { tags: [], error: errorMessage(error) };
    }
    if (!known.has(tagKey(tag))) tags.push(tag);
    known.add(tagKey(tag));
  }
  return { tags, error: null };
}

/** A note's tags as removable chips, and a field that adds tags on Enter or a comma. */
export function TagEditor({ tags, disabled = false, onAdd, onRemove }: TagEditorProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();

  const commit = (value: string): void => {
    const parsed = parseInput(value, tags);
    setError(parsed.error);
    if (parsed.error) return;
    setText('');
    if (parsed.tags.length > 0) onAdd(parsed.tags);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      commit(text);
    }
  };

  return (
    <div className="tag-editor" role="group" aria-label="Tags">
      <ul className="tag-editor__chips">
        {tags.map((tag) => (
          <li key={tag} className="tag-chip">
            <span className="tag-chip__name">#{tag}</span>
            <button
              type="button"
              className="tag-chip__remove"
              aria-label={`Remove tag ${tag}`}
              disabled={disabled}
              onClick={() => onRemove(tag)}
            >
              <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
        <li className="tag-editor__field">
          <input
            type="text"
            aria-label="Add tag"
            placeholder={tags.length > 0 ? 'Add tag' : 'Add tags, separated by commas'}
            value={text}
            disabled={disabled}
            aria-invalid={error !== null}
            aria-describedby={error ? errorId : undefined}
            onChange={(event) => {
              setText(event.target.value);
              if (error) setError(null);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => text.trim() && commit(text)}
          />
        </li>
      </ul>
      {error && (
        <p id={errorId} className="tag-editor__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
