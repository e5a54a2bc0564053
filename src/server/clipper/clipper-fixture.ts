/**
 * For the clipper service's tests: a temp library with the service running on a free port, raw
 * requests with every header under the test's control, and pairing an extension end to end.
 */
import { createServer } from 'node:net';
import { expect } from 'vitest';
import { createNotebook, type Notebook } from '../../core';
import { request, type Reply } from '../../../tests/helpers/http-request';
import { makeTempDir } from '../../../tests/helpers/temp-library';
import { startClipperService, type ClipperService, type ClipperServiceOptions } from './service';

/** Origins as Chromium and Firefox send them. */
export const CHROME = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
export const FIREFOX = 'moz-extension://0b6d1b2c-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
export const OTHER_CHROME = 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba';

export interface CallOptions {
  method?: string;
  /** The Origin header; null sends none. Default CHROME. */
  origin?: string | null;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** Serialised as JSON (with Content-Type: application/json) unless already a string or Buffer. */
  body?: unknown;
  /** Default `127.0.0.1:<port>`. */
  host?: string;
  headers?: Record<string, string | number>;
}

export interface ClipperFixture {
  notebook: Notebook;
  service: ClipperService;
  port: number;
  call(path: string, options?: CallOptions): Promise<Reply>;
  /** Pairs `origin` as the person would (request, approve, poll) and returns its token. */
  pair(origin?: string): Promise<string>;
  close(): Promise<void>;
}

/** Call inside a test or a beforeEach: the library folder is removed when the test finishes. */
export async function openClipperFixture(
  options: Partial<Omit<ClipperServiceOptions, 'notebook'>> = {},
): Promise<ClipperFixture> {
  const dir = await makeTempDir('commonplace-clipper-');
  const notebook = await createNotebook({ dir, clipper: { timeoutMs: 500, inWorker: false } });
  const service = await startClipperService({ port: 0, log: () => undefined, ...options, notebook });
  const { port } = service;

  const call = (path: string, callOptions: CallOptions = {}): Promise<Reply> => {
    const { method = 'GET', origin = CHROME, token, body, host = `127.0.0.1:${port}` } = callOptions;
    const headers: Record<string, string | number> = { Host: host };
    if (origin !== null) headers.Origin = origin;
    if (token !== undefined) headers.Authorization = `Bearer ${token}`;
    let payload: string | Buffer | undefined;
    if (typeof body === 'string' || Buffer.isBuffer(body)) payload = body;
    else if (body !== undefined) payload = JSON.stringify(body);
    if (payload !== undefined) headers['Content-Type'] = 'application/json';
    return request(port, { method, path, headers: { ...headers, ...callOptions.headers }, body: payload });
  };

  const pair = async (origin = CHROME): Promise<string> => {
    const asked = await call('/v1/pair', { method: 'POST', origin, body: { name: 'Test clipper' } });
    expect(asked.status).toBe(202);
    const { requestId } = json<{ requestId: string }>(asked);
    await notebook.pairing.answer(requestId, true);
    const polled = json<{ status: string; token?: string }>(
      await call('/v1/pair/status', { method: 'POST', origin, body: { requestId } }),
    );
    expect(polled.status).toBe('approved');
    expect(typeof polled.token).toBe('string');
    return polled.token ?? '';
  };

  const close = async (): Promise<void> => {
    await service.close();
    await notebook.close();
  };

  return { notebook, service, port, call, pair, close };
}

// Asymmetric matchers as `unknown`, so object literals holding them stay typed.
export const anyString = (): unknown => expect.any(String);
export const matching = (pattern: RegExp): unknown => expect.stringMatching(pattern);

export function json<T = Record<string, unknown>>(reply: Reply): T {
  expect(reply.headers['content-type']).toMatch(/^application\/json/);
  return JSON.parse(reply.text) as T;
}

/** A port nothing listens on (taken, then let go). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
