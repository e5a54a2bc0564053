import { describe, expect, it } from 'vitest';
import { DeltaTier } from './index-delta';
import { Maintenance, mergeSources } from './index-maintenance';
import { Segment } from './index-segment';
import { TermList } from './index-terms';
import { Tiers } from './index-tiers';

/** A segment from `postings`: term → [item number, code] pairs (terms sorted here). */
function segmentOf(postings: Record<string, [number, number][]>, ownsBuffers = false): Segment {
  const terms = Object.keys(postings).sort();
  const offsets = new Uint32Array(terms.length + 1);
  const nums: number[] = [];
  const codes: number[] = [];
  for (const [i, term] of terms.entries()) {
    for (const [num, code] of postings[term] ?? []) {
      nums.push(num);
      codes.push(code);
    }
    offsets[i + 1] = nums.length;
  }
  const docs = [...new Set(nums)].sort((a, b) => a - b);
  return new Segment(
    TermList.of(terms),
    offsets,
    Uint32Array.from(nums),
    Uint8Array.from(codes),
    Uint32Array.from(docs),
    ownsBuffers,
  );
}

/** What a segment holds, term by term. */
function contents(segment: Segment): Record<string, [number, number][]> {
  const out: Record<string, [number, number][]> = {};
  for (let i = 0; i < segment.termCount; i++) {
    const list: [number, number][] = [];
    segment.forEachPosting(i, (num, code) => list.push([num, code]));
    out[segment.termAt(i)] = list;
  }
  return out;
}

describe('mergeSources', () => {
  it('merges several segments and a live tier term by term, in order, dropping dead items', async () => {
    const a = segmentOf({
      bamako: [[0, 2]],
      keïta: [[0, 32]],
      rain: [
        [0, 1],
        [1, 33],
      ],
    });
    const b = segmentOf({ '': [[2, 2]], gao: [[2, 2]], rain: [[2, 1]], 東京: [[3, 2]] });
    const c = segmentOf({ keita: [[4, 32]], rain: [[4, 1]], zinder: [[1, 2]] });
    const delta = new DeltaTier();
    delta.add(5, [
      { terms: ['rain', 'aa'], slots: [0, 1] },
      { terms: [], slots: [] },
      { terms: ['keita'], slots: [3] },
    ]);
    delta.freeze();
    // Item 1 is dead: its postings go, and `zinder` (only its) with them.
    const keep = Uint8Array.from([1, 0, 1, 1, 1, 1]);
    const merged = await mergeSources([a, b, c, delta], keep);
    expect(contents(merged)).toEqual({
      '': [[2, 2]],
      aa: [[5, 1]],
      bamako: [[0, 2]],
      gao: [[2, 2]],
      keita: [
        [4, 32],
        [5, 35],
      ],
      keïta: [[0, 32]],
      rain: [
        [0, 1],
        [2, 1],
        [4, 1],
        [5, 0],
      ],
      東京: [[3, 2]],
    });
    expect(Array.from(merged.docs)).toEqual([0, 2, 3, 4, 5]);
    expect(merged.terms.find('rain')).toBe(6);
  });
});

describe('Maintenance', () => {
  // Four segments of one size: the newest four are merged into one.
  function tiersOfFour(): { tiers: Tiers; sources: Segment[] } {
    const tiers = new Tiers();
    const sources = [0, 1, 2, 3].map((num) => segmentOf({ rain: [[num, 1]], [`w${num}`]: [[num, 2]] }, true));
    tiers.segments.push(...sources);
    for (let num = 0; num < 4; num++) tiers.idOf[num] = `id${num}`;
    return { tiers, sources };
  }

  it('gives the memory of merged segments back at once, and only once no save holds it', async () => {
    const { tiers, sources } = tiersOfFour();
    const maintenance = new Maintenance(tiers);
    await maintenance.idle();
    expect(tiers.segments).toHaveLength(1);
    expect(contents(tiers.segments[0] as Segment).rain).toHaveLength(4);
    for (const source of sources) expect(source.nums.length).toBe(0);

    const held = tiersOfFour();
    const holding = new Maintenance(held.tiers);
    const release = holding.hold();
    await holding.idle();
    expect(held.tiers.segments).toHaveLength(1);
    // Still readable while held (a save writes them across turns)…
    for (const [num, source] of held.sources.entries())
      expect(contents(source)[`w${num}`]).toEqual([[num, 2]]);
    release();
    // …and given back once it lets go; the merged segment stays whole.
    for (const source of held.sources) expect(source.nums.length).toBe(0);
    expect(contents(held.tiers.segments[0] as Segment).rain).toHaveLength(4);
  });

  it('leaves segments read from a file (views of one buffer) to the garbage collector', async () => {
    const tiers = new Tiers();
    const loaded = [0, 1, 2, 3].map((num) => segmentOf({ rain: [[num, 1]] }));
    tiers.segments.push(...loaded);
    for (let num = 0; num < 4; num++) tiers.idOf[num] = `id${num}`;
    await new Maintenance(tiers).idle();
    expect(tiers.segments).toHaveLength(1);
    for (const [num, source] of loaded.entries()) expect(contents(source).rain).toEqual([[num, 1]]);
  });
});
