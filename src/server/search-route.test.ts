import { beforeEach, describe, expect, it } from 'vitest';
import type { SearchResult } from '../shared/types';
import { call, start, server, token, request, useServerFixture } from './server-fixture';

useServerFixture();
beforeEach(() => start());

describe('search over HTTP', () => {
  it('POST /api/search answers a SearchResult; bad arguments are 400', async () => {
    const note = JSON.parse(
      (await call('createNote', { title: 'Djenné', body: 'The great mosque.' })).text,
    ) as {
      id: string;
    };
    const reply = await call('search', { query: 'djenne mosq' });
    expect(reply.status).toBe(200);
    const result = JSON.parse(reply.text) as SearchResult;
    expect(result).toMatchObject({ query: 'djenne mosq', total: 1, index: { state: 'ready' } });
    expect(result.hits.map((hit) => hit.id)).toEqual([note.id]);

    const bad = await call('search', { query: 'x', limit: 0 });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text)).toMatchObject({ code: 'invalid_argument' });
  });

  it('saves, lists and deletes saved searches', async () => {
    const saved = JSON.parse((await call('saveSearch', { name: 'Mali', query: 'tag:mali' })).text) as {
      id: string;
    };
    expect(JSON.parse((await call('listSavedSearches', {})).text)).toEqual({
      searches: [{ id: saved.id, name: 'Mali', query: 'tag:mali' }],
    });
    expect(JSON.parse((await call('deleteSavedSearch', { id: saved.id })).text)).toEqual({ deleted: true });
    expect(JSON.parse((await call('listSavedSearches', {})).text)).toEqual({ searches: [] });
  });

  it('GET /api describes the search methods', async () => {
    const reply = await request(server.port, { path: '/api', headers: { Authorization: `Bearer ${token}` } });
    const names = (JSON.parse(reply.text) as { methods: { name: string }[] }).methods.map((m) => m.name);
    expect(names).toEqual(
      expect.arrayContaining(['search', 'listSavedSearches', 'saveSearch', 'deleteSavedSearch']),
    );
  });
});
