import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Item } from '../../shared/types';
import { asClip } from '../../../tests/helpers/items';
import { withTempLibrary } from '../../../tests/helpers/temp-library';
import { createExtractor } from '../clipper/extractor';
import { splitFrontMatter } from './front-matter';
import { splitHighlights } from './highlights-section';
import { markdownToArticle } from './markdown-html';
import { lookAtAll, withFallback, type ImportWork } from './on-worker';
import { loadFiles, lookAtFiles } from './prepare-file';
import { scanFolder } from './scan-folder';

const FIXTURES = path.resolve(__dirname, '../../../tests/fixtures');

/** Clip Markdown as the clipper writes it (the golden pages), and the fixture vault's exported clip. */
function clipMarkdown(): [string, string][] {
  const pages = path.join(FIXTURES, 'pages');
  const golden = readdirSync(pages)
    .filter((name) => name.endsWith('.expected.md'))
    .map((name): [string, string] => [name, readFileSync(path.join(pages, name), 'utf8')]);
  const exported = readFileSync(path.join(FIXTURES, 'vault', 'Clipped article.md'), 'utf8');
  const split = splitFrontMatter(exported);
  if (split.kind !== 'ok') throw new Error('the fixture clip has no front matter');
  return [...golden, ['Clipped article.md', splitHighlights(split.body).article]];
}

describe("an import's work on the worker thread", () => {
  const worker = createExtractor();
  afterAll(() => worker.close());

  it('gives the same article in the worker as on this thread', async () => {
    const fixtures = clipMarkdown();
    expect(fixtures.length).toBeGreaterThan(5);
    for (const [name, markdown] of fixtures) {
      const here = markdownToArticle(markdown);
      expect(await worker.markdownToArticle(markdown), name).toEqual(here);
      expect(here.text, name).not.toBe('');
    }
  });

  it('renders on this thread when the worker fails', async () => {
    const closed = createExtractor();
    await closed.close();
    const markdown = clipMarkdown()[0]?.[1] ?? '';
    await expect(closed.markdownToArticle(markdown)).rejects.toThrow('closed');
    const render = withFallback((text: string) => closed.markdownToArticle(text), markdownToArticle);
    expect(await render(markdown)).toEqual(markdownToArticle(markdown));
  });

  it('reads and prepares the files of a folder in the worker as on this thread', async () => {
    // The vault holds a clip, notes with front matter and without, broken front matter, Latin-1
    // and UTF-16 text, and a file that is not there: what each comes to, problems included,
    // crosses the threads unchanged and in order.
    const scanned = await scanFolder(path.join(FIXTURES, 'vault'));
    const { root } = scanned;
    const files = [...scanned.markdown, 'Gone.md'];
    expect(files.length).toBeGreaterThan(5);
    const looked = lookAtFiles(root, files);
    expect(await worker.lookAtFiles(root, files)).toEqual(looked);
    expect(looked.map((one) => one.ok && one.head.file)).toContain('Welcome.md');
    expect(looked[files.indexOf('Latin-1 note.md')]).toMatchObject({
      ok: false,
      problem: { code: 'not_utf8' },
    });
    expect(looked.at(-1)).toMatchObject({ ok: false, problem: { code: 'unreadable' } });
    const somewhen = { created: '2024-01-01T00:00:00.000Z', updated: '2024-01-02T00:00:00.000Z' };
    const toLoad = files.map((file, n) => {
      const one = looked[n];
      return { file, times: one?.ok ? one.times : somewhen };
    });
    for (const bodyTags of [true, false]) {
      const loaded = loadFiles(root, toLoad, bodyTags);
      expect(await worker.loadFiles(root, toLoad, bodyTags)).toEqual(loaded);
      expect(loaded.filter((one) => one.ok && one.item.type === 'clip')).toHaveLength(1);
    }
  });

  it('reads the files on this thread when the worker fails', async () => {
    const closed = createExtractor();
    await closed.close();
    const root = path.join(FIXTURES, 'vault');
    await expect(closed.lookAtFiles(root, ['Welcome.md'])).rejects.toThrow('closed');
    const look = withFallback(
      (files: readonly string[]) => closed.lookAtFiles(root, files),
      (files) => lookAtFiles(root, files),
    );
    const looked = await look(['Welcome.md', 'Broken.md']);
    expect(looked[0]).toMatchObject({ ok: true, head: { file: 'Welcome.md', type: 'note' } });
    expect(looked).toEqual(lookAtFiles(root, ['Welcome.md', 'Broken.md']));
  });

  it('looks at every file in order, this thread taking chunks while the worker has not answered', async () => {
    const scanned = await scanFolder(path.join(FIXTURES, 'vault'));
    const { root } = scanned;
    const files = Array.from({ length: 12 }, () => scanned.markdown).flat();
    const chunks = files.map((file) => [file]);
    const expected = lookAtFiles(root, files);
    // The worker's side as the real one does it, answering late, as a thread still starting does.
    const asked: number[] = [];
    const slowWorker = (delayMs: number): ImportWork => ({
      lookAtFiles: async (at, some) => {
        asked.push(some.length);
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        return lookAtFiles(at, some);
      },
      loadFiles: () => Promise.reject(new Error('not asked')),
      renderArticle: () => Promise.reject(new Error('not asked')),
    });
    const all = async (work: ImportWork): Promise<unknown[]> =>
      (await Promise.all(lookAtAll(work, root, chunks, 3))).flat();

    expect(await all(slowWorker(40))).toEqual(expected);
    // Three chunks asked at once, then this thread took the rest before the first answer.
    expect(asked.length).toBeLessThan(chunks.length / 2);
    asked.length = 0;
    expect(await all(slowWorker(0))).toEqual(expected);
    expect(asked.length).toBeGreaterThan(chunks.length / 2);
  });

  it('throws a chunk that could not be looked at where it is awaited, and goes on with the rest', async () => {
    const { root, markdown } = await scanFolder(path.join(FIXTURES, 'vault'));
    const failing: ImportWork = {
      lookAtFiles: async (at, some) => {
        if (some.includes('Welcome.md')) throw new Error('the thread and this one both failed');
        return lookAtFiles(at, some);
      },
      loadFiles: () => Promise.reject(new Error('not asked')),
      renderArticle: () => Promise.reject(new Error('not asked')),
    };
    const looks = lookAtAll(
      failing,
      root,
      markdown.map((file) => [file]),
      markdown.length,
    );
    const settled = await Promise.allSettled(looks);
    const failed = settled.filter((one) => one.status === 'rejected');
    expect(failed).toHaveLength(1);
    expect(settled[markdown.indexOf('Welcome.md')]?.status).toBe('rejected');
    expect(settled.filter((one) => one.status === 'fulfilled')).toHaveLength(markdown.length - 1);
  });

  it('imports the same clips whether the worker renders them or this thread does', async () => {
    const imported = async (inWorker: boolean): Promise<Item> =>
      withTempLibrary(
        async ({ notebook }) => {
          await notebook.importMarkdown({ dir: path.join(FIXTURES, 'vault') });
          return notebook.getItem({ id: 'clipfixture1' });
        },
        { clipper: { inWorker } },
      );
    const [inWorker, here] = [await imported(true), await imported(false)];
    expect(asClip(inWorker).html).toContain('<img src="assets/');
    expect(asClip(inWorker).html).not.toContain('script');
    expect(inWorker).toEqual(here);
  });
});
