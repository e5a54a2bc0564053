import http from 'node:http';
import { describe, expect, it } from 'vitest';
import type { NotebookApi } from '../shared/api';
import type { NotebookEvent } from '../shared/types';
import type { EventFeed } from './events';
import {
  withOverrides,
  startOver,
  json,
  notebook,
  server,
  token,
  start,
  call,
  useServerFixture,
} from './server-fixture';

useServerFixture();

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
    await startOver(counting, { heartbeatMs: 20 });
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
