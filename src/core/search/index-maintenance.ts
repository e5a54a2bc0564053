/**
 * Background work on the tiers, one step at a time and in small slices (the event loop is never
 * held for more than a few milliseconds): flushing frozen live tiers into segments, merging
 * segments so there stay few of them (a merge makes a segment several times bigger, so every
 * posting is copied O(log n) times), and compacting once many indexed versions are dead.
 */
import { Slices, yieldToLoop } from '../event-loop';
import { Segment, SegmentBuilder, type TermSource } from './index-segment';
import type { TermList } from './index-terms';
import type { Tiers } from './index-tiers';

const SLICE_MS = 6;
// Postings (and terms, TERM_WORK each) merged between two looks at the clock: well under a millisecond.
const PAUSE_WORK = 4_000;
const TERM_WORK = 8;
/**
 * The newest segments are merged this many at a time, once they are of about the same size (the
 * oldest of them at most SAME_TIER times the newest): over a rebuild each posting is copied about
 * log4(segments) times. Merged in pairs, it was copied several times as often, and every copy is a
 * new buffer outside the heap — whose allocation, past 64 MB, sets off a full garbage collection
 * of the main thread's heap.
 */
const MERGE_AT_ONCE = 4;
const SAME_TIER = 2;
/** More segments than this are merged whatever their sizes. */
const MAX_SEGMENTS = 12;
/** Compact everything once this share of the held item versions is dead. */
const DEAD_SHARE = 0.25;
const DEAD_MIN = 500;

export class Maintenance {
  private running: Promise<void> | null = null;
  private failure: unknown = null;
  // Segments merged away while something still reads them (a save writing them): freed after.
  private holds = 0;
  private mergedAway: Segment[] = [];

  constructor(private readonly tiers: Tiers) {}

  /**
   * Keeps the memory of segments merged away from now on until the returned function is called:
   * for a reader of segments across turns of the event loop (a save). Searches need no hold: they
   * read postings within one turn.
   */
  hold(): () => void {
    this.holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--this.holds === 0) for (const segment of this.mergedAway.splice(0)) segment.free();
    };
  }

  /** Starts working if there is work and nothing runs. */
  kick(): void {
    if (this.running !== null || this.failure !== null || this.nextStep() === null) return;
    // Never inside the caller's turn: an add that rolls the live tier over returns at once.
    this.running = yieldToLoop()
      .then(() => this.run())
      .finally(() => (this.running = null));
  }

  /** Resolves once there is nothing left to do (a step that failed is tried again); rejects if a step fails. */
  async idle(): Promise<void> {
    this.failure = null;
    this.kick();
    while (this.running !== null) await this.running;
    if (this.failure !== null) throw this.failure;
  }

  private async run(): Promise<void> {
    try {
      for (let step = this.nextStep(); step !== null; step = this.nextStep()) await step();
    } catch (error) {
      // The tiers are untouched by a failed step: searches go on; saving reports the failure.
      this.failure = error;
    }
  }

  private nextStep(): (() => Promise<void>) | null {
    const { tiers } = this;
    const frozen = tiers.frozen[0];
    if (frozen !== undefined)
      return () =>
        this.replace([frozen], () => {
          tiers.frozen.shift();
          return tiers.segments.length;
        });
    const segments = tiers.segments;
    const count = segments.length;
    const newest = segments.slice(-MERGE_AT_ONCE);
    const [first, last] = [newest[0], newest[newest.length - 1]];
    if (
      first !== undefined &&
      last !== undefined &&
      newest.length === MERGE_AT_ONCE &&
      first.postings <= SAME_TIER * last.postings
    ) {
      return () =>
        this.replace(newest, () => {
          const at = segments.indexOf(first);
          segments.splice(at, newest.length);
          return at;
        });
    }
    const before = segments[count - 2];
    if (last !== undefined && before !== undefined && count > MAX_SEGMENTS) {
      return () =>
        this.replace([before, last], () => {
          const at = segments.indexOf(before);
          segments.splice(at, 2);
          return at;
        });
    }
    let held = 0;
    let dead = 0;
    for (const segment of segments) {
      held += segment.docs.length;
      for (let i = 0; i < segment.docs.length; i++)
        if (tiers.idOf[segment.docs[i] as number] === undefined) dead++;
    }
    if (dead > DEAD_MIN && dead > held * DEAD_SHARE) {
      // Only those merged: a segment adopted meanwhile (search-index.ts `adopt`) stays.
      const merged = [...segments];
      return () =>
        this.replace(merged, () => {
          segments.splice(0, merged.length);
          return 0;
        });
    }
    return null;
  }

  // Merges `sources` into one segment, then swaps it in (synchronously) where `remove` takes them
  // out (it says where): segments adopted meanwhile stay after it, so the newest stay last.
  private async replace(sources: TermSource[], remove: () => number): Promise<void> {
    const keep = new Uint8Array(this.tiers.idOf.length);
    for (const source of sources) {
      for (let i = 0; i < source.docs.length; i++) {
        const num = source.docs[i] as number;
        if (this.tiers.idOf[num] !== undefined) keep[num] = 1;
      }
    }
    const merged = await mergeSources(sources, keep);
    const at = remove();
    if (merged.docs.length > 0) this.tiers.segments.splice(at, 0, merged);
    const dropped: number[] = [];
    for (const source of sources) {
      for (let i = 0; i < source.docs.length; i++)
        if (keep[source.docs[i] as number] !== 1) dropped.push(source.docs[i] as number);
    }
    this.tiers.release(dropped);
    // Nothing reads them any more: their memory goes now (free-buffers.ts says why).
    for (const source of sources) {
      if (!(source instanceof Segment)) continue;
      if (this.holds > 0) this.mergedAway.push(source);
      else source.free();
    }
  }
}

