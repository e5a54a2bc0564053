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

  async next(): Promise<void> {
    while (this.now() - this.started >= this.budgetMs) {
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
