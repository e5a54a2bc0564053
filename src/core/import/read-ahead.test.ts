import { describe, expect, it } from 'vitest';
import { readAhead, readAheadInChunks } from './read-ahead';

/** Work that finishes in an order of its own, recording which were started. */
function unevenWork(started: number[]) {
  return async (n: number): Promise<string> => {
    started.push(n);
    await new Promise((resolve) => setTimeout(resolve, (n * 7) % 5));
    return `r${n}`;
  };
}

describe('readAhead', () => {
  it('gives the results in the order of the inputs, never more than `ahead` started before their turn', async () => {
    const started: number[] = [];
    const taken = { count: 0 };
    const results: string[] = [];
    for await (const result of readAhead([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 3, unevenWork(started))) {
      results.push(result);
      taken.count++;
      expect(started.length - taken.count).toBeLessThanOrEqual(3);
    }
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `r${n}`));
  });

  it('takes its inputs from an async source as they come', async () => {
    async function* slowly(): AsyncGenerator<number> {
      for (let n = 0; n < 6; n++) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        yield n;
      }
    }
    const results: string[] = [];
    for await (const result of readAhead(slowly(), 2, unevenWork([]))) results.push(result);
    expect(results).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5']);
  });

  it('hands chunks to the work and gives their results one by one, in order', async () => {
    const chunks: number[][] = [];
    const results: number[] = [];
    const inputs = Array.from({ length: 11 }, (_, n) => n);
    for await (const result of readAheadInChunks(inputs, 4, 2, async (chunk) => {
      chunks.push(chunk);
      await new Promise((resolve) => setTimeout(resolve, 5 - chunk.length));
      return chunk.map((n) => n * 10);
    }))
      results.push(result);
    expect(chunks).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9, 10],
    ]);
    expect(results).toEqual(inputs.map((n) => n * 10));
  });
});
