/**
 * One copy of the strings many records hold alike, and of the empty list. The JSON parser makes a
 * string (and a list) for every value it reads, so 50,000 clips opened held 50,000 copies of a few
 * hundred tags, authors and sites, a second copy of each clip's address and dates, and an empty
 * list of assets each. At 50k, sharing the strings took 11 MB off the store's heap, and sharing the
 * empty list (with item-index.ts reusing tags that are their keys) 5 MB more (the search bench's
 * `store MB`); the collector has fewer objects to mark.
 */
import type { ItemRecord } from './item-record';

// The one empty list records point at, frozen, as records are never changed once read.
const EMPTY = Object.freeze([]) as unknown as string[];

export class SharedStrings {
  private readonly strings = new Map<string, string>();

  /** The copy of `value` kept here, which is `value` itself the first time it is seen. */
  share(value: string): string {
    const kept = this.strings.get(value);
    if (kept !== undefined) return kept;
    this.strings.set(value, value);
    return value;
  }

  /**
   * Points a record just read from its shard at the shared copies. Only for a record no one else
   * holds yet: records are never changed once handed out. Every value stays equal to what it was.
   */
  shareRecord(record: ItemRecord): void {
    record.tags = this.shareList(record.tags);
    if (record.updated === record.created) record.updated = record.created;
    if (record.type === 'note') return;
    record.authors = this.shareList(record.authors);
    if (record.assets.length === 0) record.assets = EMPTY;
    if (record.siteName !== null) record.siteName = this.share(record.siteName);
    if (record.published !== null) record.published = this.share(record.published);
    if (record.lang !== null) record.lang = this.share(record.lang);
    if (record.canonicalUrl === record.url) record.canonicalUrl = record.url;
    if (record.clipped === record.created) record.clipped = record.created;
  }

  private shareList(values: string[]): string[] {
    return values.length === 0 ? EMPTY : values.map((value) => this.share(value));
  }
}
