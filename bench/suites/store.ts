/**
 * The store at a given size: open time, durable save latency, and how long the store ever blocks
 * the event loop. Targets (DESIGN.md): save p95 ≤ 20 ms, open ≤ 1 s, no stall > 50 ms.
 */
import { execFileSync } from 'node:child_process';
import { seedLibrary } from '../../src/core/bulk-write';
import { createNotebook } from '../../src/core';
import type { Notebook } from '../../src/core';
import { createRandom, generateBody, generateNotes, generateTitle } from '../corpus';
import { summarize, time, withLoopMonitor } from '../stats';
import type { Suite } from './suite';
import { scratchDir } from '../scratch';

const SAVES = 300;
const OTHER_SAMPLES = 100;

export const storeSuite: Suite = {
  name: 'store',
  columns: [
    'seed s',
    'open ms',
    'open loop max',
    'save p50',
    'save p95',
    'save max',
    'save loop max',
    'create p95',
    'tag p95',
    'list p95',
    'list by tag p95',
  ],
  async run(size, options) {
    const dir = await scratchDir('commonplace-bench-');
    const seeded = await time(() => seedLibrary(dir, generateNotes(size, 1), { shards: options.shards }));
    flushToDisk();
    const ids = seeded.value;
    const random = createRandom(2);

    const opened = await withLoopMonitor(() =>
      time(async () => {
        const notebook = await createNotebook({ dir, holder: 'the bench' });
        await notebook.listItems({ view: 'all', offset: 0, limit: 100 });
        return notebook;
      }),
    );
    const notebook = opened.value.value;
    try {
      // Bodies made before measuring, so the loop monitor sees the store, not the generator.
      const edits = Array.from({ length: SAVES }, () => ({
        id: random.pick(ids),
        body: generateBody(random),
      }));
      const saves = await withLoopMonitor(() => sample(edits, (edit) => notebook.updateNote(edit)));
      const creates = await sample(range(OTHER_SAMPLES), () =>
        notebook.createNote({ title: generateTitle(random), body: generateBody(random), tags: [] }),
      );
      const tags = await sample(range(OTHER_SAMPLES), (i) =>
        notebook.tagItem({ id: random.pick(ids), add: [`bench/t${i % 7}`], remove: [] }),
      );
      const lists = await sample(range(OTHER_SAMPLES), () =>
        notebook.listItems({ view: 'all', offset: 0, limit: 100 }),
      );
      const tagLists = await sample(range(OTHER_SAMPLES), () =>
        notebook.listItems({ view: 'all', tag: 'sahel', offset: 0, limit: 100 }),
      );
      const save = summarize(saves.value);
      return {
        'seed s': seeded.ms / 1000,
        'open ms': opened.value.ms,
        'open loop max': opened.loopMaxMs,
        'save p50': save.p50,
        'save p95': save.p95,
        'save max': save.max,
        'save loop max': saves.loopMaxMs,
        'create p95': summarize(creates).p95,
        'tag p95': summarize(tags).p95,
        'list p95': summarize(lists).p95,
        'list by tag p95': summarize(tagLists).p95,
      };
    } finally {
      await closeQuietly(notebook);
    }
  },
};

/** Runs `work` once per input, one after the other; resolves to each call's milliseconds. */
async function sample<T>(inputs: readonly T[], work: (input: T) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (const input of inputs) samples.push((await time(() => work(input))).ms);
  return samples;
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i);
}

// The seed writes bodies without fsync; flush them so their write-back does not land on the saves we time.
function flushToDisk(): void {
  try {
    execFileSync('sync');
  } catch {
    // No `sync` command (Windows): the figures may be noisier, not wrong.
  }
}

async function closeQuietly(notebook: Notebook): Promise<void> {
  await notebook.close().catch(() => undefined);
}
