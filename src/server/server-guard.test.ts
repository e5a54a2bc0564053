import { mkdtemp, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadOrCreateToken } from './token';
import {
  anyString,
  json,
  dir,
  notebook,
  server,
  token,
  start,
  call,
  request,
  useServerFixture,
} from './server-fixture';

useServerFixture();

describe('the token file', () => {
  it('is 32 random bytes as base64url, mode 0600, and reused', async () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const info = await stat(join(notebook.dir, 'token'));
    if (process.platform !== 'win32') expect(info.mode & 0o777).toBe(0o600);
    expect(await loadOrCreateToken(notebook.dir)).toBe(token);
    const other = await mkdtemp(join(dir, 'other-'));
    expect(await loadOrCreateToken(other)).not.toBe(token);
  });

  it('replaces a file that holds no usable token', async () => {
    await writeFile(join(notebook.dir, 'token'), 'short\n');
    const fresh = await loadOrCreateToken(notebook.dir);
    expect(fresh).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await loadOrCreateToken(notebook.dir)).toBe(fresh);
  });
});

describe('the guard', () => {
  beforeEach(() => start());

  it('listens on 127.0.0.1 and says so in its url', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
  });

  it('answers 401 without a token or with a wrong one', async () => {
    for (const authorization of [
      undefined,
      `Bearer ${token.slice(0, -1)}x`,
      'Bearer short',
      token,
      `Basic ${token}`,
    ]) {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (authorization !== undefined) headers.Authorization = authorization;
      const reply = await request(server.port, {
        method: 'POST',
        path: '/api/listItems',
        headers,
        body: '{}',
      });
      expect(reply.status, String(authorization)).toBe(401);
      expect(json(reply)).toEqual({ code: 'unauthorized', message: anyString() });
      expect(reply.text).not.toContain(token);
    }
    expect((await request(server.port, { path: '/api' })).status).toBe(401);
    expect((await request(server.port, { path: '/api/events' })).status).toBe(401);
    expect((await call('listItems', {})).status).toBe(200);
  });

  it('answers 403 to a Host that is not loopback with our port, on every route', async () => {
    const auth = { Authorization: `Bearer ${token}` };
    for (const host of [
      `evil.example:${server.port}`,
      `127.0.0.1:${server.port + 1}`,
      'localhost',
      `127.0.0.1.evil.example:${server.port}`,
    ]) {
      const api = await request(server.port, { path: '/api', headers: { ...auth, Host: host } });
      expect(api.status, host).toBe(403);
      expect(json(api)).toMatchObject({ code: 'forbidden' });
      const page = await request(server.port, { path: '/', headers: { Host: host } });
      expect(page.status, host).toBe(403);
    }
    for (const host of [`localhost:${server.port}`, `[::1]:${server.port}`, `127.0.0.1:${server.port}`]) {
      expect(
        (await request(server.port, { path: '/api', headers: { ...auth, Host: host } })).status,
        host,
      ).toBe(200);
    }
  });

  it('answers 403 to a foreign Origin and to cross-site requests, and accepts its own origin', async () => {
    for (const origin of [
      'http://evil.example',
      'null',
      `https://127.0.0.1:${server.port}`,
      `http://127.0.0.1:${server.port + 1}`,
    ]) {
      const reply = await call('listItems', {}, { Origin: origin });
      expect(reply.status, origin).toBe(403);
      expect(json(reply)).toMatchObject({ code: 'forbidden' });
    }
    expect((await call('listItems', {}, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect(
      (await request(server.port, { path: '/', headers: { 'Sec-Fetch-Site': 'cross-site' } })).status,
    ).toBe(403);
    // Opening the app from another site's tab (the bookmarklet) is allowed for the page only.
    const navigate = { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'navigate' };
    expect((await request(server.port, { path: '/', headers: navigate })).status).not.toBe(403);
    expect((await call('listItems', {}, navigate)).status).toBe(403);
    expect(
      (
        await call(
          'listItems',
          {},
          { Origin: `http://127.0.0.1:${server.port}`, 'Sec-Fetch-Site': 'same-origin' },
        )
      ).status,
    ).toBe(200);
    expect((await call('listItems', {}, { Origin: `http://localhost:${server.port}` })).status).toBe(200);
  });
});
