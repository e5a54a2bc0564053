/** Lets pending I/O callbacks and timers run: long loops over 50,000 items call this between steps. */
export function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Work cut into slices of about `budgetMs`, however many loops share it: `await slices.next()`
 * between steps lets the event loop run once the slice is spent. Loops that each yielded after
 * every step would all resume in the same turn of the event loop and hold it for all their steps.
 */
export class Slices {
  private started: number;

  constructor(
    private readonly budgetMs = 8,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
  }

  /** True once this slice's time is used up: next() would yield. For loops too tight to await each turn. */
  due(): boolean {
    return this.now() - this.started >= this.budgetMs;
  }

  async next(): Promise<void> {
    while (this.due()) {
      const spent = this.started;
      await yieldToLoop();
      // The first loop back starts the new slice; the others go on in it while it lasts.
      if (this.started === spent) this.started = this.now();
    }
  }
}

/**
 * Runs `work` on each of `items`, `limit` at a time, in slices of the event loop's time: a few
 * thousand started at once would have their completions all handled in one turn of the loop,
 * holding it for as long. After a failure no more are started; the first failure is thrown once
 * those started have settled.
 */
export async function inParallel<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const slices = new Slices();
  const worker = async (): Promise<void> => {
    while (failure === null && next < items.length) {
      try {
        await work(items[next++] as T);
      } catch (error) {
        failure ??= { error };
      }
      await slices.next();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure !== null) throw (failure as { error: unknown }).error;
}

/** Items sorted before merging; sorting one such run takes well under a millisecond. */
const SORT_RUN = 1_024;

/**
 * `items` sorted by `compare`, stably (as Array.prototype.sort), in slices of the event loop's
 * time: sorting 50,000 records at once holds the loop for tens of milliseconds. Runs are sorted
 * one at a time, then merged in pairs.
 */
export async function sortInSlices<T>(
  items: readonly T[],
  compare: (a: T, b: T) => number,
  slices = new Slices(),
): Promise<T[]> {
  let runs: T[][] = [];
  for (let at = 0; at < items.length; at += SORT_RUN) {
    runs.push(items.slice(at, at + SORT_RUN).sort(compare));
    if (slices.due()) await slices.next();
  }
  while (runs.length > 1) {
    const merged: T[][] = [];
    for (let r = 0; r < runs.length; r += 2) {
      const a = runs[r] as T[];
      const b = runs[r + 1];
      if (b === undefined) {
        merged.push(a);
        continue;
      }
      const out: T[] = [];
      let x = 0;
      let y = 0;
      while (x < a.length && y < b.length) {
        // Equal items keep their order: the earlier run's first.
        out.push(compare(b[y] as T, a[x] as T) < 0 ? (b[y++] as T) : (a[x++] as T));
        if ((out.length & 255) === 0 && slices.due()) await slices.next();
      }
      while (x < a.length) out.push(a[x++] as T);
      while (y < b.length) out.push(b[y++] as T);
      merged.push(out);
    }
    runs = merged;
  }
  return runs[0] ?? [];
}
