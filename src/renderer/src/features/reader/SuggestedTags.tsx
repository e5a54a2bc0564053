import { normalizeTag, tagKey } from '@shared/tags';

interface SuggestedTagsProps {
  suggested: readonly string[];
  current: readonly string[];
  onAdd: (tags: string[]) => void;
}

/** The page's own keywords that are valid tags and not on the clip yet. */
export function pendingSuggestions(suggested: readonly string[], current: readonly string[]): string[] {
  const known = new Set(current.map(tagKey));
  const pending: string[] = [];
  for (const raw of suggested) {
    let tag: string;
    try {
      tag = normalizeTag(raw);
    } catch {
      continue;
    }
    if (known.has(tagKey(tag))) continue;
    known.add(tagKey(tag));
    pending.push(tag);
  }
  return pending;
}

/** Tags the page suggests, each one click away, or all at once. */
export function SuggestedTags({ suggested, current, onAdd }: SuggestedTagsProps) {
  const pending = pendingSuggestions(suggested, current);
  if (pending.length === 0) return null;
  return (
    <div className="suggested-tags" role="group" aria-label="Suggested tags">
      <span className="suggested-tags__label">Suggested</span>
      <ul className="suggested-tags__list">
        {pending.map((tag) => (
          <li key={tag}>
            <button
              type="button"
              className="suggested-tag"
              aria-label={`Add tag ${tag}`}
              onClick={() => onAdd([tag])}
            >
              <span aria-hidden="true">+ </span>#{tag}
            </button>
          </li>
        ))}
      </ul>
      {pending.length > 1 && (
        <button type="button" className="button is-quiet suggested-tags__all" onClick={() => onAdd(pending)}>
          Add all
        </button>
      )}
    </div>
  );
}
