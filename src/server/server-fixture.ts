/**
 * For the browser-mode server's tests: a fresh library per test with its token, the server started
 * on a free port (optionally over a notebook with some methods replaced), and raw requests with
 * every header under the test's control. The state is exported as live bindings: call
 * `useServerFixture()` once at the top of a test file.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { createNotebook, type Notebook } from '../core';
import { methodNames, type NotebookApi } from '../shared/api';
import type { NotebookEvent } from '../shared/types';
import { request, type Reply } from '../../tests/helpers/http-request';
import type { EventFeed } from './events';
import { startServer, type RunningServer } from './index';
import { loadOrCreateToken } from './token';

export { request, type Reply };

// Asymmetric matchers as `unknown`, so object literals holding them stay typed.
export const anyString = (): unknown => expect.any(String);
export const containing = (text: string): unknown => expect.stringContaining(text);
export const json = (reply: { text: string }): unknown => JSON.parse(reply.text);

export let dir: string;
export let notebook: Notebook;
export let server: RunningServer;
export let token: string;
export let logged: string[];
const running: RunningServer[] = [];

type ServerExtras = { rendererDir?: string; heartbeatMs?: number };

/** Starts the server over the test's notebook, with `overrides` in place of some of its methods. */
export function start(overrides: Partial<NotebookApi> = {}, extra: ServerExtras = {}): Promise<void> {
  return startOver(
    Object.keys(overrides).length === 0 ? notebook : withOverrides(notebook, overrides),
    extra,
  );
}

/** Starts the server over `api`; its unexpected errors are kept in `logged`. */
export async function startOver(api: NotebookApi & EventFeed, extra: ServerExtras = {}): Promise<void> {
  logged = [];
  server = await startServer({ notebook: api, token, port: 0, log: (line) => logged.push(line), ...extra });
  running.push(server);
}

/** The real notebook with some methods replaced, to provoke failures the core should never have. */
export function withOverrides(real: Notebook, overrides: Partial<NotebookApi>): NotebookApi & EventFeed {
  const api: Record<string, unknown> = {
    onEvent: (listener: (e: NotebookEvent) => void) => real.onEvent(listener),
  };
  for (const name of methodNames)
    api[name] = overrides[name] ?? ((args: never) => (real[name] as (a: never) => unknown)(args));
  return api as unknown as NotebookApi & EventFeed;
}

export function call(method: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return request(server.port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/** A fresh library and token before each test of the file; servers closed and the folder removed after. */
export function useServerFixture(): void {
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
}
