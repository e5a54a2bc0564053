import { describe, expect, it } from 'vitest';
import { call } from '../../tests/helpers/call';
import { rejection } from '../../tests/helpers/errors';
import { fixtureServerForFile } from '../../tests/helpers/file-fixture-server';
import { assetFiles, snapshotFiles } from '../../tests/helpers/library-files';
import { steppingClock, withTempLibrary } from '../../tests/helpers/temp-library';

const site = fixtureServerForFile();

const options = { clock: steppingClock(), clipper: { timeoutMs: 5_000, inWorker: false } };

/** An article page at `path` whose text and one image depend on `version`. */
function publish(path: string, version: string): void {
  const paragraphs = Array.from(
    { length: 5 },
    (_, i) =>
      `<p>Version ${version}, paragraph ${i + 1}: the committee met again on Thursday and went through ` +
      `the budget line by line, arguing over the cost of repairs to the old river wall.</p>`,
  ).join('\n');
  site.set(path, {
    body:
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Council minutes ${version}</title></head>` +
      `<body><article><h1>Council minutes</h1>${paragraphs}` +
      `<img src="/image.png?seed=${version}" width="600" height="400" alt="The wall"></article></body></html>`,
  });
}

describe('duplicates', () => {
  it('finds the same page by address, without tracking parameters, without fetching again', async () => {
    await withTempLibrary(async ({ dir, notebook }) => {
      const url = site.url('/article/the-river-wall?id=7');
      const first = await call(notebook, 'clip', { url });
      const fetches = site.requests.length;
      const before = await snapshotFiles(dir);

      for (const again of [
        url,
        `${url}&utm_source=newsletter&utm_medium=email`,
        `${url}&fbclid=IwAR0abc`,
        `${url}&gclid=Cj0KCQ`,
        `${url}#comments`,
      ]) {
        const result = await call(notebook, 'clip', { url: again, tags: ['ignored'] });
        expect(result).toEqual({ clip: first.clip, duplicate: true, refreshed: false });
      }
      expect(site.requests.length).toBe(fetches);
      expect(await snapshotFiles(dir)).toEqual(before);

      expect((await call(notebook, 'findClip', { url: `${url}&utm_campaign=x` })).clip?.id).toBe(
        first.clip.id,
      );
      expect(
        (await call(notebook, 'findClip', { url: site.url('/article/the-river-wall?id=8') })).clip,
      ).toBeNull();
      expect((await rejection(call(notebook, 'findClip', { url: 'not an address' }))).code).toBe(
        'invalid_argument',
      );
      // Other query parameters name other pages.
      const other = await call(notebook, 'clip', { url: site.url('/article/the-river-wall?id=8') });
      expect(other.duplicate).toBe(false);
    }, options);
  });

  it('finds a page by its rel=canonical, fetching it once but keeping nothing of it', async () => {
    await withTempLibrary(async ({ dir, notebook }) => {
      const canonical = site.url('/article/canonical-story');
      const first = await call(notebook, 'clip', { url: canonical });
      const before = await snapshotFiles(dir);
      const mirror = site.url('/article/canonical-story-amp?images=2&canonical=/article/canonical-story');
      const again = await call(notebook, 'clip', { url: mirror });
      expect(again).toEqual({ clip: first.clip, duplicate: true, refreshed: false });
      expect(site.hits('/article/canonical-story-amp')).toBe(1);
      // Its images were never downloaded.
      expect(site.requests.filter((r) => r.includes('canonical-story-amp-'))).toEqual([]);
      expect(await snapshotFiles(dir)).toEqual(before);
      expect((await call(notebook, 'listItems', { view: 'clips' })).total).toBe(1);
    }, options);
  });

  it('finds a page reached through redirects by its final address', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const first = await call(notebook, 'clip', { url: site.url('/redirect/2?to=/article/moved-story') });
      expect(first.clip.url).toBe(site.url('/article/moved-story'));
      const again = await call(notebook, 'clip', { url: site.url('/article/moved-story?utm_source=x') });
      expect(again.duplicate).toBe(true);
      expect(again.clip.id).toBe(first.clip.id);
    }, options);
  });

  it('makes one clip when the same page is clipped twice at once', async () => {
    await withTempLibrary(async ({ dir, notebook }) => {
      const url = site.url('/article/raced-story?images=3');
      const results = await Promise.all([call(notebook, 'clip', { url }), call(notebook, 'clip', { url })]);
      expect(results.map((r) => r.duplicate).sort()).toEqual([false, true]);
      expect(results[0]?.clip.id).toBe(results[1]?.clip.id);
      expect((await call(notebook, 'listItems', { view: 'clips' })).total).toBe(1);
      expect(await assetFiles(dir)).toHaveLength(3);
      expect(await call(notebook, 'checkLibrary', {})).toMatchObject({ ok: true });
    }, options);
  });

  it('answers with a trashed clip of the page, and refuses to refresh it until restored', async () => {
    await withTempLibrary(async ({ dir, notebook }) => {
      publish('/trashable', 'one');
      const url = site.url('/trashable');
      const { clip } = await call(notebook, 'clip', { url });
      await call(notebook, 'trashItem', { id: clip.id });
      const again = await call(notebook, 'clip', { url });
      expect(again).toMatchObject({ duplicate: true, refreshed: false, clip: { id: clip.id } });
      expect(again.clip.deleted).not.toBeNull();

      const before = await snapshotFiles(dir);
      publish('/trashable', 'two');
      const refused = await rejection(call(notebook, 'clip', { url, refresh: true }));
      expect(refused.code).toBe('conflict');
      expect(refused.message).toContain('restore it first');
      expect(site.hits('/trashable')).toBe(1);
      expect((await rejection(call(notebook, 'refreshClip', { id: clip.id }))).code).toBe('conflict');

      // Known only by its canonical URL: refused once extracted, its images downloaded, then removed.
      const mirror = `/article/trashable-mirror?images=2&canonical=${encodeURIComponent('/trashable')}`;
      const late = await rejection(call(notebook, 'clip', { url: site.url(mirror), refresh: true }));
      expect(late.code).toBe('conflict');
      expect(site.hits('/image.png?seed=trashable-mirror-1')).toBe(1);
      expect(await snapshotFiles(dir)).toEqual(before);
    }, options);
  });
});

