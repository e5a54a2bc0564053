import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeCliLibrary, type CliLibrary } from '../../tests/helpers/cli';
import { CLIP_KEYS, CLIP_SUMMARY_KEYS } from '../../tests/helpers/clip-keys';
import { fixtureServerForFile } from '../../tests/helpers/file-fixture-server';

const PAGES = resolve(__dirname, '..', '..', 'tests', 'fixtures', 'pages');

const keys = (value: unknown): string[] => Object.keys(value as object).sort();

const site = fixtureServerForFile();
let cli: CliLibrary;

beforeEach(async () => {
  cli = await makeCliLibrary('commonplace-cli-clip-');
});

describe('commonplace clip', () => {
  it('clips an address and prints the ClipResult; again, the clip already there', async () => {
    const url = site.url('/article/sahel-grain-prices?images=1');
    const result = await cli.json('clip', url, '--tag', 'mali', '--tag', 'prices');
    expect(keys(result)).toEqual(['clip', 'duplicate', 'refreshed']);
    expect(keys(result.clip)).toEqual(CLIP_KEYS);
    expect(result).toMatchObject({
      duplicate: false,
      refreshed: false,
      clip: {
        type: 'clip',
        title: 'Sahel grain prices',
        url,
        siteName: 'Fixture Times',
        tags: ['mali', 'prices'],
      },
    });
    const clip = result.clip as { id: string; images: { asset: string | null }[]; html: string };
    expect(clip.images[0]?.asset).toMatch(/^assets\/[0-9a-f]{64}\.png$/);
    expect(clip.html).toContain(`src="${clip.images[0]?.asset}"`);

    const again = await cli.run(['clip', `${url}&utm_source=cli`]);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(
      `"Sahel grain prices" (Fixture Times) is already in your library: ${clip.id}\n` +
        'Nothing was fetched again; add --refresh to replace its article.\n',
    );
    const refreshed = await cli.json('clip', url, '--refresh');
    expect(refreshed).toMatchObject({ duplicate: false, refreshed: true, clip: { id: clip.id } });

    const text = await cli.run(['clip', site.url('/article/second-story')]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Clipped "Second story" \(Fixture Times\): [a-z0-9]{12}\n$/);

    expect(((await cli.json('info')).counts as Record<string, number>).clips).toBe(2);
  });

  it('clips a saved file in its own character set, and HTML from standard input, with --url', async () => {
    const file = join(PAGES, 'french-windows-1252.html');
    const fromFile = await cli.json(
      'clip',
      file,
      '--url',
      'https://carnets-du-sahel.example/2024/11/eleveurs-crise-fourrage/',
    );
    expect(fromFile.clip).toMatchObject({
      title: 'Au Sahel, les éleveurs face à la crise du fourrage',
      authors: ['Aïssata Traoré'],
      url: 'https://carnets-du-sahel.example/2024/11/eleveurs-crise-fourrage/',
    });

    const bytes = await readFile(join(PAGES, 'clip', 'with-images.html'));
    const fromStdin = await cli.run(['clip', '-', '--url', site.url('/saved/granaries.html'), '--json'], {
      stdin: bytes,
    });
    expect(fromStdin.code).toBe(0);
    expect(JSON.parse(fromStdin.stdout)).toMatchObject({
      duplicate: false,
      clip: { title: 'The Granaries of Djenné', url: site.url('/saved/granaries.html') },
    });
    expect(site.hits('/saved/granaries.html')).toBe(0);
  });

  it('keeps the whole page with --page', async () => {
    const url = site.url('/pages/home-page.html');
    const refused = await cli.run(['clip', url, '--json']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ error: { code: 'not_article' } });
    expect((await cli.json('clip', url, '--page')).duplicate).toBe(false);
  });

  it('fails with the reason, a non-zero exit and nothing written', async () => {
    const notFound = await cli.run(['clip', site.url('/status/404'), '--json']);
    expect(notFound.code).toBe(1);
    expect(JSON.parse(notFound.stdout)).toEqual({
      error: { code: 'fetch_failed', message: 'The page was not found (HTTP 404).' },
    });
    expect(notFound.stderr).toBe('commonplace: The page was not found (HTTP 404).\n');

    const pdf = await cli.run(['clip', site.url('/doc.pdf')]);
    expect(pdf.code).toBe(1);
    expect(pdf.stderr).toContain('PDF clips are not supported yet');
    expect(pdf.stdout).toBe('');

    const missing = await cli.run(['clip', 'example.org/story']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Cannot read the file example.org/story: no such file.');
    expect(missing.stderr).toContain('give its full address');

    const huge = join(cli.dir, 'huge.html');
    await writeFile(huge, Buffer.alloc(20_000_001, 0x61));
    const tooLarge = await cli.run(['clip', huge, '--json']);
    expect(tooLarge.code).toBe(1);
    expect(JSON.parse(tooLarge.stdout)).toEqual({
      error: { code: 'too_large', message: `The file ${huge} is larger than 20 MB.` },
    });

    const ftp = await cli.run(['clip', 'ftp://example.org/x', '--json']);
    expect(ftp.code).toBe(1);
    expect(JSON.parse(ftp.stdout)).toMatchObject({ error: { code: 'invalid_argument' } });

    const usage = await cli.run(['clip', site.url('/article/x'), '--url', 'https://example.org/']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--url is only for a file or standard input.');

    expect((await cli.json('list', '--view', 'clips')).total).toBe(0);
  });
});

describe('clips in list and show', () => {
  it('lists clips alone, and shows a clip with its metadata and article', async () => {
    const url = site.url('/pages/clip/with-images.html');
    const { clip } = await cli.json<{ clip: { id: string; markdown: string } }>('clip', url);
    await cli.json('note', 'new', '--title', 'A note');

    const page = await cli.json('list', '--view', 'clips');
    expect(page.total).toBe(1);
    const items = page.items as Record<string, unknown>[];
    expect(keys(items[0])).toEqual(CLIP_SUMMARY_KEYS);
    expect(items[0]).toMatchObject({ id: clip.id, type: 'clip', siteName: 'Delta Review' });
    expect(
      ((await cli.json('list', '--view', 'notes')).items as { type: string }[]).map((i) => i.type),
    ).toEqual(['note']);
    expect((await cli.json('list')).total).toBe(2);

    expect(await cli.json('show', clip.id)).toEqual(clip);
    const text = await cli.run(['show', clip.id]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^The Granaries of Djenné\n/);
    expect(text.stdout).toMatch(new RegExp(`^url: +${url.replace(/[.?]/g, '\\$&')}$`, 'm'));
    expect(text.stdout).toMatch(/^site: +Delta Review$/m);
    expect(text.stdout).toMatch(/^by: +Mariam Traoré$/m);
    expect(text.stdout).toMatch(/^images: +2 of 4 kept$/m);
    expect(text.stdout).toContain(clip.markdown);

    const bad = await cli.run(['list', '--view', 'pictures']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--view must be all, notes, clips or trash');
  });
});
