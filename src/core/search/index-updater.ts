/**
 * Keeps a SearchIndex in step with the store. Every update is "make the index reflect what memory
 * holds for this id now": it reads the current record, reads its body, and indexes it only if the
 * record is still current — so updates arriving in any order, or racing a rebuild, never leave an
 * older version indexed. Changed ids go first, on the main thread (a few milliseconds each, no
 * thread to wait for); a rebuild or a long replay (the backlog) runs behind them, with progress,
 * and so do changes arriving by the hundred (an import): built into segments by the indexing
 * thread (index-batches.ts) and adopted here in slices of a few milliseconds — or, without that
 * thread, indexed here one by one, yielding to the event loop. What the index reflects is tracked
 * (IndexCoverage) so that a save can say which revision it holds.
 */
import type { IndexStatus } from '../../shared/types';
import { Slices } from '../event-loop';
import type { ItemRecord } from '../item-record';
import type { Store } from '../store';
import type { BodyTextReader } from './body-text';
import { headBytesAt, pairsAt, type BuiltBatch } from './index-batch';
import type { KnownMeta } from './index-meta';
import { Backlog } from './backlog';
import { indexDoc } from './catalog';
import { highlightDocs, splitHighlightDocId } from './highlight-docs';
import { BatchPipeline, type SentBatch } from './index-batches';
import { IndexCoverage } from './index-coverage';
import type { BatchBuilder } from './index-worker-client';
import { TurnLock } from './turn-lock';
import type { IndexDoc, SearchIndex } from './search-index';

// Bodies read at once while working through the backlog.
const READ_AHEAD = 16;
// Synchronous work between two turns of the event loop. The index's own background work (flushes,
// merges) shares the same turns, and together they must stay well under 50 ms.
const SLICE_MS = 6;
// Changed ids waiting at once from which they go to the indexing thread, not one by one here.
const BULK_CHANGES = 64;

export interface UpdaterHooks {
  /** The index changed: it needs saving some time. */
  changed(): void;
  /** Backlog progress; `done === total` once at the end. */
  progress(done: number, total: number): void;
}

export class IndexUpdater {
  private readonly pending = new Set<string>();
  private readonly backlog: Backlog;
  private readonly coverage: IndexCoverage;
  private worker: Promise<void> | null = null;
  // One step at a time touches the index; a save waits for the current step and holds off the next.
  private readonly lock = new TurnLock();
  private settledWaiters: (() => void)[] = [];
  private idleWaiters: (() => void)[] = [];
  private readonly slices = new Slices(SLICE_MS);
  private applying = false;
  private stopped = false;
  // The highlight documents indexed for each clip (highlight-docs.ts), gathered from the index on first need.
  private highlightIds: Map<string, Set<string>> | null = null;
  // Batches on the indexing thread; null: everything on the main thread.
  private readonly batches: BatchPipeline | null;
  // Wakes the loop while it waits for a batch: a change arrived, or the backlog was dropped.
  private wake: (() => void) | null = null;

  constructor(
    readonly index: SearchIndex,
    private readonly store: Store,
    private readonly bodies: BodyTextReader,
    private readonly hooks: UpdaterHooks,
    /** Every item whose rev is at most this is reflected by `index` as it was handed over. */
    baseline: number,
    /** Builds batches (of the backlog, of many changes) off the main thread; closed by `stop`. */
    private readonly builder: BatchBuilder | null = null,
  ) {
    this.coverage = new IndexCoverage(baseline);
    this.backlog = new Backlog((done, total) => hooks.progress(done, total));
    this.batches =
      builder === null
        ? null
        : new BatchPipeline(
            builder,
            index,
            (record) =>
              this.coverage.reflects(record) && index.has(record.id)
                ? null
                : store.bodies.path(record.bodyFile),
            (id) => store.get(id),
          );
  }

  /** Changed ids: applied before anything in the backlog (a highlight's document: its clip). */
  enqueue(ids: Iterable<string>): void {
    for (const id of ids) this.pending.add(splitHighlightDocId(id)[0]);
    this.kick();
    this.wakeUp();
  }

  /** Ids to work through in the background, in this order, with progress events. */
  startBacklog(ids: string[]): void {
    this.backlog.start(ids);
    this.kick();
  }

  /** Marks an item as reflected without touching the index (an item a fresh index need not hold). */
  markReflected(record: ItemRecord): void {
    this.coverage.mark(record);
  }

