/**
 * exportMarkdown: items to a folder of Markdown files, one per note or clip (format.ts), with
 * their attachments and a manifest (manifest.ts).
 *
 * Names: an item keeps the file the manifest gives it while that name still fits its title
 * (`<stem>.md` or `<stem> N.md`, file-names.ts). A renamed item's file follows the title: the
 * new file is written and the old one removed, so the folder never holds two copies of it.
 * Names of files the manifest does not list (someone else's) are never used or touched.
 *
 * Order of work, so a crash at any point leaves nothing that a later export cannot tidy: the
 * manifest with the new names is saved first, then old names of renamed items are removed, the
 * files are written (each atomically, skipped when the content is the same), attachments copied,
 * files of items no longer exported removed (`prune` only), and the manifest saved again.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Args } from '../../shared/api';
import { NotebookError } from '../../shared/errors';
import type { ExportProblem, ExportSummary } from '../../shared/types';
import type { AssetStore } from '../assets';
import { isCode, makeDirDurably, syncDir } from '../durable-file';
import { replaceFileAtomically } from './atomic-write';
import { inParallel, Slices, sortInSlices } from '../event-loop';
import type { ItemRecord } from '../item-record';
import { readItem } from '../item-read';
import type { LinkIndex } from '../links/link-index';
import type { SearchService } from '../search/search-service';
import type { Store } from '../store';
import { AttachmentCopier } from './attachments';
import { fileStem, fitsStem, MARKDOWN_EXT, NameAllocator } from './file-names';
import { ATTACHMENTS_DIR } from './format';
import type { ExportManifest } from './manifest';
import { MANIFEST_FILE, readManifest, writeManifest } from './manifest';
import { attachmentNames, renderItem } from './render';
import { scopeItems } from './scope';

// Files written at once: enough to overlap the disk's waits, few enough to keep the loop free.
const PARALLEL = 32;
const PROGRESS_EVERY_MS = 100;

export interface ExportContext {
  store: Store;
  assets: AssetStore;
  search: SearchService;
  index: LinkIndex;
}

export async function exportMarkdown(
  context: ExportContext,
  args: Args<'exportMarkdown'>,
): Promise<ExportSummary> {
  const started = performance.now();
  const { store, index } = context;
  const dir = path.resolve(args.dir);
  await refuseFolder(store.dir, dir);
  await makeDirDurably(dir);
  const problems: ExportProblem[] = [];
  const manifest = await readManifest(dir).catch((error: Error) => {
    problems.push({ subject: MANIFEST_FILE, message: `Unreadable (${error.message}); names start afresh.` });
    return { files: new Map<string, string>(), attachments: new Set<string>() } satisfies ExportManifest;
  });
  const scope = { ids: args.ids, tag: args.tag, query: args.query };
  if (args.query !== undefined) await context.search.whenReady();
  const items = await sortInSlices(await scopeItems(store, context.search, scope, problems), byAge);
  await index.ready();

  const names = await assignNames(items, manifest, await folderEntries(dir), args.prune);
  const slices = new Slices();
  const next: ExportManifest = {
    files: new Map(args.prune ? [] : manifest.files),
    attachments: new Set(manifest.attachments),
  };
  for (const [id, name] of names) {
    next.files.set(id, name);
    if (slices.due()) await slices.next();
  }
  await writeManifest(dir, next);
  const ours = new Set(next.files.values());
  const stems = new Map<string, string>();
  for (const item of items) {
    const name = names.get(item.id) as string;
    stems.set(item.id, name.slice(0, -MARKDOWN_EXT.length));
    const old = manifest.files.get(item.id);
    if (old !== undefined && old !== name && !ours.has(old)) await removeFile(dir, old);
    if (slices.due()) await slices.next();
  }

  const targets = {
    resolve: (target: string) => index.resolve(target),
    stemOf: (id: string) => stems.get(id),
  };
  const copier = new AttachmentCopier(dir, context.assets, problems);
  const summary: ExportSummary = {
    dir,
    notes: 0,
    clips: 0,
    written: 0,
    unchanged: 0,
    removed: 0,
    attachments: 0,
    problems,
    tookMs: 0,
  };
  const progress = progressReporter(store, items.length);
  // Bodies arrive from the disk many in a turn of the event loop: rendering them waits for its slice.
  await inParallel(items, PARALLEL, async (record) => {
    const fileName = names.get(record.id) as string;
    try {
      const item = await readItem(store, record);
      await slices.next();
      const text = renderItem(item, targets);
      if (item.type === 'clip') {
        await Promise.all(attachmentNames(item.markdown).map((name) => copier.copy(name)));
      }
      const file = path.join(dir, fileName);
      const current = await fs.readFile(file, 'utf8').catch(() => null);
      if (current === text) summary.unchanged++;
      else {
        await replaceFileAtomically(file, text);
        summary.written++;
      }
      if (item.type === 'note') summary.notes++;
      else summary.clips++;
    } catch (error) {
      problems.push({ subject: record.id, message: (error as Error).message });
    }
    progress.step();
  });
  progress.finish();

  if (args.prune) {
    const exported = new Set(names.values());
    for (const [id, name] of manifest.files) {
      if (names.has(id) || exported.has(name)) continue;
      if (await removeFile(dir, name)) summary.removed++;
    }
    const needed = new Set(copier.names);
    for (const name of manifest.attachments) {
      if (!needed.has(name)) await removeFile(path.join(dir, ATTACHMENTS_DIR), name);
    }
    next.attachments = needed;
  } else {
    for (const name of copier.names) next.attachments.add(name);
  }
  await writeManifest(dir, next);
  await syncDir(dir);
  summary.attachments = copier.copied;
  summary.tookMs = Math.round(performance.now() - started);
  return summary;
}

/**
 * File names for this export's items: the manifest's name while it fits the title, else the
 * first free one. Taken already: files the manifest does not list, and (unless pruning) the
 * files of listed items this export leaves out.
 */
