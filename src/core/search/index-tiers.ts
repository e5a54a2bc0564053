/**
 * What the index holds, tier by tier: immutable segments (the bulk), live tiers being flushed, and
 * the live tier taking new items — plus the numbering. Each item version gets a small number; a
 * replaced or removed version is only marked dead (its number maps to no id) and its postings
 * stay where they are until a flush or merge drops them, which is what makes an update cost the
 * same right after a load as at any other time. A number is reused only once no tier holds it.
 */
import type { CatalogEntry } from './execute';
import { DeltaTier } from './index-delta';
import { HeadStore } from './index-head-store';
import { ItemMeta, LIVE, type KnownMeta } from './index-meta';
import { WEIGHT, type FieldTerms } from './index-postings';
import type { Segment, TermSource } from './index-segment';

/** A run of postings: [start, end) of `nums` and `codes`, each match's weight times `factor`. */
export interface PostingList {
  nums: Uint32Array;
  codes: Uint8Array;
  start: number;
  end: number;
  factor: number;
}

/** A prefix expands to at most this many indexed terms, the most frequent first: fewer for a short, vague one. */
const maxExpansions = (prefix: string): number => (prefix.length <= 2 ? 16 : prefix.length === 3 ? 24 : 40);
// Terms looked at per tier for one prefix: a one-letter prefix must not walk the whole vocabulary.
const SCAN_LIMIT = 2_000;
/** A term found by prefix counts a little less than the word typed in full. */
const PREFIX_FACTOR = 0.85;
/** The live tier is flushed into a segment at about this many postings (~500 articles). */
export const FLUSH_POSTINGS = 200_000;

export class Tiers {
  segments: Segment[] = [];
  /** Live tiers waiting to be flushed, oldest first. */
  frozen: DeltaTier[] = [];
  delta = new DeltaTier();
  /** Item number → id, for live numbers only. */
  readonly idOf: (string | undefined)[] = [];
  readonly numOf = new Map<string, number>();
  /** Item number → the start of its body text (index-heads.ts), for live numbers only. */
  readonly heads = new HeadStore();
  /** Item number → the pair filter of its body (pair-filter.ts), for live numbers only: bytes kept as heads are. */
  readonly pairs = new HeadStore();
  readonly meta = new ItemMeta();
  private free: number[] = [];

  /** Indexes a new version of `id`: the old one (if any) is dead from now on. */
  put(
    id: string,
    fields: readonly FieldTerms[],
    entry: CatalogEntry | undefined,
    head: string,
    pairs: Uint8Array,
  ): void {
    this.kill(id);
    const num = this.free.pop() ?? this.idOf.length;
    this.delta.add(num, fields);
    this.idOf[num] = id;
    this.heads.set(num, head);
    this.pairs.setBytes(num, pairs);
    this.numOf.set(id, num);
    if (entry) this.meta.set(num, entry);
    else this.meta.live(num);
  }

  /** A number for a version indexed elsewhere (index-batch.ts): dead until `adopt`, or given back with `release`. */
  reserve(): number {
    const num = this.free.pop() ?? this.idOf.length;
    if (num >= this.idOf.length) this.idOf[num] = undefined;
    return num;
  }

  /**
   * Makes a reserved number the live version of `id` (`head` in UTF-8 and `pairs`, views into its
   * batch's buffers, kept where they are); its postings arrive in a segment of their own.
   */
  adopt(id: string, num: number, meta: KnownMeta, head: Uint8Array, pairs: Uint8Array): void {
    this.kill(id);
    this.idOf[num] = id;
    this.heads.setIn(num, head);
    this.pairs.setIn(num, pairs);
    this.numOf.set(id, num);
    this.meta.setKnown(num, meta);
  }

  kill(id: string): void {
    const num = this.numOf.get(id);
    if (num === undefined) return;
    this.idOf[num] = undefined;
    this.heads.delete(num);
    this.pairs.delete(num);
    this.numOf.delete(id);
    this.meta.clear(num);
  }

  /** Freezes the live tier if it is due (or `force`d and not empty); true if a flush is now pending. */
  rollOver(force: boolean): boolean {
    if (this.delta.postings >= FLUSH_POSTINGS || (force && !this.delta.empty)) {
      this.delta.freeze();
      this.frozen.push(this.delta);
      this.delta = new DeltaTier();
    }
    return this.frozen.length > 0;
  }

  /** Numbers a flush or merge dropped: no tier holds them any more. */
  release(nums: Iterable<number>): void {
    for (const num of nums) if (this.idOf[num] === undefined) this.free.push(num);
  }

  /** Rebuilds the free list from what the tiers hold (after a load). */
  resetFree(): void {
    const held = new Uint8Array(this.idOf.length);
    for (const source of this.sources())
      for (let i = 0; i < source.docs.length; i++) held[source.docs[i] as number] = 1;
    this.free = [];
    for (let num = this.idOf.length - 1; num >= 0; num--) if (held[num] === 0) this.free.push(num);
  }

  sources(): TermSource[] {
    return [...this.segments, ...this.frozen, this.delta];
  }

  /** The postings under `term` (or the terms it starts, with `prefix`), dead versions included. */
  postings(term: string, prefix: boolean): PostingList[] {
    if (term === '') return [];
    const lists: PostingList[] = [];
    for (const [word, factor] of prefix ? this.expand(term) : [[term, 1] as [string, number]]) {
      for (const segment of this.segments) {
        const i = segment.terms.find(word);
        if (i >= 0) {
          const start = segment.offsets[i] as number;
          lists.push({
            nums: segment.nums,
            codes: segment.codes,
            start,
            end: segment.offsets[i + 1] as number,
            factor,
          });
        }
      }
      for (const tier of [...this.frozen, this.delta]) {
        if (!tier.has(word)) continue;
        const nums: number[] = [];
        const codes: number[] = [];
        tier.visit(word, (num, code) => {
          nums.push(num);
          codes.push(code);
        });
        lists.push({
          nums: Uint32Array.from(nums),
          codes: Uint8Array.from(codes),
          start: 0,
          end: nums.length,
          factor,
        });
      }
    }
    return lists;
  }

  /** Calls `visit` for every posting of a live item under `term` (or a term it starts, with `prefix`). */
  visitTerm(term: string, prefix: boolean, visit: (num: number, weight: number) => void): void {
    const { flags } = this.meta;
    for (const { nums, codes, start, end, factor } of this.postings(term, prefix)) {
      for (let p = start; p < end; p++) {
        const num = nums[p] as number;
        if (((flags[num] as number) & LIVE) !== 0)
          visit(num, (WEIGHT[codes[p] as number] as number) * factor);
      }
    }
  }

  /** The indexed terms starting with `prefix`, the most frequent first, with the factor their matches get. */
  expand(prefix: string): [string, number][] {
    const frequency = new Map<string, number>();
    for (const source of this.sources()) {
      const first = source.lowerBound(prefix);
      const end = Math.min(source.termCount, first + SCAN_LIMIT);
      for (let i = first; i < end && source.startsWith(i, prefix); i++) {
        const term = source.termAt(i);
        frequency.set(term, (frequency.get(term) ?? 0) + source.postingCount(i));
      }
    }
    let terms = [...frequency];
    const cap = maxExpansions(prefix);
    if (terms.length > cap) {
      terms.sort((a, b) => b[1] - a[1]);
      const exact = frequency.has(prefix);
      terms = terms.filter(([term]) => term !== prefix).slice(0, cap - (exact ? 1 : 0));
      if (exact) terms.push([prefix, 0]);
    }
    return terms.map(([term]) => [term, term === prefix ? 1 : PREFIX_FACTOR]);
  }
}
