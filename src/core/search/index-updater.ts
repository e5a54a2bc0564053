/**
 * Keeps a SearchIndex in step with the store. Every update is "make the index reflect what memory
 * holds for this id now": it reads the current record, reads its body, and indexes it only if the
 * record is still current — so updates arriving in any order, or racing a rebuild, never leave an
 * older version indexed. Changed ids go first; a rebuild or a long replay (the backlog) runs
 * behind them in small steps, yielding to the event loop, with progress. What the index reflects
 * is tracked (IndexCoverage) so that a save can say which revision it holds.
 */
import { performance } from 'node:perf_hooks';
import type { IndexStatus } from '../../shared/types';
import { yieldToLoop } from '../event-loop';
import type { ItemRecord } from '../item-record';
import type { Store } from '../store';
import type { BodyTextReader } from './body-text';
import { Backlog } from './backlog';
import { indexDoc } from './catalog';
import { highlightDocs, splitHighlightDocId } from './highlight-docs';
import { IndexCoverage } from './index-coverage';
import { TurnLock } from './turn-lock';
import type { IndexDoc, SearchIndex } from './search-index';

// Bodies read at once while working through the backlog.
const READ_AHEAD = 16;
// Synchronous work between two turns of the event loop. The index's own background work (flushes,
// merges) shares the same turns, and together they must stay well under 50 ms.
const SLICE_MS = 6;

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
  private lastYield = performance.now();
  private applying = false;
  private stopped = false;
  // The highlight documents indexed for each clip (highlight-docs.ts), gathered from the index on first need.
  private highlightIds: Map<string, Set<string>> | null = null;

  constructor(
    readonly index: SearchIndex,
    private readonly store: Store,
    private readonly bodies: BodyTextReader,
    private readonly hooks: UpdaterHooks,
    /** Every item whose rev is at most this is reflected by `index` as it was handed over. */
    baseline: number,
  ) {
    this.coverage = new IndexCoverage(baseline);
    this.backlog = new Backlog((done, total) => hooks.progress(done, total));
  }

  /** Changed ids: applied before anything in the backlog (a highlight's document: its clip). */
  enqueue(ids: Iterable<string>): void {
    for (const id of ids) this.pending.add(splitHighlightDocId(id)[0]);
    this.kick();
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
    if (this.pending.size === 0 && !this.applying) return Promise.resolve();
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
  }

  /** Stops for good once the current step ends. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.dropBacklog();
    await this.worker;
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
      if (!this.stopped && (this.pending.size > 0 || this.building)) this.kick();
    });
  }

  private async work(): Promise<void> {
    while (!this.stopped && (this.pending.size > 0 || this.building)) {
      const release = await this.lock.acquire();
      try {
        if (this.pending.size > 0) await this.applyPending();
        else if (this.building) await this.applyBacklogStep();
      } finally {
        release();
      }
      if (performance.now() - this.lastYield > SLICE_MS) await this.yield();
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
      if (performance.now() - this.lastYield > SLICE_MS) await this.yield();
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

  private async yield(): Promise<void> {
    await yieldToLoop();
    this.lastYield = performance.now();
  }

  private settle(): void {
    if (this.pending.size > 0 || this.applying) return;
    for (const resolve of this.settledWaiters.splice(0)) resolve();
  }
}
