import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CHROME,
  anyString,
  matching,
  FIREFOX,
  OTHER_CHROME,
  json,
  openClipperFixture,
  type CallOptions,
  type ClipperFixture,
} from './clipper-fixture';

let fx: ClipperFixture;
let token: string;

beforeEach(async () => {
  fx = await openClipperFixture();
  token = await fx.pair(CHROME);
});

afterEach(async () => {
  await fx.close();
});

const CLIP = { url: 'https://example.com/a', html: '<p>Chosen words.</p>', mode: 'selection' };

/** Every route, as a well-formed request from the paired extension would send it. */
const ROUTES: { name: string; path: string; options: () => CallOptions }[] = [
  { name: 'GET /v1/ping', path: '/v1/ping', options: () => ({}) },
  { name: 'POST /v1/pair', path: '/v1/pair', options: () => ({ method: 'POST', body: { name: 'Clipper' } }) },
  {
    name: 'POST /v1/pair/status',
    path: '/v1/pair/status',
    options: () => ({ method: 'POST', body: { requestId: 'abcdef' } }),
  },
  { name: 'POST /v1/clip', path: '/v1/clip', options: () => ({ method: 'POST', token, body: CLIP }) },
  {
    name: 'POST /v1/lookup',
    path: '/v1/lookup',
    options: () => ({ method: 'POST', token, body: { url: 'https://example.com/a' } }),
  },
  { name: 'an unknown route', path: '/v1/nothing-here', options: () => ({}) },
  {
    name: 'a preflight',
    path: '/v1/clip',
    options: () => ({
      method: 'OPTIONS',
      headers: {
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Private-Network': 'true',
      },
    }),
  },
];

const WEB_ORIGINS = [
  'https://evil.example',
  'http://evil.example',
  'null',
  'file://',
  'http://127.0.0.1',
  'http://localhost:3000',
  'chrome-extension://not-an-extension-id',
  'moz-extension://not-a-uuid',
  'CHROME-EXTENSION://ABCDEFGHIJKLMNOPABCDEFGHIJKLMNOP',
];

function expectRefused(
  reply: { status: number; text: string; headers: Record<string, unknown> },
  status = 403,
): void {
  expect(reply.status).toBe(status);
  expect(JSON.parse(reply.text)).toMatchObject({ code: status === 403 ? 'forbidden' : anyString() });
  expect(reply.headers['access-control-allow-origin']).toBeUndefined();
  expect(reply.headers['access-control-allow-private-network']).toBeUndefined();
  expect(reply.text).not.toContain(token);
}

describe('web pages are refused on every route', () => {
  for (const route of ROUTES) {
    it(`${route.name}: any Origin that is not an extension's gets 403 and no CORS headers`, async () => {
      for (const origin of WEB_ORIGINS) {
        expectRefused(await fx.call(route.path, { ...route.options(), origin }));
      }
      // Nothing was asked of the person, nothing was clipped.
      expect(fx.notebook.pairing.list().requests).toEqual([]);
      expect((await fx.notebook.listItems({ view: 'all', offset: 0, limit: 10 })).total).toBe(0);
    });
  }
});

describe('the Host must be our loopback address and port (DNS rebinding)', () => {
  for (const route of ROUTES) {
    it(`${route.name}: a wrong Host gets 403`, async () => {
      const hosts = [
        `evil.example:${fx.port}`,
        'evil.example',
        `127.0.0.1:${fx.port + 1}`,
        `localhost:${fx.port + 1}`,
        '127.0.0.1',
        `[::1]:${fx.port}`,
        `0.0.0.0:${fx.port}`,
      ];
      for (const host of hosts) {
        expectRefused(await fx.call(route.path, { ...route.options(), host }));
      }
    });
  }

  it('answers localhost:PORT as well as 127.0.0.1:PORT', async () => {
    for (const host of [`127.0.0.1:${fx.port}`, `localhost:${fx.port}`, `LOCALHOST:${fx.port}`]) {
      expect((await fx.call('/v1/ping', { host })).status).toBe(200);
    }
  });
});

describe('requests without an Origin', () => {
  it('may ping, and only ping', async () => {
    const ping = await fx.call('/v1/ping', { origin: null });
    expect(ping.status).toBe(200);
    expect(json(ping)).toEqual({ app: 'commonplace', version: 1 });
    expect(ping.headers['access-control-allow-origin']).toBeUndefined();
    for (const route of ROUTES.filter((r) => r.path !== '/v1/ping')) {
      expectRefused(await fx.call(route.path, { ...route.options(), origin: null }));
    }
  });
});