async function assignNames(
  items: readonly ItemRecord[],
  manifest: ExportManifest,
  entries: readonly string[],
  prune: boolean,
): Promise<Map<string, string>> {
  // Tens of thousands of names: the thread is let go whenever a slice of its time is used up.
  const slices = new Slices();
  const listed = new Set(manifest.files.values());
  const exported = new Set(items.map((item) => item.id));
  const allocator = new NameAllocator();
  for (const name of entries) {
    if (!listed.has(name)) allocator.take(name);
    if (slices.due()) await slices.next();
  }
  if (!prune) {
    for (const [id, name] of manifest.files) {
      if (!exported.has(id)) allocator.take(name);
      if (slices.due()) await slices.next();
    }
  }
  const names = new Map<string, string>();
  const stems = new Map<string, string>();
  for (const item of items) {
    stems.set(item.id, fileStem(item.title));
    if (slices.due()) await slices.next();
  }
  for (const item of items) {
    const kept = manifest.files.get(item.id);
    if (kept !== undefined && fitsStem(kept, stems.get(item.id) as string) && !allocator.isTaken(kept)) {
      allocator.take(kept);
      names.set(item.id, kept);
    }
    if (slices.due()) await slices.next();
  }
  for (const item of items) {
    if (!names.has(item.id)) names.set(item.id, allocator.allocate(stems.get(item.id) as string));
    if (slices.due()) await slices.next();
  }
  return names;
}

/** Refuses a folder inside the library (symbolic links followed) or a path that is a file. */
async function refuseFolder(libraryDir: string, dir: string): Promise<void> {
  const library = await fs.realpath(libraryDir).catch(() => path.resolve(libraryDir));
  const target = await realPathOf(dir);
  const relative = path.relative(library, target);
  if (
    relative === '' ||
    (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative))
  ) {
    throw new NotebookError(
      'invalid_argument',
      `Cannot export into ${dir}: it is inside the library folder (${libraryDir}). Choose a folder outside it.`,
    );
  }
  const stat = await fs.stat(dir).catch(() => null);
  if (stat !== null && !stat.isDirectory()) {
    throw new NotebookError('invalid_argument', `Cannot export into ${dir}: it is a file, not a folder.`);
  }
}

/** The real path of `dir`, or of its nearest existing parent with the rest appended. */
async function realPathOf(dir: string): Promise<string> {
  const rest: string[] = [];
  let current = dir;
  for (;;) {
    try {
      return path.join(await fs.realpath(current), ...rest.reverse());
    } catch (error) {
      const parent = path.dirname(current);
      if (!isCode(error, 'ENOENT', 'ENOTDIR') || parent === current) return dir;
      rest.push(path.basename(current));
      current = parent;
    }
  }
}

async function folderEntries(dir: string): Promise<string[]> {
  return fs.readdir(dir).catch(() => []);
}

/** Removes a file this export wrote before; true if there was one. */
async function removeFile(dir: string, name: string): Promise<boolean> {
  try {
    await fs.rm(path.join(dir, name));
    return true;
  } catch (error) {
    if (isCode(error, 'ENOENT')) return false;
    throw error;
  }
}

function byAge(a: ItemRecord, b: ItemRecord): number {
  if (a.created !== b.created) return a.created < b.created ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Progress events for the export job, at most every PROGRESS_EVERY_MS, and always the last. */
function progressReporter(store: Store, total: number): { step(): void; finish(): void } {
  let done = 0;
  let last = 0;
  const emit = (): void => {
    last = performance.now();
    store.emit({
      type: 'progress',
      job: 'export',
      done,
      total,
      message: `Exported ${done} of ${total} items`,
    });
  };
  emit();
  return {
    step() {
      done++;
      if (performance.now() - last >= PROGRESS_EVERY_MS && done < total) emit();
    },
    finish() {
      if (total > 0) emit();
    },
  };
}
