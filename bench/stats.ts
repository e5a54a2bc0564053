/** Small numeric helpers for the bench: timings in milliseconds. */
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

export interface Summary {
  p50: number;
  p95: number;
  max: number;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? NaN };
}

export async function time<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

/** Runs `work` while measuring the longest event-loop stall it caused (resolution 2 ms). */
export async function withLoopMonitor<T>(work: () => Promise<T>): Promise<{ loopMaxMs: number; value: T }> {
  const histogram = monitorEventLoopDelay({ resolution: 2 });
  histogram.enable();
  try {
    const value = await work();
    return { loopMaxMs: histogram.max / 1e6, value };
  } finally {
    histogram.disable();
  }
}

/** Runs `work` while counting the full garbage collections of this thread's heap. */
export async function withFullCollections<T>(work: () => Promise<T>): Promise<{ fullGcs: number; value: T }> {
  let fullGcs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const { detail } = entry as unknown as { detail?: { kind?: number } };
      if (detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) fullGcs++;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  try {
    const value = await work();
    // Entries reach the observer a turn later.
    await new Promise((resolve) => setTimeout(resolve, 10));
    return { fullGcs, value };
  } finally {
    observer.disconnect();
  }
}
