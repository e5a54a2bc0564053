import { markAsUntransferable } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { freeBuffers } from './free-buffers';

describe('freeBuffers', () => {
  it('detaches the buffers of the arrays it is given, each once, and leaves others alone', () => {
    const nums = new Uint32Array(1024).fill(7);
    const codes = new Uint8Array(nums.buffer, 0, 16);
    const kept = new Uint32Array(8).fill(3);
    freeBuffers([nums, codes]);
    expect(nums.length).toBe(0);
    expect(codes.length).toBe(0);
    expect(kept[7]).toBe(3);
    // Already freed, or empty: nothing to do, no error.
    expect(() => freeBuffers([nums, new Uint8Array(0)])).not.toThrow();
  });

  it('never throws for a buffer Node will not transfer: it is left to the garbage collector', () => {
    const pinned = new Uint8Array(64).fill(1);
    markAsUntransferable(pinned.buffer);
    expect(() => freeBuffers([pinned, new Uint8Array(64)])).not.toThrow();
  });
});
