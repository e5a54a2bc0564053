import http from 'node:http';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNotebook, type Notebook } from '../core';
import { methodNames, type NotebookApi } from '../shared/api';
import { NotebookError } from '../shared/errors';
import type { NotebookEvent } from '../shared/types';
import type { EventFeed } from './events';
import { startServer, type RunningServer } from './index';
import { loadOrCreateToken } from './token';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

interface RequestOptions {
  method?: string;
  path?: string;
  headers?: Record<string, string | number>;
  body?: string | Buffer;
}

/** A raw request, so tests control every header (Host included). */
function request(port: number, options: RequestOptions = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: options.headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

// Asymmetric matchers as `unknown`, so object literals holding them stay typed.
const anyString = (): unknown => expect.any(String);
const containing = (text: string): unknown => expect.stringContaining(text);
const json = (reply: Reply): unknown => JSON.parse(reply.text);

let dir: string;
let notebook: Notebook;
let server: RunningServer;
const running: RunningServer[] = [];
let token: string;
let logged: string[];

async function start(
  overrides: Partial<NotebookApi> = {},
  extra: { rendererDir?: string; heartbeatMs?: number } = {},
): Promise<void> {
  logged = [];
  const api = Object.keys(overrides).length === 0 ? notebook : withOverrides(notebook, overrides);
  server = await startServer({ notebook: api, token, port: 0, log: (line) => logged.push(line), ...extra });
  running.push(server);
}

/** The real notebook with some methods replaced, to provoke failures the core should never have. */
function withOverrides(real: Notebook, overrides: Partial<NotebookApi>): NotebookApi & EventFeed {
  const api: Record<string, unknown> = {
    onEvent: (listener: (e: NotebookEvent) => void) => real.onEvent(listener),
  };
  for (const name of methodNames)
    api[name] = overrides[name] ?? ((args: never) => (real[name] as (a: never) => unknown)(args));
  return api as unknown as NotebookApi & EventFeed;
}

function call(method: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return request(server.port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'commonplace-server-'));
  notebook = await createNotebook({ dir: join(dir, 'library') });
  token = await loadOrCreateToken(notebook.dir);
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
  await notebook.close();
  await rm(dir, { recursive: true, force: true });
});

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

