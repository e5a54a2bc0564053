/**
 * The messages between the extractor and its worker thread, and the worker's side of them. Errors
 * cross as `{ code, message }` and come back as the same NotebookError.
 */
import { toErrorInfo, type ErrorInfo } from '../../shared/errors';
import { markdownToArticle } from '../import/markdown-html';
import { loadFiles, lookAtFiles, type FileToLoad } from '../import/prepare-file';
import { extractArticle, withImageAssets, type ExtractInput, type Extracted } from './extract';

export type WorkerRequest =
  | { id: number; kind: 'extract'; input: ExtractInput }
  | { id: number; kind: 'assets'; extracted: Extracted; assets: ReadonlyMap<string, string | null> }
  /** An imported clip's article from its Markdown. */
  | { id: number; kind: 'article'; markdown: string }
  /** Imported Markdown files read and prepared: their heads only (first pass), or whole. */
  | { id: number; kind: 'look-at-files'; root: string; files: readonly string[] }
  | { id: number; kind: 'load-files'; root: string; files: readonly FileToLoad[]; bodyTags: boolean }
  /** For tests: end the thread abruptly, as running out of memory would. */
  | { id: number; kind: 'crash' };

export type WorkerReply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; error: ErrorInfo };

/** The exit code of a worker asked to crash. */
export const CRASH_EXIT_CODE = 70;

/** Runs one request in the worker; never throws. */
export function handleRequest(request: WorkerRequest): WorkerReply {
  try {
    switch (request.kind) {
      case 'extract':
        return { id: request.id, ok: true, value: extractArticle(request.input) };
      case 'assets':
        return { id: request.id, ok: true, value: withImageAssets(request.extracted, request.assets) };
      case 'article':
        return { id: request.id, ok: true, value: markdownToArticle(request.markdown) };
      case 'look-at-files':
        return { id: request.id, ok: true, value: lookAtFiles(request.root, request.files) };
      case 'load-files':
        return { id: request.id, ok: true, value: loadFiles(request.root, request.files, request.bodyTags) };
      case 'crash':
        process.exit(CRASH_EXIT_CODE);
    }
  } catch (error) {
    return { id: request.id, ok: false, error: toErrorInfo(error) };
  }
}
