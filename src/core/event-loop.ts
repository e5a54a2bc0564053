/** Lets pending I/O callbacks and timers run: long loops over 50,000 items call this between steps. */
export function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Runs `work` on each of `items`, `limit` at a time, yielding to the event loop between items: a
 * few thousand started at once would have their completions all handled in one turn of the loop,
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
  const worker = async (): Promise<void> => {
    while (failure === null && next < items.length) {
      try {
        await work(items[next++] as T);
      } catch (error) {
        failure ??= { error };
      }
      await yieldToLoop();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure !== null) throw (failure as { error: unknown }).error;
}
