import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNotebook, type Notebook } from '../core';
import type { ClipResult } from '../shared/types';
import { startFixtureServer, type FixtureServer } from '../../tests/helpers/fixture-server';
import { request, type Reply } from '../../tests/helpers/http-request';
import { ASSET_CONTENT_SECURITY_POLICY } from './asset-route';
import { startServer, type RunningServer } from './index';
import { loadOrCreateToken } from './token';

let site: FixtureServer;
let dir: string;
let notebook: Notebook;
let server: RunningServer;
let token: string;

beforeAll(async () => {
  site = await startFixtureServer();
});

afterAll(async () => {
  await site.close();
});

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'commonplace-server-clip-'));
  notebook = await createNotebook({
    dir: join(dir, 'library'),
    clipper: { timeoutMs: 500, maxPageBytes: 1024 * 1024, inWorker: false },
  });
  token = await loadOrCreateToken(notebook.dir);
  const rendererDir = join(dir, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Commonplace</title>');
  await writeFile(join(rendererDir, 'assets', 'index-3f2a.js'), 'console.log(1);');
  server = await startServer({
    notebook,
    token,
    port: 0,
    libraryDir: notebook.dir,
    rendererDir,
    log: () => undefined,
  });
});

afterEach(async () => {
  await server.close();
  await notebook.close();
  await rm(dir, { recursive: true, force: true });
});

