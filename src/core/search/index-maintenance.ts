/**
 * Background work on the tiers, one step at a time and in small slices (the event loop is never
 * held for more than a few milliseconds): flushing frozen live tiers into segments, merging
 * segments so there stay few of them (each merge at least doubles a segment, so every posting is
 * copied O(log n) times), and compacting once many indexed versions are dead.
 */
import { performance } from 'node:perf_hooks';
import { yieldToLoop } from '../event-loop';
import { Segment, SegmentBuilder, type TermSource } from './index-segment';
import type { Tiers } from './index-tiers';

const SLICE_MS = 6;
// Postings (and terms, TERM_WORK each) merged between two looks at the clock: well under a millisecond.
const PAUSE_WORK = 4_000;
const TERM_WORK = 8;
/** More segments than this are merged whatever their sizes. */
const MAX_SEGMENTS = 12;
/** Compact everything once this share of the held item versions is dead. */
const DEAD_SHARE = 0.25;
const DEAD_MIN = 500;

export class Maintenance {
  private running: Promise<void> | null = null;
  private failure: unknown = null;

  constructor(private readonly tiers: Tiers) {}

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
    const last = segments[count - 1];
    const before = segments[count - 2];
    if (
      last !== undefined &&
      before !== undefined &&
      (last.postings * 2 >= before.postings || count > MAX_SEGMENTS)
    ) {
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
  }
}

/** One segment with the postings of the `keep` items of every source, terms merged in order. */
export async function mergeSources(sources: readonly TermSource[], keep: Uint8Array): Promise<Segment> {
  const builder = new SegmentBuilder(sources.reduce((sum, source) => sum + source.postings, 0));
  const lists = sources.map((source) => source.terms);
  const at = sources.map(() => 0);
  const add = (num: number, code: number): void => {
    if (keep[num] === 1) builder.add(num, code);
  };
  let sliceStart = performance.now();
  const pause = async (): Promise<void> => {
    if (performance.now() - sliceStart < SLICE_MS) return;
    await yieldToLoop();
    sliceStart = performance.now();
  };
  // The clock is read every few terms, or sooner after a common term's long run of postings.
  let work = 0;
  for (;;) {
    let term: string | undefined;
    for (let k = 0; k < lists.length; k++) {
      const candidate = lists[k]?.[at[k] as number];
      if (candidate !== undefined && (term === undefined || candidate < term)) term = candidate;
    }
    if (term === undefined) break;
    for (let k = 0; k < lists.length; k++) {
      if (lists[k]?.[at[k] as number] !== term) continue;
      const source = sources[k] as TermSource;
      if (source instanceof Segment) work += builder.copyKept(source, at[k] as number, keep);
      else source.forEachPosting(at[k] as number, add);
      at[k] = (at[k] as number) + 1;
    }
    builder.endTerm(term);
    work += TERM_WORK;
    if (work >= PAUSE_WORK) {
      work = 0;
      await pause();
    }
  }
  const docs: number[] = [];
  for (const source of sources)
    for (let i = 0; i < source.docs.length; i++)
      if (keep[source.docs[i] as number] === 1) docs.push(source.docs[i] as number);
  return builder.finish(Uint32Array.from(docs).sort(), pause);
}
