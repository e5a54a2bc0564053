/**
 * One extraction worker thread: started on first use, restarted after a crash, stopped when it
 * hangs past the time limit. It keeps the process alive only while a request is waiting.
 */
import type { Worker } from 'node:worker_threads';
import { fromErrorInfo, NotebookError } from '../../shared/errors';
import { startWorkerThread } from '../worker-thread';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

/** A page that takes longer than this to extract is given up on, and its worker replaced. */
export const EXTRACT_TIMEOUT_MS = 60_000;

/** A request as callers make it; the client numbers it. */
export type Request = WorkerRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export class WorkerClient {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;

  constructor(private readonly timeoutMs = EXTRACT_TIMEOUT_MS) {}

  request(message: Request): Promise<unknown> {
    if (this.closed) return Promise.reject(new NotebookError('internal', 'The article extractor is closed.'));
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.timeOut(id), this.timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      worker.ref();
      const numbered: WorkerRequest = { ...message, id };
      worker.postMessage(numbered);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.failAll(new NotebookError('internal', 'The article extractor was closed.'));
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
    const pending = this.pending.get(reply.id);
    if (pending === undefined) return;
    this.pending.delete(reply.id);
    clearTimeout(pending.timer);
    if (reply.ok) pending.resolve(reply.value);
    else pending.reject(fromErrorInfo(reply.error));
    if (this.pending.size === 0) this.worker?.unref();
  }

  // The thread died (a crash, out of memory): what it was doing fails, the next request starts anew.
  private lose(worker: Worker): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.failAll(new NotebookError('internal', 'The article extractor stopped unexpectedly. Try again.'));
  }

  private timeOut(id: number): void {
    const pending = this.pending.get(id);
    if (pending === undefined) return;
    this.pending.delete(id);
    pending.reject(new NotebookError('timeout', 'Extracting the article took too long.'));
    // The thread is stuck on that page: replace it, failing whatever queued behind.
    const worker = this.worker;
    if (worker !== null) {
      this.lose(worker);
      void worker.terminate();
    }
  }

  private failAll(error: NotebookError): void {
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(error);
      this.pending.delete(id);
    }
  }
}
