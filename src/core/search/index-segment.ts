/**
 * An immutable segment of the index: sorted terms (index-terms.ts), and per term its postings
 * (item number + code) in flat typed arrays — five bytes a posting, no object per term or per
 * item, so 50,000 articles fit in about a hundred megabytes and load from disk without parsing.
 */
import { freeBuffers } from './free-buffers';
import { TermListBuilder, type TermList } from './index-terms';

/** Anything that lists sorted terms and their postings: a segment, or the live tier being flushed. */
export interface TermSource {
  readonly termCount: number;
  /** The first index whose term is not below `key` (terms sort by code unit: the `<` order of strings). */
  lowerBound(key: string): number;
  startsWith(termIndex: number, prefix: string): boolean;
  termAt(termIndex: number): string;
  /** Every term, packed, in order (for a merge). */
  termList(): TermList;
  /** The item numbers it holds postings for (or holds with no postings at all). */
  readonly docs: ArrayLike<number>;
  /** Postings, dead items included: an upper bound for sizing a merge. */
  readonly postings: number;
  forEachPosting(termIndex: number, visit: (num: number, code: number) => void): void;
  /** How many postings a term has (its frequency, for ranking prefix expansions). */
  postingCount(termIndex: number): number;
}

/** Where a segment is saved: segments are written once and never changed. */
export interface SegmentFile {
  dir: string;
  name: string;
  bytes: number;
  crc: number;
}

export class Segment implements TermSource {
  file: SegmentFile | null = null;

  constructor(
    readonly terms: TermList,
    /** terms.length + 1 entries: term i's postings are [offsets[i], offsets[i + 1]). */
    readonly offsets: Uint32Array,
    readonly nums: Uint32Array,
    readonly codes: Uint8Array,
    readonly docs: Uint32Array,
    /**
     * Each array is alone on a buffer of its own (built or merged here), so `free` may give them
     * back; a segment read from a file is views of one buffer, left to the garbage collector.
     */
    private readonly ownsBuffers = false,
  ) {}

  /** Gives the memory of its arrays back at once: the segment is never read again (merged away). */
  free(): void {
    if (!this.ownsBuffers) return;
    freeBuffers([this.terms.units, this.terms.ends, this.offsets, this.nums, this.codes, this.docs]);
  }

  get postings(): number {
    return this.nums.length;
  }

  get termCount(): number {
    return this.terms.length;
  }

  lowerBound(key: string): number {
    return this.terms.lowerBound(key);
  }

  startsWith(termIndex: number, prefix: string): boolean {
    return this.terms.startsWith(termIndex, prefix);
  }

  termAt(termIndex: number): string {
    return this.terms.at(termIndex);
  }

  termList(): TermList {
    return this.terms;
  }

  forEachPosting(termIndex: number, visit: (num: number, code: number) => void): void {
    const end = this.offsets[termIndex + 1] ?? 0;
    for (let p = this.offsets[termIndex] ?? end; p < end; p++)
      visit(this.nums[p] as number, this.codes[p] as number);
  }

  postingCount(termIndex: number): number {
    return (this.offsets[termIndex + 1] ?? 0) - (this.offsets[termIndex] ?? 0);
  }
}

// Postings copied per step when trimming (a few milliseconds each).
const COPY_PIECE = 1 << 20;

/** Builds a segment term by term, in sorted order. */
export class SegmentBuilder {
  private readonly terms = new TermListBuilder();
  // terms + 1 entries, as in a Segment (typed: a merge's hundred thousand would be a large heap array).
  private offsets = new Uint32Array(1024);
  private termCount = 0;
  private nums: Uint32Array;
  private codes: Uint8Array;
  private size = 0;

  constructor(capacity: number) {
    this.nums = new Uint32Array(Math.max(16, capacity));
    this.codes = new Uint8Array(Math.max(16, capacity));
  }

  add(num: number, code: number): void {
    if (this.size === this.nums.length) this.grow();
    this.nums[this.size] = num;
    this.codes[this.size++] = code;
  }

  /** Adds the postings of `segment`'s term `termIndex` whose items `keep` marks; returns how many it looked at. */
  copyKept(segment: Segment, termIndex: number, keep: Uint8Array): number {
    const start = segment.offsets[termIndex] as number;
    const end = segment.offsets[termIndex + 1] as number;
    if (this.size + end - start > this.nums.length) this.grow(this.size + end - start);
    // Plain locals (no destructuring): this runs once per term of a merge.
    const nums = segment.nums;
    const codes = segment.codes;
    const toNums = this.nums;
    const toCodes = this.codes;
    let size = this.size;
    for (let p = start; p < end; p++) {
      const num = nums[p] as number;
      if (keep[num] !== 1) continue;
      toNums[size] = num;
      toCodes[size++] = codes[p] as number;
    }
    this.size = size;
    return end - start;
  }

  /** Closes the postings added since the last call as those of term i of `list` (a term with none is left out). */
  endTerm(list: TermList, i: number): void {
    if (this.size === this.offsets[this.termCount]) return;
    this.terms.pushFrom(list, i);
    if (this.termCount + 1 === this.offsets.length) {
      const offsets = new Uint32Array(this.offsets.length * 2);
      offsets.set(this.offsets);
      this.offsets = offsets;
    }
    this.offsets[++this.termCount] = this.size;
  }

  /** The segment; `pause` is awaited between pieces of a copy (a trimmed copy of a big merge takes a while). */
  async finish(docs: Uint32Array, pause: () => Promise<void>): Promise<Segment> {
    let nums = this.nums.subarray(0, this.size);
    let codes = this.codes.subarray(0, this.size);
    // Trim only when it is worth a copy: a merge sizes for every input posting, dead ones included.
    if (this.size < this.nums.length * 0.9) {
      const trimmed = { nums: new Uint32Array(this.size), codes: new Uint8Array(this.size) };
      for (let at = 0; at < this.size; at += COPY_PIECE) {
        trimmed.nums.set(nums.subarray(at, at + COPY_PIECE), at);
        trimmed.codes.set(codes.subarray(at, at + COPY_PIECE), at);
        await pause();
      }
      ({ nums, codes } = trimmed);
    }
    return new Segment(
      this.terms.finish(),
      this.offsets.slice(0, this.termCount + 1),
      nums,
      codes,
      docs,
      true,
    );
  }

  private grow(least = 0): void {
    const nums = new Uint32Array(Math.max(least, this.nums.length * 2));
    nums.set(this.nums);
    const codes = new Uint8Array(nums.length);
    codes.set(this.codes);
    this.nums = nums;
    this.codes = codes;
  }
}
