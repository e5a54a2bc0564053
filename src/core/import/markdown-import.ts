/**
 * importMarkdown: a folder of Markdown files (an Obsidian vault, or a Commonplace export) into the
 * library. Two passes over the files, each asking for a few files ahead of the one being worked
 * on, so thousands of them never sit in memory together: the first learns every file's title
 * (links between files are rewritten to titles), the second prepares each item whole — text,
 * links, attachments read, a clip's article rendered — and hands it to the ImportWriter. Files are
 * read and prepared, and articles rendered, on the clipper's worker thread while this one goes on
 * (see on-worker.ts). The writer
 * decides at once, in the folder's order, what the item is (new, or one the library has), and
 * writes new items in groups, many to a durable change (see write-item.ts).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Args } from '../../shared/api';
import { NotebookError } from '../../shared/errors';
import type { ImportProblem, ImportSummary } from '../../shared/types';
import { ASSETS_DIR } from '../paths';
import { yieldToLoop } from '../event-loop';
import { linkKey } from '../links/wikilink';
import type { ApiContext } from '../notebook-api';
import type { FileHead, FileTimes, Loaded } from './prepare-file';
import { readInside } from './read-file';
import { scanFolder } from './scan-folder';
import { LinkResolver, applyEdits } from './vault-links';
import { chunked, readAhead, readAheadInChunks } from './read-ahead';
import { importWork, lookAtAll, type ImportWork } from './on-worker';
import type { ReadyItem } from './write-item';
import { ImportWriter } from './write-item';

/** The export's manifest: a folder holding it is a Commonplace export. */
export const EXPORT_MANIFEST = '.commonplace-export.json';
const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;
const PROGRESS_EVERY = 25;
/** Link names read between two turns of the event loop. */
const NAMES_PER_SLICE = 2000;
/** Files asked of the worker thread in one message. */
const FILES_PER_REQUEST = 16;
/**
 * Such requests made before their turn: enough that the worker always has the next ones to read
 * while this thread works and the worker renders articles, which it is asked for meanwhile.
 */
const REQUESTS_AHEAD = 6;
/** Items whose attachments are read (and articles rendered) before their turn: what they hold stays bounded. */
const PREPARE_AHEAD = 8;

export async function importMarkdownFolder(
  context: ApiContext,
  { dir }: Args<'importMarkdown'>,
): Promise<ImportSummary> {
  const started = Date.now();
  const folder = path.resolve(dir);
  await requireFolder(folder);
  const work = importWork(context.clips);
  // Asking for nothing starts the worker thread while the folder is scanned.
  void work.lookAtFiles(folder, []);
  const scanned = await scanFolder(folder);
  const summary: ImportSummary = {
    source: folder,
    created: 0,
    merged: 0,
    skipped: 0,
    highlights: 0,
    attachments: 0,
    problems: [...scanned.problems],
    items: [],
    tookMs: 0,
  };
  const report = (problem: ImportProblem): void => void summary.problems.push(problem);
  const bodyTags = !(await exists(path.join(scanned.root, EXPORT_MANIFEST)));
  const progress = (done: number, total: number, message: string): void => {
    if (done === total || done % PROGRESS_EVERY === 0)
      context.store.emit({ type: 'progress', job: 'import', done, total, message });
  };
  reportCaseCollisions(scanned.markdown, report);

  // First pass: titles and aliases, so links between the files can be rewritten.
  const heads = new Map<string, FileHead>();
  const times = new Map<string, FileTimes>();
  const looks = lookAtAll(work, scanned.root, chunked(scanned.markdown, FILES_PER_REQUEST), REQUESTS_AHEAD);
  let n = 0;
  for (const chunk of looks)
    for (const looked of await chunk) {
      const file = scanned.markdown[n] as string;
      if (looked.ok) {
        heads.set(file, looked.head);
        // The second pass keeps these, whatever happens to the file meanwhile.
        times.set(file, looked.times);
      } else {
        report(looked.problem);
        summary.skipped++;
      }
      progress(n + 1, scanned.markdown.length, `Reading ${file}`);
      if (n++ % 20 === 19) await yieldToLoop();
    }
  const known = await knownNames(context, heads.values());
  const resolver = new LinkResolver({
    markdown: [...heads.keys()],
    files: scanned.files,
    titleOf: (file) => heads.get(file)?.title,
    isKnownName: (name) => known.has(linkKey(name)),
  });

  // Second pass: each item prepared whole (the next few files read meanwhile), then handed to the
  // writer, which decides at once what it is and writes new items in groups; the outcomes are
  // told once every write has settled, in the folder's order.
  const writer = await ImportWriter.open(context);
  const stored = new Set<string>();
  const results: (() => void)[] = [];
  // Files read and prepared on the worker many ahead; their attachments read and articles
  // rendered a few ahead.
  const loadFiles = async (chunk: string[]): Promise<Load[]> => {
    const toLoad = chunk.map((file) => ({ file, times: times.get(file) as FileTimes }));
    return work.loadFiles(scanned.root, toLoad, bodyTags).then(
      (loaded) => loaded.map((one, n) => ({ file: chunk[n] as string, loaded: one })),
      (error: unknown) => chunk.map((file) => ({ file, error })),
    );
  };
  const prepareItem = (load: Load): Promise<Prepared> =>
    'error' in load
      ? Promise.resolve({ kind: 'failed', error: load.error })
      : prepare(scanned.root, load.file, load.loaded, { resolver, work }).catch(
          (error: unknown) => ({ kind: 'failed', error }) as const,
        );
  const files = [...heads.keys()];
  const loads = readAheadInChunks(files, FILES_PER_REQUEST, REQUESTS_AHEAD, loadFiles);
  let done = 0;
  for await (const prepared of readAhead(loads, PREPARE_AHEAD, prepareItem)) {
    const file = files[done] as string;
    progress(done++, heads.size, `Importing ${file}`);
    const at = results.push(() => undefined) - 1;
    const failed = (error: unknown): void => {
      results[at] = () => {
        summary.skipped++;
        report({
          subject: file,
          code: 'not_imported',
          message: `It could not be imported: ${(error as Error).message}`,
        });
      };
    };
    if (prepared.kind === 'skipped') {
      const { problem } = prepared;
      results[at] = () => {
        report(problem);
        summary.skipped++;
      };
      continue;
    }
    if (prepared.kind === 'failed') {
      failed(prepared.error);
      continue;
    }
    const { ready, found } = prepared;
    try {
      const { written } = await writer.add(ready);
      void written.then((result) => {
        results[at] = () => {
          found.forEach(report);
          result.problems.forEach(report);
          summary.items.push(result.outcome);
          summary[result.outcome.outcome]++;
          summary.highlights += result.highlights;
          for (const asset of result.stored) stored.add(asset);
        };
      }, failed);
    } catch (error) {
      failed(error);
    }
    await yieldToLoop();
  }
  await writer.finish();
  // Told in the folder's order, whatever order the writes finished in.
  for (const tell of results) tell();
  progress(done, heads.size, 'Imported');
  summary.attachments = stored.size;
  summary.tookMs = Date.now() - started;
  return summary;
}

