/** createNote and updateNote: the methods only notes have. */
import type { Args, NotebookApi } from '../shared/api';
import { NotebookError } from '../shared/errors';
import { applyTagChanges } from '../shared/tags';
import { makeExcerpt } from './excerpt';
import type { NoteRecord } from './item-record';
import { noteAssets, noteRecord } from './item-record';
import { displayTitle, noteWithBody, readItem, refuseTrashed, requireUnchanged } from './item-read';
import { requireLinkable } from './links/rename';
import { linkKey, linkTexts } from './links/wikilink';
import type { Store } from './store';

export interface NoteContext {
  store: Store;
  now: () => string;
  newId: () => string;
}

export function noteMethods({
  store,
  now,
  newId,
}: NoteContext): Pick<NotebookApi, 'createNote' | 'updateNote'> {
  return {
    async createNote({ title, body, tags }: Args<'createNote'>) {
      const id = newId();
      const cleanTags = applyTagChanges([], tags, []);
      return store.withItem(id, async () => {
        await store.change({ id, text: body }, (rev, bodyFile) => {
          if (store.get(id)) throw new NotebookError('conflict', `An item with id "${id}" already exists.`);
          const created = now();
          const record = noteRecord({
            id,
            rev,
            title,
            body,
            tags: cleanTags,
            created,
            updated: created,
            deleted: null,
            bodyFile: bodyFile as string,
            links: linkTexts(body),
            assets: noteAssets(body),
          });
          return { put: [record], remove: [], obsoleteBodies: [] };
        });
        return noteWithBody(store.require(id) as NoteRecord, body);
      });
    },

    async updateNote({ id, title, body, aliases, baseRev }: Args<'updateNote'>) {
      const cleanAliases = aliases === undefined ? undefined : uniqueAliases(aliases);
      return store.withItem(id, async () => {
        const current = store.require(id);
        if (current.type !== 'note') {
          throw new NotebookError(
            'invalid_argument',
            `"${displayTitle(current)}" is a clip: only notes can be edited (tag it, or refresh it from its page).`,
          );
        }
        if (baseRev !== undefined && current.rev !== baseRev) {
          throw new NotebookError(
            'conflict',
            `"${displayTitle(current)}" changed since you opened it (revision ${current.rev}, not ${baseRev}).`,
          );
        }
        refuseTrashed(current, 'edit');
        if (title === undefined && body === undefined && cleanAliases === undefined)
          return readItem(store, current);
        await store.change(body === undefined ? null : { id, text: body }, (rev, bodyFile) => {
          requireUnchanged(store, current);
          const record: NoteRecord = {
            ...current,
            title: title ?? current.title,
            excerpt: body === undefined ? current.excerpt : makeExcerpt(body),
            ...(body === undefined ? {} : { links: linkTexts(body), assets: noteAssets(body) }),
            ...(cleanAliases === undefined ? {} : { aliases: cleanAliases }),
            updated: now(),
            rev,
            bodyFile: bodyFile ?? current.bodyFile,
          };
          return { put: [record], remove: [], obsoleteBodies: bodyFile ? [current.bodyFile] : [] };
        });
        const saved = store.require(id) as NoteRecord;
        return body === undefined ? readItem(store, saved) : noteWithBody(saved, body);
      });
    },
  };
}

/** Aliases as stored: trimmed, without repeats (case and accents ignored, first kept), each linkable. */
function uniqueAliases(aliases: readonly string[]): string[] {
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const raw of aliases) {
    const alias = raw.trim();
    const key = linkKey(alias);
    if (key === '' || seen.has(key)) continue;
    requireLinkable(alias, `The alias "${alias}"`);
    seen.add(key);
    unique.push(alias);
  }
  return unique;
}
