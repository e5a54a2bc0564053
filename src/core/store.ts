/**
 * The open store: every item's metadata in memory, the list order, the revision counter, and
 * the one path every change takes to disk.
 *
 * A change runs in four steps: (1) its new body file is written durably; (2) in revision order,
 * it is applied to memory (re-checked first: the item may have been purged meanwhile); (3) the
 * shards it touched are saved durably — only then is it acknowledged and announced; (4) body
 * files it made obsolete are removed. Changes to one item run one after the other; changes to
 * different items overlap, and saves to different shards run in parallel.
 */
import { NotebookError } from '../shared/errors';
import type { NotebookEvent, Recovery } from '../shared/types';
import { BodyFiles } from './bodies';
import { inParallel, yieldToLoop } from './event-loop';
import { ItemIndex } from './item-index';
import type { IndexQuery, ItemCounts } from './item-index';
import type { ItemRecord } from './item-record';
import type { OpenedLibrary } from './open-library';
import { relinkBodies } from './relink-bodies';
import { ShardSet } from './shards';
import { SharedStrings } from './shared-strings';

/** Shards a change saves at once (an import's group touches every one). */
const SAVES_AT_ONCE = 16;
/** Body files written at once by a change that writes many (an import's group). */
const BODY_WRITES_AT_ONCE = 16;

export interface Change {
  put: ItemRecord[];
  remove: ItemRecord[];
  /** Body files no current record names any more; removed once the change is durable. */
  obsoleteBodies: string[];
  /** emptyTrash: record this revision in library.json before the shards lose the items. */
  purge?: boolean;
}

/** A new body version to write before a change: the item's id, the text, and the file extension (default `md`). */
export interface BodyText {
  id: string;
  text: string;
  ext?: string;
}

export class Store {
  /** Body files written for changes not yet durable: not orphans, whatever the disk says now. */
  readonly pendingBodies = new Set<string>();
  private reservedRev: number;
  private committedRev: number;
  private commitTail: Promise<void> = Promise.resolve();
  private readonly itemQueues = new Map<string, Promise<unknown>>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly listeners = new Set<(event: NotebookEvent) => void>();

  private constructor(
    readonly dir: string,
    private readonly library: OpenedLibrary,
    readonly shards: ShardSet,
    readonly recoveries: Recovery[],
    readonly bodies: BodyFiles,
    private readonly items: Map<string, ItemRecord>,
    private readonly index: ItemIndex,
    rev: number,
  ) {
    this.reservedRev = this.committedRev = rev;
  }

  static async open(dir: string, library: OpenedLibrary, now: () => Date): Promise<Store> {
    const shards = new ShardSet(dir, library.data.shards);
    const bodies = new BodyFiles(dir);
    const { recoveries, recovered } = await shards.open(now);
    if (library.recovery) recoveries.unshift(library.recovery);
    // Body files carry revisions too: never hand one out again, or a save would overwrite that file.
    let rev = library.data.purgedRev;
    for (const shard of recovered) {
      const { relinked, highestRev } = await relinkBodies(shards.itemsOf(shard), bodies);
      for (const item of relinked) shards.put(item);
      if (relinked.length > 0) await shards.save(shard);
      rev = Math.max(rev, highestRev);
    }
    const items = new Map<string, ItemRecord>();
    const groups: ItemRecord[][] = [];
    const strings = new SharedStrings();
    for (let shard = 0; shard < shards.count; shard++) {
      const group = shards.itemsOf(shard);
      for (const item of group) {
        strings.shareRecord(item);
        items.set(item.id, item);
        if (item.rev > rev) rev = item.rev;
      }
      groups.push(group);
      if (shard % 8 === 7) await yieldToLoop();
    }
    const index = await ItemIndex.build(groups);
    return new Store(dir, library, shards, recoveries, bodies, items, index, rev);
  }

  get rev(): number {
    return this.committedRev;
  }

  get(id: string): ItemRecord | undefined {
    return this.items.get(id);
  }

  require(id: string): ItemRecord {
    const item = this.items.get(id);
    if (!item) throw new NotebookError('not_found', `There is no item with id "${id}".`);
    return item;
  }

  query(query: IndexQuery): { total: number; items: ItemRecord[] } {
    return this.index.query(query);
  }

  liveItems(): Iterable<ItemRecord> {
    return this.index.liveItems();
  }

  trashedItems(): ItemRecord[] {
    return [...this.items.values()].filter((item) => item.deleted !== null);
  }

  /** Every item, in the trash or not, in no particular order. */
  allItems(): Iterable<ItemRecord> {
    return this.items.values();
  }

  get counts(): ItemCounts {
    return this.index.counts;
  }

  /** Runs `work` once every earlier call for the same item has settled. */
  withItem<T>(id: string, work: () => Promise<T>): Promise<T> {
    const before = this.itemQueues.get(id) ?? Promise.resolve();
    const run = before.then(work, work);
    const settled = run.catch(() => undefined);
    this.itemQueues.set(id, settled);
    void settled.then(() => {
      if (this.itemQueues.get(id) === settled) this.itemQueues.delete(id);
    });
    return run;
  }

