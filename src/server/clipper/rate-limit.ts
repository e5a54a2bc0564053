/** A fixed-window counter per key: enough to stop a loop from flooding the pairing dialog. */
import { NotebookError } from '../../shared/errors';

export interface RateLimit {
  /** How many calls a key may make per window. */
  max: number;
  windowMs: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one call by `key`; throws `rate_limited` once the window's allowance is spent. */
  take(key: string, what: string): void {
    const now = this.now();
    this.sweep(now);
    const window = this.windows.get(key);
    if (window === undefined) {
      this.windows.set(key, { start: now, count: 1 });
      return;
    }
    if (window.count >= this.limit.max) {
      const seconds = Math.ceil((window.start + this.limit.windowMs - now) / 1000);
      throw new NotebookError('rate_limited', `Too many ${what}. Try again in ${seconds} s.`);
    }
    window.count += 1;
  }

  // Keeps the map as small as the set of keys seen in the current window.
  private sweep(now: number): void {
    for (const [key, window] of this.windows) {
      if (now - window.start >= this.limit.windowMs) this.windows.delete(key);
    }
  }
}
