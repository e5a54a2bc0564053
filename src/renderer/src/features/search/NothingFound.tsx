/** Search operators, as a person would type them, and what each does. */
const operators: [string, string][] = [
  ['tag:sahel', 'tagged sahel, or a tag under it'],
  ['type:clip', 'only clips (or note, highlight)'],
  ['site:example.org', 'clipped from that site'],
  ['author:traoré', 'by that author'],
  ['before:2024-12-01', 'published (or written) before that day'],
  ['after:2024-11', 'in that month or later'],
  ['"exact phrase"', 'these words in this order'],
  ['-word', 'leave out what has it'],
  ['mali OR niger', 'either word'],
];

interface NothingFoundProps {
  query: string;
  /** The index is still being built, so more may match in a moment. */
  indexing: boolean;
}

/** What the results say when nothing matches: the query, and how to widen or sharpen it. */
export function NothingFound({ query, indexing }: NothingFoundProps) {
  return (
    <div className="search-empty">
      <p className="search-empty__title">
        {indexing ? `Nothing matches ${query} yet.` : `Nothing matches ${query}.`}
      </p>
      {indexing && (
        <p className="search-empty__hint">Not everything is indexed yet; results appear as it goes.</p>
      )}
      <p className="search-empty__hint">Try fewer or other words. Search also understands:</p>
      <dl className="search-empty__operators">
        {operators.map(([operator, meaning]) => (
          <div key={operator}>
            <dt>
              <code>{operator}</code>
            </dt>
            <dd>{meaning}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