  /**
   * Makes one change durable and resolves with its revision. `body`, if given, is written first
   * as the body file `apply` receives; `apply` runs synchronously in revision order and may throw
   * to abandon the change.
   */
  change(body: BodyText | null, apply: (rev: number, bodyFile: string | null) => Change): Promise<number> {
    return this.changeMany(body ? [body] : [], (rev, files) =>
      apply(rev, body ? (files.get(body.id) ?? null) : null),
    );
  }

  /**
   * The same with several new bodies (one per item id), all written before the change applies:
   * one revision, one durable step (renaming an item rewrites the links in many notes).
   * `apply` receives the body file of each id.
   */
  changeMany(
    bodies: readonly BodyText[],
    apply: (rev: number, bodyFiles: ReadonlyMap<string, string>) => Change,
  ): Promise<number> {
    const run = this.runChange(bodies, apply);
    this.inFlight.add(run);
    void run.catch(() => undefined).then(() => this.inFlight.delete(run));
    return run;
  }

  onEvent(listener: (event: NotebookEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves when every change started so far has settled. */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private async runChange(
    bodies: readonly BodyText[],
    apply: (rev: number, bodyFiles: ReadonlyMap<string, string>) => Change,
  ): Promise<number> {
    const rev = ++this.reservedRev;
    const previous = this.commitTail;
    let settle = (): void => undefined;
    this.commitTail = new Promise((resolve) => (settle = resolve));
    const bodyFiles = new Map<string, string>();
    let change: Change;
    let durable: Promise<void>;
    try {
      for (const body of bodies) {
        const name = this.bodies.nameFor(body.id, rev, body.ext);
        bodyFiles.set(body.id, name);
        this.pendingBodies.add(name);
      }
      // A few at a time (an import's group holds hundreds), each folder synced once. Every write
      // begun settles before a failure is acted on: removing the files while one is still being
      // written would leave it behind.
      await this.bodies.writeAll(
        bodies.map((body) => ({ name: bodyFiles.get(body.id) as string, text: body.text })),
        BODY_WRITES_AT_ONCE,
      );
      await previous;
      change = apply(rev, bodyFiles);
      durable = this.persist(this.applyToMemory(change, rev), change.purge ? rev : null);
    } catch (error) {
      for (const name of bodyFiles.values()) {
        await this.bodies.remove(name);
        this.pendingBodies.delete(name);
      }
      throw error;
    } finally {
      // The next change applies after this one, whether this one applied or gave up.
      void previous.then(settle);
    }
    // If the save fails the caller gets the error, and memory keeps the change: the next save of
    // that shard writes it. Rolling memory back could undo a later change that shares the shard.
    try {
      await durable;
    } finally {
      for (const name of bodyFiles.values()) this.pendingBodies.delete(name);
    }
    // Never a file a current record names (a recovered item may name a file of a later revision).
    const written = new Set(bodyFiles.values());
    const obsolete = change.obsoleteBodies.filter((name) => !written.has(name));
    await Promise.all(obsolete.map((name) => this.bodies.remove(name)));
    const ids = [...new Set([...change.put, ...change.remove].map((item) => item.id))];
    this.emit({ type: 'items-changed', ids, rev });
    return rev;
  }

  private applyToMemory(change: Change, rev: number): Set<number> {
    const touched = new Set<number>();
    for (const item of change.remove) {
      this.items.delete(item.id);
      this.index.remove(item);
      touched.add(this.shards.remove(item.id));
    }
    for (const item of change.put) {
      const old = this.items.get(item.id);
      if (old) this.index.remove(old);
      this.items.set(item.id, item);
      touched.add(this.shards.put(item));
    }
    // Each id once, as it is now (a change could put one twice).
    this.index.addAll([...new Map(change.put.map((item) => [item.id, item])).values()]);
    this.committedRev = rev;
    return touched;
  }

  private async persist(shards: Set<number>, purgedRev: number | null): Promise<void> {
    if (purgedRev !== null) {
      // First: if the shards were saved first and we crashed, the revision could go backwards.
      this.library.data = { ...this.library.data, purgedRev };
      await this.library.file.write(this.library.data);
    }
    // A save serializes its shard at once: a change touching many shards (an import's group of
    // new items) saves a few at a time rather than holding the thread for all of them. Each is
    // tried, whatever became of the others.
    let failure: { error: unknown } | null = null;
    await inParallel([...shards], SAVES_AT_ONCE, (shard) =>
      this.shards.save(shard).catch((error: unknown) => void (failure ??= { error })),
    );
    if (failure !== null) throw (failure as { error: unknown }).error;
  }

  /** Tells every listener; also how long jobs report progress. */
  emit(event: NotebookEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A listener's failure is the listener's; the change is already durable.
      }
    }
  }
}
