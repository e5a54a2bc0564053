/** Highlights of imported clips, anchored in their text, with ids unique in the library. */
import { anchorQuote } from '../../shared/text-anchor';
import type { ImportProblem } from '../../shared/types';
import { newHighlightId } from '../highlights/highlight-id';
import type { HighlightRecord } from '../item-record';
import type { Store } from '../store';
import type { ExportedHighlight } from './highlights-section';
import type { PreparedFile } from './prepare-file';

export class ImportedHighlights {
  private readonly ids = new Set<string>();

  constructor(private readonly store: Store) {}

  /** An id the library already uses: not given to an imported highlight. */
  taken(id: string): void {
    this.ids.add(id);
  }

  /** A highlight of the exported clip, anchored in `text`: its id kept when free, orphaned when its quote is not there. */
  anchor(h: ExportedHighlight, text: string, item: PreparedFile, problems: ImportProblem[]): HighlightRecord {
    const id = /^[a-z0-9]{6,12}$/.test(h.id) && !this.ids.has(h.id) ? h.id : this.freshId();
    this.ids.add(id);
    const anchor = h.orphaned ? null : anchorQuote(text, h.quote);
    if (anchor === null && !h.orphaned)
      problems.push({
        subject: item.file,
        code: 'highlight_not_found',
        message: `The highlight ^${h.id} is not in the article's text: kept, marked orphaned.`,
      });
    const created = item.type === 'clip' ? item.clipped : item.created;
    return {
      id,
      anchor: anchor ?? { quote: h.quote, prefix: '', suffix: '', start: 0, end: 0 },
      color: 'yellow',
      comment: h.comment,
      created,
      updated: created,
      orphaned: anchor === null,
    };
  }

  private freshId(): string {
    for (;;) {
      const id = newHighlightId(this.store);
      if (!this.ids.has(id)) return id;
    }
  }
}
