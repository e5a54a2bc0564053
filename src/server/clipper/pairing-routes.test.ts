import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../../tests/helpers/http-request';
import {
  CHROME,
  FIREFOX,
  OTHER_CHROME,
  anyString,
  json,
  openClipperFixture,
  type ClipperFixture,
} from './clipper-fixture';

let fx: ClipperFixture;

beforeEach(async () => {
  fx = await openClipperFixture();
});

afterEach(async () => {
  await fx.close();
});

const CLIP = { url: 'https://example.com/paired', html: '<p>Paired and clipping.</p>', mode: 'selection' };

async function ask(
  origin = CHROME,
  name = 'Commonplace Clipper',
): Promise<{ requestId: string; code: string }> {
  const reply = await fx.call('/v1/pair', { method: 'POST', origin, body: { name } });
  expect(reply.status).toBe(202);
  return json<{ requestId: string; code: string }>(reply);
}

const poll = (requestId: string, origin = CHROME): Promise<Reply> =>
  fx.call('/v1/pair/status', { method: 'POST', origin, body: { requestId } });

describe('pairing end to end', () => {
  it('request → approve in the app → poll the token once → clip with it → revoke → 401', async () => {
    const asked = await fx.call('/v1/pair', { method: 'POST', body: { name: '  Clipper for Chromium ' } });
    expect(asked.status).toBe(202);
    const body = json<{ requestId: string; code: string; expires: string }>(asked);
    expect(Object.keys(body).sort()).toEqual(['code', 'expires', 'requestId']);
    expect(body.code).toMatch(/^\d{6}$/);
    expect(Date.parse(body.expires)).toBeGreaterThan(Date.now());
    // The app sees the same request, code and all, bound to the Origin the browser sent.
    expect(fx.notebook.pairing.list().requests).toEqual([
      expect.objectContaining({
        requestId: body.requestId,
        code: body.code,
        origin: CHROME,
        name: 'Clipper for Chromium',
      }),
    ]);

    expect(json(await poll(body.requestId))).toEqual({ status: 'pending' });
    const extension = await fx.notebook.pairing.answer(body.requestId, true);
    expect(extension?.origin).toBe(CHROME);

    const approved = json<{ status: string; token: string; extension: { id: string; origin: string } }>(
      await poll(body.requestId),
    );
    expect(approved.status).toBe('approved');
    expect(approved.token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(approved.extension).toMatchObject({ id: extension?.id, origin: CHROME });
    // The token is handed over once.
    const again = json(await poll(body.requestId));
    expect(again).toMatchObject({ status: 'approved' });
    expect(again).not.toHaveProperty('token');

    const token = approved.token;
    const clipped = await fx.call('/v1/clip', { method: 'POST', token, body: CLIP });
    expect(clipped.status).toBe(200);
    const lookup = await fx.call('/v1/lookup', { method: 'POST', token, body: { url: CLIP.url } });
    expect(json(lookup)).toMatchObject({ clip: { id: anyString() } });

    expect(await fx.notebook.pairing.revoke(extension?.id ?? '')).toBe(true);
    const refused = await fx.call('/v1/clip', { method: 'POST', token, body: CLIP });
    expect(refused.status).toBe(401);
    expect((await fx.call('/v1/lookup', { method: 'POST', token, body: { url: CLIP.url } })).status).toBe(
      401,
    );
  });

  it('a denied request says denied and never carries a token', async () => {
    const { requestId } = await ask(FIREFOX);
    await fx.notebook.pairing.answer(requestId, false);
    const reply = await poll(requestId, FIREFOX);
    expect(reply.status).toBe(200);
    expect(json(reply)).toEqual({ status: 'denied' });
    expect(fx.notebook.pairing.list().extensions).toEqual([]);
  });

  it('another extension polling the request learns nothing and does not use the token up', async () => {
    const { requestId } = await ask(CHROME);
    await fx.notebook.pairing.answer(requestId, true);
    const seen: Reply[] = [];
    for (const origin of [OTHER_CHROME, FIREFOX]) {
      const reply = await poll(requestId, origin);
      seen.push(reply);
      expect(json(reply)).toEqual({ status: 'expired' });
    }
    const mine = json<{ token?: string }>(await poll(requestId, CHROME));
    expect(typeof mine.token).toBe('string');
    for (const reply of seen) expect(reply.text).not.toContain(mine.token);
  });

  it('the token never reaches a web page, a request without Origin or another extension', async () => {
    const { requestId } = await ask(CHROME);
    await fx.notebook.pairing.answer(requestId, true);
    const others: Reply[] = [];
    for (const origin of ['https://evil.example', 'null', 'file://', null, OTHER_CHROME]) {
      others.push(await poll(requestId, origin as string));
      others.push(await fx.call('/v1/pair', { method: 'POST', origin, body: { name: 'x' } }));
    }
    const token = json<{ token: string }>(await poll(requestId, CHROME)).token;
    expect(token.length).toBeGreaterThan(20);
    for (const reply of others) {
      expect(reply.text).not.toContain(token);
      expect(JSON.stringify(reply.headers)).not.toContain(token);
    }
    // And it is never echoed back to its own extension either, once clipping.
    const lookup = await fx.call('/v1/lookup', { method: 'POST', token, body: { url: CLIP.url } });
    expect(lookup.text).not.toContain(token);
    expect(JSON.stringify(lookup.headers)).not.toContain(token);
  });

  it('an unknown request id is expired; a malformed one is 400', async () => {
    expect(json(await poll('AAAAAAAAAAAAAAAAAAAAAA'))).toEqual({ status: 'expired' });
    const bad = await fx.call('/v1/pair/status', { method: 'POST', body: { requestId: 'has space' } });
    expect(bad.status).toBe(400);
    expect(json(bad)).toMatchObject({ code: 'invalid_argument' });
  });
});

describe('bad pairing requests reach nothing', () => {
  const attempts: {
    name: string;
    body: unknown;
    headers?: Record<string, string>;
    status: number;
    code: string;
  }[] = [
    { name: 'malformed JSON', body: '{"name": ', status: 400, code: 'invalid_argument' },
    { name: 'no name', body: {}, status: 400, code: 'invalid_argument' },
    { name: 'a blank name', body: { name: '   ' }, status: 400, code: 'invalid_argument' },
    { name: 'a name too long', body: { name: 'x'.repeat(101) }, status: 400, code: 'invalid_argument' },
    { name: 'an unknown field', body: { name: 'x', origin: FIREFOX }, status: 400, code: 'invalid_argument' },
    { name: 'an array', body: [{ name: 'x' }], status: 400, code: 'invalid_argument' },
    {
      name: 'a body that is not JSON',
      body: 'name=x',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      status: 415,
      code: 'invalid_argument',
    },
    {
      name: 'a body over 64 KiB',
      body: JSON.stringify({ name: 'x', pad: 'y'.repeat(70 * 1024) }),
      status: 413,
      code: 'too_large',
    },
  ];

  for (const attempt of attempts) {
    it(`${attempt.name}: ${attempt.status} { code: ${attempt.code} }`, async () => {
      const reply = await fx.call('/v1/pair', {
        method: 'POST',
        body: attempt.body,
        headers: attempt.headers,
      });
      expect(reply.status).toBe(attempt.status);
      expect(Object.keys(json(reply)).sort()).toEqual(['code', 'message']);
      expect(json(reply)).toMatchObject({ code: attempt.code });
      expect(fx.notebook.pairing.list().requests).toEqual([]);
    });
  }

  it('a declared Content-Length over the limit is refused before it is read', async () => {
    const reply = await fx.call('/v1/pair', {
      method: 'POST',
      body: '{"name":"x"}',
      headers: { 'Content-Length': String(10 * 1024 * 1024) },
    });
    expect(reply.status).toBe(413);
    expect(reply.headers.connection).toBe('close');
    expect(fx.notebook.pairing.list().requests).toEqual([]);
  });
});

describe('rate limits', () => {
  it('too many pairing requests get 429 rate_limited, and no request id', async () => {
    const replies: Reply[] = [];
    for (let i = 0; i < 6; i += 1) {
      replies.push(await fx.call('/v1/pair', { method: 'POST', body: { name: `Clipper ${i}` } }));
    }
    expect(replies[0]?.status).toBe(202);
    const limited = replies.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    for (const reply of limited) {
      expect(json(reply)).toMatchObject({ code: 'rate_limited' });
      expect(reply.text).not.toContain('requestId');
    }
    // The app was asked at most as often as the limits allow.
    expect(fx.notebook.pairing.list().requests.length).toBeLessThanOrEqual(3);
  });

  it('the service counts every attempt per extension, malformed ones too, before the library sees them', async () => {
    await fx.close();
    fx = await openClipperFixture({ pairLimit: { max: 2, windowMs: 60_000 } });
    expect((await fx.call('/v1/pair', { method: 'POST', body: '{' })).status).toBe(400);
    expect((await fx.call('/v1/pair', { method: 'POST', body: {} })).status).toBe(400);
    const third = await fx.call('/v1/pair', { method: 'POST', body: { name: 'Fine now' } });
    expect(third.status).toBe(429);
    expect(json(third)).toMatchObject({ code: 'rate_limited' });
    // Another extension has its own allowance.
    expect(
      (await fx.call('/v1/pair', { method: 'POST', origin: FIREFOX, body: { name: 'Other' } })).status,
    ).toBe(202);
  });

  it('polling is limited per extension too', async () => {
    await fx.close();
    fx = await openClipperFixture({ pollLimit: { max: 3, windowMs: 60_000 } });
    const { requestId } = await ask();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await poll(requestId)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});
