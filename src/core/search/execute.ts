/**
 * Runs a parsed query: text clauses against the index (index-match.ts), the other operators
 * (index-filter.ts) against what the index keeps of each item (index-meta.ts) and, for tags,
 * sites and authors, the catalog entry; trashed items never. Then ranks (index-rank.ts), checks
 * phrases on the text of the candidates the page needs, and makes snippets for the page only.
 *
 * `total` counts every match after filters. With phrases it is exact for the candidates that
 * were checked and counts the rest (which hold every word of the phrase) as matches.
 */
import type { SearchHit } from '../../shared/types';
import { hasFilters, itemFilter, type ItemFilter } from './index-filter';
import { KNOWN, TRASHED } from './index-meta';
import { matchExclusions, matchGroups, type ExcludedPhrase } from './index-match';
import { PhraseCheck } from './index-phrase';
import { rankedPrefix } from './index-rank';
import type { ParsedQuery, TextClause } from './query-parser';
import type { SearchIndex } from './search-index';
import { splitHighlightDocId } from './highlight-docs';
import { hitSnippet } from './hit-snippet';
import { makeSnippet } from './snippet';

/** What a search needs to know of an item besides its text: an ItemRecord fits. */
export interface CatalogEntry {
  /** A highlight is indexed as its own entry (catalog.ts: `<clip id>^<highlight id>`). */
  type: 'note' | 'clip' | 'highlight';
  title: string;
  tags: readonly string[];
  updated: string;
  created: string;
  deleted: string | null;
  siteName?: string | null;
  authors?: readonly string[];
  published?: string | null;
  url?: string;
}

export interface SearchCatalog {
  get(id: string): CatalogEntry | undefined;
  /** The item's body as plain text (a note's Markdown, a clip's article text), for phrases and snippets. */
  bodyText(id: string): Promise<string>;
}

// Gathering an item through its facets costs about this many filter tests.
const HOLDER_COST = 2;

export async function executeSearch(
  index: SearchIndex,
  parsed: ParsedQuery,
  catalog: SearchCatalog,
  page: { limit: number; offset: number },
): Promise<{ total: number; hits: SearchHit[] }> {
  // Nothing to look for (an empty box): nothing found, rather than the whole library. Only
  // exclusions (`-draft`) or only operators: every item that passes them, newest first.
  if (parsed.any.length === 0 && parsed.none.length === 0 && !hasFilters(parsed))
    return { total: 0, hits: [] };
  const text = parsed.any.length > 0 ? matchGroups(index, parsed.any) : null;
  try {
    const filter = itemFilter(parsed, index.meta);
    // Start from the items of the most selective operator's facets when they are few enough.
    const source =
      text === null
        ? (filter.narrow(null, index.size / HOLDER_COST) ?? index.liveNumbers())
        : (filter.narrow(text.nums, text.nums.length) ?? text.nums);
    const candidates = filtered(index, parsed, catalog, filter, source);
    const groupPhrases = parsed.any.map((group) =>
      group.flatMap((c) => (c.kind === 'phrase' ? [c.terms] : [])),
    );
    const score = text?.score ?? null;
    const groups = text?.groups ?? null;
    const { updated } = index.meta;
    const better = (a: number, b: number): boolean => {
      if (score !== null && score[a] !== score[b]) return (score[a] as number) > (score[b] as number);
      if (updated[a] !== updated[b]) return (updated[a] as number) > (updated[b] as number);
      return (index.idAt(a) ?? '') < (index.idAt(b) ?? '');
    };
    // Body files are read only when the start the index keeps is not enough, and once.
    const texts = new Map<string, Promise<string>>();
    const textOf = (id: string): Promise<string> => {
      let body = texts.get(id);
      if (body === undefined) texts.set(id, (body = catalog.bodyText(id).catch(() => '')));
      return body;
    };
    const phrases = new PhraseCheck(groupPhrases, candidates.notPhrases, groups, {
      title: (num) => catalog.get(index.idAt(num) ?? '')?.title ?? '',
      head: (num) => index.headAt(num),
      pairs: (num) => index.pairsAt(num),
      body: (num) => textOf(index.idAt(num) ?? ''),
    });
    const { accepted, rejected } = await rankedPrefix(
      candidates.nums,
      page.offset + page.limit,
      { better, score },
      (num) => phrases.sure(num),
      (num) => phrases.verify(num),
    );
    const clauses = parsed.any.flat();
    const hits: Promise<SearchHit>[] = [];
    for (const num of accepted.slice(page.offset)) {
      const id = index.idAt(num);
      // Drawn fresh from the catalog: what the person sees is the item as it is now.
      const entry = id === undefined ? undefined : catalog.get(id);
      if (id !== undefined && entry !== undefined)
        hits.push(toHit(id, entry, score?.[num] ?? 0, index.headAt(num), () => textOf(id), clauses));
    }
    return { total: candidates.nums.length - rejected, hits: await Promise.all(hits) };
  } finally {
    text?.release();
  }
}

/** The item numbers that pass exclusions and filters (an item unknown to the index is read from the catalog once). */
function filtered(
  index: SearchIndex,
  parsed: ParsedQuery,
  catalog: SearchCatalog,
  { passes }: ItemFilter,
  source: ArrayLike<number>,
): { nums: Int32Array; notPhrases: ExcludedPhrase[] } {
  const { excluded, phrases: notPhrases } = matchExclusions(index, parsed.none);
  const { meta } = index;
  const nums = new Int32Array(source.length);
  let found = 0;
  const [flags, knownBit, trashed] = [meta.flags, KNOWN, TRASHED];
  // No operators: only the trash to leave out, tested inline (this loop may see every item).
  const simple = !hasFilters(parsed);
  for (let i = 0; i < source.length; i++) {
    const num = source[i] as number;
    if (excluded !== null && excluded[num] === 1) continue;
    if (((flags[num] as number) & knownBit) === 0) {
      const entry = catalog.get(index.idAt(num) ?? '');
      if (entry === undefined) continue;
      meta.set(num, entry);
    }
    if (simple ? ((flags[num] as number) & trashed) === 0 : passes(num)) nums[found++] = num;
  }
  return { nums: nums.subarray(0, found), notPhrases };
}

async function toHit(
  id: string,
  entry: CatalogEntry,
  score: number,
  head: string | undefined,
  body: () => Promise<string>,
  clauses: readonly TextClause[],
): Promise<SearchHit> {
  const terms = new Set<string>();
  const prefixes: string[] = [];
  const phrases: string[][] = [];
  for (const clause of clauses) {
    if (clause.kind === 'phrase') phrases.push(clause.terms);
    else if (clause.prefix) prefixes.push(clause.term);
    else terms.add(clause.term);
  }
  const titleMatches = clauses.length > 0 ? makeSnippet(entry.title, terms, prefixes, phrases).matches : [];
  const wanted = { terms, prefixes, phrases };
  const { snippet, matches } = await hitSnippet(head, body, wanted, titleMatches.length > 0);
  const [itemId = id, highlightId] = entry.type === 'highlight' ? splitHighlightDocId(id) : [id];
  const hit: SearchHit = {
    id: itemId,
    type: entry.type,
    title: entry.title,
    snippet,
    score: Math.round(score * 1000) / 1000,
    tags: [...entry.tags],
    updated: entry.updated,
    matches: [...new Set([...titleMatches, ...matches])],
  };
  if (highlightId !== undefined) hit.highlightId = highlightId;
  if (entry.type !== 'note') {
    hit.siteName = entry.siteName ?? null;
    hit.published = entry.published ?? null;
  }
  return hit;
}