interface PrepareOptions {
  resolver: LinkResolver;
  work: ImportWork;
}

/** A file as the worker read it, or why it could not. */
type Load = { file: string; loaded: Loaded } | { file: string; error: unknown };

type Prepared =
  | { kind: 'ready'; ready: ReadyItem; found: ImportProblem[] }
  | { kind: 'skipped'; problem: ImportProblem }
  | { kind: 'failed'; error: unknown };

/** A file read and prepared whole: its links rewritten, its attachments read, a clip's article rendered. */
async function prepare(
  root: string,
  file: string,
  loaded: Loaded,
  { resolver, work }: PrepareOptions,
): Promise<Prepared> {
  if (!loaded.ok) return { kind: 'skipped', problem: loaded.problem };
  const { item } = loaded;
  const plan = resolver.plan(item.markdown, file);
  const found: ImportProblem[] = [...loaded.problems, ...plan.problems];
  const attachments = new Map<string, Uint8Array>();
  const assetOf = new Map<string, string>();
  for (const attachment of plan.attachments) {
    const read = await readInside(root, attachment, MAX_ATTACHMENT_BYTES);
    if (!read.ok) {
      found.push({ subject: attachment, code: read.code, message: `${read.message} (attached in ${file})` });
      continue;
    }
    const asset = assetName(read.bytes, attachment);
    attachments.set(asset, read.bytes);
    assetOf.set(attachment, asset);
  }
  const markdown = applyEdits(item.markdown, plan.edits, assetOf);
  const ready: ReadyItem = { item, markdown, attachments };
  if (item.type === 'clip') ready.article = await work.renderArticle(markdown);
  return { kind: 'ready', ready, found };
}

async function requireFolder(folder: string): Promise<void> {
  try {
    if ((await fs.stat(folder)).isDirectory()) return;
  } catch {
    throw new NotebookError('not_found', `There is no folder ${folder} to import.`);
  }
  throw new NotebookError(
    'invalid_argument',
    `${folder} is a file: give the folder holding the Markdown files.`,
  );
}

async function exists(file: string): Promise<boolean> {
  return fs.lstat(file).then(
    () => true,
    () => false,
  );
}

/** `assets/<sha256>.<ext>`, as the asset store names these bytes. */
function assetName(bytes: Uint8Array, file: string): string {
  const ext = /\.([A-Za-z0-9]{2,5})$/.exec(file)?.[1]?.toLowerCase() ?? 'bin';
  return `${ASSETS_DIR}/${createHash('sha256').update(bytes).digest('hex')}.${ext}`;
}

/** Two files whose paths differ only by case: both are imported, and [[links]] to them are ambiguous. */
function reportCaseCollisions(files: readonly string[], report: (problem: ImportProblem) => void): void {
  const groups = new Map<string, string[]>();
  for (const file of files) {
    // The root locale's lower case, which toLowerCase gives without asking ICU for it.
    const key = file.toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), file]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (const file of group) {
      const others = group.filter((other) => other !== file).join(', ');
      report({
        subject: file,
        code: 'name_collision',
        message: `Its name differs from ${others} only by case: both imported with their own titles; a [[link]] to that name reaches one of them.`,
      });
    }
  }
}

/**
 * Titles and aliases a [[link]] resolves by: the library's and the imported files'. Tens of
 * thousands of them: the thread is let go between slices.
 */
async function knownNames(context: ApiContext, heads: Iterable<FileHead>): Promise<Set<string>> {
  const names = new Set<string>();
  const add = (title: string, aliases: readonly string[]): void => {
    names.add(linkKey(title));
    for (const alias of aliases) names.add(linkKey(alias));
  };
  let n = 0;
  for (const record of context.store.liveItems()) {
    add(record.title, record.type === 'note' ? (record.aliases ?? []) : []);
    if (++n % NAMES_PER_SLICE === 0) await yieldToLoop();
  }
  for (const head of heads) {
    add(head.title, head.aliases);
    if (++n % NAMES_PER_SLICE === 0) await yieldToLoop();
  }
  return names;
}
