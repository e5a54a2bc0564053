/**
 * Gives the memory of typed arrays that nothing will read again back at once, rather than at the
 * garbage collector's next full collection. V8 counts the buffers of typed arrays as memory
 * outside its heap, and once that count has grown by 64 MB since the last full collection it
 * starts another — of the whole heap, however little of it changed. A rebuild's merges replace
 * tens of megabytes of postings a second: left to the collector, they set off a full collection
 * every second or so, each a pause of the main thread. Freed here, the count grows only as the
 * index does.
 *
 * A buffer is freed by transferring it through a message port whose other end is closed: the
 * transfer detaches it (every view of it reads as empty from then on) and the message, never
 * delivered, takes its memory with it.
 */
import { MessageChannel, type MessagePort } from 'node:worker_threads';

let sink: MessagePort | null = null;

/** Frees the buffers of `arrays`, which must be their own (no other view or owner) and never read again. */
export function freeBuffers(arrays: readonly ArrayBufferView[]): void {
  const buffers = new Set<ArrayBuffer>();
  for (const array of arrays) {
    if (array.buffer instanceof ArrayBuffer && array.buffer.byteLength > 0) buffers.add(array.buffer);
  }
  if (buffers.size === 0) return;
  if (sink === null) {
    const channel = new MessageChannel();
    channel.port2.close();
    sink = channel.port1;
  }
  try {
    sink.postMessage(null, [...buffers]);
  } catch {
    // One Node will not let go of (marked untransferable): all are left to the garbage collector.
  }
}
