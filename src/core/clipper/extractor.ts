/**
 * Runs extraction off the main thread: parsing, Readability, DOMPurify and Turndown take tens of
 * milliseconds per page (seconds for huge ones), which the app's event loop must not wait for.
 * Imported clips are rendered and sanitised there too, for the same reason. The worker (and its
 * jsdom window) lives as long as the extractor; one per notebook.
 */
import { markdownToArticle, type Article } from '../import/markdown-html';
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
    close: () => client.close(),
  };
}

function inProcess(): Extractor {
  return {
    extract: async (input) => extractArticle(input),
    withImageAssets: async (extracted, assets) => withImageAssets(extracted, assets),
    markdownToArticle: async (markdown) => markdownToArticle(markdown),
    close: async () => undefined,
  };
}