/** One segment with the postings of the `keep` items of every source, terms merged in order. */
export async function mergeSources(sources: readonly TermSource[], keep: Uint8Array): Promise<Segment> {
  const builder = new SegmentBuilder(sources.reduce((sum, source) => sum + source.postings, 0));
  const lists = sources.map((source) => source.termList());
  const at = sources.map(() => 0);
  const add = (num: number, code: number): void => {
    if (keep[num] === 1) builder.add(num, code);
  };
  const slices = new Slices(SLICE_MS);
  const pause = (): Promise<void> => slices.next();
  // The clock is read every few terms, or sooner after a common term's long run of postings.
  let work = 0;
  for (;;) {
    // The source whose next term comes first.
    let least = -1;
    for (let k = 0; k < lists.length; k++) {
      const list = lists[k] as TermList;
      if ((at[k] as number) >= list.length) continue;
      if (least < 0 || list.compareWith(at[k] as number, lists[least] as TermList, at[least] as number) < 0)
        least = k;
    }
    if (least < 0) break;
    const termList = lists[least] as TermList;
    const termIndex = at[least] as number;
    for (let k = 0; k < lists.length; k++) {
      const list = lists[k] as TermList;
      if (
        k !== least &&
        ((at[k] as number) >= list.length || list.compareWith(at[k] as number, termList, termIndex) !== 0)
      )
        continue;
      const source = sources[k] as TermSource;
      if (source instanceof Segment) work += builder.copyKept(source, at[k] as number, keep);
      else source.forEachPosting(at[k] as number, add);
      if (k !== least) at[k] = (at[k] as number) + 1;
    }
    builder.endTerm(termList, termIndex);
    at[least] = termIndex + 1;
    work += TERM_WORK;
    if (work >= PAUSE_WORK) {
      work = 0;
      await pause();
    }
  }
  let kept = 0;
  for (const source of sources)
    for (let i = 0; i < source.docs.length; i++) if (keep[source.docs[i] as number] === 1) kept++;
  const docs = new Uint32Array(kept);
  kept = 0;
  for (const source of sources)
    for (let i = 0; i < source.docs.length; i++)
      if (keep[source.docs[i] as number] === 1) docs[kept++] = source.docs[i] as number;
  return builder.finish(docs.sort(), pause);
}
