import { describe, expect, it } from 'vitest';
import { inParallel } from './event-loop';

const tick = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('inParallel', () => {
  it('runs every item, never more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await inParallel(
      Array.from({ length: 40 }, (_, n) => n),
      4,
      async (n) => {
        most = Math.max(most, ++running);
        await tick(n % 3);
        running--;
        done.push(n);
      },
    );
    expect(most).toBe(4);
    expect(done.sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, n) => n));
  });

  it('starts no more after a failure, and throws it once those started have settled', async () => {
    const started: number[] = [];
    let settled = 0;
    const run = inParallel([0, 1, 2, 3, 4, 5, 6, 7], 2, async (n) => {
      started.push(n);
      await tick(n === 1 ? 1 : 5);
      settled++;
      if (n === 1) throw new Error('disk full');
    });
    await expect(run).rejects.toThrow('disk full');
    expect(settled).toBe(started.length);
    expect(started.length).toBeLessThan(8);
  });
});