function call(method: string, body: unknown): Promise<Reply> {
  return request(server.port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

const get = (path: string, headers: Record<string, string> = {}): Promise<Reply> =>
  request(server.port, { path, headers });

/** POST /api/session; the cookie pair it sets (`name=value`). */
async function session(): Promise<string> {
  const reply = await request(server.port, {
    method: 'POST',
    path: '/api/session',
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(reply.status).toBe(204);
  const setCookie = reply.headers['set-cookie']?.[0] ?? '';
  return setCookie.split(';')[0] ?? '';
}

describe('clipping over HTTP', () => {
  it('clips a page and answers the ClipResult; a duplicate is 200 with duplicate: true', async () => {
    const url = site.url('/article/over-http?images=1');
    const reply = await call('clip', { url, tags: ['web'] });
    expect(reply.status).toBe(200);
    const result = JSON.parse(reply.text) as ClipResult;
    expect(result).toMatchObject({
      duplicate: false,
      refreshed: false,
      clip: { title: 'Over http', tags: ['web'] },
    });
    const again = JSON.parse((await call('clip', { url })).text) as ClipResult;
    expect(again).toMatchObject({ duplicate: true, clip: { id: result.clip.id } });
    const found = JSON.parse((await call('findClip', { url: `${url}&utm_source=x` })).text) as {
      clip: { id: string };
    };
    expect(found.clip.id).toBe(result.clip.id);
    const page = JSON.parse((await call('listItems', { view: 'clips' })).text) as { total: number };
    expect(page.total).toBe(1);
  });

  it('answers each clipping failure with its status and { code, message }', async () => {
    const cases: [string, number, string][] = [
      [site.url('/status/404'), 502, 'fetch_failed'],
      [site.url('/hang'), 504, 'timeout'],
      [site.url('/doc.pdf'), 422, 'not_html'],
      [site.url('/pages/home-page.html'), 422, 'not_article'],
      [site.url('/huge.html?mb=2'), 413, 'too_large'],
      ['file:///etc/passwd', 400, 'invalid_argument'],
    ];
    for (const [url, status, code] of cases) {
      const reply = await call('clip', { url });
      expect(reply.status, url).toBe(status);
      const body = JSON.parse(reply.text) as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(['code', 'message']);
      expect(body.code, url).toBe(code);
    }
    expect(JSON.parse((await call('listItems', {})).text)).toMatchObject({ total: 0 });
  });
});

describe('the asset session and /assets', () => {
  it('sets an HttpOnly, SameSite=Strict cookie scoped to /assets, for the token only', async () => {
    const reply = await request(server.port, {
      method: 'POST',
      path: '/api/session',
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(reply.status).toBe(204);
    expect(reply.text).toBe('');
    const [cookie] = reply.headers['set-cookie'] ?? [];
    expect(cookie).toMatch(
      /^commonplace_assets=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/assets$/,
    );
    // The secret is the server's own, not the token.
    expect(cookie).not.toContain(token);
    expect((await request(server.port, { method: 'POST', path: '/api/session' })).status).toBe(401);
    expect(
      (await request(server.port, { path: '/api/session', headers: { Authorization: `Bearer ${token}` } }))
        .status,
    ).toBe(405);
  });

  it("serves a clip's images with the cookie or the token, and to no one else", async () => {
    const { clip } = JSON.parse(
      (await call('clip', { url: site.url('/article/with-an-image?images=1') })).text,
    ) as ClipResult;
    const asset = clip.images[0]?.asset as string;
    expect(asset).toMatch(/^assets\/[0-9a-f]{64}\.png$/);
    const onDisk = await readFile(join(notebook.dir, asset));

    const anonymous = await get(`/${asset}`);
    expect(anonymous.status).toBe(401);
    expect(JSON.parse(anonymous.text)).toMatchObject({ code: 'unauthorized' });
    expect((await get(`/${asset}`, { Cookie: 'commonplace_assets=guessed' })).status).toBe(401);

    const cookie = await session();
    const viaCookie = await get(`/${asset}`, { Cookie: `other=1; ${cookie}` });
    expect(viaCookie.status).toBe(200);
    expect(viaCookie.bytes).toEqual(onDisk);
    expect(viaCookie.headers).toMatchObject({
      'content-type': 'image/png',
      'content-length': String(onDisk.length),
      'cache-control': 'private, max-age=31536000, immutable',
      'content-security-policy': ASSET_CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
    });
    expect(ASSET_CONTENT_SECURITY_POLICY).toBe("default-src 'none'; style-src 'unsafe-inline'; sandbox");
    const viaToken = await get(`/${asset}`, { Authorization: `Bearer ${token}` });
    expect(viaToken.status).toBe(200);
    const head = await request(server.port, {
      method: 'HEAD',
      path: `/${asset}`,
      headers: { Cookie: cookie },
    });
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
    const post = await request(server.port, {
      method: 'POST',
      path: `/${asset}`,
      headers: { Cookie: cookie },
    });
    expect(post.status).toBe(405);

    // The same guards as the API: loopback Host, our Origin, no other site.
    expect((await get(`/${asset}`, { Cookie: cookie, Host: `evil.example:${server.port}` })).status).toBe(
      403,
    );
    expect((await get(`/${asset}`, { Cookie: cookie, Origin: 'http://evil.example' })).status).toBe(403);
    expect((await get(`/${asset}`, { Cookie: cookie, 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await get(`/${asset}`, { Cookie: cookie, 'Sec-Fetch-Site': 'same-site' })).status).toBe(403);
    expect((await get(`/${asset}`, { Cookie: cookie, 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);

    // A cookie from another server run is worthless.
    const other = await startServer({
      notebook,
      token,
      port: 0,
      libraryDir: notebook.dir,
      log: () => undefined,
    });
    try {
      expect((await request(other.port, { path: `/${asset}`, headers: { Cookie: cookie } })).status).toBe(
        401,
      );
    } finally {
      await other.close();
    }
  });

  it('serves SVG sandboxed, and nothing but content-addressed names', async () => {
    const cookie = await session();
    const svg = `${'a'.repeat(64)}.svg`;
    await mkdir(join(notebook.dir, 'assets'), { recursive: true });
    await writeFile(
      join(notebook.dir, 'assets', svg),
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
    const reply = await get(`/assets/${svg}`, { Cookie: cookie });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('image/svg+xml');
    expect(reply.headers['content-security-policy']).toContain('sandbox');

    const missing = await get(`/assets/${'b'.repeat(64)}.png`, { Cookie: cookie });
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.text)).toMatchObject({ code: 'not_found' });

    // Anything else under /assets is the web interface's own files, never the library's.
    await writeFile(join(notebook.dir, 'assets', 'notes.txt'), 'secret');
    for (const path of [
      '/assets/notes.txt',
      '/assets/../token',
      '/assets/%2e%2e/token',
      `/assets/${'a'.repeat(64)}.svg/../../token`,
      `/assets/${'A'.repeat(64)}.png`,
      `/assets/${'a'.repeat(63)}.png`,
      `/assets/${'a'.repeat(64)}.exe`,
    ]) {
      const stray = await get(path, { Cookie: cookie, Authorization: `Bearer ${token}` });
      expect(stray.status, path).toBe(404);
      expect(stray.text).not.toContain('secret');
      expect(stray.text).not.toContain(token);
    }
    const own = await get('/assets/index-3f2a.js');
    expect(own.status).toBe(200);
    expect(own.text).toBe('console.log(1);');
  });

  it('answers 404 for assets when the server has no library folder', async () => {
    const bare = await startServer({ notebook, token, port: 0, log: () => undefined });
    try {
      const reply = await request(bare.port, {
        path: `/assets/${'a'.repeat(64)}.png`,
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(reply.status).toBe(404);
    } finally {
      await bare.close();
    }
  });
});
