/**
 * The indexing worker thread's entry (built beside the main and CLI bundles as index-worker.js /
 * .cjs): builds each batch it is sent into a segment (index-batch.ts) and hands the arrays back
 * without copying them. It is background work: where the system allows (Linux), the thread runs
 * at low priority, so that it never takes a core from the main thread's own helpers (measured at
 * 50,000 items on two cores: the garbage collector's pauses on the main thread grew when this
 * thread competed with its concurrent marking).
 */
import { readlinkSync } from 'node:fs';
import { constants, setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { buildBatch } from './index-batch';
import { transferList, type BatchReply, type BatchRequest } from './index-worker-protocol';

if (parentPort === null) throw new Error('index-worker runs as a worker thread only.');
const port = parentPort;
try {
  // This thread's own id (a thread is a task of its own there): only it is lowered.
  const thread = Number(readlinkSync('/proc/thread-self').split('/').pop());
  if (thread > 0) setPriority(thread, constants.priority.PRIORITY_LOW);
} catch {
  // Elsewhere the thread keeps the normal priority.
}
port.on('message', ({ id, items }: BatchRequest) => {
  let reply: BatchReply;
  try {
    reply = { id, built: buildBatch(items) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply, reply.built ? transferList(reply.built) : []);
});
