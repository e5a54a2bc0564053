import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../shared/errors';
import { call } from '../../tests/helpers/call';
import { rejection } from '../../tests/helpers/errors';
import { startFixtureServer, type FixtureServer } from '../../tests/helpers/fixture-server';
import { assetFiles, snapshotFiles } from '../../tests/helpers/library-files';
import { withTempLibrary } from '../../tests/helpers/temp-library';
import { createNotebook } from './notebook';

let site: FixtureServer;
let closedPort: number;

beforeAll(async () => {
  site = await startFixtureServer();
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  closedPort = (server.address() as { port: number }).port;
  await new Promise<void>((done) => server.close(() => done()));
});

afterAll(async () => {
  await site.close();
});

const clipper = { timeoutMs: 1_500, maxPageBytes: 2 * 1024 * 1024, inWorker: false };

describe('a clip that fails leaves the library byte-for-byte unchanged', () => {
  const cases: [string, () => string, ErrorCode, RegExp][] = [
    ['an invalid address', () => 'not a web address', 'invalid_argument', /not a web address/],
    ['a non-web address', () => 'ftp://example.org/file.html', 'invalid_argument', /Only http and https/],
    [
      'a name that does not resolve',
      () => 'http://no-such-host.invalid/story',
      'fetch_failed',
      /does not resolve/,
    ],
    ['a refused connection', () => `http://127.0.0.1:${closedPort}/story`, 'fetch_failed', /refused/],
    ['HTTP 404', () => site.url('/status/404'), 'fetch_failed', /^The page was not found \(HTTP 404\)\.$/],
    ['HTTP 500', () => site.url('/status/500'), 'fetch_failed', /HTTP 500/],
    ['a redirect loop', () => site.url('/redirect-loop'), 'fetch_failed', /Too many redirects/],
    ['a server that never answers', () => site.url('/hang'), 'timeout', /did not answer in time/],
    ['a body that never ends', () => site.url('/slow'), 'timeout', /did not answer in time/],
    ['a PDF', () => site.url('/doc.pdf'), 'not_html', /PDF clips are not supported yet/],
    ['JSON', () => site.url('/data.json'), 'not_html', /not an HTML page/],
    ['an image', () => site.url('/image.png'), 'not_html', /not an HTML page/],
    ['a page over the size limit', () => site.url('/huge.html?mb=3'), 'too_large', /larger than 2 MiB/],
    ['a page without an article', () => site.url('/pages/home-page.html'), 'not_article', /No article/],
    ['an empty page', () => site.url('/empty'), 'not_article', /No article/],
  ];

  it.each(cases)('%s', async (_name, url, code, message) => {
    site.set('/empty', { body: '' });
    await withTempLibrary(
      async ({ dir, notebook }) => {
        // Something in the library already, so "unchanged" means more than "still empty".
        await call(notebook, 'clip', { url: site.url('/article/already-there?images=1') });
        await call(notebook, 'createNote', { title: 'a note', body: 'text' });
        const before = await snapshotFiles(dir);
        const error = await rejection(call(notebook, 'clip', { url: url() }));
        expect(error.code).toBe(code);
        expect(error.message).toMatch(message);
        expect(await snapshotFiles(dir)).toEqual(before);
        expect((await call(notebook, 'getLibraryInfo', {})).counts).toMatchObject({ clips: 1, notes: 1 });
        expect(await call(notebook, 'checkLibrary', {})).toMatchObject({ ok: true });
      },
      { clipper },
    );
  });

  it('refuses bad tags before fetching anything', async () => {
    await withTempLibrary(
      async ({ dir, notebook }) => {
        const before = await snapshotFiles(dir);
        const fetches = site.requests.length;
        const error = await rejection(
          call(notebook, 'clip', { url: site.url('/article/x'), tags: ['no spaces'] }),
        );
        expect(error.code).toBe('invalid_argument');
        expect(site.requests.length).toBe(fetches);
        expect(await snapshotFiles(dir)).toEqual(before);
      },
      { clipper },
    );
  });

  it('removes the images it downloaded when closing stops the clip, and keeps images other clips use', async () => {
    await withTempLibrary(
      async ({ dir, notebook }) => {
        const kept = await call(notebook, 'clip', { url: site.url('/article/shared-images?images=2') });
        const before = await snapshotFiles(dir);
        // The same two images, a new one, and one that never arrives: the clip is stopped while waiting for it.
        site.set('/stalling', {
          body:
            `<!doctype html><html><head><title>Stalling</title></head><body><article><h1>Stalling</h1>` +
            `<p>${'A page whose last image never arrives, so it is still downloading when the library closes. '.repeat(6)}</p>` +
            `<img src="/image.png?seed=shared-images-0" width="500" height="300">` +
            `<img src="/image.png?seed=shared-images-1" width="500" height="300">` +
            `<img src="/image.png?seed=stalling-new" width="500" height="300">` +
            `<img src="/hang?image" width="500" height="300">` +
            `</article></body></html>`,
        });
        const stopped = call(notebook, 'clip', { url: site.url('/stalling') });
        await waitFor(() => site.hits('/hang?image') === 1);
        await waitFor(async () => (await assetFiles(dir)).length === 3);
        await notebook.close();
        const error = await rejection(stopped);
        expect(error.code).toBe('fetch_failed');
        // Closing saves the search index (derived data, written whenever the library changed).
        expect(withoutIndex(await snapshotFiles(dir))).toEqual(withoutLock(before));
        const reopened = await createNotebook({ dir });
        try {
          expect(await call(reopened, 'getItem', { id: kept.clip.id })).toEqual(kept.clip);
          expect(await call(reopened, 'checkLibrary', {})).toMatchObject({ ok: true });
        } finally {
          await reopened.close();
        }
      },
      { clipper: { ...clipper, timeoutMs: 60_000 } },
    );
  });
});

