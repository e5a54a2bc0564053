import { describe, expect, it } from 'vitest';
import { inParallel, Slices, sortInSlices } from './event-loop';

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

describe('Slices', () => {
  it('lets many loops share one slice a turn, never all their steps in one turn', async () => {
    // A clock that moves one unit per step, and a counter of the event loop's turns.
    let clock = 0;
    const slices = new Slices(5, () => clock);
    let turn = 0;
    let counting = true;
    const count = (): void => {
      turn++;
      if (counting) setImmediate(count);
    };
    setImmediate(count);
    const stepsIn = new Map<number, number>();
    // As inParallel uses it: a step, then the slice asked for the next one.
    const loop = async (): Promise<void> => {
      for (let step = 0; step < 10; step++) {
        clock++;
        stepsIn.set(turn, (stepsIn.get(turn) ?? 0) + 1);
        await slices.next();
      }
    };
    await Promise.all(Array.from({ length: 12 }, loop));
    counting = false;
    expect([...stepsIn.values()].reduce((a, b) => a + b, 0)).toBe(120);
    // The first turn starts every loop with one step (and those that found the slice unspent
    // take another); after it, a turn holds the slice's five steps and the one that spent it.
    const [first, ...later] = [...stepsIn.entries()].sort(([a], [b]) => a - b).map(([, steps]) => steps);
    expect(first).toBeLessThanOrEqual(12 + 5);
    expect(Math.max(...later)).toBeLessThanOrEqual(6);
    expect(later.length).toBeGreaterThanOrEqual(18);
  });
});

describe('sortInSlices', () => {
  it('sorts as Array.prototype.sort does, equal items in their order, yielding on the way', async () => {
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (const length of [0, 1, 1_023, 1_024, 1_025, 5_000]) {
      const items = Array.from({ length }, (_, at) => ({ key: next() % 100, at }));
      const byKey = (a: { key: number }, b: { key: number }): number => a.key - b.key;
      let clock = 0;
      let turns = 0;
      const slices = new Slices(3, () => clock++);
      const yielded = slices.next.bind(slices);
      slices.next = () => {
        turns++;
        return yielded();
      };
      const sorted = await sortInSlices(items, byKey, slices);
      expect(sorted).toEqual([...items].sort(byKey));
      if (length === 5_000) expect(turns).toBeGreaterThan(3);
    }
  });
});
