/**
 * cite: BibTeX (biblatex) and CSL-JSON for clips and notes. Items in the trash can still be
 * cited: citing reads, and a writer may cite a source they have put away. Entries come in the
 * order the ids were given (each once); unknown ids are refused all together (not_found).
 */
import type { Args, NotebookApi } from '../../shared/api';
import { NotebookError } from '../../shared/errors';
import type { CitationResult, Item } from '../../shared/types';
import { readItem } from '../item-read';
import type { ItemRecord } from '../item-record';
import type { ApiContext } from '../notebook-api';
import { bibtex } from './bibtex';
import { baseKey, uniqueKeys } from './citation-keys';
import { cslItem, type CslItem } from './csl';

const MISSING_SHOWN = 5;
const READ_BATCH = 32;

export function citeMethods(context: ApiContext): Pick<NotebookApi, 'cite'> {
  const { store } = context;
  return {
    async cite({ ids, format }: Args<'cite'>): Promise<CitationResult> {
      const unique = [...new Set(ids)];
      const records = unique.map((id) => store.get(id));
      const missing = unique.filter((_, i) => records[i] === undefined);
      if (missing.length > 0) throw notFound(missing);
      const items: Item[] = [];
      // A few bodies at a time: ten thousand files opened at once could run out of descriptors.
      for (let start = 0; start < records.length; start += READ_BATCH) {
        const batch = (records as ItemRecord[]).slice(start, start + READ_BATCH);
        items.push(...(await Promise.all(batch.map((record) => readItem(store, record)))));
      }
      const entries = citeItems(items);
      const keys = Object.fromEntries(items.map((item, i) => [item.id, entries[i]?.id ?? '']));
      const text = format === 'bibtex' ? bibtex(entries) : `${JSON.stringify(entries, null, 2)}\n`;
      return { format, text, keys };
    },
  };
}

/** CSL items for `items`, in their order, each with its citation key as id. */
export function citeItems(items: readonly Item[]): CslItem[] {
  const drafts = items.map((item) => ({ item, csl: cslItem(item) }));
  // Suffixes go by creation, not by the order asked for, so a key does not depend on the request.
  const byAge = [...drafts].sort(
    (a, b) => a.item.created.localeCompare(b.item.created) || a.item.id.localeCompare(b.item.id),
  );
  const keys = uniqueKeys(byAge, (draft) => baseKey(draft.csl));
  return drafts.map((draft) => ({ id: keys.get(draft) ?? '', ...draft.csl }));
}

function notFound(missing: readonly string[]): NotebookError {
  const shown = missing
    .slice(0, MISSING_SHOWN)
    .map((id) => `"${id}"`)
    .join(', ');
  const more = missing.length > MISSING_SHOWN ? ` and ${missing.length - MISSING_SHOWN} more` : '';
  const what =
    missing.length === 1
      ? `There is no item with id ${shown}.`
      : `There are no items with ids ${shown}${more}.`;
  return new NotebookError('not_found', `${what} Nothing was cited.`);
}
