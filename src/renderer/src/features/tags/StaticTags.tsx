/** An item's tags, read-only (an item in the trash). */
export function StaticTags({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) return null;
  return (
    <ul className="tag-editor__chips is-static" aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag} className="tag-chip">
          <span className="tag-chip__name">#{tag}</span>
        </li>
      ))}
    </ul>
  );
}
