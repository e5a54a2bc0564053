/** The ids a rebuild or a long replay works through, in order, and the progress it reports. */
import { performance } from 'node:perf_hooks';

const PROGRESS_EVERY_MS = 250;

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

  /** The next `count` ids, not yet taken off. */
  peek(count: number): string[] {
    return this.ids.slice(this.done, this.done + count);
  }

  advance(): void {
    this.done++;
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