describe('refreshing', () => {
  it('replaces the article, keeping id, tags and dates, and drops images nothing uses any more', async () => {
    await withTempLibrary(async ({ dir, notebook }) => {
      publish('/minutes', 'one');
      const url = site.url('/minutes');
      const first = await call(notebook, 'clip', { url, tags: ['council'] });
      expect(first.clip.text).toContain('Version one');
      const firstAssets = await assetFiles(dir);
      expect(firstAssets).toHaveLength(1);

      publish('/minutes', 'two');
      const second = await call(notebook, 'clip', {
        url: `${url}?utm_source=feed`,
        refresh: true,
        tags: ['budget'],
      });
      expect(second).toMatchObject({ duplicate: false, refreshed: true });
      expect(second.clip).toMatchObject({
        id: first.clip.id,
        tags: ['council', 'budget'],
        created: first.clip.created,
        clipped: first.clip.clipped,
        title: 'Council minutes two',
      });
      expect(second.clip.rev).toBeGreaterThan(first.clip.rev);
      expect(second.clip.updated > first.clip.updated).toBe(true);
      expect(second.clip.text).toContain('Version two');
      expect(second.clip.text).not.toContain('Version one');
      const secondAssets = await assetFiles(dir);
      expect(secondAssets).toHaveLength(1);
      expect(secondAssets).not.toEqual(firstAssets);

      publish('/minutes', 'three');
      const third = await call(notebook, 'refreshClip', { id: first.clip.id });
      expect(third).toMatchObject({
        duplicate: false,
        refreshed: true,
        clip: { id: first.clip.id, tags: ['council', 'budget'] },
      });
      expect(third.clip.text).toContain('Version three');
      expect(await call(notebook, 'getItem', { id: first.clip.id })).toEqual(third.clip);
      expect((await call(notebook, 'listItems', { view: 'clips' })).total).toBe(1);
      expect(await call(notebook, 'checkLibrary', {})).toMatchObject({ ok: true, problems: [] });
    }, options);
  });

  it('leaves the clip as it was when the page cannot be fetched again', async () => {
    await withTempLibrary(async ({ dir, notebook }) => {
      publish('/vanishing', 'one');
      const { clip } = await call(notebook, 'clip', { url: site.url('/vanishing') });
      const before = await snapshotFiles(dir);
      site.set('/vanishing', { status: 404, body: 'gone' });
      expect((await rejection(call(notebook, 'refreshClip', { id: clip.id }))).code).toBe('fetch_failed');
      expect(await snapshotFiles(dir)).toEqual(before);
      expect(await call(notebook, 'getItem', { id: clip.id })).toEqual(clip);
    }, options);
  });
});
