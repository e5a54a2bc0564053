/**
 * A sorted list of terms in two typed arrays — the UTF-16 code units of every term, one after the
 * other, and where each ends — rather than as strings. A segment's vocabulary is tens of
 * thousands of terms: as strings they were that many heap objects for every garbage collection to
 * trace (and, on a load, to allocate); packed they are two buffers, which go to and from disk and
 * across threads as they are. Terms compare code unit by code unit: the `<` order of strings.
 */
export class TermList {
  constructor(
    readonly units: Uint16Array,
    /** Term i is units [ends[i - 1] (0 for the first), ends[i]). */
    readonly ends: Uint32Array,
  ) {}

  /** The list of `terms` (already sorted), packed. */
  static of(terms: readonly string[]): TermList {
    const builder = new TermListBuilder();
    for (const term of terms) builder.push(term);
    return builder.finish();
  }

  get length(): number {
    return this.ends.length;
  }

  start(i: number): number {
    return i === 0 ? 0 : (this.ends[i - 1] as number);
  }

  /** Term i as a string. */
  at(i: number): string {
    const end = this.ends[i] as number;
    let text = '';
    // In pieces: an argument list as long as a long term would overflow the stack.
    for (let at = this.start(i); at < end; at += 4_096) {
      text += String.fromCharCode.apply(null, this.units.subarray(at, Math.min(end, at + 4_096)) as never);
    }
    return text;
  }

  /** Negative, zero or positive as term i sorts before, with or after `key`. */
  compare(i: number, key: string): number {
    const units = this.units;
    const start = this.start(i);
    const length = (this.ends[i] as number) - start;
    const common = Math.min(length, key.length);
    for (let k = 0; k < common; k++) {
      const diff = (units[start + k] as number) - key.charCodeAt(k);
      if (diff !== 0) return diff;
    }
    return length - key.length;
  }

  /** The same between term i and term j of `other`. */
  compareWith(i: number, other: TermList, j: number): number {
    const a = this.units;
    const b = other.units;
    const startA = this.start(i);
    const startB = other.start(j);
    const lengthA = (this.ends[i] as number) - startA;
    const lengthB = (other.ends[j] as number) - startB;
    const common = Math.min(lengthA, lengthB);
    for (let k = 0; k < common; k++) {
      const diff = (a[startA + k] as number) - (b[startB + k] as number);
      if (diff !== 0) return diff;
    }
    return lengthA - lengthB;
  }

  /** Whether term i starts with `prefix`. */
  startsWith(i: number, prefix: string): boolean {
    const start = this.start(i);
    if ((this.ends[i] as number) - start < prefix.length) return false;
    for (let k = 0; k < prefix.length; k++) if (this.units[start + k] !== prefix.charCodeAt(k)) return false;
    return true;
  }

  /** The first index whose term is not below `key`. */
  lowerBound(key: string): number {
    let low = 0;
    let high = this.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.compare(mid, key) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** The index of `term`, or -1. */
  find(term: string): number {
    const i = this.lowerBound(term);
    return i < this.length && this.compare(i, term) === 0 ? i : -1;
  }
}

/** Builds a TermList a term at a time, in sorted order. */
export class TermListBuilder {
  private units = new Uint16Array(1024);
  private ends = new Uint32Array(256);
  private count = 0;
  private size = 0;

  push(term: string): void {
    this.fit(term.length);
    for (let k = 0; k < term.length; k++) this.units[this.size + k] = term.charCodeAt(k);
    this.end(term.length);
  }

  /** Adds term i of `list`. */
  pushFrom(list: TermList, i: number): void {
    const start = list.start(i);
    const length = (list.ends[i] as number) - start;
    this.fit(length);
    // Unit by unit: a term is short, and a view per term would be garbage per term.
    const from = list.units;
    const to = this.units;
    const at = this.size;
    for (let k = 0; k < length; k++) to[at + k] = from[start + k] as number;
    this.end(length);
  }

  finish(): TermList {
    return new TermList(this.units.slice(0, this.size), this.ends.slice(0, this.count));
  }

  private end(length: number): void {
    this.size += length;
    this.ends[this.count++] = this.size;
  }

  private fit(length: number): void {
    if (this.size + length > this.units.length) {
      const units = new Uint16Array(Math.max(this.size + length, this.units.length * 2));
      units.set(this.units.subarray(0, this.size));
      this.units = units;
    }
    if (this.count === this.ends.length) {
      const ends = new Uint32Array(this.ends.length * 2);
      ends.set(this.ends);
      this.ends = ends;
    }
  }
}
