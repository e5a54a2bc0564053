/**
 * The searchable text of an item's body file: a note's Markdown, a clip's article as plain text.
 * Snippets and phrase checks read the same few bodies again and again while a person types, so
 * the last ones read are kept (by body file name: a new version has a new name, so nothing stale
 * is ever served).
 */
import { parseClipBody } from '../clip-record';
import type { ItemRecord } from '../item-record';
import type { Store } from '../store';

const MAX_ENTRIES = 64;
const MAX_CHARS = 8_000_000;

export class BodyTextReader {
  private readonly cache = new Map<string, string>();
  private chars = 0;

  constructor(private readonly store: Store) {}

  /**
   * The text of the item's current body; '' when it is gone or damaged (the library check reports
   * those). `keep: false` for bulk reads (indexing), which would only flush the cache.
   */
  async textOf(record: ItemRecord, keep = true): Promise<string> {
    let current = record;
    for (;;) {
      const cached = this.recall(current.bodyFile);
      if (cached !== undefined) return cached;
      const raw = await this.store.bodies.read(current.bodyFile);
      if (raw !== null) {
        const text = bodyPlainText(current.type, raw);
        return keep ? this.remember(current.bodyFile, text) : text;
      }
      // A newer save may have replaced (and removed) the file while it was being read.
      const latest = this.store.get(current.id);
      if (!latest || latest.bodyFile === current.bodyFile) return '';
      current = latest;
    }
  }

  /**
   * The same by id, read at once ('' for an item not in the library): a page of search results
   * needs a few bodies, and reading them directly is faster than through the thread pool.
   */
  textOfIdNow(id: string): string {
    let current = this.store.get(id);
    while (current !== undefined) {
      const cached = this.recall(current.bodyFile);
      if (cached !== undefined) return cached;
      const raw = this.store.bodies.readNow(current.bodyFile);
      if (raw !== null) return this.remember(current.bodyFile, bodyPlainText(current.type, raw));
      const latest = this.store.get(current.id);
      if (!latest || latest.bodyFile === current.bodyFile) return '';
      current = latest;
    }
    return '';
  }

  private recall(name: string): string | undefined {
    const cached = this.cache.get(name);
    if (cached !== undefined) {
      // Most recently used last.
      this.cache.delete(name);
      this.cache.set(name, cached);
    }
    return cached;
  }

  private remember(name: string, text: string): string {
    if (text.length > MAX_CHARS / 4) return text;
    this.cache.set(name, text);
    this.chars += text.length;
    for (const [oldest, value] of this.cache) {
      if (this.cache.size <= MAX_ENTRIES && this.chars <= MAX_CHARS) break;
      this.cache.delete(oldest);
      this.chars -= value.length;
    }
    return text;
  }
}

/** The searchable text of a body file's content: a note's as it is, a clip's article text ('' if damaged). */
export function bodyPlainText(type: ItemRecord['type'], raw: string): string {
  if (type === 'note') return raw;
  try {
    return parseClipBody(raw).text;
  } catch {
    return '';
  }
}
