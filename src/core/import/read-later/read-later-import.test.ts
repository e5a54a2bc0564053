import { readFile, truncate, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clip, ImportSummary, NotebookEvent } from '../../../shared/types';
import { call } from '../../../../tests/helpers/call';
import { rejection } from '../../../../tests/helpers/errors';
import { startFixtureServer, type FixtureServer } from '../../../../tests/helpers/fixture-server';
import { asClip } from '../../../../tests/helpers/items';
import { makeTempDir, steppingClock, withTempLibrary } from '../../../../tests/helpers/temp-library';
import type { Notebook } from '../../notebook';
import { READ_LATER_FIXTURES, omnivoreZip } from './read-later-fixtures';

const options = { clock: steppingClock(), clipper: { inWorker: false, timeoutMs: 5_000 } };
const fixture = (name: string): string => join(READ_LATER_FIXTURES, name);

let server: FixtureServer;
let closedPort: number;
beforeAll(async () => {
  server = await startFixtureServer();
  closedPort = await freePort();
});
afterAll(() => server.close());

/** A port nothing listens on: opened, noted, closed. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen({ host: '127.0.0.1', port: 0 }, done));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((done) => probe.close(() => done()));
  return port;
}

async function writeExport(name: string, content: string | Uint8Array): Promise<string> {
  const file = join(await makeTempDir(), name);
  await writeFile(file, content);
  return file;
}

async function clips(notebook: Notebook): Promise<Clip[]> {
  const page = await call(notebook, 'listItems', { view: 'clips', limit: 100 });
  return Promise.all(
    page.items.map(async (item) => asClip(await call(notebook, 'getItem', { id: item.id }))),
  );
}

async function clipAt(notebook: Notebook, url: string): Promise<Clip> {
  const { clip } = await call(notebook, 'findClip', { url });
  if (clip === null) throw new Error(`No clip for ${url}.`);
  return asClip(await call(notebook, 'getItem', { id: clip.id }));
}

const codes = (summary: ImportSummary): string[] => summary.problems.map((p) => p.code);

describe('importing each format without fetching', () => {
  it('Pocket HTML: a link-only clip per link, with its tags', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const summary = await call(notebook, 'importReadLater', {
        file: fixture('ril_export.html'),
        fetch: false,
      });
      expect(summary).toMatchObject({ created: 3, merged: 0, skipped: 0, highlights: 0, problems: [] });
      const granaries = await clipAt(notebook, 'https://example.com/granaries-of-djenne');
      expect(granaries.title).toBe('Les greniers de Djenné');
      expect(granaries.tags).toEqual(['history', 'mali', 'long-read']);
      expect(granaries.text).toContain('https://example.com/granaries-of-djenne');
      const tokyo = await clipAt(notebook, 'https://example.org/tokyo-trains?utm_source=pocket');
      expect(tokyo.title).toBe('東京の電車 — a timetable');
      expect(summary.items.map((i) => i.outcome)).toEqual(['created', 'created', 'created']);
    }, options);
  });

  it('Pocket CSV: quoted titles and pipe-separated tags', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const summary = await call(notebook, 'importReadLater', { file: fixture('pocket.csv'), fetch: false });
      expect(summary).toMatchObject({ created: 3, problems: [] });
      expect((await clipAt(notebook, 'https://example.com/granaries-of-djenne')).title).toBe(
        'Granaries, mud and rain',
      );
      expect((await clipAt(notebook, 'https://example.net/baume')).tags).toEqual(['natur', 'bäume']);
    }, options);
  });

  it('Omnivore: the saved article, its labels and its highlights with their notes', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const file = await writeExport('omnivore-export.zip', omnivoreZip());
      const summary = await call(notebook, 'importReadLater', { file, fetch: false });
      expect(summary).toMatchObject({ created: 2, skipped: 0, highlights: 3 });
      expect(codes(summary)).toEqual(['no_url']);
      const clip = await clipAt(notebook, 'https://example.com/granaries-of-djenne');
      expect(clip.tags).toEqual(['history', 'Mali', 'long-read']);
      expect(clip.text).toContain('left to ferment for weeks');
      expect(clip.images).toEqual([]);
      expect(clip.highlights.map((h) => [h.anchor.quote, h.comment, h.orphaned])).toEqual([
        ['mixed with rice husks', 'Why husks? They bind the mud.', false],
        [
          'Every spring the whole town replasters the great mosque, a festival called the Crépissage.',
          '',
          false,
        ],
        // Not in the saved article: added to the clip's text so the highlight has its passage.
        ['A sentence the saved article never had.', '', false],
      ]);
      expect((await clipAt(notebook, 'https://example.org/tokyo-trains')).text).toContain(
        '東京の電車は秒単位で運行',
      );
    }, options);
  });

  it('Wallabag: content, tags and annotations', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const summary = await call(notebook, 'importReadLater', {
        file: fixture('wallabag.json'),
        fetch: false,
      });
      expect(summary).toMatchObject({ created: 2, highlights: 2 });
      expect(codes(summary)).toEqual(['no_url']);
      const clip = await clipAt(notebook, 'https://example.com/granaries-of-djenne');
      expect(clip.tags).toEqual(['history', 'mali']);
      expect(clip.text).toContain('Image: The great mosque');
      expect(clip.highlights.map((h) => [h.anchor.quote, h.comment])).toEqual([
        ['mixed with rice husks', 'Why husks? They bind the mud.'],
        ['a festival called the Crépissage', ''],
      ]);
      expect((await clipAt(notebook, 'https://example.net/smørrebrød')).tags).toEqual(['food']);
    }, options);
  });

  it('Readwise: a clip per document, book or web page, with colours, notes and tags', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const summary = await call(notebook, 'importReadLater', {
        file: fixture('readwise.csv'),
        fetch: false,
      });
      expect(summary).toMatchObject({ created: 2, highlights: 3, problems: [] });
      const web = await clipAt(notebook, 'https://example.com/granaries-of-djenne');
      expect(web.tags).toEqual(['history', 'mali', 'favorite', 'building']);
      expect(web.highlights.map((h) => [h.color, h.comment, h.orphaned])).toEqual([
        ['yellow', 'Why husks? "They bind", she wrote.', false],
        ['blue', '', false],
      ]);
      const book = (await clips(notebook)).find((c) => c.title === 'Anna Karenina');
      expect(book).toMatchObject({ url: '', tags: ['novels'], authors: ['Leo Tolstoy'] });
      expect(book?.highlights.map((h) => [h.anchor.quote, h.color, h.comment])).toEqual([
        [
          'All happy families are alike; each unhappy family is unhappy in its own way.',
          'pink',
          'Opening line',
        ],
      ]);
    }, options);
  });
});

describe('fetching', () => {
  it('clips a reachable page, and falls back to a link-only clip for one that cannot be fetched', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const reachable = server.url('/article/river-news');
      const gone = `http://127.0.0.1:${closedPort}/gone`;
      const file = await writeExport(
        'ril_export.html',
        `<!DOCTYPE html><html><body><h1>Unread</h1><ul>
<li><a href="${reachable}" time_added="1700000000" tags="rivers">River news</a></li>
<li><a href="${gone}" time_added="1700000001" tags="lost">A vanished page</a></li>
</ul></body></html>`,
      );
      const summary = await call(notebook, 'importReadLater', { file, fetch: true });
      expect(summary).toMatchObject({ created: 2, skipped: 0 });
      expect(summary.problems).toEqual([
        {
          subject: gone,
          code: 'not_fetched',
          message: expect.stringContaining('clipped from what the export saved') as string,
        },
      ]);
      expect(server.hits('/article/river-news')).toBe(1);
      const fetched = await clipAt(notebook, reachable);
      expect(fetched.text).toContain('The river rose early that year');
      expect(fetched.tags).toEqual(['rivers']);
      const linkOnly = await clipAt(notebook, gone);
      expect(linkOnly).toMatchObject({ title: 'A vanished page', tags: ['lost'] });
      expect(linkOnly.text).toContain(gone);
    }, options);
  });

  it('keeps a highlight missing from the fetched page as an orphaned highlight, and says so', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const url = server.url('/article/delta-traders');
      const file = await writeExport(
        'wallabag.json',
        JSON.stringify([
          {
            title: 'Delta traders',
            url,
            content: '<p>An older version of the article, with a passage since removed.</p>',
            tags: ['delta'],
            annotations: [
              { quote: 'moved their stock to the high ground', text: 'Good call.' },
              { quote: 'a passage since removed', text: 'Gone now.' },
            ],
          },
        ]),
      );
      const summary = await call(notebook, 'importReadLater', { file, fetch: true });
      expect(summary).toMatchObject({ created: 1, highlights: 2 });
      expect(codes(summary)).toEqual(['highlight_not_found']);
      const clip = await clipAt(notebook, url);
      expect(clip.text).not.toContain('a passage since removed');
      expect(clip.highlights.map((h) => [h.anchor.quote, h.comment, h.orphaned])).toEqual([
        ['moved their stock to the high ground', 'Good call.', false],
        ['a passage since removed', 'Gone now.', true],
      ]);
    }, options);
  });

  it('never fetches when fetch is false', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const url = server.url('/article/never-fetched');
      const file = await writeExport(
        'pocket.csv',
        `title,url,time_added,tags,status\nNever fetched,${url},1700000000,,unread\n`,
      );
      const summary = await call(notebook, 'importReadLater', { file, fetch: false });
      expect(summary).toMatchObject({ created: 1, problems: [] });
      expect(server.hits('/article/never-fetched')).toBe(0);
      expect((await clipAt(notebook, url)).text).not.toContain('The river rose early');
    }, options);
  });
});

describe('importing into a library that has the pages already', () => {
  it('skips what is already there, and merges new tags and highlights without replacing anything', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const zip = await writeExport('omnivore.zip', omnivoreZip());
      await call(notebook, 'importReadLater', { file: zip, fetch: false });
      const before = await clipAt(notebook, 'https://example.com/granaries-of-djenne');

      const again = await call(notebook, 'importReadLater', { file: zip, fetch: true });
      expect(again).toMatchObject({ created: 0, merged: 0, skipped: 2, highlights: 0 });
      expect(again.items.map((i) => i.outcome)).toEqual(['skipped', 'skipped']);
      expect(server.requests).not.toContain('/granaries-of-djenne');

      const merged = await call(notebook, 'importReadLater', { file: fixture('readwise.csv'), fetch: false });
      expect(merged).toMatchObject({ created: 1, merged: 1 });
      const after = await clipAt(notebook, 'https://example.com/granaries-of-djenne');
      expect(after.text).toBe(before.text);
      expect(after.tags).toEqual(['history', 'Mali', 'long-read', 'favorite', 'building']);
      expect(after.highlights.slice(0, before.highlights.length).length).toBe(3);
      expect(after.highlights).toEqual(expect.arrayContaining(before.highlights));
      // Readwise's two highlights are new passages; the Omnivore ones stay as they were.
      expect(after.highlights).toHaveLength(5);
    }, options);
  });

  it('leaves a clip in the trash alone, and says so', async () => {
    await withTempLibrary(async ({ notebook }) => {
      await call(notebook, 'importReadLater', { file: fixture('wallabag.json'), fetch: false });
      const clip = await clipAt(notebook, 'https://example.net/smørrebrød');
      await call(notebook, 'trashItem', { id: clip.id });
      const summary = await call(notebook, 'importReadLater', {
        file: fixture('ril_export.html'),
        fetch: false,
      });
      expect(summary).toMatchObject({ created: 1, merged: 1, skipped: 1 });
      expect(codes(summary)).toEqual(['in_trash']);
    }, options);
  });
});

describe('detecting the format and refusing bad files', () => {
  it('detects each format by its content when none is given', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const renamed = async (name: string, as: string): Promise<string> =>
        writeExport(as, await readFile(fixture(name)));
      const readwise = await call(notebook, 'importReadLater', {
        file: await renamed('readwise.csv', 'export.txt'),
        fetch: false,
      });
      expect(readwise).toMatchObject({ created: 2, highlights: 3 });
      const wallabag = await call(notebook, 'importReadLater', {
        file: await renamed('wallabag.json', 'export.dat'),
        fetch: false,
      });
      expect(wallabag).toMatchObject({ created: 1, merged: 1, highlights: 2 });
      const omnivore = await call(notebook, 'importReadLater', {
        file: await writeExport('export.bin', omnivoreZip()),
        fetch: false,
      });
      expect(omnivore).toMatchObject({ created: 1, merged: 1 });
      const pocket = await call(notebook, 'importReadLater', {
        file: await renamed('ril_export.html', 'export'),
        fetch: false,
      });
      // All three are there already (the Tokyo one without its tracking parameter), with these tags.
      expect(pocket).toMatchObject({ created: 0, merged: 0, skipped: 3, problems: [] });
      expect(pocket.items).toHaveLength(3);
    }, options);
  });

  it('reports progress for every entry', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const events: NotebookEvent[] = [];
      notebook.onEvent((event) => events.push(event));
      await call(notebook, 'importReadLater', { file: fixture('pocket.csv'), fetch: false });
      const progress = events.filter((e) => e.type === 'progress' && e.job === 'import');
      expect(progress.map((e) => (e.type === 'progress' ? [e.done, e.total] : null))).toEqual([
        [0, 3],
        [1, 3],
        [2, 3],
        [3, 3],
      ]);
    }, options);
  });

  it('refuses malformed files, a format that does not match, and files over 200 MB', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const cases: [string, string | Uint8Array, string | undefined][] = [
        ['bad.zip', new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9, 9]), undefined],
        ['bad.json', '[{"url": "https://example.com/a", ', undefined],
        ['wrong-header.csv', 'Quote,Source\n"a",b\n', 'readwise'],
        [
          'pocket-as-readwise.csv',
          'title,url,time_added,tags,status\nA,https://example.com,1,,unread\n',
          'readwise',
        ],
        ['open-quote.csv', 'title,url,time_added,tags,status\n"A,https://example.com,1,,unread\n', undefined],
        ['notes.txt', 'Just some notes I kept.', undefined],
      ];
      for (const [name, content, format] of cases) {
        const file = await writeExport(name, content);
        const args = format === undefined ? { file } : { file, format: format as 'readwise' };
        const error = await rejection(call(notebook, 'importReadLater', args));
        expect(error.code, name).toBe('invalid_argument');
        expect(error.message, name).toMatch(/\.$/);
      }
      const huge = await writeExport('huge.csv', '');
      await truncate(huge, 200 * 1024 * 1024 + 1);
      expect((await rejection(call(notebook, 'importReadLater', { file: huge }))).code).toBe('too_large');
      expect((await rejection(call(notebook, 'importReadLater', { file: `${huge}.missing` }))).code).toBe(
        'not_found',
      );
      expect((await call(notebook, 'listItems', { limit: 10 })).total).toBe(0);
    }, options);
  });
});
