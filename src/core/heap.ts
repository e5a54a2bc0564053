/**
 * How far the JavaScript heap may grow between two full collections. V8 lets a heap of ~75 MB
 * (the store's records at 50,000 items) grow by only ~24 MB before marking it whole again, and
 * starts marking at once when that room is smaller than its young generation: over a rebuild of
 * the search index, which promotes a steady trickle of short-lived objects, that made 15–27 full
 * collections in 25 s. Each has a final pause, which reaches 40–70 ms when the collector's helper
 * threads find no free core to mark on. Letting the heap grow to twice its live size cuts them to
 * about 4. What it costs: up to the live size again in memory, tens of megabytes.
 *
 * A setting of the whole process (worker threads included), read at every collection: each door
 * (the desktop app, the CLI and its server, the bench) calls this once as it starts.
 */
import { setFlagsFromString } from 'node:v8';

const HEAP_GROWING_PERCENT = 100;

export function tuneHeap(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
