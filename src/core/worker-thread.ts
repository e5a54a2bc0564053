/** Where the app's worker threads come from, for the clients that start them. */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * Starts the worker thread `name`, built beside the bundle in `dir` (`<name>.js` for the app,
 * `<name>.cjs` for the CLI), or from its TypeScript source under vitest or tsx. Throws
 * `missing()` when none is there.
 */
export function startWorkerThread(dir: string, name: string, missing: () => Error): Worker {
  const file = [`${name}.js`, `${name}.cjs`, `${name}.ts`]
    .map((candidate) => join(dir, candidate))
    .find((candidate) => existsSync(candidate));
  if (file === undefined) throw missing();
  // Source runs need TypeScript in the thread too; --import does not reach workers on Node 20.
  const execArgv = file.endsWith('.ts') ? ['--require', createRequire(file).resolve('tsx/cjs')] : [];
  return new Worker(file, { execArgv });
}

/** How a request to a worker thread ended. */
export type Outcome = { ok: true; value: unknown } | { ok: false; error: Error };

interface Waiting {
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout | null;
}

/**
 * The requests sent to one worker thread that wait for their reply, by number. The thread holds
 * the process open only while one waits: an idle client never keeps a command running.
 */
export class Replies {
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;

  get size(): number {
    return this.waiting.size;
  }

  /**
   * Posts `message(id)` to `worker` and resolves with the reply settled for that id. With
   * `timeout`, `timeout.expired(id)` is called if none came in `timeout.ms`.
   */
  send<R>(
    worker: Worker,
    message: (id: number) => unknown,
    timeout?: { ms: number; expired: (id: number) => void },
  ): Promise<R> {
    const id = this.nextId++;
    return new Promise<R>((resolve, reject) => {
      const timer = timeout === undefined ? null : setTimeout(() => timeout.expired(id), timeout.ms);
      this.waiting.set(id, { resolve, reject, timer });
      worker.ref();
      worker.postMessage(message(id));
    });
  }

  /**
   * Settles request `id` with `outcome`; false when none waits under that id (it timed out, or
   * failed with the thread). Once none waits, `worker` is let go.
   */
  settle(id: number, outcome: Outcome, worker: Worker | null): boolean {
    const waiting = this.waiting.get(id);
    if (waiting === undefined) return false;
    this.waiting.delete(id);
    if (waiting.timer !== null) clearTimeout(waiting.timer);
    if (outcome.ok) waiting.resolve(outcome.value);
    else waiting.reject(outcome.error);
    if (this.waiting.size === 0) worker?.unref();
    return true;
  }

  /** Fails every request still waiting with `error`. */
  failAll(error: Error): void {
    for (const id of [...this.waiting.keys()]) this.settle(id, { ok: false, error }, null);
  }
}
