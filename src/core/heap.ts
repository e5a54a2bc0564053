/**
 * How the collector of the JavaScript heap works in this process, for short pauses at 50,000 items.
 *
 * How far the heap may grow between two full collections. V8 lets a heap of ~75 MB (the store's
 * records at 50,000 items) grow by only ~24 MB before marking it whole again, and starts marking
 * at once when that room is smaller than its young generation: over a rebuild of the search index,
 * which promotes a steady trickle of short-lived objects, that made 15–27 full collections in
 * 25 s. Letting the heap grow to twice its live size cuts them to about 4. What it costs: up to the
 * live size again in memory, tens of megabytes.
 *
 * Marking on the main thread only. By default helper threads mark the heap while the program
 * runs, and the final pause finishes what they hold. Traced on two cores while the index loaded
 * (`--trace-gc`): the helpers had done almost none of it, and the final pauses took 20–86 ms of a
 * mark of 30–60 ms in all. Marked on the main thread, in steps of at most a few milliseconds taken
 * as the program allocates, the final pause is 2–5 ms and the longest stall while loading went
 * from 26–49 ms to 14–20 ms (six loads each way of a saved index of 50,000 clips). What it costs:
 * the marking's CPU time, ~40 ms a full collection at 50,000 items, is spent on the main thread
 * instead of beside it.
 *
 * Settings of the whole process (worker threads included), read at every collection: each door
 * (the desktop app, the CLI and its server, the bench) calls this once as it starts.
 */
import { setFlagsFromString } from 'node:v8';

const HEAP_GROWING_PERCENT = 100;

export function tuneHeap(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  setFlagsFromString('--no-concurrent-marking');
}
