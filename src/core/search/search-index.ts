/**
 * The full-text index over notes and clips. Items are indexed by field (title, meta, body) with
 * the terms of `indexTerms` (folded, lightly stemmed); a word being typed is matched as a prefix
 * against the sorted vocabulary of indexed terms (the most frequent expansions first).
 *
 * Layout (see index-tiers.ts): new and changed items go into a small FlexSearch tier; in the
 * background it is flushed into immutable compact segments, which are merged as they accumulate.
 * An update marks the old version dead and indexes the new one: a few milliseconds at any size,
 * right after a load too. Many items at once (a rebuild) come as whole segments built on the
 * indexing thread for item numbers reserved here, and are adopted (index-batches.ts). Saving
 * writes only segments not yet on disk, plus a manifest; loading reads the files as they are, with
 * no parsing per posting.
 *
 * Why not FlexSearch throughout, saved with its export/import: measured at 50,000 generated
 * articles (~450 distinct terms each), its strict index held 1 GB (323 MB at resolution 1 in 4
 * shards), took 1.9 to 6.7 s to import, and blocked the event loop 0.4 to 0.8 s per shard on
 * export; after an import `fastupdate` is off, so each update scans its shard.
 */
import { Slices, yieldToLoop } from '../event-loop';
import type { CatalogEntry } from './execute';
import { emptyColumns, readIndex, writeIndex, type IndexToWrite } from './index-files';
import type { BuiltBatch } from './index-batch';
import { headOf } from './index-heads';
import { LIVE, type ItemMeta, type KnownMeta } from './index-meta';
import { Maintenance } from './index-maintenance';
import { warmUpIndexing } from './index-warmup';
import { docFields } from './index-postings';
import { Segment } from './index-segment';
import { TermList } from './index-terms';
import { Tiers, type PostingList } from './index-tiers';
import { bodyWords, pairFilter } from './pair-filter';

/** What the index is given of one item: its text and, optionally, its catalog entry. */
export interface IndexDoc {
  id: string;
  type: 'note' | 'clip' | 'highlight';
  title: string;
  body: string;
  /** Authors, site, tags, url host, joined by spaces. */
  meta: string;
  /**
   * The item's catalog entry as it is indexed (an ItemRecord fits). Optional: with it, searches
   * rank and filter this item without asking the catalog; without it they ask once per version.
   */
  entry?: CatalogEntry;
}

export class SearchIndex {
  private readonly maintenance: Maintenance;
  private saving: Promise<void> = Promise.resolve();

  private constructor(private readonly tiers: Tiers) {
    this.maintenance = new Maintenance(tiers);
    // Made or loaded, an index is what the first edit after opening goes to (index-warmup.ts).
    warmUpIndexing();
  }

  static create(): SearchIndex {
    return new SearchIndex(new Tiers());
  }

  /** Adds the item, or replaces what the index held for its id. */
  add(doc: IndexDoc): void {
    const words = bodyWords(doc.body);
    this.tiers.put(doc.id, docFields(doc, words), doc.entry, headOf(doc.body), pairFilter(words));
    if (this.tiers.rollOver(false)) this.maintenance.kick();
  }

  /** A number for an item of a batch indexed elsewhere (index-batch.ts): adopted, or given back. */
  reserve(): number {
    return this.tiers.reserve();
  }

  /** Reserved numbers that will not be adopted (their batch failed). */
  unreserve(nums: readonly number[]): void {
    this.tiers.release(nums);
  }

  /**
   * Makes the item the live version under `num`, a number of a batch being adopted, with its head
   * in UTF-8 and its pair filter (views into the batch's buffers: index-batch.ts `headBytesAt`,
   * `pairsAt`). It replaces what the index held for its id; it is found once its batch's segment
   * is added with `adopt`.
   */
  adoptItem(id: string, num: number, meta: KnownMeta, head: Uint8Array, pairs: Uint8Array): void {
    this.tiers.adopt(id, num, meta, head, pairs);
  }

