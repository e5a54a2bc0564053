import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NotebookEvent } from '../shared/types';
import { call } from '../../tests/helpers/call';
import { CLIP_KEYS, CLIP_SUMMARY_KEYS } from '../../tests/helpers/clip-keys';
import { rejection } from '../../tests/helpers/errors';
import { fixtureServerForFile } from '../../tests/helpers/file-fixture-server';
import { JPEG_BYTES, makePng } from '../../tests/helpers/fixture-server';
import { asClip } from '../../tests/helpers/items';
import { assetFiles } from '../../tests/helpers/library-files';
import { steppingClock, withTempLibrary } from '../../tests/helpers/temp-library';

const site = fixtureServerForFile();

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

describe('clipping a page', () => {
  it('stores the article with its images as library assets, and nothing from the network', async () => {
    await withTempLibrary(
      async (library) => {
        const { dir, notebook } = library;
        const events: NotebookEvent[] = [];
        notebook.onEvent((event) => events.push(event));
        const url = site.url('/pages/clip/with-images.html');
        const result = await call(notebook, 'clip', { url, tags: ['#Mali', 'architecture'] });
        expect(result).toMatchObject({ duplicate: false, refreshed: false });
        const { clip } = result;
        expect(Object.keys(clip).sort()).toEqual(CLIP_KEYS);
        expect(clip).toMatchObject({
          type: 'clip',
          title: 'The Granaries of Djenné',
          url,
          canonicalUrl: url,
          siteName: 'Delta Review',
          authors: ['Mariam Traoré'],
          published: '2024-02-11',
          lang: 'en',
          tags: ['Mali', 'architecture'],
          deleted: null,
          rev: 1,
        });
        expect(clip.clipped).toBe(clip.created);
        expect(clip.excerpt).not.toBe('');
        expect(clip.text).toContain('Every spring, after the last rains');
        expect(clip.text).not.toContain('Another story');
        expect(clip.markdown).toContain('Not every granary survives.');

        // Every image the article had, once, with what became of it.
        const png = `assets/${sha256(makePng('granary'))}.png`;
        const jpg = `assets/${sha256(JPEG_BYTES)}.jpg`;
        expect(clip.images).toEqual([
          { src: site.url('/image.png?seed=granary'), asset: png },
          { src: site.url('/image.jpg'), asset: jpg },
          { src: site.url('/images/missing.png'), asset: null, error: 'The image was not found (HTTP 404).' },
          {
            src: site.url('/not-image.png'),
            asset: null,
            error: 'Not an image (the server sent image/png).',
          },
        ]);
        expect(await assetFiles(dir)).toEqual([png, jpg].map((a) => a.slice('assets/'.length)).sort());
        expect(await fs.readFile(path.join(dir, png))).toEqual(makePng('granary'));
        // Fetched as a browser would, naming the page they are for.
        expect(site.headersOf('/image.jpg')?.referer).toBe(url);
        expect(site.hits('/image.png?seed=granary')).toBe(1);

        // The article points at the library only: no remote image, no broken one.
        const sources = [...clip.html.matchAll(/<img[^>]*\ssrc="([^"]*)"/g)].map((m) => m[1]);
        expect(sources.sort()).toEqual([jpg, png, png].sort());
        expect(clip.html).not.toMatch(/src="https?:/);
        expect(clip.markdown).toContain(`](${png}`);
        expect(clip.markdown).not.toContain('/images/missing.png');

        expect(await call(notebook, 'getItem', { id: clip.id })).toEqual(clip);
        const page = await call(notebook, 'listItems', { view: 'clips' });
        expect(page.total).toBe(1);
        expect(Object.keys(page.items[0] ?? {}).sort()).toEqual(CLIP_SUMMARY_KEYS);
        expect((await call(notebook, 'listItems', { view: 'notes' })).total).toBe(0);
        expect((await call(notebook, 'getLibraryInfo', {})).counts).toEqual({
          items: 1,
          notes: 0,
          clips: 1,
          trash: 0,
        });
        expect(await call(notebook, 'checkLibrary', {})).toMatchObject({ ok: true, problems: [] });

        const progress = events.filter((e) => e.type === 'progress');
        expect(progress.every((e) => e.job === 'clip' && e.done <= e.total)).toBe(true);
        expect(progress.map((e) => e.message)).toEqual(
          expect.arrayContaining([
            'Fetching the page',
            'Extracting the article',
            'Downloading images 4/4',
            'Saving the clip',
          ]),
        );
        expect(events.some((e) => e.type === 'items-changed' && e.ids.includes(clip.id))).toBe(true);

        const reopened = await library.reopen();
        expect(await call(reopened, 'getItem', { id: clip.id })).toEqual(clip);
        expect((await call(reopened, 'findClip', { url })).clip?.id).toBe(clip.id);
      },
      { clock: steppingClock(), clipper: { timeoutMs: 5_000 } },
    );
  });

  it('runs extraction in a worker thread by default', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const { clip } = await call(notebook, 'clip', { url: site.url('/article/worker-thread-story') });
      expect(clip.title).toBe('Worker thread story');
      expect(clip.siteName).toBe('Fixture Times');
    });
  });

  it('clips HTML it is given without fetching the page, resolving images against --url', async () => {
    await withTempLibrary(
      async ({ notebook }) => {
        const html = await fs.readFile(
          path.join(__dirname, '../../tests/fixtures/pages/clip/with-images.html'),
          'utf8',
        );
        const url = site.url('/saved/granaries.html');
        const { clip } = await call(notebook, 'clip', { html, url });
        expect(site.hits('/saved/granaries.html')).toBe(0);
        expect(clip).toMatchObject({ url, canonicalUrl: url, title: 'The Granaries of Djenné' });
        expect(clip.images.filter((image) => image.asset !== null)).toHaveLength(2);

        // Without an address: nothing to resolve relative images against, no address to dedupe by.
        const { clip: loose } = await call(notebook, 'clip', { html });
        expect(loose).toMatchObject({ url: '', canonicalUrl: '', title: 'The Granaries of Djenné' });
        expect(loose.id).not.toBe(clip.id);
        expect(loose.html).not.toMatch(/<img/);
      },
      { clipper: { timeoutMs: 5_000, inWorker: false } },
    );
  });

  it('keeps the whole page simplified when asked, where no article is found', async () => {
    await withTempLibrary(
      async ({ notebook }) => {
        const url = site.url('/pages/home-page.html');
        expect((await rejection(call(notebook, 'clip', { url }))).code).toBe('not_article');
        const { clip } = await call(notebook, 'clip', { url, mode: 'page' });
        expect(clip.text).not.toBe('');
        // A refresh clips it the same way.
        const refreshed = await call(notebook, 'refreshClip', { id: clip.id });
        expect(refreshed).toMatchObject({ refreshed: true, duplicate: false });
        expect(refreshed.clip.text).toBe(clip.text);
      },
      { clipper: { timeoutMs: 5_000, inWorker: false } },
    );
  });

  it('falls back to the address for a page without a title', async () => {
    await withTempLibrary(
      async ({ notebook }) => {
        const paragraph = '<p>' + 'An untitled page still says something worth keeping. '.repeat(12) + '</p>';
        site.set('/untitled', {
          body: `<!doctype html><html><body><article>${paragraph.repeat(4)}</article></body></html>`,
        });
        const { clip } = await call(notebook, 'clip', { url: site.url('/untitled') });
        expect(clip.title).toBe(site.url('/untitled'));
      },
      { clipper: { timeoutMs: 5_000, inWorker: false } },
    );
  });

  it('refuses to edit a clip as a note, and to refresh a note', async () => {
    await withTempLibrary(
      async ({ notebook }) => {
        const { clip } = await call(notebook, 'clip', { url: site.url('/article/not-a-note') });
        expect((await rejection(call(notebook, 'updateNote', { id: clip.id, body: 'x' }))).code).toBe(
          'invalid_argument',
        );
        const note = await call(notebook, 'createNote', { title: 'n' });
        expect((await rejection(call(notebook, 'refreshClip', { id: note.id }))).code).toBe(
          'invalid_argument',
        );
        expect((await rejection(call(notebook, 'refreshClip', { id: 'nope' }))).code).toBe('not_found');
        // Tags work on any item.
        const tagged = asClip(await call(notebook, 'tagItem', { id: clip.id, add: ['kept'] }));
        expect(tagged.tags).toEqual(['kept']);
        expect(tagged.text).toBe(clip.text);
      },
      { clipper: { timeoutMs: 5_000, inWorker: false } },
    );
  });
});
