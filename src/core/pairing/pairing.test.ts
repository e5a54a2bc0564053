import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ErrorInfo } from '../../shared/errors';
import { NotebookError } from '../../shared/errors';
import type { NotebookEvent } from '../../shared/types';
import { call } from '../../../tests/helpers/call';
import { rejection } from '../../../tests/helpers/errors';
import { withTempLibrary } from '../../../tests/helpers/temp-library';
import type { Notebook } from '../notebook';

const CHROME = `chrome-extension://${'abcdefghijklmnop'.repeat(2)}`;
const FIREFOX = 'moz-extension://1b4e28ba-2fa1-41d2-883f-0016d3cca427';
const MINUTE = 60_000;

/** A clock that stands still until moved. */
function manualClock(start = '2024-03-01T09:00:00.000Z'): { clock: () => Date; advance(ms: number): void } {
  let now = Date.parse(start);
  return { clock: () => new Date(now), advance: (ms) => (now += ms) };
}

function thrown(fn: () => unknown): ErrorInfo {
  try {
    fn();
  } catch (error) {
    if (error instanceof NotebookError) return error.toJSON();
    throw error;
  }
  throw new Error('Expected the call to fail, but it succeeded.');
}

function pairingEvents(notebook: Notebook): NotebookEvent[] {
  const events: NotebookEvent[] = [];
  notebook.onEvent((event) => {
    if (event.type === 'pairing') events.push(event);
  });
  return events;
}

async function libraryJson(dir: string): Promise<{ settings: Record<string, unknown> }> {
  return JSON.parse(await fs.readFile(path.join(dir, 'library.json'), 'utf8')) as {
    settings: Record<string, unknown>;
  };
}

/** Asks, approves and collects: the token an extension at `origin` would hold. */
async function pair(notebook: Notebook, origin: string, name = 'Clipper'): Promise<string> {
  const { requestId } = notebook.pairing.request({ name, origin });
  await call(notebook, 'answerPairing', { requestId, approve: true });
  const { token } = notebook.pairing.poll(requestId, origin);
  if (token === undefined) throw new Error('no token');
  return token;
}

