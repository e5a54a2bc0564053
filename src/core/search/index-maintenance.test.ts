import { describe, expect, it } from 'vitest';
import { DeltaTier } from './index-delta';
import { mergeSources } from './index-maintenance';
import { Segment } from './index-segment';
import { TermList } from './index-terms';

/** A segment from `postings`: term → [item number, code] pairs (terms sorted here). */
function segmentOf(postings: Record<string, [number, number][]>): Segment {
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
