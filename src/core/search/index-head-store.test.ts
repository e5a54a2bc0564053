import { describe, expect, it } from 'vitest';
import { HeadStore, PAGE_BYTES } from './index-head-store';
import { packHeads } from './index-heads';

/** A head of about `size` UTF-8 bytes, its own for `num`: ASCII, accents, CJK and an emoji. */
function headFor(num: number, size = 1_000): string {
  const start = `${num}: Keïta à Ségou, 東京 😀 `;
  return start + 'é'.repeat(Math.max(0, Math.floor((size - Buffer.byteLength(start)) / 2)));
}

describe('HeadStore', () => {
  it('gives back what it was given, by number: non-ASCII, empty, and none', () => {
    const heads = new HeadStore();
    heads.set(0, 'Aminata Keïta à Gao — 東京 😀');
    heads.set(1, '');
    heads.set(5, 'plain');
    expect(heads.get(0)).toBe('Aminata Keïta à Gao — 東京 😀');
    expect(heads.get(1)).toBe('');
    expect(heads.has(1)).toBe(true);
    expect(heads.get(5)).toBe('plain');
    expect(heads.get(2)).toBeUndefined();
    expect(heads.get(100_000)).toBeUndefined();
    expect(heads.has(2)).toBe(false);
    expect(Buffer.from(heads.bytes(0) as Uint8Array).toString('utf8')).toBe('Aminata Keïta à Gao — 東京 😀');
    expect(heads.bytes(1)?.length).toBe(0);
    expect([0, 1, 2, 5].map((num) => heads.byteLength(num))).toEqual([37, 0, 0, 5]);
  });

  it('replaces and deletes heads, and takes them as bytes', () => {
    const heads = new HeadStore();
    heads.set(3, 'first');
    heads.set(3, 'second, longer than the first');
    expect(heads.get(3)).toBe('second, longer than the first');
    heads.setBytes(4, Buffer.from('Ségou', 'utf8'));
    expect(heads.get(4)).toBe('Ségou');
    heads.delete(3);
    heads.delete(3);
    heads.delete(99);
    expect(heads.get(3)).toBeUndefined();
    expect(heads.get(4)).toBe('Ségou');
  });

  it('keeps a lone surrogate the length it had (a head cut through a pair)', () => {
    const heads = new HeadStore();
    const cut = 'abc😀'.slice(0, 4);
    heads.set(0, cut);
    expect(heads.get(0)).toHaveLength(cut.length);
    expect(heads.get(0)?.slice(0, 3)).toBe('abc');
  });

  it('grows past its first page and its first thousand numbers', () => {
    const heads = new HeadStore();
    const count = Math.ceil((3 * PAGE_BYTES) / 1_000) + 500;
    for (let num = 0; num < count; num++) heads.set(num * 2, headFor(num));
    expect(heads.pageBytes).toBeGreaterThanOrEqual(3 * PAGE_BYTES);
    for (let num = 0; num < count; num++) {
      expect(heads.get(num * 2)).toBe(headFor(num));
      expect(heads.get(num * 2 + 1)).toBeUndefined();
    }
  });

  it('takes a head bigger than a page', () => {
    const heads = new HeadStore();
    heads.set(0, 'small');
    const big = headFor(1, PAGE_BYTES * 2);
    heads.set(1, big);
    heads.set(2, 'after');
    expect(heads.get(1)).toBe(big);
    expect([heads.get(0), heads.get(2)]).toEqual(['small', 'after']);
  });

  it('drops pages that are mostly dead, moving their live heads, and reuses the room', () => {
    const heads = new HeadStore();
    const count = Math.ceil((4 * PAGE_BYTES) / 1_000);
    for (let num = 0; num < count; num++) heads.set(num, headFor(num));
    const full = heads.pageBytes;
    // Nine in ten die, all over: the older pages are vacated as they go under a quarter live.
    for (let num = 0; num < count; num++) if (num % 10 !== 0) heads.delete(num);
    expect(heads.pageBytes).toBeLessThan(full);
    for (let num = 0; num < count; num++)
      expect(heads.get(num)).toBe(num % 10 === 0 ? headFor(num) : undefined);
    // Rewriting every head many times over does not grow the pages without bound.
    for (let round = 0; round < 10; round++)
      for (let num = 0; num < count; num += 10) heads.set(num, headFor(num + round));
    expect(heads.pageBytes).toBeLessThanOrEqual(full);
    for (let num = 0; num < count; num += 10) expect(heads.get(num)).toBe(headFor(num + 9));
  });
  it('places heads in a buffer it was handed (a load), and moves them out once it is mostly dead', () => {
    const list = Array.from({ length: 2_000 }, (_, num) => (num % 50 === 0 ? '' : headFor(num, 700)));
    const { bytes, ends } = packHeads(list);
    const heads = new HeadStore();
    heads.set(5_000, 'written before');
    const page = heads.addPage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
    for (const [num, end] of ends.entries()) {
      const start = num === 0 ? 0 : (ends[num - 1] as number);
      heads.setAt(num, page, start, end - start);
    }
    expect(list.map((_, num) => heads.get(num))).toEqual(list);
    const before = heads.pageBytes;
    for (let num = 0; num < list.length; num++) if (num % 5 !== 0) heads.delete(num);
    // Under a quarter of it live: its heads were copied out, and it was let go.
    expect(heads.pageBytes).toBeLessThan(before - bytes.length / 2);
    heads.set(5_001, 'written after');
    for (const [num, head] of list.entries()) expect(heads.get(num)).toBe(num % 5 === 0 ? head : undefined);
    expect([heads.get(5_000), heads.get(5_001)]).toEqual(['written before', 'written after']);
  });
  it('keeps heads in the buffers of many they came in, one page per buffer', () => {
    const heads = new HeadStore();
    const batches = [0, 1, 2].map((b) =>
      packHeads(Array.from({ length: 300 }, (_, i) => headFor(b * 300 + i, 500))),
    );
    for (const [b, { bytes, ends }] of batches.entries()) {
      for (let i = 0; i < ends.length; i++) {
        const start = i === 0 ? 0 : (ends[i - 1] as number);
        heads.setIn(b * 300 + i, bytes.subarray(start, ends[i]));
      }
    }
    expect(heads.pageBytes).toBe(batches.reduce((sum, { bytes }) => sum + bytes.length, 0));
    for (let num = 0; num < 900; num++) expect(heads.get(num)).toBe(headFor(num, 500));
    // A batch's heads mostly replaced: the rest are copied out and its buffer let go.
    for (let num = 300; num < 600; num++) if (num % 10 !== 0) heads.set(num, `new ${num}`);
    for (let num = 0; num < 900; num++)
      expect(heads.get(num)).toBe(
        num >= 300 && num < 600 && num % 10 !== 0 ? `new ${num}` : headFor(num, 500),
      );
    expect(heads.pageBytes).toBe(
      PAGE_BYTES + (batches[0]?.bytes.length ?? 0) + (batches[2]?.bytes.length ?? 0),
    );
  });
});

describe('packHeads', () => {
  it('packs heads as UTF-8 one after the other, with where each ends', () => {
    const list = ['Keïta', '', '東京 😀', 'plain'];
    const { bytes, ends } = packHeads(list);
    expect(Array.from(ends)).toEqual([6, 6, 17, 22]);
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    expect(list.map((_, i) => text.toString('utf8', i === 0 ? 0 : ends[i - 1], ends[i]))).toEqual(list);
    expect(packHeads([]).bytes.length).toBe(0);
  });
});
