import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../tests/helpers/call';
import { startFixtureServer, type FixtureServer } from '../../tests/helpers/fixture-server';
import { asClip } from '../../tests/helpers/items';
import { assetFiles } from '../../tests/helpers/library-files';
import { makeTempDir, withTempLibrary } from '../../tests/helpers/temp-library';
import { shardOf } from './ids';
import { DEFAULT_SHARDS } from './library-file';
import { createNotebook } from './notebook';
import { shardFileName } from './paths';

let site: FixtureServer;

beforeAll(async () => {
  site = await startFixtureServer();
});

afterAll(async () => {
  await site.close();
});

const clipper = { timeoutMs: 5_000, inWorker: false };

/** A generated article whose images are `seeds`, at a path of its own. */
function articleWith(path: string, seeds: string[]): string {
  const text = `<p>${'Images are stored once, however many clips use them, and go when the last one does. '.repeat(6)}</p>`;
  site.set(path, {
    body:
      `<!doctype html><html><head><title>${path}</title></head><body><article><h1>${path}</h1>${text}` +
      seeds.map((seed) => `<img src="/image.png?seed=${seed}" width="500" height="300">`).join('') +
      `${text}</article></body></html>`,
  });
  return site.url(path);
}

describe('assets', () => {
  it('are stored once, and emptying the trash removes only those no remaining clip uses', async () => {
    await withTempLibrary(
      async ({ dir, notebook }) => {
        const a = await call(notebook, 'clip', { url: articleWith('/a', ['shared', 'only-a']) });
        const b = await call(notebook, 'clip', { url: articleWith('/b', ['shared', 'only-b']) });
        const shared = a.clip.images[0]?.asset;
        expect(shared).toBeTruthy();
        expect(b.clip.images[0]?.asset).toBe(shared);
        expect(await assetFiles(dir)).toHaveLength(3);

        // In the trash, a clip keeps its images: it can be restored.
        await call(notebook, 'trashItem', { id: a.clip.id });
        expect(await assetFiles(dir)).toHaveLength(3);
        await call(notebook, 'emptyTrash', {});
        const left = await assetFiles(dir);
        expect(left.map((name) => `assets/${name}`).sort()).toEqual([shared, b.clip.images[1]?.asset].sort());
        expect(await call(notebook, 'checkLibrary', {})).toMatchObject({ ok: true });

        await call(notebook, 'trashItem', { id: b.clip.id });
        await call(notebook, 'emptyTrash', {});
        expect(await assetFiles(dir)).toEqual([]);
        expect(await call(notebook, 'checkLibrary', {})).toMatchObject({ ok: true, problems: [] });
      },
      { clipper },
    );
  });

  it('are checked: missing, orphaned and leftover files, and damaged clip bodies are reported', async () => {
    await withTempLibrary(
      async ({ dir, notebook }) => {
        const { clip } = await call(notebook, 'clip', { url: articleWith('/checked', ['one', 'two']) });
        const [one, two] = clip.images.map((image) => image.asset as string);
        await fs.rm(path.join(dir, one as string));
        const orphan = `assets/${'0'.repeat(64)}.png`;
        await fs.writeFile(path.join(dir, orphan), 'x');
        await fs.writeFile(path.join(dir, `${two as string}.tmp`), 'x');
        const report = await call(notebook, 'checkLibrary', {});
        expect(report.ok).toBe(false);
        expect(report.problems.map((p) => [p.code, p.path]).sort()).toEqual(
          [
            ['missing_asset', one],
            ['orphan_asset', orphan],
            ['leftover_tmp', `${two as string}.tmp`],
          ].sort(),
        );

        const bodyFile = (await fs.readdir(path.join(dir, 'bodies'), { recursive: true })).find((name) =>
          name.endsWith('.json'),
        ) as string;
        await fs.writeFile(path.join(dir, 'bodies', bodyFile), '{"version":1,"html":');
        const damaged = await call(notebook, 'checkLibrary', {});
        expect(damaged.problems.find((p) => p.code === 'damaged_body')?.message).toContain(clip.id);
        await expect(call(notebook, 'getItem', { id: clip.id })).rejects.toMatchObject({ code: 'corrupt' });
      },
      { clipper },
    );
  });

  it("survive a shard's recovery: a refreshed clip keeps its newest article and images", async () => {
    const dir = await makeTempDir();
    const id = 'clip0';
    let notebook = await createNotebook({ dir, newId: () => id, clipper });
    const url = articleWith('/recovered', ['before']);
    await call(notebook, 'clip', { url });
    articleWith('/recovered', ['after']);
    const refreshed = await call(notebook, 'refreshClip', { id });
    await notebook.close();
    await fs.writeFile(path.join(dir, 'store', shardFileName(shardOf(id, DEFAULT_SHARDS))), '{"items":');

    notebook = await createNotebook({ dir, clipper });
    try {
      const clip = asClip(await call(notebook, 'getItem', { id }));
      expect(clip.html).toBe(refreshed.clip.html);
      expect(clip.images).toEqual(refreshed.clip.images);
      expect((await call(notebook, 'checkLibrary', {})).problems.map((p) => p.code)).toEqual([
        'damaged_file',
      ]);
      expect((await call(notebook, 'findClip', { url })).clip?.id).toBe(id);
    } finally {
      await notebook.close();
    }
  });
});
