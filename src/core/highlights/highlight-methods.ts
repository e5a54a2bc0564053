/** The highlight methods: add (anchored in the clip's text), change, remove, list. */
import type { Args, NotebookApi } from '../../shared/api';
import { NotebookError } from '../../shared/errors';
import { anchorQuote } from '../../shared/text-anchor';
import type { Highlight } from '../../shared/types';
import type { ClipRecord, HighlightRecord } from '../item-record';
import { highlightsOf } from '../item-record';
import { displayTitle, readItem, refuseTrashed, requireUnchanged } from '../item-read';
import type { Store } from '../store';
import { newHighlightId } from './highlight-id';
import { compareText, inTextOrder } from './highlight-order';

export interface HighlightContext {
  store: Store;
  now: () => string;
}

type HighlightMethods = Pick<
  NotebookApi,
  'addHighlight' | 'updateHighlight' | 'removeHighlight' | 'listHighlights'
>;

export function highlightMethods({ store, now }: HighlightContext): HighlightMethods {
  function requireClip(id: string): ClipRecord {
    const record = store.require(id);
    if (record.type !== 'clip') {
      throw new NotebookError(
        'invalid_argument',
        `"${displayTitle(record)}" is a note: only clips can be highlighted.`,
      );
    }
    return record;
  }

  /** Writes the clip with `highlights` (kept in text order) and a new `updated`. */
  async function saveHighlights(
    current: ClipRecord,
    highlights: HighlightRecord[],
    updated: string,
  ): Promise<void> {
    await store.change(null, (rev) => {
      requireUnchanged(store, current);
      return {
        put: [{ ...current, highlights: inTextOrder(highlights), updated, rev }],
        remove: [],
        obsoleteBodies: [],
      };
    });
  }

  function highlightOf(clipId: string, highlightId: string): Highlight {
    const found = highlightsOf(requireClip(clipId)).find((h) => h.id === highlightId);
    if (!found) throw new Error(`highlight ${highlightId} vanished from ${clipId}`);
    return found;
  }

  return {
    async addHighlight({ clipId, quote, prefix, suffix, start, color, comment }: Args<'addHighlight'>) {
      return store.withItem(clipId, async () => {
        const current = requireClip(clipId);
        refuseTrashed(current, 'highlight');
        const clip = await readItem(store, current);
        if (clip.type !== 'clip') throw new Error('not a clip');
        const anchor = anchorQuote(clip.text, quote, { prefix, suffix, start });
        if (anchor === null) {
          throw new NotebookError(
            'invalid_argument',
            `That passage is not in “${displayTitle(current)}”: highlight text exactly as it appears in the article.`,
          );
        }
        const created = now();
        const highlight: HighlightRecord = {
          id: newHighlightId(store),
          anchor,
          color,
          comment,
          created,
          updated: created,
          orphaned: false,
        };
        await saveHighlights(current, [...(current.highlights ?? []), highlight], created);
        return highlightOf(clipId, highlight.id);
      });
    },

    async updateHighlight({ clipId, highlightId, color, comment }: Args<'updateHighlight'>) {
      return store.withItem(clipId, async () => {
        const current = requireClip(clipId);
        const highlights = current.highlights ?? [];
        const old = highlights.find((h) => h.id === highlightId);
        if (!old) {
          throw new NotebookError(
            'not_found',
            `There is no highlight "${highlightId}" on “${displayTitle(current)}”.`,
          );
        }
        const changed = { ...old, color: color ?? old.color, comment: comment ?? old.comment };
        if (changed.color === old.color && changed.comment === old.comment)
          return highlightOf(clipId, highlightId);
        refuseTrashed(current, 'change highlights on');
        const updated = now();
        await saveHighlights(
          current,
          highlights.map((h) => (h === old ? { ...changed, updated } : h)),
          updated,
        );
        return highlightOf(clipId, highlightId);
      });
    },

    async removeHighlight({ clipId, highlightId }: Args<'removeHighlight'>) {
      return store.withItem(clipId, async () => {
        const current = requireClip(clipId);
        const highlights = current.highlights ?? [];
        if (!highlights.some((h) => h.id === highlightId)) return { removed: false };
        refuseTrashed(current, 'change highlights on');
        await saveHighlights(
          current,
          highlights.filter((h) => h.id !== highlightId),
          now(),
        );
        return { removed: true };
      });
    },

    async listHighlights({ clipId, offset, limit }: Args<'listHighlights'>) {
      const all =
        clipId === undefined ? newestFirst(liveHighlights(store)) : highlightsOf(requireClip(clipId));
      return { total: all.length, highlights: all.slice(offset, offset + limit) };
    },
  };
}

function liveHighlights(store: Store): Highlight[] {
  const highlights: Highlight[] = [];
  for (const item of store.liveItems()) {
    if (item.type === 'clip') highlights.push(...highlightsOf(item));
  }
  return highlights;
}

function newestFirst(highlights: Highlight[]): Highlight[] {
  return highlights.sort((a, b) => compareText(b.created, a.created) || compareText(a.id, b.id));
}
