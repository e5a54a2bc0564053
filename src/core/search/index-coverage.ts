/**
 * Which store revisions the in-memory index reflects, so a save can name the revision it is
 * complete up to even while changes are in flight (and a rebuild cut short can be resumed).
 * Every item whose rev is at most `baseline` is reflected; above it, an item is reflected when it
 * was last indexed (or removed) at its current rev.
 */
import type { ItemRecord } from '../item-record';

export class IndexCoverage {
  private readonly indexedAt = new Map<string, number>();

  constructor(private baseline: number) {}

  reflects(record: ItemRecord): boolean {
    return record.rev <= this.baseline || this.indexedAt.get(record.id) === record.rev;
  }

  /** The index now holds this version of the item (or, for one in the trash, does not hold it). */
  mark(record: ItemRecord): void {
    this.indexedAt.set(record.id, record.rev);
  }

  /** The highest revision R such that every change up to R is reflected. */
  completeUpTo(storeRev: number, items: Iterable<ItemRecord>): number {
    let rev = storeRev;
    for (const item of items) if (!this.reflects(item)) rev = Math.min(rev, item.rev - 1);
    return Math.max(rev, 0);
  }

  /** Everything up to `rev` is reflected (it was just saved as such): forget the details below it. */
  advanceTo(rev: number): void {
    this.baseline = rev;
    for (const [id, indexed] of this.indexedAt) if (indexed <= rev) this.indexedAt.delete(id);
  }
}
