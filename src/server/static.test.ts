import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { json, dir, server, start, request, useServerFixture } from './server-fixture';

useServerFixture();

describe('static files', () => {
  let rendererDir: string;

  beforeEach(async () => {
    rendererDir = join(dir, 'renderer');
    await mkdir(join(rendererDir, 'assets'), { recursive: true });
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Commonplace</title>');
    await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(rendererDir, 'assets', 'app.css'), 'body{}');
    await writeFile(join(dir, 'secret.txt'), 'TOP SECRET');
  });

  it('serves index.html at / with the CSP, and assets with their content types', async () => {
    await start({}, { rendererDir });
    const page = await request(server.port, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<title>Commonplace</title>');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    const nonce = /<meta name="csp-nonce" content="([^"]+)" \/>/.exec(page.text)?.[1] ?? '';
    expect(nonce).not.toBe('');
    expect(page.headers['content-security-policy']).toBe(
      `default-src 'self'; script-src 'self'; style-src 'self' 'nonce-${nonce}'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    );
    expect(Number(page.headers['content-length'])).toBe(Buffer.byteLength(page.text));
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    const script = await request(server.port, { path: '/assets/app.js?v=1' });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.text).toBe('console.log(1)');
    expect((await request(server.port, { path: '/assets/app.css' })).headers['content-type']).toBe(
      'text/css; charset=utf-8',
    );
    const again = await request(server.port, { path: '/index.html' });
    expect(again.headers['content-security-policy']).toMatch(/style-src 'self' 'nonce-[^']+';/);
    expect(again.headers['content-security-policy']).not.toContain(nonce);
  });

  it('answers 404 to missing files and directories', async () => {
    await start({}, { rendererDir });
    for (const path of ['/nope.js', '/assets', '/assets/', '/assets/missing.css']) {
      const reply = await request(server.port, { path });
      expect(reply.status, path).toBe(404);
      expect(json(reply)).toMatchObject({ code: 'not_found' });
    }
  });

  it('never serves a file outside the renderer folder', async () => {
    await start({}, { rendererDir });
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/assets/../../secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%2e%2e%2f%2e%2e%2fsecret.txt',
      '//secret.txt',
      '/../../package.json',
      '/%2e%2e/%2e%2e/package.json',
    ]) {
      const reply = await request(server.port, { path });
      expect(reply.status, path).toBe(404);
      expect(reply.text, path).not.toContain('TOP SECRET');
    }
  });

  it('answers 503 saying how to build when the renderer is not built', async () => {
    await start({}, { rendererDir: join(dir, 'not-built') });
    const reply = await request(server.port, { path: '/' });
    expect(reply.status).toBe(503);
    expect(reply.headers['content-type']).toMatch(/^text\/plain/);
    expect(reply.text).toContain('npm run build');
  });
});
