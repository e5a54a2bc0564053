/**
 * An import's work done away from the thread running it: reading and preparing each Markdown file
 * (its front matter's YAML is most of that) and rendering and sanitising each clip's article cost
 * a fraction of a millisecond to several each, seconds over a large folder, which the event loop
 * must not wait for. They run on the clipper's worker thread. When the worker fails on one, that
 * one is done on this thread instead: the same function, the same result.
 */
import type { ClipService } from '../clip-service';
import { markdownToArticle, type Article } from './markdown-html';
import { loadFiles, lookAtFiles, type FileToLoad, type Loaded, type Looked } from './prepare-file';

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