  /** Adds a built batch's postings; numbers of it not made live by `adoptItem` count as dead versions. */
  adopt({ termUnits, termEnds, offsets, nums, codes, docs }: BuiltBatch): void {
    if (docs.length === 0) return;
    // The arrays came from the indexing thread, each on its own buffer (index-batch.ts).
    const terms = new TermList(termUnits, termEnds);
    this.tiers.segments.push(new Segment(terms, offsets, nums, codes, docs, true));
    this.maintenance.kick();
  }

  remove(id: string): void {
    this.tiers.kill(id);
  }

  has(id: string): boolean {
    return this.tiers.numOf.has(id);
  }

  /** Every indexed id (to drop those no longer in the store after a load). */
  ids(): IterableIterator<string> {
    return this.tiers.numOf.keys();
  }

  get size(): number {
    return this.tiers.numOf.size;
  }

  /** Ids matching a stemmed term (or every indexed term starting with it, with `prefix`), with a per-item score (title > meta > body). */
  match(term: string, options: { prefix?: boolean } = {}): Map<string, number> {
    const best = new Map<string, number>();
    this.tiers.visitTerm(term, options.prefix === true, (num, weight) => {
      const id = this.tiers.idOf[num] as string;
      if (weight > (best.get(id) ?? 0)) best.set(id, weight);
    });
    return best;
  }

  /** For execute.ts: the postings under `term` (or the terms it starts), dead versions included. */
  postings(term: string, prefix: boolean): PostingList[] {
    return this.tiers.postings(term, prefix);
  }

  /** For execute.ts: the id an item number stands for, if that version is live. */
  idAt(num: number): string | undefined {
    return this.tiers.idOf[num];
  }

  /** For execute.ts: the start of a live version's body text (index-heads.ts). */
  headAt(num: number): string | undefined {
    return this.tiers.heads.get(num);
  }

  /** For execute.ts: the pair filter of a live version's body (pair-filter.ts), if it has one. */
  pairsAt(num: number): Uint8Array | undefined {
    return this.tiers.pairs.bytes(num);
  }

  /** For execute.ts: every item number is below this. */
  get numberLimit(): number {
    return this.tiers.idOf.length;
  }

  /** For execute.ts: what ranking and filters need of each item version, by number. */
  get meta(): ItemMeta {
    return this.tiers.meta;
  }

  /** For execute.ts: the numbers of every live item. */
  liveNumbers(): Int32Array {
    const { flags } = this.tiers.meta;
    const live = new Int32Array(this.size);
    let found = 0;
    for (let num = 0; num < this.numberLimit && found < live.length; num++) {
      if (((flags[num] as number) & LIVE) !== 0) live[found++] = num;
    }
    return live.subarray(0, found);
  }

  /** Resolves once background flushes and merges are done (tests and the bench). */
  settle(): Promise<void> {
    return this.maintenance.idle();
  }

  /** Writes the index to `dir` (the library's `index/` folder) atomically, yielding to the event loop, with `rev`. */
  save(dir: string, rev: number): Promise<void> {
    const run = this.saving.then(() => this.saveNow(dir, rev));
    this.saving = run.catch(() => undefined);
    return run;
  }

