/**
 * The page's `<meta>` tags by name: `name`, `property` (OpenGraph) and `itemprop` keys, lowercased,
 * every value in document order (citation_author and article:tag repeat).
 */
import { all, squash, type DomDocument } from './dom';

export interface MetaTags {
  /** The first non-empty value of the first of `names` that has one. */
  first(...names: string[]): string | undefined;
  /** Every value of every one of `names`, in the order of `names`. */
  all(...names: string[]): string[];
}

export function readMetaTags(document: DomDocument): MetaTags {
  const values = new Map<string, string[]>();
  for (const meta of all(document, 'meta[content]')) {
    const content = squash(meta.getAttribute('content'));
    if (content === '') continue;
    for (const attribute of ['name', 'property', 'itemprop']) {
      // property="og:title article:author" is legal RDFa: one value, several keys.
      for (const key of (meta.getAttribute(attribute) ?? '').toLowerCase().split(/\s+/)) {
        if (key === '') continue;
        const list = values.get(key) ?? [];
        list.push(content);
        values.set(key, list);
      }
    }
  }
  return {
    first: (...names) => {
      for (const name of names) {
        const value = values.get(name.toLowerCase())?.[0];
        if (value !== undefined) return value;
      }
      return undefined;
    },
    all: (...names) => names.flatMap((name) => values.get(name.toLowerCase()) ?? []),
  };
}