describe('POST /api/<method>', () => {
  beforeEach(() => start());

  it('creates, lists and gets a note, with no-store and the safety headers', async () => {
    const created = await call('createNote', {
      title: 'Timbuktu',
      body: 'Manuscripts of *Timbuktu*',
      tags: ['sahel/mali'],
    });
    expect(created.status).toBe(200);
    expect(created.headers['cache-control']).toBe('no-store');
    expect(created.headers['x-content-type-options']).toBe('nosniff');
    expect(created.headers['referrer-policy']).toBe('no-referrer');
    expect(created.headers['content-type']).toMatch(/^application\/json/);
    const note = json(created) as { id: string; title: string; body: string; tags: string[] };
    expect(note).toMatchObject({
      title: 'Timbuktu',
      body: 'Manuscripts of *Timbuktu*',
      tags: ['sahel/mali'],
    });

    const listed = json(await call('listItems', { view: 'notes' })) as {
      total: number;
      items: { id: string }[];
    };
    expect(listed.total).toBe(1);
    expect(listed.items.map((i) => i.id)).toEqual([note.id]);

    const got = await call('getItem', { id: note.id });
    expect(got.status).toBe(200);
    expect(json(got)).toEqual(note);
  });

  it('treats an empty body as {}', async () => {
    const reply = await request(server.port, {
      method: 'POST',
      path: '/api/getLibraryInfo',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    });
    expect(reply.status).toBe(200);
    expect(json(reply)).toMatchObject({ dir: notebook.dir });
  });

  it('answers 415 unless the body is declared as JSON', async () => {
    for (const type of [
      undefined,
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/json; charset=latin1',
    ]) {
      const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
      if (type !== undefined) headers['Content-Type'] = type;
      const reply = await request(server.port, {
        method: 'POST',
        path: '/api/createNote',
        headers,
        body: '{"title":"x"}',
      });
      expect(reply.status, String(type)).toBe(415);
      expect(json(reply)).toMatchObject({ code: 'invalid_argument' });
    }
    expect((await call('listItems', {}, { 'Content-Type': 'application/json; charset=UTF-8' })).status).toBe(
      200,
    );
    expect((json(await call('listItems', {})) as { total: number }).total).toBe(0);
  });

  it('answers 400 invalid_argument to malformed JSON and to arguments that do not fit the schema', async () => {
    const malformed = await request(server.port, {
      method: 'POST',
      path: '/api/createNote',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: '{"title": ',
    });
    expect(malformed.status).toBe(400);
    expect(json(malformed)).toEqual({ code: 'invalid_argument', message: anyString() });

    const wrongType = await call('createNote', { title: 42 });
    expect(wrongType.status).toBe(400);
    expect(json(wrongType)).toMatchObject({
      code: 'invalid_argument',
      message: containing('title'),
    });
    expect((await call('listItems', { limit: 0 })).status).toBe(400);
    expect((await call('getItem', { id: 'x', extra: true })).status).toBe(400);
    expect((await call('listItems', [])).status).toBe(400);
    expect((json(await call('listItems', {})) as { total: number }).total).toBe(0);
  });

  it('answers 404 unknown_method to a name that is not in the contract', async () => {
    for (const name of ['deleteEverything', '__proto__', 'constructor', 'toString']) {
      const reply = await call(name, {});
      expect(reply.status, name).toBe(404);
      expect(json(reply)).toMatchObject({ code: 'unknown_method' });
    }
  });

  it('answers 405 to a method called with GET', async () => {
    const reply = await request(server.port, {
      path: '/api/listItems',
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('POST');
  });

  it('maps not_found to 404 and conflict to 409', async () => {
    const missing = await call('getItem', { id: 'nosuchitem' });
    expect(missing.status).toBe(404);
    expect(json(missing)).toMatchObject({ code: 'not_found' });

    const note = json(await call('createNote', { title: 'a' })) as { id: string; rev: number };
    expect((await call('updateNote', { id: note.id, body: 'one', baseRev: note.rev })).status).toBe(200);
    const stale = await call('updateNote', { id: note.id, body: 'two', baseRev: note.rev });
    expect(stale.status).toBe(409);
    expect(json(stale)).toMatchObject({ code: 'conflict' });
  });

  it('answers 413 too_large to a body over 16 MiB, declared or streamed, and keeps serving', async () => {
    const declared = await new Promise<Reply>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: server.port,
          method: 'POST',
          path: '/api/createNote',
          agent: false,
          headers: {
            Authorization: `Bearer ${token}`,
            'Content-Type': 'application/json',
            'Content-Length': 17 * 1024 * 1024,
          },
        },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
        },
      );
      req.on('error', reject);
      req.write('{"body":"'); // and never the rest: the server must not wait for it
    });
    expect(declared.status).toBe(413);
    expect(json(declared)).toMatchObject({ code: 'too_large' });

    const streamed = await new Promise<Reply>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: server.port,
          method: 'POST',
          path: '/api/createNote',
          agent: false,
          headers: {
            Authorization: `Bearer ${token}`,
            'Content-Type': 'application/json',
            'Transfer-Encoding': 'chunked',
          },
        },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
        },
      );
      let answered = false;
      req.on('response', () => (answered = true));
      req.on('error', (error) => {
        if (!answered) reject(error);
      });
      const chunk = Buffer.alloc(1024 * 1024, 'a');
      req.write('{"body":"');
      let sent = 0;
      const pump = (): void => {
        while (!answered && sent < 20 && !req.destroyed) {
          sent++;
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
      };
      pump();
    });
    expect(streamed.status).toBe(413);
    expect(json(streamed)).toMatchObject({ code: 'too_large' });
    expect((await call('listItems', {})).status).toBe(200);
    expect((json(await call('listItems', {})) as { total: number }).total).toBe(0);
  });

  it('accepts a body just under the limit', async () => {
    const body = 'x'.repeat(9_000_000);
    const reply = await call('createNote', { title: 'big', body });
    expect(reply.status).toBe(200);
    expect((json(reply) as { body: string }).body.length).toBe(body.length);
  });
});

