/**
 * The operators that are not text, as one test per item number over the index's per-item arrays
 * (index-meta.ts): trash, type, dates, and tags, sites and authors through the facet dictionary —
 * which facets an operator takes is decided once per search (over the facets of its kind only),
 * not once per item. Trashed items never pass. Tags and authors: every one asked for must match;
 * types and sites: any of them. A search with no words starts from the holders of the facets its
 * most selective operator takes, not from every item.
 */
import { FACET_SLOTS, CLIP, HIGHLIGHT, TRASHED, dateKey, type ItemMeta } from './index-meta';
import type { ParsedQuery } from './query-parser';
import { foldText } from './text';

/** True when the query filters on anything beyond "not in the trash". */
export function hasFilters(q: ParsedQuery): boolean {
  const lists = [q.tags, q.notTags, q.types, q.notTypes, q.sites, q.notSites, q.authors, q.notAuthors];
  return lists.some((list) => list.length > 0) || q.before !== null || q.after !== null;
}

export interface ItemFilter {
  /** Whether an item version (known: index-meta.ts) passes the query's operators. */
  passes: (num: number) => boolean;
  /**
   * The items of `source` (null: of the library) that may pass, as far as the facets of the most
   * selective operator tell (a superset: `passes` decides); null when that operator's facets have
   * `limit` holders or more, so that going through them would not be quicker.
   */
  narrow: (source: Int32Array | null, limit: number) => Int32Array | null;
}

export function itemFilter(q: ParsedQuery, meta: ItemMeta): ItemFilter {
  const anyType = q.types.length === 0;
  // By kind (0 note, 1 clip, 2 highlight): wanted, and refused.
  const kinds = ['note', 'clip', 'highlight'] as const;
  const wanted = kinds.map((kind) => q.types.includes(kind));
  const refused = kinds.map((kind) => q.notTypes.includes(kind));
  const before = q.before === null ? Infinity : dateKey(q.before);
  const after = q.after === null ? -Infinity : dateKey(q.after);
  // Each test runs once per facet of the dictionary (tens of thousands): strings made up front.
  const tag = (name: string): Accept => {
    const wanted = `t:${foldText(name)}`;
    const parent = `${wanted}/`;
    return (f) => f === wanted || f.startsWith(parent);
  };
  const site = (host: string): Accept => {
    const [exact, sub] = [`h:${host}`, `.${host}`];
    return (f) => f === exact || (f.startsWith('h:') && f.endsWith(sub));
  };
  const author =
    (name: string): Accept =>
    (f) =>
      f.startsWith('a:') && f.includes(name, 2);
  // Each operator is a bit; a facet's bits say which operators it satisfies (sites share one bit: any of them).
  const every = [...q.tags.map(tag), ...q.authors.map(author)];
  const tests: Accept[] = [...every];
  const sites = q.sites.map(site);
  if (sites.length > 0) tests.push((f) => sites.some((accept) => accept(f)));
  const none = [...q.notTags.map(tag), ...q.notAuthors.map(author), ...q.notSites.map(site)];
  tests.push(...none);
  const kept = tests.slice(0, 30);
  const want = (1 << Math.min(30, tests.length - none.length)) - 1;
  const refuse = ((1 << kept.length) - 1) & ~want;
  const bitsOf = (facet: string): number =>
    kept.reduce((bits, accept, i) => (accept(facet) ? bits | (1 << i) : bits), 0);
  // Only facets of the kinds the operators ask about can have a bit.
  const kindsAsked = [
    ...(q.tags.length + q.notTags.length > 0 ? ['t'] : []),
    ...(q.authors.length + q.notAuthors.length > 0 ? ['a'] : []),
    ...(q.sites.length + q.notSites.length > 0 ? ['h'] : []),
  ];
  const bits = new Int32Array(meta.facets.length);
  for (const kind of kindsAsked)
    for (const id of meta.facetsOfKind.get(kind) ?? []) bits[id] = bitsOf(meta.facets[id] as string);
  // Locals for what the test reads per item (the arrays are not replaced while a search runs).
  const { flags: allFlags, date: dates, more, facets, slots } = meta;
  const [trashed, clipBit, highlightBit, width] = [TRASHED, CLIP, HIGHLIGHT, FACET_SLOTS];
  const bitsAt = (id: number): number =>
    // A facet first met during this search (its item read from the catalog) is tested as it comes.
    id < bits.length ? (bits[id] as number) : bitsOf(facets[id] ?? '');
  const passes = (num: number): boolean => {
    const flags = allFlags[num] as number;
    if ((flags & trashed) !== 0) return false;
    const kind = (flags & clipBit) !== 0 ? 1 : (flags & highlightBit) !== 0 ? 2 : 0;
    if (!anyType && !wanted[kind]) return false;
    if (refused[kind]) return false;
    const date = dates[num] as number;
    if (date >= before || date < after) return false;
    if (kept.length === 0) return true;
    let has = 0;
    const base = num * width;
    let k = 0;
    for (; k < width; k++) {
      const id = slots[base + k] as number;
      if (id < 0) break;
      has |= bitsAt(id);
    }
    if (k === width) for (const id of more.get(num) ?? []) has |= bitsAt(id);
    return (has & want) === want && (has & refuse) === 0;
  };
  const narrow = (source: Int32Array | null, limit: number): Int32Array | null => {
    // The wanted operator whose facets have the fewest holders.
    let best: number[] | null = null;
    let bestCount = limit;
    for (let bit = 0; bit < Math.min(30, tests.length - none.length); bit++) {
      const ids: number[] = [];
      let count = 0;
      for (const kind of kindsAsked) {
        for (const id of meta.facetsOfKind.get(kind) ?? []) {
          if (((bits[id] as number) & (1 << bit)) === 0) continue;
          ids.push(id);
          count += meta.holders(id).length;
        }
      }
      if (count < bestCount) [best, bestCount] = [ids, count];
    }
    if (best === null) return null;
    const marked = new Uint8Array(allFlags.length);
    const found: number[] = [];
    const mark = (num: number): void => {
      if (marked[num] === 1) return;
      marked[num] = 1;
      if (source === null) found.push(num);
    };
    for (const id of best) for (const num of meta.holders(id)) mark(num);
    for (const num of meta.unknown) mark(num);
    return source === null ? Int32Array.from(found) : source.filter((num) => marked[num] === 1);
  };
  return { passes, narrow };
}

type Accept = (facet: string) => boolean;