  /** The index saved in `dir`, or null if it is missing, damaged or of another format version. Never throws. */
  static async load(dir: string): Promise<{ index: SearchIndex; rev: number } | null> {
    try {
      const stored = await readIndex(dir);
      if (stored === null) return null;
      // Time slices, not counts: while a collection is marking, V8 makes each allocation pay a
      // share of the marking, so the same count of items can take several times as long.
      const slices = new Slices();
      const tiers = new Tiers();
      tiers.segments.push(...stored.segments);
      // Segment docs are sorted: the last of each is its highest number.
      const limit = Math.max(0, ...stored.segments.map(({ docs }) => (docs[docs.length - 1] ?? -1) + 1));
      const held = new Uint8Array(limit);
      for (const { docs } of stored.segments)
        for (let i = 0; i < docs.length; i++) held[docs[i] as number] = 1;
      const { meta } = tiers;
      // The saved facet numbers as this dictionary's.
      const current = stored.facets.map((facet) => meta.facetId(facet));
      const facetIds = new Int32Array(stored.facetIds.length);
      for (let i = 0; i < facetIds.length; i++) {
        facetIds[i] = current[stored.facetIds[i] as number] as number;
        if (i % 4_096 === 4_095 && slices.due()) await slices.next();
      }
      let facetsAt = 0;
      let headsAt = 0;
      let pairsAt = 0;
      const headPage = tiers.heads.addPage(stored.heads);
      const pairPage = tiers.pairs.addPage(stored.pairs);
      for (let i = 0; i < stored.nums.length; i++) {
        if (i % 64 === 63 && slices.due()) await slices.next();
        const num = stored.nums[i] as number;
        const id = stored.ids[i] as string;
        if (held[num] !== 1 || tiers.idOf[num] !== undefined || tiers.numOf.has(id)) return null;
        tiers.idOf[num] = id;
        tiers.numOf.set(id, num);
        const headSize = stored.headSizes[i] ?? 0;
        tiers.heads.setAt(num, headPage, headsAt, headSize);
        headsAt += headSize;
        const pairSize = stored.pairSizes[i] ?? 0;
        tiers.pairs.setAt(num, pairPage, pairsAt, pairSize);
        pairsAt += pairSize;
        const facets = facetIds.subarray(facetsAt, (facetsAt += stored.facetCounts[i] ?? 0));
        meta.restoreIds(num, stored.flags[i] ?? 0, stored.updated[i] ?? 0, stored.dates[i] ?? 0, facets);
      }
      // Numbers held only by dead versions still count: the free list must not hand them out.
      if (limit > tiers.idOf.length) tiers.idOf[limit - 1] = undefined;
      tiers.resetFree();
      // The warm-up in the constructor gets a turn of its own.
      await yieldToLoop();
      const index = new SearchIndex(tiers);
      index.maintenance.kick();
      return { index, rev: stored.rev };
    } catch {
      return null;
    }
  }

  private async saveNow(dir: string, rev: number): Promise<void> {
    this.tiers.rollOver(true);
    await this.maintenance.idle();
    // The segments are written across turns: a merge meanwhile must not free them.
    const release = this.maintenance.hold();
    try {
      await this.writeNow(dir, rev);
    } finally {
      release();
    }
  }

  private async writeNow(dir: string, rev: number): Promise<void> {
    // Saving runs while no update touches the index (index-updater.ts `exclusive`) and with no
    // merge pending (just waited for), so what is read across the turns below is one state.
    const segments = [...this.tiers.segments];
    const { meta, heads, pairs } = this.tiers;
    const stored: IndexToWrite = {
      rev,
      segments,
      facets: [],
      ...emptyColumns(),
      head: (i) => heads.bytes(stored.nums[i] as number) ?? new Uint8Array(0),
      pair: (i) => pairs.bytes(stored.nums[i] as number) ?? new Uint8Array(0),
    };
    // Facets renumbered: only those of saved items are written.
    const renumber = new Map<number, number>();
    for (const segment of segments) {
      for (let i = 0; i < segment.docs.length; i++) {
        if (i % 5_000 === 4_999) await yieldToLoop();
        const num = segment.docs[i] as number;
        const id = this.tiers.idOf[num];
        if (id === undefined) continue;
        stored.nums.push(num);
        stored.ids.push(id);
        stored.headSizes.push(heads.byteLength(num));
        stored.pairSizes.push(pairs.byteLength(num));
        stored.flags.push(meta.flags[num] ?? 0);
        stored.updated.push(meta.updated[num] ?? 0);
        stored.dates.push(meta.date[num] ?? 0);
        const facets = meta.facetsOf(num);
        stored.facetCounts.push(facets.length);
        for (const f of facets) {
          let saved = renumber.get(f);
          if (saved === undefined) renumber.set(f, (saved = stored.facets.push(meta.facets[f] ?? '') - 1));
          stored.facetIds.push(saved);
        }
      }
    }
    await writeIndex(dir, stored);
  }
}