describe('unexpected failures', () => {
  it('answers 500 internal with a generic message, logs one line, and keeps serving', async () => {
    await start({
      getItem: () => Promise.reject(new Error('boom in /private/place')),
    });
    const reply = await call('getItem', { id: 'abc' });
    expect(reply.status).toBe(500);
    expect(json(reply)).toEqual({ code: 'internal', message: 'Something went wrong inside Commonplace.' });
    expect(reply.text).not.toContain('boom');
    expect(reply.text).not.toMatch(/\bat .*:\d+:\d+/);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('boom');
    expect(logged[0]).not.toContain(token);
    expect((await call('listItems', {})).status).toBe(200);
  });

  it('answers corrupt with 500 and its message, locked with 409', async () => {
    await start({
      getItem: () => Promise.reject(new NotebookError('corrupt', 'store/items-03.json is damaged.')),
      emptyTrash: () => Promise.reject(new NotebookError('locked', 'held by commonplace serve')),
    });
    const corrupt = await call('getItem', { id: 'abc' });
    expect(corrupt.status).toBe(500);
    expect(json(corrupt)).toEqual({ code: 'corrupt', message: 'store/items-03.json is damaged.' });
    const locked = await call('emptyTrash', {});
    expect(locked.status).toBe(409);
    expect(json(locked)).toEqual({ code: 'locked', message: 'held by commonplace serve' });
  });
});

describe('GET /api', () => {
  beforeEach(() => start());

  it('lists every method with a JSON Schema of its arguments', async () => {
    const reply = await request(server.port, { path: '/api', headers: { Authorization: `Bearer ${token}` } });
    expect(reply.status).toBe(200);
    expect(reply.headers['cache-control']).toBe('no-store');
    const { methods } = json(reply) as { methods: { name: string; doc: string; args: { type?: string } }[] };
    expect(methods.map((m) => m.name)).toEqual(methodNames);
    for (const method of methods) {
      expect(method.doc.length).toBeGreaterThan(0);
      expect(method.args.type).toBe('object');
    }
  });
});

describe('GET /api/events', () => {
  /** Opens the stream; `text()` is everything received so far. */
  async function openEvents(): Promise<{
    text: () => string;
    headers: http.IncomingHttpHeaders;
    close: () => void;
  }> {
    return new Promise((resolve, reject) => {
      let received = '';
      const req = http.get(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/api/events',
          headers: { Authorization: `Bearer ${token}` },
          agent: false,
        },
        (res) => {
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (received += chunk));
          res.on('error', () => undefined);
          resolve({ text: () => received, headers: res.headers, close: () => req.destroy() });
        },
      );
      req.on('error', reject);
    });
  }

  async function until(condition: () => boolean, what: string): Promise<void> {
    const deadline = Date.now() + 5_000;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  it('delivers an items-changed event after createNote', async () => {
    await start();
    const stream = await openEvents();
    expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(stream.headers['cache-control']).toBe('no-store');
    await until(() => stream.text().includes(': connected'), 'the stream to open');

    const note = json(await call('createNote', { title: 'evented' })) as { id: string };
    await until(() => stream.text().includes('event: notebook'), 'an event');
    const message = stream
      .text()
      .split('\n\n')
      .find((block) => block.startsWith('event: notebook'));
    const data = message?.split('\n').find((line) => line.startsWith('data: '));
    const event = JSON.parse(data?.slice('data: '.length) ?? 'null') as NotebookEvent;
    expect(event).toMatchObject({ type: 'items-changed', ids: [note.id] });
    stream.close();
  });

  it('sends heartbeats and unsubscribes when the client goes away', async () => {
    let listeners = 0;
    const counting: NotebookApi & EventFeed = Object.assign(withOverrides(notebook, {}), {
      onEvent(listener: (e: NotebookEvent) => void) {
        listeners++;
        const off = notebook.onEvent(listener);
        return () => {
          listeners--;
          off();
        };
      },
    });
    logged = [];
    server = await startServer({ notebook: counting, token, heartbeatMs: 20, log: (l) => logged.push(l) });
    running.push(server);
    const stream = await openEvents();
    await until(() => stream.text().includes(': heartbeat'), 'a heartbeat');
    expect(listeners).toBe(1);
    stream.close();
    await until(() => listeners === 0, 'the listener to be removed');
  });

  it('ends open streams when the server closes', async () => {
    await start();
    const stream = await openEvents();
    await until(() => stream.text().includes(': connected'), 'the stream to open');
    await server.close();
  });
});

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
