/**
 * The indexing worker thread, seen from the main thread: started on first use, kept off the
 * process's reckoning while idle (it never holds a command open), ended a few seconds after the
 * work is done and on close. A thread that fails to start or dies fails what it was building and every later
 * request: the caller then indexes on the main thread instead.
 */
import type { Worker } from 'node:worker_threads';
import { Replies, startWorkerThread } from '../worker-thread';
import type { BatchItem, BuiltBatch } from './index-batch';
import type { BatchReply, BatchRequest } from './index-worker-protocol';

/** How long the thread is kept once it has nothing to do; starting one costs a few tens of milliseconds. */
const KEEP_IDLE_MS = 5_000;

/** Something that indexes batches of items into segments, away from the main thread. */
export interface BatchBuilder {
  /** Items it is sent at a time. */
  readonly batchSize: number;
  build(items: BatchItem[]): Promise<BuiltBatch>;
  /** Nothing more to build for now: whatever the building holds on to can go. */
  rest(): void;
  close(): Promise<void>;
}

export class IndexWorkerClient implements BatchBuilder {
  // A segment of ~150,000 postings: big enough that merging them stays cheap, small enough that
  // sending one and taking its reply in stay a few milliseconds each.
  readonly batchSize = 384;
  private worker: Worker | null = null;
  private readonly replies = new Replies();
  private failure: Error | null = null;
  private idle: NodeJS.Timeout | null = null;

  /** `keepIdleMs`: how long the thread is kept with nothing to do before it is ended. */
  constructor(private readonly keepIdleMs = KEEP_IDLE_MS) {}

  build(items: BatchItem[]): Promise<BuiltBatch> {
    this.wake();
    if (this.failure !== null) return Promise.reject(this.failure);
    let worker: Worker;
    try {
      worker = this.worker ?? this.start();
    } catch (error) {
      this.failure = error instanceof Error ? error : new Error(String(error));
      return Promise.reject(this.failure);
    }
    return this.replies.send(worker, (id): BatchRequest => ({ id, items }));
  }

  /** Ends the thread once it has had nothing to do for a while: the next burst of work (an
   * import's next group of items) finds it started. */
  rest(): void {
    const worker = this.worker;
    if (worker === null || this.replies.size > 0) return;
    this.wake();
    this.idle = setTimeout(() => {
      this.idle = null;
      if (this.worker !== worker || this.replies.size > 0) return;
      this.worker = null;
      void worker.terminate();
    }, this.keepIdleMs);
    this.idle.unref();
  }

  private wake(): void {
    if (this.idle !== null) clearTimeout(this.idle);
    this.idle = null;
  }

  async close(): Promise<void> {
    this.wake();
    this.fail(new Error('The indexing thread was closed.'));
    const worker = this.worker;
    this.worker = null;
    if (worker !== null) await worker.terminate();
  }

  private start(): Worker {
    // Built beside the bundles (out/main/index-worker.js, out/cli/index-worker.cjs).
    const worker = startWorkerThread(
      __dirname,
      'index-worker',
      () => new Error('The indexing thread is missing from this build.'),
    );
    worker.on('message', (reply: BatchReply) => this.settle(reply));
    worker.on('error', (error) => this.lose(worker, error));
    worker.on('exit', () => this.lose(worker, new Error('The indexing thread stopped.')));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private settle(reply: BatchReply): void {
    const outcome =
      reply.built !== undefined
        ? ({ ok: true, value: reply.built } as const)
        : ({ ok: false, error: new Error(reply.error) } as const);
    this.replies.settle(reply.id, outcome, this.worker);
  }

  // The thread died (a crash, out of memory): it is not started again.
  private lose(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    void worker.terminate();
    this.fail(error);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.replies.failAll(error);
  }
}
