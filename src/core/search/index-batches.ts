/**
 * The backlog — and changes arriving by the hundred (an import) — on their way through the
 * indexing thread (index-worker-client.ts): ids are sent in batches, a couple ahead, so the thread
 * is not idle while the main thread adopts what it built. Each batch keeps the record every item
 * was built from, so adoption can tell whether the item is still at that version (an older one is
 * never made live). A batch failed or given up hands its reserved item numbers back.
 */
import type { ItemRecord } from '../item-record';
import type { Backlog } from './backlog';
import { indexedRecord } from './catalog';
import type { BatchItem, BuiltBatch } from './index-batch';
import type { BatchBuilder } from './index-worker-client';
import type { SearchIndex } from './search-index';

// Batches out at once: one being built while the last one is adopted.
const IN_FLIGHT = 2;

/** One id of a batch: its record when sent, and its number if it was sent to be indexed. */
export interface BatchEntry {
  id: string;
  record: ItemRecord | undefined;
  num?: number;
}

export interface SentBatch {
  entries: BatchEntry[];
  /** Backlog ids (the backlog advances when it is adopted), or changed ids (someone awaits them). */
  fromBacklog: boolean;
  /** The segment, with a head and meta per entry that has a number, in order; null until built (or if it failed). */
  built: BuiltBatch | null;
  failed: boolean;
  settled: Promise<void>;
}

export class BatchPipeline {
  private queue: SentBatch[] = [];
  // Backlog ids already in a batch, ahead of the backlog's position.
  private sent = 0;
  /** The thread failed once: the rest is indexed on the main thread. */
  broken = false;

  constructor(
    private readonly builder: BatchBuilder,
    private readonly index: SearchIndex,
    /** The body file's path of a record, or null when it needs no indexing (it is already reflected). */
    private readonly bodyFile: (record: ItemRecord) => string | null,
    private readonly current: (id: string) => ItemRecord | undefined,
  ) {}

  get batchSize(): number {
    return this.builder.batchSize;
  }

  /** Whether another batch may be sent now. */
  get open(): boolean {
    return !this.broken && this.queue.length < IN_FLIGHT;
  }

  /** Batches of changed ids out. */
  get changesOut(): number {
    return this.queue.filter((batch) => !batch.fromBacklog).length;
  }

  /** Sends the backlog's next ids as one more batch, if one may be sent. */
  fill(backlog: Backlog): void {
    if (!this.open) return;
    const ids = backlog.peek(this.builder.batchSize, this.sent);
    if (ids.length === 0) return;
    this.sent += ids.length;
    this.queue.push(this.send(ids, true));
  }

  /** Sends changed ids as one batch (the caller checks `open`). */
  sendChanged(ids: string[]): void {
    this.queue.push(this.send(ids, false));
  }

  /** The oldest batch out, if any. */
  get next(): SentBatch | undefined {
    return this.queue[0];
  }

  /** Takes the oldest batch off once it is adopted (its numbers are the index's now). */
  shift(): void {
    const batch = this.queue.shift();
    if (batch?.fromBacklog) this.sent -= batch.entries.length;
  }

  /** Gives up the backlog's batches (it was dropped); batches of changes stay. */
  abandonBacklog(): void {
    this.queue = this.queue.filter((batch) => !batch.fromBacklog || this.giveUp(batch));
    this.sent = 0;
  }

  /** Gives up every batch (the thread failed); returns the changed ids that were in them. */
  abandonAll(): string[] {
    const changed = this.queue.flatMap((batch) => {
      this.giveUp(batch);
      return batch.fromBacklog ? [] : batch.entries.map(({ id }) => id);
    });
    this.queue = [];
    this.sent = 0;
    return changed;
  }

  // Hands the batch's numbers back; false, to filter it out.
  private giveUp(batch: SentBatch): false {
    this.index.unreserve(batch.entries.flatMap(({ num }) => (num === undefined ? [] : [num])));
    return false;
  }

  private send(ids: string[], fromBacklog: boolean): SentBatch {
    const entries: BatchEntry[] = [];
    const items: BatchItem[] = [];
    for (const id of ids) {
      const record = this.current(id);
      const file = record && record.deleted === null ? this.bodyFile(record) : null;
      if (record === undefined || file === null) entries.push({ id, record });
      else {
        const num = this.index.reserve();
        entries.push({ id, record, num });
        items.push({ num, record: indexedRecord(record), file });
      }
    }
    const batch: SentBatch = { entries, fromBacklog, built: null, failed: false, settled: Promise.resolve() };
    batch.settled = this.builder.build(items).then(
      (built) => void (batch.built = built),
      () => void (batch.failed = true),
    );
    return batch;
  }
}
