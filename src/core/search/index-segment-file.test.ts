import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../tests/helpers/temp-library';
import { decodeSegment, writeSegmentFile } from './index-segment-file';
import { Segment } from './index-segment';
import { TermList } from './index-terms';

/** A segment of `count` sorted terms (some multi-byte), one posting each, on items 0 to 9. */
function segmentOf(count: number): Segment {
  const terms = Array.from(
    { length: count },
    (_, i) => `t${String(i).padStart(6, '0')}${i % 7 === 0 ? 'é' : ''}`,
  );
  const offsets = Uint32Array.from({ length: count + 1 }, (_, i) => i);
  const nums = Uint32Array.from({ length: count }, (_, i) => i % 10);
  const codes = Uint8Array.from({ length: count }, (_, i) => i % 3);
  return new Segment(
    TermList.of(terms),
    offsets,
    nums,
    codes,
    Uint32Array.from({ length: 10 }, (_, i) => i),
  );
}

describe('segment files', () => {
  it('round-trips a segment whose terms take many slices to encode and decode', async () => {
    const dir = await makeTempDir('commonplace-segment-');
    const file = path.join(dir, 'seg.bin');
    const segment = segmentOf(120_000);
    const { bytes } = await writeSegmentFile(file, segment);
    const data = await readFile(file);
    expect(data.length).toBe(bytes);
    const read = await decodeSegment(data);
    const terms = (of: Segment): string[] => Array.from({ length: of.termCount }, (_, i) => of.termAt(i));
    expect(terms(read)).toEqual(terms(segment));
    expect(read.terms.find('t000007é')).toBe(7);
    expect(Array.from(read.nums)).toEqual(Array.from(segment.nums));
    expect(Array.from(read.codes)).toEqual(Array.from(segment.codes));
    expect(Array.from(read.docs)).toEqual(Array.from(segment.docs));
  });

  it('refuses terms out of order, wherever they are', async () => {
    const dir = await makeTempDir('commonplace-segment-');
    const file = path.join(dir, 'seg.bin');
    const segment = segmentOf(120_000);
    const terms = Array.from({ length: segment.termCount }, (_, i) => segment.termAt(i));
    [terms[100_000], terms[100_001]] = [terms[100_001] as string, terms[100_000] as string];
    await writeSegmentFile(
      file,
      new Segment(TermList.of(terms), segment.offsets, segment.nums, segment.codes, segment.docs),
    );
    await expect(decodeSegment(await readFile(file))).rejects.toThrow('segment terms out of order');
  });
});
