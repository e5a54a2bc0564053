/**
 * The text part of a query, by item number, in flat typed arrays: AND within a group (each clause
 * must match; a clause scores its best posting, weighted by how rare the clause is), OR across
 * groups (scores add up, so an item matching more groups ranks higher), and exclusions.
 *
 * A common word matches nearly every item, so this is the hot loop of a search: it works in
 * arrays indexed by item number that are allocated once and reset after use, not per search.
 */
import { LIVE } from './index-meta';
import { WEIGHT } from './index-postings';
import type { PostingList } from './index-tiers';
import type { TextClause } from './query-parser';
import type { SearchIndex } from './search-index';
import { stem } from './text';

/** Groups past this many are ignored (an item's groups are a 31-bit mask). */
const MAX_GROUPS = 31;

/**
 * The matches: item numbers, and by item number the score and the groups satisfied (bit g =
 * group g). The arrays are pooled, not made per search: call `release` when done with them.
 */
export interface TextMatches {
  nums: Int32Array;
  score: Float64Array;
  groups: Int32Array;
  release(): void;
}

interface Need {
  term: string;
  prefix: boolean;
}

/** What a clause asks the index for: a word, or every word of a phrase (checked in order later). */
function needs(clause: TextClause): Need[] {
  if (clause.kind === 'word') return [{ term: clause.term, prefix: clause.prefix }];
  return clause.terms.map((term) => ({ term: stem(term), prefix: false }));
}

// By item number, used only while matchGroups runs (synchronously), left all zero.
let scratch = { count: new Uint8Array(0), best: new Float64Array(0), group: new Float64Array(0) };
let lists = { touched: new Int32Array(0), members: new Int32Array(0) };
// Result arrays (by item number, all zero when pooled), held by a search until it releases them.
const pool: { score: Float64Array; groups: Int32Array; order: Int32Array }[] = [];

function arrays(limit: number): { score: Float64Array; groups: Int32Array; order: Int32Array } {
  if (scratch.count.length < limit) {
    const size = Math.ceil(limit * 1.25);
    scratch = { count: new Uint8Array(size), best: new Float64Array(size), group: new Float64Array(size) };
    lists = { touched: new Int32Array(size), members: new Int32Array(size) };
  }
  let held = pool.pop();
  while (held !== undefined && held.score.length < limit) held = pool.pop();
  if (held !== undefined) return held;
  const size = scratch.count.length;
  return { score: new Float64Array(size), groups: new Int32Array(size), order: new Int32Array(size) };
}

// What `scan` counted: matches new to this clause, and live postings seen.
const tally = { hits: 0, postings: 0 };

/**
 * The hot loop, on its own so the engine optimises it well: every live posting of a list, for the
 * items still in the running (`count` = clause number), keeping each item's best weight.
 */
function scan(
  { nums, codes, start, end, factor }: PostingList,
  c: number,
  flags: Uint8Array,
  count: Uint8Array,
  best: Float64Array,
  touched: Int32Array,
): void {
  // Locals, not imported bindings: this runs once per posting.
  const liveBit = LIVE;
  const weights = WEIGHT;
  let hits = tally.hits;
  let postings = 0;
  for (let p = start; p < end; p++) {
    const num = nums[p] as number;
    if (((flags[num] as number) & liveBit) === 0) continue;
    postings++;
    if (count[num] !== c) continue;
    const weight = (weights[codes[p] as number] as number) * factor;
    const was = best[num] as number;
    if (was === 0) touched[hits++] = num;
    if (weight > was) best[num] = weight;
  }
  tally.hits = hits;
  tally.postings += postings;
}

export function matchGroups(index: SearchIndex, groups: readonly TextClause[][]): TextMatches {
  const result = arrays(index.numberLimit);
  const { score: total, groups: memberOf, order } = result;
  const { count, best, group } = scratch;
  const { touched, members } = lists;
  const flags = index.meta.flags;
  const live = Math.max(1, index.size);
  let found = 0;
  for (const [g, clauses] of groups.slice(0, MAX_GROUPS).entries()) {
    const wanted = dedupe(clauses.flatMap(needs)).slice(0, 254);
    let size = 0;
    for (const [c, need] of wanted.entries()) {
      tally.hits = 0;
      tally.postings = 0;
      for (const list of index.postings(need.term, need.prefix)) scan(list, c, flags, count, best, touched);
      const { hits, postings } = tally;
      // Rarer clauses weigh more; postings (up to one per field) stand in for the item count.
      const idf = Math.log(1 + live / Math.max(1, postings / 1.5));
      const last = c === wanted.length - 1;
      for (let i = 0; i < hits; i++) {
        const num = touched[i] as number;
        const score = (c === 0 ? 0 : (group[num] as number)) + idf * (best[num] as number);
        best[num] = 0;
        if (!last) {
          count[num] = c + 1;
          group[num] = score;
          continue;
        }
        // Through every clause: a match of the group.
        count[num] = 0;
        if (memberOf[num] === 0) order[found++] = num;
        memberOf[num] = (memberOf[num] as number) | (1 << g);
        total[num] = (total[num] as number) + score;
      }
      // Whoever matched the earlier clauses but not this one is out: reset it now.
      for (let i = 0; i < size; i++) if (count[members[i] as number] === c) count[members[i] as number] = 0;
      if (hits === 0 || last) break;
      members.set(touched.subarray(0, hits));
      size = hits;
    }
  }
  const nums = order.subarray(0, found);
  return {
    nums,
    score: total,
    groups: memberOf,
    release: () => {
      for (let i = 0; i < nums.length; i++) {
        total[nums[i] as number] = 0;
        memberOf[nums[i] as number] = 0;
      }
      if (pool.length < 4) pool.push(result);
    },
  };
}

/** An excluded phrase, and the items holding all its words (which may hold the phrase). */
export interface ExcludedPhrase {
  terms: string[];
  /** 1 by item number for the items holding every word of the phrase. */
  holders: Uint8Array;
}

/** Items with an excluded word (null: none), and the excluded phrases (to check on the text). */
export function matchExclusions(
  index: SearchIndex,
  none: readonly TextClause[],
): { excluded: Uint8Array | null; phrases: ExcludedPhrase[] } {
  let excluded: Uint8Array | null = null;
  const phrases: ExcludedPhrase[] = [];
  for (const clause of none) {
    if (clause.kind === 'word') {
      excluded ??= new Uint8Array(index.numberLimit);
      for (const { nums, start, end } of index.postings(clause.term, clause.prefix)) {
        for (let p = start; p < end; p++) excluded[nums[p] as number] = 1;
      }
      continue;
    }
    const matches = matchGroups(index, [[clause]]);
    if (matches.nums.length > 0) {
      const holders = new Uint8Array(index.numberLimit);
      for (let i = 0; i < matches.nums.length; i++) holders[matches.nums[i] as number] = 1;
      phrases.push({ terms: clause.terms, holders });
    }
    matches.release();
  }
  return { excluded, phrases };
}

function dedupe(list: Need[]): Need[] {
  const seen = new Set<string>();
  return list.filter((need) => {
    const key = `${need.prefix ? '*' : '='}${need.term}`;
    if (need.term === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
