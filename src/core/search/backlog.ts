/** The ids a rebuild or a long replay works through, in order, and the progress it reports. */
import { performance } from 'node:perf_hooks';

const PROGRESS_EVERY_MS = 250;

/**
 * The ids oldest first (a save part-way through then records how far the work got, and the next
 * open resumes there). Sorted as numbers in a typed array — a comparator sort of 50,000 items held
 * the event loop for tens of milliseconds.
 */
export function byRev(items: readonly { id: string; rev: number }[]): string[] {
  // rev and position packed in one exact double: rev below 2^32, position below 2^20.
  if (items.length >= 2 ** 20 || items.some((item) => item.rev >= 2 ** 32))
    return [...items].sort((a, b) => a.rev - b.rev).map((item) => item.id);
  const keys = Float64Array.from(items, (item, i) => item.rev * 2 ** 20 + i).sort();
  return Array.from(keys, (key) => (items[key % 2 ** 20] as { id: string }).id);
}

export class Backlog {
  private ids: string[] = [];
  private done = 0;
  private dropped = false;
  private lastProgress = 0;

  constructor(
    /** Called at the start, every so often, and once with `done === total` at the end. */
    private readonly progress: (done: number, total: number) => void,
  ) {}

  start(ids: string[]): void {
    this.ids = ids;
    this.done = 0;
    this.dropped = false;
    this.lastProgress = 0;
    if (ids.length > 0) this.progress(0, ids.length);
  }

  get active(): boolean {
    return this.done < this.ids.length;
  }

  get position(): { done: number; total: number } {
    return { done: this.done, total: this.ids.length };
  }

  /** The next `count` ids, not yet taken off, after skipping `ahead` of them. */
  peek(count: number, ahead = 0): string[] {
    const from = this.done + ahead;
    return this.ids.slice(from, from + count);
  }

  advance(count = 1): void {
    this.done += count;
  }

  /** Gives up the rest (closing); no "done" progress follows. */
  drop(): void {
    this.dropped = this.active;
    this.ids = this.ids.slice(0, this.done);
  }

  /** After a step: progress if it is time, or if the work just ended. */
  report(): void {
    const now = performance.now();
    if ((!this.active && !this.dropped) || now - this.lastProgress > PROGRESS_EVERY_MS) {
      this.lastProgress = now;
      this.progress(this.done, this.ids.length);
    }
  }
}
