/**
 * Runs extraction off the main thread: parsing, Readability, DOMPurify and Turndown take tens of
 * milliseconds per page (seconds for huge ones), which the app's event loop must not wait for.
 * An import's Markdown files are read and prepared there too (their front matter's YAML is most of
 * it), and its clips rendered and sanitised, for the same reason. The worker (and its
 * jsdom window) lives as long as the extractor; one per notebook.
 */
import { markdownToArticle, type Article } from '../import/markdown-html';
import { loadFiles, lookAtFiles, type FileToLoad, type Loaded, type Looked } from '../import/prepare-file';
import { extractArticle, withImageAssets, type ExtractInput, type Extracted } from './extract';
import { WorkerClient } from './worker-client';

export interface Extractor {
  /** extractArticle() in the worker; rejects with the same NotebookError codes. */
  extract(input: ExtractInput): Promise<Extracted>;
  /** withImageAssets() in the worker. */
  withImageAssets(
    extracted: Extracted,
    assets: ReadonlyMap<string, string | null>,
  ): Promise<{ html: string; markdown: string }>;
  /** markdownToArticle() in the worker: an imported clip's article. */
  markdownToArticle(markdown: string): Promise<Article>;
  /** lookAtFiles() in the worker: what an import's first pass keeps of some Markdown files. */
  lookAtFiles(root: string, files: readonly string[]): Promise<Looked[]>;
  /** loadFiles() in the worker: imported Markdown files read and prepared. */
  loadFiles(root: string, files: readonly FileToLoad[], bodyTags: boolean): Promise<Loaded[]>;
  /** Stops the worker; later calls fail. */
  close(): Promise<void>;
}

export interface ExtractorOptions {
  /** Run in a worker thread (default). `false` runs in-process: for batch command-line use. */
  inWorker?: boolean;
}

export function createExtractor(options: ExtractorOptions = {}): Extractor {
  return options.inWorker === false ? inProcess() : inWorker(new WorkerClient());
}

function inWorker(client: WorkerClient): Extractor {
  return {
    extract: async (input) => (await client.request({ kind: 'extract', input })) as Extracted,
    withImageAssets: async (extracted, assets) =>
      (await client.request({ kind: 'assets', extracted, assets })) as { html: string; markdown: string },
    markdownToArticle: async (markdown) => (await client.request({ kind: 'article', markdown })) as Article,
    lookAtFiles: async (root, files) =>
      (await client.request({ kind: 'look-at-files', root, files })) as Looked[],
    loadFiles: async (root, files, bodyTags) =>
      (await client.request({ kind: 'load-files', root, files, bodyTags })) as Loaded[],
    close: () => client.close(),
  };
}

function inProcess(): Extractor {
  return {
    extract: async (input) => extractArticle(input),
    withImageAssets: async (extracted, assets) => withImageAssets(extracted, assets),
    markdownToArticle: async (markdown) => markdownToArticle(markdown),
    lookAtFiles: async (root, files) => lookAtFiles(root, files),
    loadFiles: async (root, files, bodyTags) => loadFiles(root, files, bodyTags),
    close: async () => undefined,
  };
}
