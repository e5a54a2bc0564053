/**
 * Reading ahead: the files of a folder are read a few at a time while the item before is being
 * prepared, so the waits on the disk (and on the worker thread) overlap the work on this thread
 * instead of adding up.
 */

/**
 * `work` over `inputs`, up to `ahead` of them started before their turn; the results come in the
 * order of `inputs`. `inputs` may itself come in as they are ready (an async iterable). `work`
 * should not throw: a failure is better returned as a result.
 */
export async function* readAhead<T, R>(
  inputs: Iterable<T> | AsyncIterable<T>,
  ahead: number,
  work: (input: T) => Promise<R>,
): AsyncGenerator<R> {
  const source = Symbol.asyncIterator in inputs ? inputs[Symbol.asyncIterator]() : inputs[Symbol.iterator]();
  const started: Promise<R>[] = [];
  let ended = false;
  for (;;) {
    while (!ended && started.length < ahead) {
      const next = await source.next();
      if (next.done === true) ended = true;
      else {
        const run = work(next.value);
        // Seen here, so a run left behind by a consumer that stops early is no unhandled rejection.
        run.catch(() => undefined);
        started.push(run);
      }
    }
    const run = started.shift();
    if (run === undefined) return;
    yield await run;
  }
}

/**
 * The same with `inputs` handed to `work` `size` at a time (a worker thread is asked for a few
 * files at once, not one per message), up to `ahead` such chunks started; the results come one by
 * one, in the order of `inputs`. `work` returns one result per input of its chunk.
 */
export async function* readAheadInChunks<T, R>(
  inputs: readonly T[],
  size: number,
  ahead: number,
  work: (chunk: T[]) => Promise<R[]>,
): AsyncGenerator<R> {
  for await (const results of readAhead(chunked(inputs, size), ahead, work)) yield* results;
}

/** `inputs` cut in runs of `size`, in order. */
export function chunked<T>(inputs: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < inputs.length; start += size) chunks.push(inputs.slice(start, start + size));
  return chunks;
}
