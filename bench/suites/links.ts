/**
 * The link index at a given size: a library where every note links to two others and one hub
 * note is linked from LINKERS notes (and mentioned without a link in a few more). Measures the
 * first use (building the index from the records), getLinks on the hub (backlinks, outgoing and
 * unlinked mentions, after a few warm-up calls), renaming the hub (rewriting LINKERS notes in one change), saving a note whose
 * links change, and `[[` completion. Targets: getLinks, rename and save p95 under 20 ms.
 */
import { seedLibrary } from '../../src/core/bulk-write';
import { createNotebook } from '../../src/core';
import { linkTexts } from '../../src/core/links/wikilink';
import { createRandom, generateNotes } from '../corpus';
import { summarize, time } from '../stats';
import type { Suite } from './suite';
import { scratchDir } from '../scratch';

const LINKERS = 20;
const MENTIONERS = 10;
const HUB = 'Granary of Hombori';
const SAMPLES = 50;
const RENAMES = 30;
const WARM_UP = 5;

export const linksSuite: Suite = {
  name: 'links',
  columns: [
    'build ms',
    'getLinks p50',
    'getLinks p95',
    'rename p50',
    'rename p95',
    'save p50',
    'save p95',
    'complete p95',
  ],
  async run(size, options) {
    const dir = await scratchDir('commonplace-bench-');
    const notes = [...generateNotes(size, 3)];
    const random = createRandom(4);
    const titles = notes.map((note) => note.title);
    notes[0] = { ...notes[0], title: HUB };
    const seeded = notes.map((note, i) => {
      let body = `${note.body}\n\nSee [[${random.pick(titles)}]] and [[${random.pick(titles)}#Notes]].`;
      if (i >= 1 && i <= LINKERS) body += `\n\nMore in [[${HUB}|the granary]].`;
      else if (i > LINKERS && i <= LINKERS + MENTIONERS) body += `\n\nThe ${HUB.toLowerCase()} again.`;
      return { ...note, body, links: linkTexts(body) };
    });
    const ids = await seedLibrary(dir, seeded, { shards: options.shards });
    const hub = ids[0];

    const notebook = await createNotebook({ dir, holder: 'the bench' });
    try {
      await notebook.whenSearchReady();
      const built = await time(() => notebook.completeLinks({ query: '', limit: 20 }));
      // A few calls first: the figures are for steady use, the first use is `build ms`.
      await sample(WARM_UP, () => notebook.getLinks({ id: hub }));
      await sample(WARM_UP, (i) => notebook.completeLinks({ query: titles[i].slice(0, 3), limit: 20 }));
      const getLinks = await sample(SAMPLES, () => notebook.getLinks({ id: hub }));
      const renames = await sample(RENAMES, (i) =>
        notebook.renameItem({ id: hub, title: i % 2 === 0 ? `${HUB} (site)` : HUB, dryRun: false }),
      );
      const edits = Array.from({ length: SAMPLES }, () => ({
        id: random.pick(ids.slice(LINKERS + MENTIONERS + 1)),
        body: `New draft linking [[${random.pick(titles)}]] and [[${HUB}]].`,
      }));
      const saves = await sample(SAMPLES, (i) => notebook.updateNote(edits[i]));
      const completes = await sample(SAMPLES, (i) =>
        notebook.completeLinks({ query: titles[i].slice(0, 4), limit: 20 }),
      );
      const links = summarize(getLinks);
      const rename = summarize(renames);
      const save = summarize(saves);
      return {
        'build ms': built.ms,
        'getLinks p50': links.p50,
        'getLinks p95': links.p95,
        'rename p50': rename.p50,
        'rename p95': rename.p95,
        'save p50': save.p50,
        'save p95': save.p95,
        'complete p95': summarize(completes).p95,
      };
    } finally {
      await notebook.close().catch(() => undefined);
    }
  },
};

async function sample(count: number, work: (i: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) samples.push((await time(() => work(i))).ms);
  return samples;
}
