/**
 * The live tier: items added since the last flush, in FlexSearch (one strict Index per field,
 * numeric ids, our own terms and slots). Small by design — it is flushed into a segment once it
 * holds a few hundred thousand postings — so adding stays fast whatever the library's size.
 *
 * It never removes: a replaced or removed item is only marked dead by the caller, and its postings
 * are dropped when the tier is flushed. So FlexSearch's `fastupdate` (and its reverse register)
 * is off, and its known failure — `fastupdate` + `remove` leaving a term with no item, whose search
 * then throws a TypeError — cannot arise; searches are guarded anyway.
 */
import { Index } from 'flexsearch';
import { FIELD_COUNT, SLOTS, postingCode, type FieldTerms } from './index-postings';
import type { TermSource } from './index-segment';
import { TermList } from './index-terms';

// New terms sorted into the list at a time (one sort and one merge: a millisecond or two).
const FRESH_BATCH = 2_000;

// FlexSearch asks for each term's slot through its `score` option; `add` sets these for one call.
let currentSlots: readonly number[] = [];

function fieldIndex(): Index {
  return new Index({
    tokenize: 'strict',
    resolution: SLOTS,
    fastupdate: false,
    // Terms arrive folded and stemmed, joined by spaces: split them back, nothing more.
    encode: (text: string) => text.split(' '),
    score: (_content, _term, i) => currentSlots[i] ?? SLOTS - 1,
  });
}

export class DeltaTier implements TermSource {
  postings = 0;
  private frozen = false;
  private readonly fields: Index[] = Array.from({ length: FIELD_COUNT }, fieldIndex);
  private readonly counts = new Map<string, number>();
  private readonly held: number[] = [];
  private sorted: string[] = [];
  // New terms are sorted in lazily (a prefix search or a flush), so adding never shifts the list.
  private fresh: string[] = [];

  get docs(): readonly number[] {
    return this.held;
  }

  get terms(): readonly string[] {
    if (this.fresh.length > 0) this.sortFresh();
    return this.sorted;
  }

  get termCount(): number {
    return this.terms.length;
  }

  lowerBound(key: string): number {
    const sorted = this.terms;
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((sorted[mid] as string) < key) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  startsWith(termIndex: number, prefix: string): boolean {
    return this.terms[termIndex]?.startsWith(prefix) ?? false;
  }

  termAt(termIndex: number): string {
    return this.terms[termIndex] ?? '';
  }

  termList(): TermList {
    return TermList.of(this.terms);
  }

  get empty(): boolean {
    return this.held.length === 0;
  }

  /** No more adds: the tier is being flushed. */
  freeze(): void {
    this.frozen = true;
  }

  add(num: number, fields: readonly FieldTerms[]): void {
    if (this.frozen) throw new Error('A frozen index tier cannot take items.');
    this.held.push(num);
    fields.forEach(({ terms, slots }, field) => {
      if (terms.length === 0) return;
      currentSlots = slots;
      try {
        this.fields[field]?.add(num, terms.join(' '));
      } finally {
        currentSlots = [];
      }
      for (const term of terms) {
        const count = this.counts.get(term);
        if (count === undefined) this.fresh.push(term);
        this.counts.set(term, (count ?? 0) + 1);
      }
      this.postings += terms.length;
    });
    // Sorted in a few thousand at a time: one sort never holds the event loop for long.
    if (this.fresh.length >= FRESH_BATCH) this.sortFresh();
  }

  has(term: string): boolean {
    return this.counts.has(term);
  }

  count(term: string): number {
    return this.counts.get(term) ?? 0;
  }

  /** Every posting of `term` (dead items included: the caller skips them). */
  visit(term: string, visit: (num: number, code: number) => void): void {
    for (let field = 0; field < FIELD_COUNT; field++) {
      let slots: (number | string)[][];
      try {
        slots = this.fields[field]?.search(term, { resolve: false }).result ?? [];
      } catch {
        continue; // a FlexSearch failure costs this term's matches in this tier, never the search
      }
      for (let slot = 0; slot < slots.length; slot++) {
        const ids = slots[slot];
        if (!ids) continue;
        const code = postingCode(field, slot);
        for (const id of ids) visit(id as number, code);
      }
    }
  }

  forEachPosting(termIndex: number, visit: (num: number, code: number) => void): void {
    const term = this.terms[termIndex];
    if (term !== undefined) this.visit(term, visit);
  }

  postingCount(termIndex: number): number {
    return this.count(this.terms[termIndex] ?? '');
  }

  private sortFresh(): void {
    // The default sort compares UTF-16 code units: the `<` order of strings, which lookups use.
    const fresh = this.fresh.sort();
    this.fresh = [];
    if (this.sorted.length === 0) {
      this.sorted = fresh;
      return;
    }
    const merged: string[] = new Array<string>(this.sorted.length + fresh.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < this.sorted.length && j < fresh.length) {
      merged[k++] =
        (this.sorted[i] as string) < (fresh[j] as string)
          ? (this.sorted[i++] as string)
          : (fresh[j++] as string);
    }
    while (i < this.sorted.length) merged[k++] = this.sorted[i++] as string;
    while (j < fresh.length) merged[k++] = fresh[j++] as string;
    this.sorted = merged;
  }
}
