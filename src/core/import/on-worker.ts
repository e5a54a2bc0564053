/**
 * An import's work done away from the thread running it: reading and preparing each Markdown file
 * (its front matter's YAML is most of that) and rendering and sanitising each clip's article cost
 * a fraction of a millisecond to several each, seconds over a large folder, which the event loop
 * must not wait for. They run on the clipper's worker thread. When the worker fails on one, that
 * one is done on this thread instead: the same function, the same result.
 */
import type { ClipService } from '../clip-service';
import { yieldToLoop } from '../event-loop';
import { markdownToArticle, type Article } from './markdown-html';
import {
  loadFiles,
  lookAtFile,
  lookAtFiles,
  type FileToLoad,
  type Loaded,
  type Looked,
} from './prepare-file';

export interface ImportWork {
  /** lookAtFiles(): what the first pass keeps of some files. */
  lookAtFiles(root: string, files: readonly string[]): Promise<Looked[]>;
  /** loadFiles(): some files read and prepared whole. */
  loadFiles(root: string, files: readonly FileToLoad[], bodyTags: boolean): Promise<Loaded[]>;
  /** markdownToArticle(): a clip's article. */
  renderArticle(markdown: string): Promise<Article>;
}

/** The import's work on the clip service's worker, each piece falling back to this thread. */
export function importWork(clips: ClipService): ImportWork {
  return {
    lookAtFiles: withFallback((root, files) => clips.lookAtImportFiles(root, files), lookAtFiles),
    loadFiles: withFallback(
      (root, files, bodyTags) => clips.loadImportFiles(root, files, bodyTags),
      loadFiles,
    ),
    renderArticle: withFallback((markdown) => clips.renderArticle(markdown), markdownToArticle),
  };
}

/** `onWorker`, falling back to `here` (the same function on this thread) for a call it fails. */
export function withFallback<A extends unknown[], R>(
  onWorker: (...args: A) => Promise<R>,
  here: (...args: A) => R,
): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await onWorker(...args);
    } catch {
      return here(...args);
    }
  };
}

/**
 * What the first pass keeps of every file, a chunk at a time, each chunk's promise settling with
 * its files' heads in order. The worker thread is asked for `ahead` chunks at once; while it has
 * not answered yet (a fresh one takes a second or so to load its modules), this thread takes the
 * next chunks itself, yielding between them, rather than wait.
 */
export function lookAtAll(
  work: ImportWork,
  root: string,
  chunks: readonly string[][],
  ahead: number,
): Promise<Looked[]>[] {
  const settle: { resolve(looked: Looked[]): void; reject(error: unknown): void }[] = [];
  const looks = chunks.map(
    () => new Promise<Looked[]>((resolve, reject) => settle.push({ resolve, reject })),
  );
  // A chunk that failed is thrown where it is awaited, in its turn; never as unhandled before.
  for (const look of looks) look.catch(() => undefined);
  let next = 0;
  let answered = false;
  const onWorker = async (): Promise<void> => {
    while (next < chunks.length) {
      const at = next++;
      try {
        settle[at]?.resolve(await work.lookAtFiles(root, chunks[at] as string[]));
        answered = true;
      } catch (error) {
        settle[at]?.reject(error);
      }
    }
  };
  const here = async (): Promise<void> => {
    // After the first turn: the worker's first requests are on their way before this thread starts.
    await yieldToLoop();
    while (!answered && next < chunks.length) {
      const at = next++;
      try {
        const looked: Looked[] = [];
        // A file a turn: the first ones, before the code is warm, take milliseconds each.
        for (const file of chunks[at] as string[]) {
          looked.push(lookAtFile(root, file));
          await yieldToLoop();
        }
        settle[at]?.resolve(looked);
      } catch (error) {
        settle[at]?.reject(error);
      }
    }
  };
  for (let lane = 0; lane < ahead; lane++) void onWorker();
  void here();
  return looks;
}
