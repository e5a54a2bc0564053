/**
 * renameItem: a new title for a note or clip, and every `[[Old title…]]` that resolves to it
 * rewritten to `[[New title…]]` (headings, highlight refs and shown text kept), all in one store
 * change. Links written with an alias of the item are left alone: the alias still resolves.
 * Notes in the trash are rewritten too, so restoring one does not bring back a dead link.
 */
import type { ApiResults, Args } from '../../shared/api';
import { NotebookError } from '../../shared/errors';
import { makeExcerpt } from '../excerpt';
import type { ItemRecord, NoteRecord } from '../item-record';
import { toSummary } from '../item-record';
import { displayTitle, refuseTrashed, requireUnchanged } from '../item-read';
import type { Store } from '../store';
import type { LinkIndex } from './link-index';
import { findLinks, linkKey, linkTexts, retarget, unlinkableCharacters } from './wikilink';

export interface RenameContext {
  store: Store;
  index: LinkIndex;
  now: () => string;
}

interface Rewrite {
  note: NoteRecord;
  body: string;
  links: number;
}

/** Refuses a title no link could name. */
export function requireLinkable(name: string, what = `The title "${name}"`): void {
  const bad = unlinkableCharacters(name);
  if (bad.length === 0) return;
  throw new NotebookError(
    'invalid_argument',
    `${what} cannot contain ${bad.map((c) => `"${c}"`).join(', ')}: in a [[link]], "[" and "]" ` +
      'end the link, "|" starts the shown text, "#" a heading and "#^" a highlight. ' +
      'Choose a name without [ ] | # ^.',
  );
}

export async function renameItem(
  { store, index, now }: RenameContext,
  { id, title, dryRun }: Args<'renameItem'>,
): Promise<ApiResults['renameItem']> {
  requireLinkable(title);
  return store.withItem(id, async () => {
    await index.ready();
    const item = store.require(id);
    refuseTrashed(item, 'rename');
    const rewrites = await rewritesFor(store, index, item, title);
    const linksChanged = rewrites.reduce((sum, r) => sum + r.links, 0);
    const result = { notesChanged: rewrites.length, linksChanged, dryRun };
    if (dryRun || (title === item.title && rewrites.length === 0))
      return { item: toSummary(item), ...result };
    const bodies = rewrites.map((r) => ({ id: r.note.id, text: r.body }));
    await store.changeMany(bodies, (rev, files) => {
      requireUnchanged(store, item);
      for (const { note } of rewrites) {
        if (store.get(note.id) !== note) throw changedMeanwhile(note);
      }
      const updated = now();
      const put: ItemRecord[] = rewrites.map(({ note, body }) => ({
        ...note,
        title: note.id === id ? title : note.title,
        excerpt: makeExcerpt(body),
        links: linkTexts(body),
        updated,
        rev,
        bodyFile: files.get(note.id) ?? note.bodyFile,
      }));
      if (!rewrites.some(({ note }) => note.id === id)) put.push({ ...item, title, updated, rev });
      return { put, remove: [], obsoleteBodies: rewrites.map(({ note }) => note.bodyFile) };
    });
    return { item: toSummary(store.require(id)), ...result };
  });
}

async function rewritesFor(
  store: Store,
  index: LinkIndex,
  item: ItemRecord,
  title: string,
): Promise<Rewrite[]> {
  const oldKey = linkKey(item.title);
  if (oldKey === '') return [];
  const rewrites: Rewrite[] = [];
  for (const sourceId of index.linkersOf([oldKey])) {
    const note = store.get(sourceId);
    if (note?.type !== 'note') continue;
    let body = await bodyOf(store, note);
    let links = 0;
    // From the end, so earlier offsets stay right.
    for (const { link, start, end } of findLinks(body).reverse()) {
      if (linkKey(link.target) !== oldKey || index.resolve(link.target)?.id !== item.id) continue;
      const raw = retarget(link.raw, title);
      if (raw === link.raw) continue;
      body = `${body.slice(0, start)}[[${raw}]]${body.slice(end)}`;
      links++;
    }
    if (links > 0) rewrites.push({ note, body, links });
  }
  return rewrites;
}

/** The body of exactly this version of the note (the change checks the version is still current). */
async function bodyOf(store: Store, note: NoteRecord): Promise<string> {
  const body = await store.bodies.read(note.bodyFile);
  if (body !== null) return body;
  if (store.get(note.id) !== note) throw changedMeanwhile(note);
  throw new NotebookError(
    'corrupt',
    `The text of "${displayTitle(note)}" (${note.id}) is missing, so its links cannot be rewritten; run the library check.`,
  );
}

function changedMeanwhile(note: NoteRecord): NotebookError {
  return new NotebookError('conflict', `"${displayTitle(note)}" changed during the rename; try again.`);
}
