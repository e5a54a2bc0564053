/**
 * A shard's JSON, made from each record's JSON. While saves come in a burst — an import rewrites
 * most shards once per group of items it writes, a rename rewrites the notes linking to it — the
 * JSON of each record saved is kept, and a record saved again unchanged is not serialized again.
 * Records are never changed in place (a change puts a new record), so a record's JSON stays true
 * while it is kept. A quiet moment forgets them all: they would only hold memory.
 */
import type { ItemRecord, ShardData } from './item-record';

/** How long after the last save the kept JSON is forgotten. */
const FORGET_AFTER_MS = 2_000;

export class ShardText {
  private texts = new WeakMap<ItemRecord, string>();
  private readonly forget: NodeJS.Timeout;

  constructor() {
    this.forget = setTimeout(() => (this.texts = new WeakMap()), FORGET_AFTER_MS);
    this.forget.unref();
  }

  /** Exactly JSON.stringify(data). */
  of(data: ShardData): string {
    const parts: string[] = [];
    for (const [id, record] of Object.entries(data.items)) {
      let text = this.texts.get(record);
      if (text === undefined) {
        text = JSON.stringify(record);
        this.texts.set(record, text);
      }
      parts.push(`${JSON.stringify(id)}:${text}`);
    }
    this.forget.refresh();
    return `{"items":{${parts.join(',')}}}`;
  }
}