describe('CORS headers go to extension origins only', () => {
  it('echoes a Chromium or Firefox extension origin, with Vary: Origin and the allowed headers', async () => {
    for (const origin of [CHROME, FIREFOX]) {
      const reply = await fx.call('/v1/ping', { origin });
      expect(reply.status).toBe(200);
      expect(reply.headers['access-control-allow-origin']).toBe(origin);
      expect(reply.headers.vary).toMatch(/\bOrigin\b/);
      expect(reply.headers['access-control-allow-headers']).toBe('authorization, content-type');
    }
  });

  it('also on errors an extension must be able to read (401, 404)', async () => {
    const unauthorised = await fx.call('/v1/lookup', {
      method: 'POST',
      origin: FIREFOX,
      body: { url: 'https://example.com/' },
    });
    expect(unauthorised.status).toBe(401);
    expect(unauthorised.headers['access-control-allow-origin']).toBe(FIREFOX);
    const missing = await fx.call('/v1/nothing-here', { origin: FIREFOX });
    expect(missing.status).toBe(404);
    expect(json(missing)).toMatchObject({ code: 'not_found' });
    expect(missing.headers['access-control-allow-origin']).toBe(FIREFOX);
  });
});

describe('preflights', () => {
  it("grant Chromium's private network access to an extension that asks", async () => {
    const reply = await fx.call('/v1/clip', {
      method: 'OPTIONS',
      headers: {
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type',
        'Access-Control-Request-Private-Network': 'true',
      },
    });
    expect(reply.status).toBe(204);
    expect(reply.headers['access-control-allow-origin']).toBe(CHROME);
    expect(reply.headers['access-control-allow-private-network']).toBe('true');
    expect(reply.headers['access-control-allow-methods']).toBe('GET, POST');
    expect(reply.headers['access-control-allow-headers']).toBe('authorization, content-type');
    expect(reply.text).toBe('');
  });

  it('answer an ordinary preflight without the private-network grant', async () => {
    const reply = await fx.call('/v1/pair', {
      method: 'OPTIONS',
      origin: FIREFOX,
      headers: { 'Access-Control-Request-Method': 'POST' },
    });
    expect(reply.status).toBe(204);
    expect(reply.headers['access-control-allow-origin']).toBe(FIREFOX);
    expect(reply.headers['access-control-allow-private-network']).toBeUndefined();
  });

  it('are refused to web pages and to requests without an Origin', async () => {
    for (const origin of ['https://evil.example', 'null', null]) {
      expectRefused(
        await fx.call('/v1/clip', {
          method: 'OPTIONS',
          origin,
          headers: { 'Access-Control-Request-Private-Network': 'true' },
        }),
      );
    }
  });
});

describe('tokens', () => {
  const protectedRoutes = ROUTES.filter((r) => r.name === 'POST /v1/clip' || r.name === 'POST /v1/lookup');

  for (const route of protectedRoutes) {
    it(`${route.name}: refuses a missing, malformed, wrong or borrowed token with 401`, async () => {
      const borrowed = await fx.pair(OTHER_CHROME);
      const base = route.options();
      const attempts: CallOptions[] = [
        { ...base, token: undefined },
        { ...base, token: undefined, headers: { Authorization: `Basic ${token}` } },
        { ...base, token: undefined, headers: { Authorization: 'Bearer' } },
        { ...base, token: `${token}x` },
        { ...base, token: 'x'.repeat(43) },
        // A real token, sent from an origin it was not given to.
        { ...base, token: borrowed },
      ];
      for (const attempt of attempts) {
        const reply = await fx.call(route.path, attempt);
        expect(reply.status).toBe(401);
        expect(json(reply)).toMatchObject({ code: 'unauthorized' });
        expect(reply.headers['www-authenticate']).toBe('Bearer');
        expect(reply.text).not.toContain(token);
        expect(reply.text).not.toContain(borrowed);
      }
      expect((await fx.notebook.listItems({ view: 'all', offset: 0, limit: 10 })).total).toBe(0);
    });
  }

  it('refuses a token in the URL on any route, even a valid one sent in the header too', async () => {
    for (const query of [`token=${token}`, `access_token=${token}`, `Token=${token}`]) {
      const clipped = await fx.call(`/v1/clip?${query}`, { method: 'POST', token, body: CLIP });
      const pinged = await fx.call(`/v1/ping?${query}`);
      for (const reply of [clipped, pinged]) {
        expect(reply.status).toBe(400);
        expect(json(reply)).toMatchObject({
          code: 'invalid_argument',
          message: matching(/never in the URL/),
        });
        expect(reply.text).not.toContain(token);
      }
    }
    expect((await fx.notebook.listItems({ view: 'all', offset: 0, limit: 10 })).total).toBe(0);
  });

  it('accepts the right token from its own origin', async () => {
    const reply = await fx.call('/v1/lookup', {
      method: 'POST',
      token,
      body: { url: 'https://example.com/' },
    });
    expect(reply.status).toBe(200);
    expect(json(reply)).toEqual({ clip: null });
  });
});

describe('methods', () => {
  it('answers 405 with Allow for the wrong method on a known route', async () => {
    const reply = await fx.call('/v1/clip', { method: 'GET', token });
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('POST');
    const ping = await fx.call('/v1/ping', { method: 'POST', body: {} });
    expect(ping.status).toBe(405);
    expect(ping.headers.allow).toBe('GET');
  });
});
