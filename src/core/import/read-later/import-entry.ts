/**
 * One export entry into the library. A page already there (same address, canonical address or,
 * for an entry without one, same title among clips without an address) gets the entry's tags and
 * highlights added and nothing replaced. Otherwise the page is fetched (unless `fetch` is false),
 * and when it cannot be, or is not to be, it is clipped from what the export saved. A new clip and
 * its highlights are one outcome: if the highlights cannot be written the clip is removed again.
 */
import { NotebookError } from '../../../shared/errors';
import { normalizeTag } from '../../../shared/tags';
import type { ClipResult, ImportedItem, ImportProblem } from '../../../shared/types';
import { usedAssets } from '../../assets';
import type { ApiContext } from '../../notebook-api';
import { attachToClip, type Attached } from './attach-highlights';
import type { ReadLaterEntry } from './read-later-entry';
import { savedPageHtml } from './saved-page';

export interface EntryResult {
  item: ImportedItem | null;
  highlights: number;
  attachments: number;
  problems: ImportProblem[];
}

export async function importEntry(
  context: ApiContext,
  entry: ReadLaterEntry,
  fetch: boolean,
): Promise<EntryResult> {
  const subject = entry.url ?? entry.source;
  const problems: ImportProblem[] = [];
  const problem = (code: string, message: string): void => void problems.push({ subject, code, message });
  const tags = importTags(entry.tags, problem);

  let existing: string | null;
  try {
    existing = await findExisting(context, entry);
  } catch (error) {
    problem('invalid_url', messageOf(error));
    return { item: null, highlights: 0, attachments: 0, problems };
  }
  if (existing !== null) return merge(context, existing, entry, tags, problems, false);

  let result: ClipResult | null = null;
  if (fetch && entry.url !== null) {
    try {
      result = await clipEitherMode(context, { url: entry.url, tags });
    } catch (error) {
      if (!(error instanceof NotebookError)) throw error;
      problem('not_fetched', `Not fetched (${error.message}): clipped from what the export saved.`);
    }
  }
  if (result === null) {
    try {
      const html = savedPageHtml(entry);
      result = await clipEitherMode(
        context,
        entry.url === null ? { html, tags } : { url: entry.url, html, tags },
      );
    } catch (error) {
      if (!(error instanceof NotebookError)) throw error;
      problem('not_imported', error.message);
      return { item: null, highlights: 0, attachments: 0, problems };
    }
  }
  // The fetched page's canonical address can be that of a clip already in the library.
  if (result.duplicate) return merge(context, result.clip.id, entry, tags, problems, true);

  const { id } = result.clip;
  let attached: Attached;
  try {
    attached = await attachToClip(context, id, [], entry.highlights);
  } catch (error) {
    await discardClip(context, id);
    problem('not_imported', `Its highlights could not be saved, so it was not imported: ${messageOf(error)}`);
    return { item: null, highlights: 0, attachments: 0, problems };
  }
  reportNotFound(attached, problem);
  const record = context.store.require(id);
  return {
    item: { id, type: 'clip', title: record.title, outcome: 'created', source: entry.source },
    highlights: attached.highlights,
    attachments: record.type === 'clip' ? record.assets.length : 0,
    problems,
  };
}

async function merge(
  context: ApiContext,
  id: string,
  entry: ReadLaterEntry,
  tags: string[],
  problems: ImportProblem[],
  fetched: boolean,
): Promise<EntryResult> {
  const subject = entry.url ?? entry.source;
  const problem = (code: string, message: string): void => void problems.push({ subject, code, message });
  const record = context.store.require(id);
  const item = (outcome: ImportedItem['outcome']): ImportedItem => ({
    id,
    type: record.type,
    title: record.title,
    outcome,
    source: entry.source,
  });
  if (record.deleted !== null) {
    problem(
      'in_trash',
      `“${record.title}” is in the trash: restore it and import again to add this entry's tags and highlights.`,
    );
    return { item: item('skipped'), highlights: 0, attachments: 0, problems };
  }
  const attached = await attachToClip(context, id, tags, entry.highlights);
  reportNotFound(attached, problem);
  const changed = attached.highlights > 0 || attached.tags > 0;
  if (fetched && !changed)
    problem('already_saved', `The page is already in the library as “${record.title}”.`);
  return {
    item: item(changed ? 'merged' : 'skipped'),
    highlights: attached.highlights,
    attachments: 0,
    problems,
  };
}

async function findExisting(context: ApiContext, entry: ReadLaterEntry): Promise<string | null> {
  // findClip refuses anything but an http(s) address, with a sentence saying so.
  if (entry.url !== null) return (await context.clips.findClip({ url: entry.url })).clip?.id ?? null;
  for (const item of context.store.allItems()) {
    if (item.type === 'clip' && item.url === '' && item.title === entry.title) return item.id;
  }
  return null;
}

/** Clips as an article, or as the whole page when no article can be found in it. */
async function clipEitherMode(
  context: ApiContext,
  args: { url?: string; html?: string; tags: string[] },
): Promise<ClipResult> {
  try {
    return await context.clips.clip({ ...args, mode: 'article', refresh: false });
  } catch (error) {
    if (!(error instanceof NotebookError) || error.code !== 'not_article') throw error;
    return context.clips.clip({ ...args, mode: 'page', refresh: false });
  }
}

async function discardClip(context: ApiContext, id: string): Promise<void> {
  const { store, assets } = context;
  await store.withItem(id, async () => {
    const record = store.get(id);
    if (record?.type !== 'clip') return;
    await store.change(null, () => ({
      put: [],
      remove: [record],
      obsoleteBodies: [record.bodyFile],
      purge: true,
    }));
    await assets.removeUnused(record.assets, (asset) => usedAssets(store).has(asset));
  });
}

/** The export's tags as valid tags: spaces become dashes, other signs are dropped; a tag left empty is reported. */
function importTags(raw: readonly string[], problem: (code: string, message: string) => void): string[] {
  const tags: string[] = [];
  for (const tag of raw) {
    const cleaned = tag
      .trim()
      .replace(/\s+/g, '-')
      .replace(/[^\p{L}\p{N}_./-]+/gu, '')
      .replace(/-{2,}/g, '-');
    try {
      tags.push(normalizeTag(cleaned));
    } catch {
      problem('bad_tag', `The tag "${tag.slice(0, 100)}" could not be made into a tag and was left out.`);
    }
  }
  return tags;
}

function reportNotFound(attached: Attached, problem: (code: string, message: string) => void): void {
  for (const highlight of attached.notFound) {
    const quote = highlight.quote.replace(/\s+/g, ' ').trim();
    problem(
      'highlight_not_found',
      `The highlight “${quote.length > 80 ? `${quote.slice(0, 79)}…` : quote}” is not in the clip's text (the page changed since it was saved); it is kept as an orphaned highlight.`,
    );
  }
}

function messageOf(error: unknown): string {
  return error instanceof NotebookError ? error.message : 'Something went wrong inside Commonplace.';
}
