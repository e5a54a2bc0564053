import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejection } from '../../../tests/helpers/errors';
import { startFixtureServer, type FixtureServer } from '../../../tests/helpers/fixture-server';
import { fetchPage } from './fetch-page';

let site: FixtureServer;

beforeAll(async () => {
  site = await startFixtureServer();
});

afterAll(async () => {
  await site.close();
});

const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('utf8');

/** A port nothing listens on (taken, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

describe('fetchPage', () => {
  it('fetches a page with its bytes and content type, sending browser-like headers', async () => {
    site.set('/echo', { body: '<!doctype html><p>Hello</p>' });
    const page = await fetchPage(site.url('/echo'));
    expect(page.url).toBe(site.url('/echo'));
    expect(text(page.bytes)).toBe('<!doctype html><p>Hello</p>');
    expect(page.contentType).toBe('text/html; charset=utf-8');
    const sent = site.headersOf('/echo');
    expect(sent?.['user-agent']).toMatch(/^Mozilla\/5\.0 .*Chrome\//);
    expect(sent?.accept).toMatch(/^text\/html,application\/xhtml\+xml/);
    expect(sent?.referer).toBeUndefined();
    await fetchPage(site.url('/image.jpg?for=referer'), { accept: 'image', referer: site.url('/echo') });
    const image = site.headersOf('/image.jpg?for=referer');
    expect(image?.accept).toMatch(/^image\//);
    expect(image?.referer).toBe(site.url('/echo'));
  });

  it('follows redirects and reports the final address', async () => {
    const page = await fetchPage(site.url('/redirect/3?to=/article/after-redirects'));
    expect(page.url).toBe(site.url('/article/after-redirects'));
    expect(text(page.bytes)).toContain('After redirects');
    expect(site.hits('/redirect/1')).toBeGreaterThan(0);
  });

  it('stops at the redirect limit and on loops', async () => {
    const tooMany = await rejection(fetchPage(site.url('/redirect/3?to=/article/x'), { maxRedirects: 2 }));
    expect(tooMany.code).toBe('fetch_failed');
    expect(tooMany.message).toContain('Too many redirects');
    const loop = await rejection(fetchPage(site.url('/redirect-loop')));
    expect(loop).toEqual({
      code: 'fetch_failed',
      message: expect.stringContaining('Too many redirects') as unknown,
    });
  });

  it('explains HTTP errors', async () => {
    expect(await rejection(fetchPage(site.url('/status/404')))).toEqual({
      code: 'fetch_failed',
      message: 'The page was not found (HTTP 404).',
    });
    const server = await rejection(fetchPage(site.url('/status/500')));
    expect(server.code).toBe('fetch_failed');
    expect(server.message).toContain('HTTP 500');
    const forbidden = await rejection(fetchPage(site.url('/status/403')));
    expect(forbidden.message).toContain('HTTP 403');
    const image = await rejection(fetchPage(site.url('/status/404'), { accept: 'image' }));
    expect(image.message).toBe('The image was not found (HTTP 404).');
  });

  it('refuses what is not an HTML page', async () => {
    expect(await rejection(fetchPage(site.url('/doc.pdf')))).toEqual({
      code: 'not_html',
      message: 'This address is a PDF, not an HTML page — PDF clips are not supported yet.',
    });
    expect((await rejection(fetchPage(site.url('/untyped.pdf')))).code).toBe('not_html');
    const json = await rejection(fetchPage(site.url('/data.json')));
    expect(json).toEqual({ code: 'not_html', message: 'This address is JSON data, not an HTML page.' });
    const image = await rejection(fetchPage(site.url('/image.png')));
    expect(image.code).toBe('not_html');
    expect(image.message).toContain('image/png');
  });

  it('fetches images when asked for one', async () => {
    const image = await fetchPage(site.url('/image.jpg'), { accept: 'image' });
    expect(image.contentType).toBe('image/jpeg');
    expect([...image.bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
  });

  it('refuses invalid and non-web addresses', async () => {
    for (const url of [
      'not a url',
      'ftp://example.org/file',
      'javascript:alert(1)',
      'file:///etc/passwd',
      '',
    ]) {
      expect((await rejection(fetchPage(url))).code).toBe('invalid_argument');
    }
  });

  it('stops reading at the size limit', async () => {
    const streamed = await rejection(fetchPage(site.url('/huge.html?mb=3'), { maxBytes: 1024 * 1024 }));
    expect(streamed).toEqual({ code: 'too_large', message: 'The download is larger than 1 MiB.' });
    const declared = await rejection(fetchPage(site.url('/huge-declared.html')));
    expect(declared.code).toBe('too_large');
  });

  it('gives up on a slow server', async () => {
    const hanging = await rejection(fetchPage(site.url('/hang'), { timeoutMs: 300 }));
    expect(hanging.code).toBe('timeout');
    expect(hanging.message).toContain(`127.0.0.1:${site.port}`);
    const trickling = await rejection(fetchPage(site.url('/slow'), { timeoutMs: 300 }));
    expect(trickling.code).toBe('timeout');
  });

  it('explains network failures in a sentence', async () => {
    const port = await closedPort();
    expect(await rejection(fetchPage(`http://127.0.0.1:${port}/`))).toEqual({
      code: 'fetch_failed',
      message: `Could not reach 127.0.0.1:${port}: the connection was refused.`,
    });
    expect(await rejection(fetchPage('http://no-such-host.invalid/page'))).toEqual({
      code: 'fetch_failed',
      message: 'Could not reach no-such-host.invalid: the name does not resolve.',
    });
    const reset = await rejection(fetchPage(site.url('/reset')));
    expect(reset.code).toBe('fetch_failed');
    expect(reset.message).toContain('Could not reach');
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    const pending = fetchPage(site.url('/hang'), { signal: controller.signal });
    controller.abort();
    expect((await rejection(pending)).code).toBe('fetch_failed');
  });
});
