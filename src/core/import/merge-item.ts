/**
 * An imported item that the library has already: its new tags and aliases (notes) or highlights
 * (clips) added, in one change of its own; nothing else changes, and one in the trash stays there.
 */
import { NotebookError } from '../../shared/errors';
import { applyTagChanges } from '../../shared/tags';
import type { ImportedItem, ImportProblem } from '../../shared/types';
import { inTextOrder } from '../highlights/highlight-order';
import type { ItemRecord } from '../item-record';
import { readItem } from '../item-read';
import type { ApiContext } from '../notebook-api';
import type { ImportedHighlights } from './imported-highlights';
import { linkableAliases, mergeAliases } from './new-item';
import type { PreparedFile } from './prepare-file';
import type { ReadyItem, WriteResult } from './write-item';

/** New tags, aliases and highlights added to the item already there; nothing else changes. */
export async function mergeItem(
  context: ApiContext,
  current: ItemRecord,
  ready: ReadyItem,
  problems: ImportProblem[],
  highlights: ImportedHighlights,
): Promise<WriteResult> {
  const { store, now } = context;
  const { item } = ready;
  return store.withItem(current.id, async () => {
    const record = store.require(current.id);
    if (record.deleted !== null) {
      problems.push({
        subject: item.file,
        code: 'in_trash',
        message: `"${record.title}" is in the library's trash: left there as it is.`,
      });
      return {
        outcome: outcome(record.id, item, 'skipped', record.title),
        highlights: 0,
        stored: [],
        problems,
      };
    }
    const tags = applyTagChanges(record.tags, item.tags, []);
    let changed = tags.length !== record.tags.length;
    let added = 0;
    let next: ItemRecord;
    if (record.type === 'note') {
      const known = await readItem(store, record);
      if (known.type === 'note' && known.body !== ready.markdown)
        problems.push({
          subject: item.file,
          code: 'kept_library_version',
          message: `"${record.title}" (${record.id}) is already in the library with other text: the library's text is kept.`,
        });
      const aliases = mergeAliases(record.aliases ?? [], linkableAliases(item.aliases));
      changed ||= aliases.length !== (record.aliases ?? []).length;
      next = { ...record, tags, aliases };
    } else {
      const clip = await readItem(store, record);
      const text = clip.type === 'clip' ? clip.text : '';
      const have = record.highlights ?? [];
      const fresh = (item.type === 'clip' ? item.highlights : [])
        .filter((h) => !have.some((old) => old.id === h.id || sameQuote(old.anchor.quote, h.quote)))
        .map((h) => highlights.anchor(h, text, item, problems));
      added = fresh.length;
      changed ||= added > 0;
      next = { ...record, tags, highlights: inTextOrder([...have, ...fresh]) };
    }
    if (!changed)
      return {
        outcome: outcome(record.id, item, 'skipped', record.title),
        highlights: 0,
        stored: [],
        problems,
      };
    await store.change(null, (rev) => {
      if (store.get(record.id) !== record)
        throw new NotebookError('conflict', `"${record.title}" changed during the import.`);
      return { put: [{ ...next, updated: now(), rev }], remove: [], obsoleteBodies: [] };
    });
    return {
      outcome: outcome(record.id, item, 'merged', record.title),
      highlights: added,
      stored: [],
      problems,
    };
  });
}

/** What the summary says of one item. */
export function outcome(
  id: string,
  item: PreparedFile,
  result: ImportedItem['outcome'],
  title = item.title,
): ImportedItem {
  return { id, type: item.type, title, outcome: result, source: item.file };
}

function sameQuote(a: string, b: string): boolean {
  return a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();
}
