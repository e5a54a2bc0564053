/**
 * An immutable segment of the index: sorted terms, and per term its postings (item number + code)
 * in flat typed arrays — five bytes a posting, no object per term or per item, so 50,000 articles
 * fit in about a hundred megabytes and load from disk without parsing.
 */

/** Anything that lists sorted terms and their postings: a segment, or the live tier being flushed. */
export interface TermSource {
  /** Sorted by code unit (the `<` order of strings). */
  readonly terms: readonly string[];
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
    readonly terms: readonly string[],
    /** terms.length + 1 entries: term i's postings are [offsets[i], offsets[i + 1]). */
    readonly offsets: Uint32Array,
    readonly nums: Uint32Array,
    readonly codes: Uint8Array,
    readonly docs: Uint32Array,
  ) {}

  get postings(): number {
    return this.nums.length;
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

/** The first index whose term is not below `key`. */
export function lowerBound(sorted: readonly string[], key: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] as string) < key) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The index of `term`, or -1. */
export function findTerm(sorted: readonly string[], term: string): number {
  const i = lowerBound(sorted, term);
  return sorted[i] === term ? i : -1;
}

// Postings copied per step when trimming (a few milliseconds each).
const COPY_PIECE = 1 << 20;

/** Builds a segment term by term, in sorted order. */
export class SegmentBuilder {
  private readonly terms: string[] = [];
  private readonly offsets: number[] = [0];
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
    const { nums, codes } = segment;
    const [toNums, toCodes] = [this.nums, this.codes];
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

  /** Closes the postings added since the last call as those of `term` (a term with none is left out). */
  endTerm(term: string): void {
    if (this.size === this.offsets[this.offsets.length - 1]) return;
    this.terms.push(term);
    this.offsets.push(this.size);
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
    return new Segment(this.terms, Uint32Array.from(this.offsets), nums, codes, docs);
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
