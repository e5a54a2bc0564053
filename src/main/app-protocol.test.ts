import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASSET_POLICY, PAGE_POLICY, pagePolicy } from '../shared/content-policy';
import { answerAppRequest, APP_PAGE_URL, readFailure, type AppRoots } from './app-protocol';

const hex = (char: string): string => char.repeat(64);
const png = Buffer.from('89504e470d0a1a0a', 'hex');
const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';

let base: string;
let roots: AppRoots;

beforeAll(() => {
  // A library beside a renderer build, each with a file the other must never serve.
  base = mkdtempSync(join(tmpdir(), 'commonplace-app-protocol-'));
  const rendererDir = join(base, 'renderer');
  const library = join(base, 'library');
  roots = { rendererDir, assetsDir: join(library, 'assets') };
  mkdirSync(join(rendererDir, 'static'), { recursive: true });
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  mkdirSync(roots.assetsDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Commonplace</title>');
  writeFileSync(join(rendererDir, 'static', 'index-B1x2.js'), 'console.log(1);');
  writeFileSync(join(rendererDir, 'static', 'index-C3y4.css'), 'body{}');
  writeFileSync(join(rendererDir, 'assets', 'index-B1x2.js'), 'console.log(2);');
  writeFileSync(join(rendererDir, 'assets', `${hex('c')}.png`), png);
  writeFileSync(join(library, 'library.json'), '{"secret":true}');
  writeFileSync(join(roots.assetsDir, `${hex('a')}.png`), png);
  writeFileSync(join(roots.assetsDir, `${hex('b')}.svg`), svg);
  writeFileSync(join(roots.assetsDir, `${hex('d')}.xyz`), 'opaque');
  mkdirSync(join(roots.assetsDir, `${hex('e')}.png`));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string) => answerAppRequest(url, 'GET', roots);

describe('answerAppRequest', () => {
  it('serves the page at / and /index.html with the page policy', async () => {
    for (const url of ['app://commonplace/', APP_PAGE_URL, `${APP_PAGE_URL}?q=1#/notes`]) {
      const answer = await get(url);
      expect(answer.status, url).toBe(200);
      const nonce = /<meta name="csp-nonce" content="([^"]+)" \/>/.exec(String(answer.body))?.[1];
      expect(nonce, url).toBeDefined();
      expect(answer.headers).toMatchObject({
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': pagePolicy(false, nonce),
        'X-Content-Type-Options': 'nosniff',
      });
      expect(String(answer.body)).toContain('<title>Commonplace</title>');
    }
  });

  it('serves the renderer’s own files with their content types', async () => {
    const script = await get('app://commonplace/static/index-B1x2.js');
    expect(script).toMatchObject({
      status: 200,
      headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
    });
    expect(String(script.body)).toBe('console.log(1);');
    const style = await get('app://commonplace/static/index-C3y4.css');
    expect(style.headers['Content-Type']).toBe('text/css; charset=utf-8');
    expect(style.headers['Content-Security-Policy']).toBe(PAGE_POLICY);
  });

  it('never serves anything but library assets under /assets/', async () => {
    expect((await get('app://commonplace/assets/index-B1x2.js')).status).toBe(404);
  });

  it('serves library assets byte for byte under the sandbox policy', async () => {
    const image = await get(`app://commonplace/assets/${hex('a')}.png`);
    expect(image.status).toBe(200);
    expect(image.headers).toMatchObject({
      'Content-Type': 'image/png',
      'Content-Security-Policy': ASSET_POLICY,
      'X-Content-Type-Options': 'nosniff',
    });
    expect(image.body).toEqual(png);
    const drawing = await get(`app://commonplace/assets/${hex('b')}.svg`);
    expect(drawing.headers).toMatchObject({
      'Content-Type': 'image/svg+xml',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    });
    const unknown = await get(`app://commonplace/assets/${hex('d')}.xyz`);
    expect(unknown.headers['Content-Type']).toBe('application/octet-stream');
  });

  it('looks for an asset-shaped name in the library only', async () => {
    expect((await get(`app://commonplace/assets/${hex('c')}.png`)).status).toBe(404);
    expect((await get(`app://commonplace/assets/${hex('e')}.png`)).status).toBe(404);
  });

  it('answers 404, with the page policy, for anything outside its two folders or malformed', async () => {
    for (const url of [
      'app://commonplace/library.json',
      'app://commonplace/assets/../library.json',
      'app://commonplace/assets/%2e%2e/library.json',
      'app://commonplace/assets/%2E%2E/%2e%2E/library/library.json',
      'app://commonplace/assets/..%2flibrary.json',
      'app://commonplace/assets/..%2F..%2Flibrary%2Flibrary.json',
      'app://commonplace/assets/..%5c..%5clibrary%5clibrary.json',
      'app://commonplace/assets/..\\..\\library\\library.json',
      'app://commonplace/assets/index-B1x2.js%00.png',
      'app://commonplace/C:%5cWindows',
      'app://commonplace/assets/%zz',
      'app://commonplace//index.html',
      'app://commonplace/assets/',
      'app://commonplace/assets',
      `app://commonplace/assets/${hex('A')}.png`,
      `app://commonplace/assets/${'a'.repeat(63)}.png`,
      `app://commonplace/assets/${'a'.repeat(65)}.png`,
      `app://commonplace/assets/${hex('a')}.PNG`,
      `app://commonplace/assets/${hex('a')}.pngpng`,
      `app://commonplace/assets/${hex('a')}`,
      `app://commonplace/assets/${hex('a')}.png/`,
      `app://commonplace/assets/x/${hex('a')}.png`,
      `app://commonplace/assets/${hex('f')}.png`,
      'app://commonplace/missing.js',
      `app://commonplace/${'x'.repeat(300)}.js`,
    ]) {
      const answer = await get(url);
      expect(answer.status, url).toBe(404);
      expect(answer.headers['Content-Security-Policy'], url).toBe(PAGE_POLICY);
      expect(answer.headers['X-Content-Type-Options'], url).toBe('nosniff');
      expect(String(answer.body), url).not.toContain('secret');
    }
  });

  it('leaves a file it cannot read to the caller, which logs it', async () => {
    const loop = join(roots.assetsDir, `${hex('9')}.png`);
    symlinkSync(loop, loop);
    await expect(get(`app://commonplace/assets/${hex('9')}.png`)).rejects.toMatchObject({ code: 'ELOOP' });
    expect(readFailure()).toMatchObject({
      status: 500,
      headers: { 'Content-Security-Policy': PAGE_POLICY, 'X-Content-Type-Options': 'nosniff' },
    });
  });

  it('answers only its own host, on its own scheme', async () => {
    for (const url of [
      'app://elsewhere/index.html',
      'app://Commonplace/index.html',
      'app://commonplace:8080/index.html',
      'app://someone@commonplace/index.html',
      'app://:secret@commonplace/index.html',
      'file:///index.html',
      'https://commonplace/index.html',
      'not a url',
    ]) {
      expect((await get(url)).status, url).toBe(404);
    }
  });

  it('answers GET only', async () => {
    for (const method of ['HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'get']) {
      const answer = await answerAppRequest(APP_PAGE_URL, method, roots);
      expect(answer.status, method).toBe(405);
      expect(answer.headers).toMatchObject({ Allow: 'GET', 'Content-Security-Policy': PAGE_POLICY });
    }
  });
});

describe('pagePolicy', () => {
  it('allows inline script and style only for the dev server', () => {
    expect(PAGE_POLICY).not.toContain('unsafe');
    expect(PAGE_POLICY).toContain("frame-ancestors 'none'");
    const dev = pagePolicy(true);
    expect(dev).toContain("script-src 'self' 'unsafe-inline'");
    expect(dev).toContain("style-src 'self' 'unsafe-inline'");
    expect(dev).toContain("object-src 'none'");
  });
});
