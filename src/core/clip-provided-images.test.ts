import fs from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../tests/helpers/call';
import { makePng, startFixtureServer, type FixtureServer } from '../../tests/helpers/fixture-server';
import { assetFiles } from '../../tests/helpers/library-files';
import { withTempLibrary } from '../../tests/helpers/temp-library';

let site: FixtureServer;
/** An address nothing listens on: a download from it fails. */
let unreachable: string;

beforeAll(async () => {
  site = await startFixtureServer();
  const server = createServer();
  await new Promise<void>((done) => server.listen({ host: '127.0.0.1', port: 0 }, done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  unreachable = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await site.close();
});

const clipper = { timeoutMs: 5_000, inWorker: false };

/** An article at `path` whose images are `sources`, as written in its HTML. */
function articleWith(pagePath: string, sources: string[]): string {
  const text = `<p>${'The browser already has the pictures of this page, cookies and all. '.repeat(6)}</p>`;
  site.set(pagePath, {
    body:
      `<!doctype html><html><head><title>${pagePath}</title></head><body><article><h1>${pagePath}</h1>${text}` +
      sources.map((src) => `<img src="${src}" width="500" height="300">`).join('') +
      `${text}</article></body></html>`,
  });
  return site.url(pagePath);
}

const base64 = (bytes: Uint8Array | string): string => Buffer.from(bytes).toString('base64');

describe('images the browser supplies', () => {
  it('are stored from those bytes instead of being downloaded; the others are downloaded as before', async () => {
    await withTempLibrary(
      async ({ dir, notebook }) => {
        const unreachablePhoto = `${unreachable}/photo.png`;
        const url = articleWith('/supplied', [
          unreachablePhoto,
          '/image.png?seed=relative',
          '/image.png?seed=fetched',
        ]);
        const photo = makePng('supplied photo');
        const relative = makePng('as the browser saw it');
        const { clip } = await call(notebook, 'clip', {
          url,
          images: [
            { src: unreachablePhoto, type: 'image/png', data: base64(photo) },
            // Relative addresses are resolved against the page, like the page's own.
            { src: '/image.png?seed=relative', type: 'image/png', data: base64(relative) },
            // Not an image of the article: ignored.
            { src: `${unreachable}/elsewhere.png`, type: 'image/png', data: base64(photo) },
          ],
        });
        expect(clip.images.map((image) => image.src)).toEqual([
          unreachablePhoto,
          site.url('/image.png?seed=relative'),
          site.url('/image.png?seed=fetched'),
        ]);
        expect(clip.images.every((image) => image.asset !== null && image.error === undefined)).toBe(true);
        const [first, second, third] = clip.images.map((image) => image.asset as string);
        expect(await fs.readFile(path.join(dir, first as string))).toEqual(photo);
        expect(await fs.readFile(path.join(dir, second as string))).toEqual(relative);
        expect(await fs.readFile(path.join(dir, third as string))).toEqual(makePng('fetched'));
        expect(site.hits('/image.png?seed=relative')).toBe(0);
        expect(site.hits('/image.png?seed=fetched')).toBe(1);
        expect(clip.markdown).toContain(first);
        expect(await assetFiles(dir)).toHaveLength(3);
      },
      { clipper },
    );
  });

  it('that are not images, not base64 or too large are recorded as failed, and the clip is still made', async () => {
    await withTempLibrary(
      async ({ dir, notebook }) => {
        const sources = ['html', 'soft-404', 'garbled', 'big', 'fine'].map(
          (name) => `${unreachable}/${name}.png`,
        );
        const url = articleWith('/wrong', sources);
        const [html, soft404, garbled, big, fine] = sources as [string, string, string, string, string];
        const page = '<!doctype html><title>Sign in</title><p>Please sign in.</p>';
        const { clip } = await call(notebook, 'clip', {
          url,
          images: [
            { src: html, type: 'text/html', data: base64(page) },
            { src: soft404, type: 'image/png', data: base64(page) },
            { src: garbled, type: 'image/png', data: 'iVBORw0KGgo=*not base64*' },
            { src: big, type: 'image/png', data: base64(makePng('big', 2048)) },
            { src: fine, type: 'image/png', data: base64(makePng('fine')) },
          ],
        });
        const byName = Object.fromEntries(clip.images.map((image) => [path.basename(image.src), image]));
        expect(byName['html.png']).toMatchObject({
          asset: null,
          error: 'Not an image (the browser sent text/html).',
        });
        expect(byName['soft-404.png']).toMatchObject({
          asset: null,
          error: 'Not an image (the browser sent image/png).',
        });
        expect(byName['garbled.png']).toMatchObject({
          asset: null,
          error: expect.stringContaining('base64') as unknown,
        });
        expect(byName['big.png']).toMatchObject({ asset: null, error: 'The image is larger than 1 KiB.' });
        expect(byName['fine.png']?.asset).toBeTruthy();
        expect(await assetFiles(dir)).toHaveLength(1);
        expect((await call(notebook, 'getItem', { id: clip.id })).id).toBe(clip.id);
      },
      { clipper: { ...clipper, maxImageBytes: 1024 } },
    );
  });

  it('count towards the per-clip limit', async () => {
    await withTempLibrary(
      async ({ notebook }) => {
        const sources = ['one', 'two'].map((name) => `${unreachable}/${name}.png`);
        const url = articleWith('/limit', sources);
        const { clip } = await call(notebook, 'clip', {
          url,
          images: sources.map((src) => ({ src, type: 'image/png', data: base64(makePng(src, 700)) })),
        });
        const kept = clip.images.filter((image) => image.asset !== null);
        const refused = clip.images.filter((image) => image.asset === null);
        expect(kept).toHaveLength(1);
        expect(refused.map((image) => image.error)).toEqual([
          "Not kept: the clip's images passed the 1 KiB limit.",
        ]);
      },
      { clipper: { ...clipper, maxClipBytes: 1024 } },
    );
  });
});