  get building(): boolean {
    return this.backlog.active;
  }

  /** Building: how far through the backlog. Ready: done = total = the items indexed. */
  status(): IndexStatus {
    if (this.building) return { state: 'building', ...this.backlog.position };
    const size = this.index.size;
    return { state: 'ready', done: size, total: size };
  }

  /** Resolves once every changed id handed over so far is applied (the backlog may still run). */
  whenSettled(): Promise<void> {
    if (this.settled) return Promise.resolve();
    return new Promise((resolve) => this.settledWaiters.push(resolve));
  }

  /** Resolves once the changed ids and the backlog are all applied (or the backlog was dropped). */
  whenIdle(): Promise<void> {
    if (this.worker === null) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Gives up the rest of the backlog (closing): what is indexed stays, and a save records how far it got. */
  dropBacklog(): void {
    this.backlog.drop();
    this.batches?.abandonBacklog();
    this.wakeUp();
  }

  /** Stops for good once the current step ends. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.dropBacklog();
    await this.worker;
    await this.builder?.close();
    for (const resolve of this.settledWaiters.splice(0)) resolve();
  }

  /** Runs `work` while no update touches the index (saving), with the revision the index is complete up to. */
  async exclusive<T>(work: (rev: number) => Promise<T>): Promise<T> {
    const release = await this.lock.acquire();
    try {
      const rev = this.coverage.completeUpTo(this.store.rev, this.store.allItems());
      const result = await work(rev);
      this.coverage.advanceTo(rev);
      return result;
    } finally {
      release();
    }
  }

  private kick(): void {
    if (this.worker !== null || this.stopped) return;
    this.worker = this.work().finally(() => {
      this.worker = null;
      for (const resolve of this.idleWaiters.splice(0)) resolve();
      // Something may have arrived between the loop's last check and now.
      if (!this.stopped && this.hasWork) this.kick();
    });
  }

  private get hasWork(): boolean {
    return this.pending.size > 0 || this.building || this.batches?.next !== undefined;
  }

  // Nothing changed is waiting to be applied (the backlog may still run).
  private get settled(): boolean {
    return this.pending.size === 0 && !this.applying && (this.batches?.changesOut ?? 0) === 0;
  }

  private async work(): Promise<void> {
    while (!this.stopped && this.hasWork) {
      // Many changes at once (an import): to the indexing thread, a batch at a time.
      const batches = this.batches;
      if (batches !== null && batches.open && this.pending.size >= BULK_CHANGES) {
        const ids = [...this.pending].slice(0, batches.batchSize);
        for (const id of ids) this.pending.delete(id);
        batches.sendChanged(ids);
        continue;
      }
      // Small changes go first, here; with many waiting, the batches out are taken in first.
      const bulk = batches !== null && !batches.broken && this.pending.size >= BULK_CHANGES;
      const batch = this.pending.size === 0 || bulk ? this.nextBatch() : undefined;
      if (batch !== undefined && batch.built === null && !batch.failed) {
        // Not holding the lock: changes and saves go on while the thread works.
        await Promise.race([batch.settled, new Promise<void>((resolve) => (this.wake = resolve))]);
        this.wake = null;
        continue;
      }
      const release = await this.lock.acquire();
      try {
        // Still the oldest batch out? (Dropping the backlog while the lock was awaited gives its batches up.)
        const built = batch === this.batches?.next ? batch?.built : null;
        if (batch && built && (bulk || this.pending.size === 0)) await this.adoptBatch(batch, built);
        else if (this.pending.size > 0) await this.applyPending();
        else if (this.building) await this.applyBacklogStep();
      } finally {
        release();
      }
      await this.slices.next();
    }
    this.settle();
  }

  private async applyPending(): Promise<void> {
    const [id] = this.pending;
    if (id === undefined) return;
    this.pending.delete(id);
    this.applying = true;
    try {
      await this.apply(id);
    } finally {
      this.applying = false;
      if (this.pending.size === 0) this.settle();
    }
  }

  private async apply(id: string): Promise<void> {
    for (;;) {
      const record = this.store.get(id);
      if (!record || record.deleted !== null) {
        if (this.index.has(id)) {
          this.index.remove(id);
          this.hooks.changed();
        }
        this.syncHighlights(id, []);
        if (record) this.coverage.mark(record);
        return;
      }
      if (this.coverage.reflects(record) && this.index.has(id)) return;
      const body = await this.bodies.textOf(record, false);
      if (this.store.get(id) !== record) continue; // changed while its body was read
      this.add(record, body);
      return;
    }
  }

  // The oldest batch out on the indexing thread (the backlog's next is sent first); undefined when
  // there is none, or the thread has failed: from then on all is indexed on the main thread.
  private nextBatch(): SentBatch | undefined {
    const batches = this.batches;
    if (batches === null || batches.broken) return undefined;
    if (batches.next?.failed) {
      batches.broken = true;
      for (const id of batches.abandonAll()) this.pending.add(id);
      return undefined;
    }
    if (this.building) batches.fill(this.backlog);
    return batches.next;
  }

  // Holding the lock throughout (a save sees the whole batch or none of it), yielding between
  // slices; the items are live from the start but found only once the segment is added at the end.
  private async adoptBatch({ entries, fromBacklog }: SentBatch, built: BuiltBatch): Promise<void> {
    this.batches?.shift(); // the batch's numbers are the index's now: no longer given back if dropped
    let sent = 0;
    for (const { id, record, num } of entries) {
      if (!record || record.deleted !== null) this.pending.add(id);
      if (!record || num === undefined) continue;
      const at = sent++;
      if (this.store.get(id) !== record)
        this.pending.add(id); // changed since: its number stays dead
      else if (!this.coverage.reflects(record) || !this.index.has(id)) {
        const meta = built.metas[at] as KnownMeta;
        this.index.adoptItem(id, num, meta, headBytesAt(built, at), pairsAt(built, at));
        this.syncHighlights(id, highlightDocs(record));
        this.coverage.mark(record);
      }
      await this.slices.next();
    }
    this.index.adopt(built);
    this.hooks.changed();
    if (fromBacklog && this.building) {
      this.backlog.advance(entries.length);
      this.backlog.report();
    }
    if (!fromBacklog) this.settle();
    if (!this.building && this.batches?.next === undefined) this.builder?.rest();
  }

  private async applyBacklogStep(): Promise<void> {
    const ids = this.backlog.peek(READ_AHEAD);
    const records = ids.map((id) => this.store.get(id));
    const texts = await Promise.all(
      records.map(async (record) =>
        record && record.deleted === null ? this.bodies.textOf(record, false) : '',
      ),
    );
    for (const [i, id] of ids.entries()) {
      const record = records[i];
      if (this.stopped || !this.building) return;
      if (!record || this.store.get(id) !== record || record.deleted !== null) this.pending.add(id);
      else if (!this.coverage.reflects(record) || !this.index.has(id)) this.add(record, texts[i] ?? '');
      this.backlog.advance();
      await this.slices.next();
    }
    this.backlog.report();
  }

  private add(record: ItemRecord, body: string): void {
    try {
      this.index.add(indexDoc(record, body));
      this.syncHighlights(record.id, highlightDocs(record));
    } catch {
      // The index is derived: an item it cannot take stays unsearchable rather than stopping the rest.
    }
    this.coverage.mark(record);
    this.hooks.changed();
  }

  /** Makes the index hold exactly `docs` as the highlights of item `id`. */
  private syncHighlights(id: string, docs: IndexDoc[]): void {
    if (this.highlightIds === null) {
      this.highlightIds = new Map();
      for (const docId of this.index.ids()) {
        const [itemId, highlightId] = splitHighlightDocId(docId);
        if (highlightId === undefined) continue;
        const set = this.highlightIds.get(itemId) ?? new Set<string>();
        this.highlightIds.set(itemId, set.add(docId));
      }
    }
    const before = this.highlightIds.get(id);
    if (before === undefined && docs.length === 0) return;
    const now = new Set(docs.map((doc) => doc.id));
    for (const docId of before ?? []) if (!now.has(docId)) this.index.remove(docId);
    for (const doc of docs) this.index.add(doc);
    if (now.size > 0) this.highlightIds.set(id, now);
    else this.highlightIds.delete(id);
    this.hooks.changed();
  }

  private wakeUp(): void {
    this.wake?.();
    this.wake = null;
  }

  private settle(): void {
    if (!this.settled) return;
    for (const resolve of this.settledWaiters.splice(0)) resolve();
  }
}