describe('extension pairing', () => {
  it('gives the token once, to the origin that asked, after the person approves', async () => {
    const time = manualClock();
    await withTempLibrary(
      async ({ notebook }) => {
        const events = pairingEvents(notebook);
        const request = notebook.pairing.request({ name: '  Commonplace Clipper  ', origin: CHROME });
        expect(request).toMatchObject({ name: 'Commonplace Clipper', origin: CHROME });
        expect(request.code).toMatch(/^\d{6}$/);
        expect(request.expires).toBe('2024-03-01T09:02:00.000Z');
        expect(events).toEqual([{ type: 'pairing', request, requestId: request.requestId }]);

        notebook.pairing.clipperPort = 48_123;
        expect(await call(notebook, 'getClipperInfo', {})).toEqual({
          port: 48_123,
          extensions: [],
          requests: [request],
        });
        expect(notebook.pairing.poll(request.requestId, CHROME)).toEqual({ status: 'pending' });

        const { extension } = await call(notebook, 'answerPairing', {
          requestId: request.requestId,
          approve: true,
        });
        expect(extension).toMatchObject({
          name: 'Commonplace Clipper',
          origin: CHROME,
          paired: '2024-03-01T09:00:00.000Z',
          lastUsed: null,
        });
        expect(events[1]).toEqual({ type: 'pairing', request: null, requestId: request.requestId });

        // Another origin learns nothing and does not use the token up.
        expect(notebook.pairing.poll(request.requestId, FIREFOX)).toEqual({ status: 'expired' });
        const first = notebook.pairing.poll(request.requestId, CHROME);
        expect(first).toEqual({ status: 'approved', token: expect.any(String) as unknown, extension });
        expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(notebook.pairing.poll(request.requestId, CHROME)).toEqual({ status: 'approved', extension });

        const token = first.token as string;
        expect(notebook.pairing.verify(token, CHROME)).toEqual({
          ...extension,
          lastUsed: '2024-03-01T09:00:00.000Z',
        });
        expect(notebook.pairing.verify(token, FIREFOX)).toBeNull();
        const altered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
        expect(notebook.pairing.verify(altered, CHROME)).toBeNull();
        expect(notebook.pairing.verify('', CHROME)).toBeNull();

        const info = await call(notebook, 'getClipperInfo', {});
        expect(info.requests).toEqual([]);
        expect(info.extensions).toEqual([{ ...extension, lastUsed: '2024-03-01T09:00:00.000Z' }]);
        // Answered already.
        expect(
          await rejection(call(notebook, 'answerPairing', { requestId: request.requestId, approve: true })),
        ).toMatchObject({ code: 'not_found' });
      },
      { clock: time.clock },
    );
  });

  it('tells a denied extension so, and refuses answers to unknown requests', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const events = pairingEvents(notebook);
      const { requestId } = notebook.pairing.request({ name: 'Clipper', origin: FIREFOX });
      expect(await call(notebook, 'answerPairing', { requestId, approve: false })).toEqual({
        extension: null,
      });
      expect(events.at(-1)).toEqual({ type: 'pairing', request: null, requestId });
      expect(notebook.pairing.poll(requestId, FIREFOX)).toEqual({ status: 'denied' });
      expect(notebook.pairing.list()).toEqual({ extensions: [], requests: [] });
      expect(await rejection(call(notebook, 'answerPairing', { requestId, approve: true }))).toMatchObject({
        code: 'not_found',
      });
      expect(
        await rejection(call(notebook, 'answerPairing', { requestId: 'no-such-request', approve: true })),
      ).toMatchObject({ code: 'not_found' });
      expect(notebook.pairing.poll('no-such-request', FIREFOX)).toEqual({ status: 'expired' });
    });
  });

  it('expires requests after two minutes', async () => {
    const time = manualClock();
    await withTempLibrary(
      async ({ notebook }) => {
        const events = pairingEvents(notebook);
        const { requestId } = notebook.pairing.request({ name: 'Clipper', origin: CHROME });
        time.advance(2 * MINUTE - 1);
        expect(notebook.pairing.poll(requestId, CHROME)).toEqual({ status: 'pending' });
        time.advance(1);
        expect(notebook.pairing.poll(requestId, CHROME)).toEqual({ status: 'expired' });
        expect(events.at(-1)).toEqual({ type: 'pairing', request: null, requestId });
        expect(notebook.pairing.list().requests).toEqual([]);
        expect(await rejection(call(notebook, 'answerPairing', { requestId, approve: true }))).toMatchObject({
          code: 'not_found',
        });
        expect(notebook.pairing.list().extensions).toEqual([]);
      },
      { clock: time.clock },
    );
  });

  it('refuses bad names and origins, more than 3 waiting requests and more than 5 a minute', async () => {
    const time = manualClock();
    await withTempLibrary(
      async ({ notebook }) => {
        const { pairing } = notebook;
        for (const input of [
          { name: '   ', origin: CHROME },
          { name: 'x'.repeat(101), origin: CHROME },
          { name: 'Clipper', origin: 'https://example.com' },
          { name: 'Clipper', origin: 'chrome-extension://ABCDEFGHIJKLMNOPABCDEFGHIJKLMNOP' },
          { name: 'Clipper', origin: `${CHROME}/` },
          { name: 'Clipper', origin: 'moz-extension://not-a-uuid' },
        ]) {
          expect(thrown(() => pairing.request(input))).toMatchObject({ code: 'invalid_argument' });
        }
        expect(pairing.request({ name: 'x'.repeat(100), origin: CHROME }).name).toHaveLength(100);

        const waiting = [
          pairing.request({ name: 'Two', origin: FIREFOX }),
          pairing.request({ name: 'Three', origin: CHROME }),
        ];
        expect(thrown(() => pairing.request({ name: 'Four', origin: CHROME }))).toMatchObject({
          code: 'rate_limited',
        });
        expect(pairing.list().requests).toHaveLength(3);

        // Answering makes room, but not past five a minute.
        for (const { requestId } of waiting) await pairing.answer(requestId, false);
        pairing.request({ name: 'Four', origin: CHROME });
        pairing.request({ name: 'Five', origin: CHROME });
        expect(pairing.list().requests).toHaveLength(3);
        await pairing.answer(pairing.list().requests[0]?.requestId as string, false);
        expect(thrown(() => pairing.request({ name: 'Six', origin: CHROME }))).toMatchObject({
          code: 'rate_limited',
        });
        time.advance(MINUTE);
        expect(pairing.request({ name: 'Six', origin: CHROME })).toMatchObject({ name: 'Six' });
      },
      { clock: time.clock },
    );
  });

  it('keeps tokens hashed in library.json; the extension survives reopening, until it is revoked', async () => {
    await withTempLibrary(async (library) => {
      const token = await pair(library.notebook, FIREFOX, 'Firefox Clipper');
      const [extension] = library.notebook.pairing.list().extensions;
      const text = await fs.readFile(path.join(library.dir, 'library.json'), 'utf8');
      expect(text).not.toContain(token);
      expect((await libraryJson(library.dir)).settings.clipperExtensions).toEqual([
        { ...extension, tokenHash: createHash('sha256').update(token).digest('hex') },
      ]);

      const reopened = await library.reopen();
      expect(reopened.pairing.list().extensions).toEqual([extension]);
      expect(reopened.pairing.verify(token, FIREFOX)?.id).toBe(extension?.id);

      expect(await call(reopened, 'revokeExtension', { id: extension?.id as string })).toEqual({
        revoked: true,
      });
      expect(reopened.pairing.verify(token, FIREFOX)).toBeNull();
      expect(await call(reopened, 'revokeExtension', { id: extension?.id as string })).toEqual({
        revoked: false,
      });
      expect((await libraryJson(library.dir)).settings.clipperExtensions).toEqual([]);
      expect((await library.reopen()).pairing.verify(token, FIREFOX)).toBeNull();
    });
  });

  it('replaces the token of an extension that pairs again from the same origin', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const old = await pair(notebook, CHROME);
      const other = await pair(notebook, FIREFOX);
      const renewed = await pair(notebook, CHROME);
      expect(notebook.pairing.verify(old, CHROME)).toBeNull();
      expect(notebook.pairing.verify(renewed, CHROME)).not.toBeNull();
      expect(notebook.pairing.verify(other, FIREFOX)).not.toBeNull();
      expect(
        notebook.pairing
          .list()
          .extensions.map((e) => e.origin)
          .sort(),
      ).toEqual([CHROME, FIREFOX]);
    });
  });

  it('saves lastUsed at most once a minute', async () => {
    const time = manualClock();
    await withTempLibrary(
      async (library) => {
        const token = await pair(library.notebook, CHROME);
        const stored = async (): Promise<unknown> =>
          ((await libraryJson(library.dir)).settings.clipperExtensions as { lastUsed: unknown }[])[0]
            ?.lastUsed;
        time.advance(5_000);
        library.notebook.pairing.verify(token, CHROME);
        time.advance(30_000);
        expect(library.notebook.pairing.verify(token, CHROME)?.lastUsed).toBe('2024-03-01T09:00:35.000Z');
        // Closing waits for the save that was started.
        await library.reopen({ clock: time.clock });
        expect(await stored()).toBe('2024-03-01T09:00:05.000Z');

        time.advance(30_000);
        library.notebook.pairing.verify(token, CHROME);
        await library.reopen({ clock: time.clock });
        expect(await stored()).toBe('2024-03-01T09:01:05.000Z');
      },
      { clock: time.clock },
    );
  });

  it('ignores malformed entries in library.json', async () => {
    const token = 'a-token-written-by-an-older-copy';
    const valid = {
      id: 'ext1',
      name: 'Clipper',
      origin: CHROME,
      paired: '2024-01-01T00:00:00.000Z',
      lastUsed: null,
      tokenHash: createHash('sha256').update(token).digest('hex'),
    };
    await withTempLibrary(async (library) => {
      await library.notebook.close();
      const file = path.join(library.dir, 'library.json');
      const data = await libraryJson(library.dir);
      data.settings.clipperExtensions = [
        null,
        'clipper',
        { ...valid, id: 'ext2', tokenHash: 'not-a-hash' },
        { ...valid, id: 'ext3', origin: 'https://example.com' },
        { ...valid, id: 'ext4', lastUsed: 7 },
        valid,
      ];
      await fs.writeFile(file, JSON.stringify(data));
      let notebook = await library.reopen();
      expect(notebook.pairing.list().extensions).toEqual([
        { id: 'ext1', name: 'Clipper', origin: CHROME, paired: valid.paired, lastUsed: null },
      ]);
      expect(notebook.pairing.verify(token, CHROME)?.id).toBe('ext1');

      await notebook.close();
      await fs.writeFile(file, JSON.stringify({ ...data, settings: { clipperExtensions: { ext1: valid } } }));
      notebook = await library.reopen();
      expect(await call(notebook, 'getClipperInfo', {})).toEqual({
        port: null,
        extensions: [],
        requests: [],
      });
    });
  });
});
