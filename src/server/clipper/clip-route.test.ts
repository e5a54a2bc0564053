import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Note } from '../../shared/types';
import {
  anyString,
  closedPort,
  json,
  matching,
  openClipperFixture,
  type ClipperFixture,
} from './clipper-fixture';
import type { ClipAnswer } from './routes';

// A 1×1 PNG.
const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

let fx: ClipperFixture;
let token: string;

beforeEach(async () => {
  fx = await openClipperFixture();
  token = await fx.pair();
});

afterEach(async () => {
  await fx.close();
});

const clip = (body: unknown) => fx.call('/v1/clip', { method: 'POST', token, body });
const itemCount = async (): Promise<number> =>
  (await fx.notebook.listItems({ view: 'all', offset: 0, limit: 100 })).total;

describe('POST /v1/clip', () => {
  it('stores the images the extension sends as assets, never downloading them', async () => {
    // Nothing listens there: the bytes can only come from the request.
    const src = `http://127.0.0.1:${await closedPort()}/figure.png`;
    const reply = await clip({
      url: 'https://example.com/essay',
      html: `<p>The chosen passage, with a figure.</p><img src="${src}" alt="A figure">`,
      mode: 'selection',
      title: 'An essay <with> brackets & such',
      images: [{ src, type: 'image/png', data: PNG_BASE64 }],
    });
    expect(reply.status).toBe(200);
    const answer = json<ClipAnswer>(reply);
    expect(answer.duplicate).toBe(false);
    expect(answer.note).toBeNull();
    expect(answer.clip.title).toBe('An essay <with> brackets & such');
    expect(answer.clip.url).toBe('https://example.com/essay');
    expect(answer.clip.text).toContain('The chosen passage');
    const [image] = answer.clip.images;
    expect(image).toMatchObject({ src, asset: matching(/^assets\/[0-9a-f]{64}\.png$/) });
    const stored = await readFile(join(fx.notebook.dir, image?.asset ?? 'missing'));
    expect(stored.equals(Buffer.from(PNG_BASE64, 'base64'))).toBe(true);
    expect(answer.clip.html).toContain(image?.asset);
  });

  it('clips a selection as given (mode page), keeping only the chosen HTML', async () => {
    const reply = await clip({
      url: 'https://example.com/long-read',
      html: '<p>Only this sentence was selected.</p>',
      mode: 'selection',
      title: 'A long read',
    });
    expect(reply.status).toBe(200);
    const { clip: made } = json<ClipAnswer>(reply);
    expect(made.text.trim()).toBe('Only this sentence was selected.');
    expect(made.title).toBe('A long read');
  });

  it('turns a comment into a note linking to the clip, made after the clip', async () => {
    const reply = await clip({
      url: 'https://example.com/commented',
      html: '<p>Something worth a remark.</p>',
      mode: 'selection',
      title: 'Worth a remark',
      tags: ['reading'],
      comment: '  This changes how I see it.  ',
    });
    expect(reply.status).toBe(200);
    const answer = json<ClipAnswer>(reply);
    expect(answer.note).toEqual({ id: anyString(), title: 'Comment on Worth a remark' });
    expect(answer.clip.tags).toEqual(['reading']);
    const note = (await fx.notebook.getItem({ id: answer.note?.id ?? '' })) as Note;
    expect(note.type).toBe('note');
    expect(note.body).toBe('This changes how I see it.\n\n[[Worth a remark]]\n');
    // The link resolves to the clip.
    const links = await fx.notebook.getLinks({ id: answer.clip.id });
    expect(JSON.stringify(links)).toContain(note.id);
  });

  it('links to the page address when the clip title cannot be a [[link]]', async () => {
    const reply = await clip({
      url: 'https://example.com/odd',
      html: '<p>Odd title.</p>',
      mode: 'selection',
      title: 'C# | a [guide]',
      comment: 'Noted.',
    });
    const answer = json<ClipAnswer>(reply);
    const note = (await fx.notebook.getItem({ id: answer.note?.id ?? '' })) as Note;
    expect(note.title).toBe('Comment on C# | a [guide]');
    expect(note.body).toBe('Noted.\n\n<https://example.com/odd>\n');
  });

  it('makes no note when the clip fails', async () => {
    const reply = await clip({
      url: 'https://example.com/empty',
      html: '<div></div>',
      mode: 'article',
      comment: 'Never stored.',
    });
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(Object.keys(json(reply)).sort()).toEqual(['code', 'message']);
    expect(await itemCount()).toBe(0);
  });

  const bad: { name: string; body: unknown }[] = [
    { name: 'malformed JSON', body: '{"url":' },
    { name: 'no html', body: { url: 'https://example.com/', mode: 'page' } },
    { name: 'no url', body: { html: '<p>x</p>', mode: 'page' } },
    {
      name: 'a url that is not http(s)',
      body: { url: 'file:///etc/passwd', html: '<p>x</p>', mode: 'page' },
    },
    { name: 'an unknown mode', body: { url: 'https://example.com/', html: '<p>x</p>', mode: 'screenshot' } },
    { name: 'an unknown field', body: { url: 'https://example.com/', html: '<p>x</p>', mode: 'page', x: 1 } },
    {
      name: 'tags not a list',
      body: { url: 'https://example.com/', html: '<p>x</p>', mode: 'page', tags: 'a' },
    },
    {
      name: 'an image without data',
      body: {
        url: 'https://example.com/',
        html: '<p>x</p>',
        mode: 'page',
        images: [{ src: 'a', type: 'image/png' }],
      },
    },
    {
      name: 'a comment that is not text',
      body: { url: 'https://example.com/', html: '<p>x</p>', mode: 'page', comment: 42 },
    },
  ];
  for (const attempt of bad) {
    it(`${attempt.name}: 400 invalid_argument, and nothing in the library`, async () => {
      const reply = await clip(attempt.body);
      expect(reply.status).toBe(400);
      expect(json(reply)).toMatchObject({ code: 'invalid_argument', message: anyString() });
      expect(await itemCount()).toBe(0);
    });
  }

  it('takes bodies far past 64 KiB (pages with images), unlike the other routes', async () => {
    const html = `<p>${'A long page. '.repeat(100_000)}</p>`;
    expect(html.length).toBeGreaterThan(1024 * 1024);
    const reply = await clip({ url: 'https://example.com/big', html, mode: 'page', title: 'Big' });
    expect(reply.status).toBe(200);
  });

  it('refuses a body over 64 MiB before reading it', async () => {
    const reply = await fx.call('/v1/clip', {
      method: 'POST',
      token,
      body: '{}',
      headers: { 'Content-Length': String(64 * 1024 * 1024 + 1) },
    });
    expect(reply.status).toBe(413);
    expect(json(reply)).toMatchObject({ code: 'too_large' });
    expect(await itemCount()).toBe(0);
  });

  it('checks the token before reading the body', async () => {
    const reply = await fx.call('/v1/clip', {
      method: 'POST',
      body: { url: 'https://example.com/', html: '<p>x</p>', mode: 'page' },
    });
    expect(reply.status).toBe(401);
    expect(await itemCount()).toBe(0);
  });
});

describe('POST /v1/lookup', () => {
  it('finds a clipped page by its address (tracking parameters ignored), or answers null', async () => {
    const url = 'https://example.com/found';
    const lookup = (address: string) =>
      fx.call('/v1/lookup', { method: 'POST', token, body: { url: address } });
    expect(json(await lookup(url))).toEqual({ clip: null });
    const made = json<ClipAnswer>(
      await clip({ url, html: '<p>Found.</p>', mode: 'selection', title: 'Found' }),
    );
    expect(json(await lookup(url))).toEqual({ clip: { id: made.clip.id, title: 'Found' } });
    expect(json(await lookup(`${url}?utm_source=feed`))).toEqual({
      clip: { id: made.clip.id, title: 'Found' },
    });
  });

  it('needs a url that is an http(s) address', async () => {
    for (const body of [{}, { url: '' }, { url: 'javascript:alert(1)' }, { other: 1 }]) {
      const reply = await fx.call('/v1/lookup', { method: 'POST', token, body });
      expect(reply.status).toBe(400);
      expect(json(reply)).toMatchObject({ code: 'invalid_argument' });
    }
  });
});
