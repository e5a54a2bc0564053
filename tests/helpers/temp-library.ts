/** Real temporary library folders for tests: made under the system temp folder, removed after. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { createNotebook } from '../../src/core';
import type { Notebook, NotebookOptions } from '../../src/core';

/**
 * A new empty folder under the system temp folder. Call it inside a test (or a beforeEach):
 * the folder is removed when the test finishes.
 */
export async function makeTempDir(prefix = 'commonplace-test-'): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  onTestFinished(() => fs.rm(dir, { recursive: true, force: true }));
  return dir;
}

export interface TempLibrary {
  dir: string;
  /** The notebook open on `dir` (the latest one, after `reopen`). */
  notebook: Notebook;
  /** Closes the notebook and opens the folder again, as a restart would. */
  reopen(options?: Omit<NotebookOptions, 'dir'>): Promise<Notebook>;
}

/**
 * Runs `fn` on a notebook open on a fresh temporary library; closes it and removes the folder
 * afterwards, whether `fn` succeeded or not. Usable inside or outside a test.
 */
export async function withTempLibrary<T>(
  fn: (library: TempLibrary) => Promise<T> | T,
  options: Omit<NotebookOptions, 'dir'> = {},
): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'commonplace-test-'));
  const library: TempLibrary = {
    dir,
    notebook: await createNotebook({ ...options, dir }),
    async reopen(reopenOptions = options) {
      await library.notebook.close();
      library.notebook = await createNotebook({ ...reopenOptions, dir });
      return library.notebook;
    },
  };
  try {
    return await fn(library);
  } finally {
    await library.notebook.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** A clock that starts at `start` and moves one second per reading, so every change sorts apart. */
export function steppingClock(start = '2024-03-01T09:00:00.000Z'): () => Date {
  let next = Date.parse(start);
  return () => {
    const date = new Date(next);
    next += 1_000;
    return date;
  };
}
