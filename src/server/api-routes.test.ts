import http from 'node:http';
import { beforeEach, describe, expect, it } from 'vitest';
import { methodNames } from '../shared/api';
import { NotebookError } from '../shared/errors';
import {
  anyString,
  containing,
  json,
  notebook,
  server,
  token,
  logged,
  start,
  call,
  request,
  type Reply,
  useServerFixture,
} from './server-fixture';

useServerFixture();

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
    // A raw POST to createNote with these headers, its body sent by `send`; resolves with the answer.
    const post = (
      headers: http.OutgoingHttpHeaders,
      send: (req: http.ClientRequest, answered: () => boolean) => void,
    ): Promise<Omit<Reply, 'bytes'>> =>
      new Promise((resolve, reject) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port: server.port,
            method: 'POST',
            path: '/api/createNote',
            agent: false,
            headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
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
        send(req, () => answered);
      });

    const declared = await post({ 'Content-Length': 17 * 1024 * 1024 }, (req) => {
      req.write('{"body":"'); // and never the rest: the server must not wait for it
    });
    expect(declared.status).toBe(413);
    expect(json(declared)).toMatchObject({ code: 'too_large' });

    const streamed = await post({ 'Transfer-Encoding': 'chunked' }, (req, answered) => {
      const chunk = Buffer.alloc(1024 * 1024, 'a');
      req.write('{"body":"');
      let sent = 0;
      const pump = (): void => {
        while (!answered() && sent < 20 && !req.destroyed) {
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