describe('images that cannot be kept', () => {
  it('are recorded with the reason, within per-image, per-clip and count limits', async () => {
    await withTempLibrary(
      async ({ notebook }) => {
        const images = (srcs: string[]): string =>
          srcs.map((src) => `<img src="${src}" width="500" height="300">`).join('\n');
        const paragraphs = `<p>${'Limits decide which images a clip keeps and which it only records. '.repeat(8)}</p>`;
        site.set('/many-images', {
          body:
            `<!doctype html><html><head><title>Many images</title></head><body><article><h1>Many images</h1>${paragraphs}` +
            images([
              '/big-image.png?mb=1',
              '/image.png?seed=l1',
              '/image.png?seed=l2',
              '/untyped-image?seed=l3',
              '/image.png?seed=l4',
              '/image.png?seed=l5',
            ]) +
            `${paragraphs}</article></body></html>`,
        });
        const { clip } = await call(notebook, 'clip', { url: site.url('/many-images') });
        const bySrc = new Map(clip.images.map((image) => [image.src.replace(site.origin, ''), image]));
        expect(bySrc.get('/big-image.png?mb=1')).toEqual({
          src: site.url('/big-image.png?mb=1'),
          asset: null,
          error: 'The image is larger than 512 KiB.',
        });
        expect(bySrc.get('/untyped-image?seed=l3')?.asset).toMatch(/^assets\/[0-9a-f]{64}\.png$/);
        // Four fit (the big one does not count); the sixth is past the count limit.
        expect(bySrc.get('/image.png?seed=l5')).toEqual({
          src: site.url('/image.png?seed=l5'),
          asset: null,
          error: 'Not kept: a clip keeps at most 5 images.',
        });
        expect(site.hits('/image.png?seed=l5')).toBe(0);
        expect(clip.images.filter((image) => image.asset !== null)).toHaveLength(4);
      },
      { clipper: { ...clipper, maxImageBytes: 512 * 1024, maxImages: 5 } },
    );
  });

  it('stop being kept once the clip passes its total', async () => {
    await withTempLibrary(
      async ({ notebook }) => {
        const { clip } = await call(notebook, 'clip', { url: site.url('/article/heavy-story?images=3') });
        const kept = clip.images.filter((image) => image.asset !== null);
        // Each generated image is about 100 bytes: a 250-byte clip limit keeps two of three.
        expect(kept).toHaveLength(2);
        expect(clip.images.find((image) => image.asset === null)?.error).toBe(
          "Not kept: the clip's images passed the 250 bytes limit.",
        );
      },
      { clipper: { ...clipper, maxClipBytes: 250 } },
    );
  });
});

function withoutLock(files: Record<string, string>): Record<string, string> {
  const { lock: _lock, ...rest } = files;
  return rest;
}

function withoutIndex(files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).filter(([name]) => !name.startsWith('index/')));
}

async function waitFor(condition: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('The condition never became true.');
}
