import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../tests/helpers/cli';

const PAGES = resolve(__dirname, '..', '..', 'tests', 'fixtures', 'pages');
const page = (name: string): string => join(PAGES, name);
const LINE_KEYS = [
  'authors',
  'canonicalUrl',
  'citation',
  'excerpt',
  'html',
  'images',
  'input',
  'lang',
  'markdown',
  'published',
  'siteName',
  'text',
  'title',
];

const lines = (stdout: string): Record<string, unknown>[] =>
  stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

let server: Server;
let origin = '';

beforeAll(async () => {
  const french = readFileSync(page('french-windows-1252.html'));
  server = createServer((request, response) => {
    if (request.url === '/redirect') {
      response.writeHead(302, { Location: '/fr?utm_source=x' }).end();
    } else if (request.url?.startsWith('/fr')) {
      // The header's charset is the one to follow.
      response.writeHead(200, { 'Content-Type': 'text/html; charset=windows-1252' }).end(french);
    } else if (request.url === '/doc.pdf') {
      response.writeHead(200, { 'Content-Type': 'application/pdf' }).end('%PDF-1.4');
    } else {
      response.writeHead(404, { 'Content-Type': 'text/html' }).end('<h1>Not found</h1>');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((done) => server.close(done));
});

describe('commonplace extract', () => {
  it('prints one JSON line per input, in input order, with exactly the documented fields', async () => {
    const result = await runCli([
      'extract',
      page('news-article.html'),
      page('docs-page.html'),
      page('lazy-images.html'),
      '--json',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const [news, docs, lazy] = lines(result.stdout);
    expect(Object.keys(news ?? {}).sort()).toEqual(LINE_KEYS);
    expect(news).toMatchObject({
      input: page('news-article.html'),
      title: 'Niger river floods displace thousands in Mopti region',
    });
    expect(docs?.markdown).toContain('```toml');
    expect(lazy?.images).toHaveLength(5);
  });

  it('reports a failed input in its place, carries on, and exits 1', async () => {
    const missing = join(PAGES, 'no-such-page.html');
    const result = await runCli([
      'extract',
      page('home-page.html'),
      missing,
      page('pasted-fragment.html'),
      '--json',
    ]);
    expect(result.code).toBe(1);
    const [home, absent, fragment] = lines(result.stdout);
    expect(home).toEqual({
      input: page('home-page.html'),
      error: { code: 'not_article', message: 'No article found on this page. Clip the whole page instead?' },
    });
    expect(absent).toMatchObject({ input: missing, error: { code: 'invalid_argument' } });
    expect(fragment?.title).toBe('Why the harmattan matters for health');
    expect(result.stderr).toContain(`commonplace: ${missing}: Cannot read the file`);
  });

  it('decodes files by their bytes: windows-1252 comes out with its accents', async () => {
    const [french] = lines((await runCli(['extract', page('french-windows-1252.html'), '--json'])).stdout);
    expect(french?.text).toContain('quinze bœufs et une trentaine de moutons');
    expect(french?.text).toContain('« Le sac de tourteau de coton coûtait 9 000 francs CFA l’an dernier.');
  });

  it('takes the address of a single file or of standard input from --url', async () => {
    const withUrl = await runCli([
      'extract',
      page('pasted-fragment.html'),
      '--url',
      'https://www.example.org/health/harmattan?utm_source=x',
      '--json',
    ]);
    expect(lines(withUrl.stdout)[0]).toMatchObject({
      canonicalUrl: 'https://www.example.org/health/harmattan',
      images: [
        'https://www.example.org/images/harmattan-niamey.jpg',
        'https://www.example.org/images/harmattan-map.png',
      ],
    });
    const piped = await runCli(
      ['extract', '-', '--url', 'https://sahel-press-review.blogspot.com/x.html', '--json'],
      { stdin: readFileSync(page('blogger-comments.html')) },
    );
    expect(lines(piped.stdout)[0]).toMatchObject({
      input: '-',
      title: 'Niger suspends gold export licences pending audit',
    });
  });

  it('refuses --url with several inputs, or with an address, as usage errors', async () => {
    expect(
      (
        await runCli([
          'extract',
          page('news-article.html'),
          page('docs-page.html'),
          '--url',
          'https://x.example/',
        ])
      ).code,
    ).toBe(2);
    expect((await runCli(['extract', `${origin}/fr`, '--url', 'https://x.example/'])).code).toBe(2);
    expect((await runCli(['extract', page('news-article.html'), '--url', 'ftp://x.example/'])).code).toBe(2);
    expect((await runCli(['extract', '-', '-'])).code).toBe(2);
    expect((await runCli(['extract'])).code).toBe(2);
  });

  it('fetches addresses, following redirects and the header charset', async () => {
    const result = await runCli([
      'extract',
      `${origin}/redirect`,
      `${origin}/doc.pdf`,
      `${origin}/gone`,
      '--json',
    ]);
    expect(result.code).toBe(1);
    const [french, pdf, gone] = lines(result.stdout);
    expect(french).toMatchObject({ title: 'Au Sahel, les éleveurs face à la crise du fourrage' });
    expect(french?.text).toContain('Œuvre de longue haleine');
    expect(pdf).toMatchObject({ error: { code: 'not_html' } });
    expect(gone).toMatchObject({ error: { code: 'fetch_failed' } });
  });

  it('keeps the whole page with --page', async () => {
    const [home] = lines((await runCli(['extract', page('home-page.html'), '--page', '--json'])).stdout);
    expect(home?.text).toContain('Top stories');
  });

  it('prints a short summary per input without --json', async () => {
    const result = await runCli(['extract', page('scholarly-article.html')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^.*scholarly-article\.html\n {2}Pastoral mobility and conflict in the inner Niger delta, 2012–2022\n {2}Aminata Keïta, Jean-Luc Dupont, Ibrahim Ag Mohamed · Journal of Sahel Studies · 2023-06-15 · en\n {2}https:\/\/journals\.sahel-academic\.example\/jss\/article\/view\/142\n {2}\d+ words · 1 image\n$/,
    );
  });

  it('handles hundreds of files in one run', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'commonplace-extract-'));
    try {
      const source = readFileSync(page('news-article.html'));
      const files: string[] = [];
      for (let i = 0; i < 200; i += 1) {
        const file = join(dir, `page-${i}.html`);
        await writeFile(file, source);
        files.push(file);
      }
      const result = await runCli(['extract', ...files, '--json']);
      expect(result.code).toBe(0);
      const output = lines(result.stdout);
      expect(output.map((line) => line.input)).toEqual(files);
      expect(new Set(output.map((line) => line.text)).size).toBe(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
