/**
 * One extraction worker thread: started on first use, restarted after a crash, stopped when it
 * hangs past the time limit. It keeps the process alive only while a request is waiting.
 */
import type { Worker } from 'node:worker_threads';
import { fromErrorInfo, NotebookError } from '../../shared/errors';
import { Replies, startWorkerThread } from '../worker-thread';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

/** A page that takes longer than this to extract is given up on, and its worker replaced. */
export const EXTRACT_TIMEOUT_MS = 60_000;

/** A request as callers make it; the client numbers it. */
export type Request = WorkerRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

export class WorkerClient {
  private worker: Worker | null = null;
  private readonly replies = new Replies();
  private closed = false;

  constructor(private readonly timeoutMs = EXTRACT_TIMEOUT_MS) {}

  request(message: Request): Promise<unknown> {
    if (this.closed) return Promise.reject(new NotebookError('internal', 'The article extractor is closed.'));
    const worker = this.worker ?? this.start();
    return this.replies.send(worker, (id): WorkerRequest => ({ ...message, id }), {
      ms: this.timeoutMs,
      expired: (id) => this.timeOut(id),
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.replies.failAll(new NotebookError('internal', 'The article extractor was closed.'));
    const worker = this.worker;
    this.worker = null;
    if (worker !== null) await worker.terminate();
  }

  private start(): Worker {
    // Built beside the bundles (out/main/extract-worker.js, out/cli/extract-worker.cjs).
    const worker = startWorkerThread(
      __dirname,
      'extract-worker',
      () => new NotebookError('internal', 'The article extractor is missing from this build.'),
    );
    worker.on('message', (reply: WorkerReply) => this.settle(reply));
    worker.on('error', () => this.lose(worker));
    worker.on('exit', () => this.lose(worker));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private settle(reply: WorkerReply): void {
    const outcome = reply.ok
      ? ({ ok: true, value: reply.value } as const)
      : ({ ok: false, error: fromErrorInfo(reply.error) } as const);
    this.replies.settle(reply.id, outcome, this.worker);
  }

  // The thread died (a crash, out of memory): what it was doing fails, the next request starts anew.
  private lose(worker: Worker): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.replies.failAll(
      new NotebookError('internal', 'The article extractor stopped unexpectedly. Try again.'),
    );
  }

  private timeOut(id: number): void {
    const late = new NotebookError('timeout', 'Extracting the article took too long.');
    if (!this.replies.settle(id, { ok: false, error: late }, null)) return;
    // The thread is stuck on that page: replace it, failing whatever queued behind.
    const worker = this.worker;
    if (worker !== null) {
      this.lose(worker);
      void worker.terminate();
    }
  }
}
