/**
 * `[[` completion: every title and alias outside the trash scored against what was typed, both
 * folded (case and accents ignored). Best first: the whole name, then a prefix of it, then each
 * typed word starting a word of the name in order, then a substring, then the letters in order
 * (a subsequence, better when they run together). Shorter names win ties, then recent items.
 */
import type { LinkCandidate } from '../../shared/types';
import type { ItemRecord } from '../item-record';
import type { Store } from '../store';
import type { LinkIndex } from './link-index';
import { linkKey } from './wikilink';

/** How well `query` matches `name` (both folded by linkKey, with their words); 0 when it does not. */
export function matchScore(
  query: string,
  name: string,
  queryWords = query.split(' '),
  nameWords = name.split(' '),
): number {
  if (query === '' || name === '') return 0;
  const shorter = Math.max(0, 99 - name.length) / 100;
  if (name === query) return 1000;
  if (name.startsWith(query)) return 800 + shorter;
  if (wordPrefixes(queryWords, nameWords)) return 600 + shorter;
  const at = name.indexOf(query);
  if (at !== -1) return 400 + shorter - Math.min(at, 99) / 1000;
  const run = subsequence(query, name);
  return run === null ? 0 : 100 + (run * 100) / query.length + shorter;
}

export function completeLinks(store: Store, index: LinkIndex, query: string, limit: number): LinkCandidate[] {
  const typed = linkKey(query);
  if (typed === '') {
    const recent = store.query({ view: 'all', offset: 0, limit }).items;
    return recent.map((record) => candidate(record, null, 0));
  }
  const typedWords = typed.split(' ');
  const found: { record: ItemRecord; alias: string | null; score: number }[] = [];
  for (const [id, names] of index.allNames()) {
    let best = 0;
    let alias: string | null = null;
    for (const name of names) {
      const score = matchScore(typed, name.key, typedWords, name.words);
      if (score > best) {
        best = score;
        alias = name.alias ? name.name : null;
      }
    }
    const record = best > 0 ? store.get(id) : undefined;
    if (record) found.push({ record, alias, score: best });
  }
  found.sort(
    (a, b) =>
      b.score - a.score ||
      (a.record.updated === b.record.updated ? 0 : a.record.updated > b.record.updated ? -1 : 1) ||
      (a.record.id < b.record.id ? -1 : 1),
  );
  return found.slice(0, limit).map(({ record, alias, score }) => candidate(record, alias, score));
}

function candidate(record: ItemRecord, alias: string | null, score: number): LinkCandidate {
  return {
    id: record.id,
    type: record.type,
    title: record.title,
    alias,
    score: Math.round(score * 1000) / 1000,
  };
}

/** Each query word starts a word of the name, in order. */
function wordPrefixes(query: readonly string[], name: readonly string[]): boolean {
  let at = 0;
  for (const word of query) {
    while (at < name.length && !(name[at] as string).startsWith(word)) at++;
    if (at === name.length) return false;
    at++;
  }
  return true;
}

/**
 * The query's characters in order in the name, the first at the start of a word (so letters
 * scattered through unrelated words do not match): how many follow the previous one directly, or null.
 */
function subsequence(query: string, name: string): number | null {
  const letters = query.replaceAll(' ', '');
  let best: number | null = null;
  for (let start = 0; start < name.length; start++) {
    if (name[start] !== letters[0] || (start > 0 && name[start - 1] !== ' ')) continue;
    let at = start;
    let together = 0;
    for (const ch of letters.slice(1)) {
      const next = name.indexOf(ch, at + 1);
      if (next === -1) return best;
      if (next === at + 1) together++;
      at = next;
    }
    best = Math.max(best ?? 0, together);
  }
  return best;
}
