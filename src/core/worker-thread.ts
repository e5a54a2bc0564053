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
