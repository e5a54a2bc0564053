import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNotebook, type Notebook } from '../core';
import type { SearchResult } from '../shared/types';
import { request, type Reply } from '../../tests/helpers/http-request';
import { startServer, type RunningServer } from './index';
import { loadOrCreateToken } from './token';

let dir: string;
let notebook: Notebook;
let server: RunningServer;
let token: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'commonplace-server-search-'));
  notebook = await createNotebook({ dir: join(dir, 'library') });
  token = await loadOrCreateToken(notebook.dir);
  server = await startServer({ notebook, token, port: 0, log: () => undefined });
});

afterEach(async () => {
  await server.close();
  await notebook.close();
  await rm(dir, { recursive: true, force: true });
});

function post(method: string, body: unknown): Promise<Reply> {
  return request(server.port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('search over HTTP', () => {
  it('POST /api/search answers a SearchResult; bad arguments are 400', async () => {
    const note = JSON.parse(
      (await post('createNote', { title: 'Djenné', body: 'The great mosque.' })).text,
    ) as {
      id: string;
    };
    const reply = await post('search', { query: 'djenne mosq' });
    expect(reply.status).toBe(200);
    const result = JSON.parse(reply.text) as SearchResult;
    expect(result).toMatchObject({ query: 'djenne mosq', total: 1, index: { state: 'ready' } });
    expect(result.hits.map((hit) => hit.id)).toEqual([note.id]);

    const bad = await post('search', { query: 'x', limit: 0 });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text)).toMatchObject({ code: 'invalid_argument' });
  });

  it('saves, lists and deletes saved searches', async () => {
    const saved = JSON.parse((await post('saveSearch', { name: 'Mali', query: 'tag:mali' })).text) as {
      id: string;
    };
    expect(JSON.parse((await post('listSavedSearches', {})).text)).toEqual({
      searches: [{ id: saved.id, name: 'Mali', query: 'tag:mali' }],
    });
    expect(JSON.parse((await post('deleteSavedSearch', { id: saved.id })).text)).toEqual({ deleted: true });
    expect(JSON.parse((await post('listSavedSearches', {})).text)).toEqual({ searches: [] });
  });

  it('GET /api describes the search methods', async () => {
    const reply = await request(server.port, { path: '/api', headers: { Authorization: `Bearer ${token}` } });
    const names = (JSON.parse(reply.text) as { methods: { name: string }[] }).methods.map((m) => m.name);
    expect(names).toEqual(
      expect.arrayContaining(['search', 'listSavedSearches', 'saveSearch', 'deleteSavedSearch']),
    );
  });
});
