/**
 * A fresh library per test, served by the real `commonplace serve` (the built CLI), so the
 * specs drive the renderer against the real server and core, never a fake.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { test as base, expect, type APIRequestContext } from '@playwright/test';

const root = resolve(__dirname, '../..');
const cli = join(root, 'out/cli/index.cjs');
const STOP_GRACE_MS = 5_000;

/** What `commonplace serve --json` printed. */
export interface ServedLibrary {
  /** The address with the token in its fragment, as a person would open it. */
  url: string;
  /** The same address without the token. */
  origin: string;
  port: number;
  library: string;
}

function firstLine(child: ChildProcess): Promise<string> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolveLine, reject) => {
    if (!child.stdout) return reject(new Error('commonplace serve has no stdout.'));
    createInterface({ input: child.stdout }).once('line', resolveLine);
    child.once('exit', (code) =>
      reject(new Error(`commonplace serve exited (${code}) before printing its address.\n${stderr}`)),
    );
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

/** What `serve --json` printed, beyond the address: e.g. `clipperPort`. */
type Printed = Record<string, unknown>;

/**
 * Runs `commonplace serve --json` (plus `extraArgs`) on a fresh library for the length of `use`,
 * then stops it and removes the library.
 */
export async function withServedLibrary(
  extraArgs: readonly string[],
  use: (served: ServedLibrary, printed: Printed) => Promise<void>,
): Promise<void> {
  if (!existsSync(cli)) throw new Error('out/cli/index.cjs is missing: run `npm run build` first.');
  const library = mkdtempSync(join(tmpdir(), 'commonplace-e2e-'));
  const child = spawn(
    process.execPath,
    [cli, 'serve', '--library', library, '--port', '0', ...extraArgs, '--json'],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  try {
    const printed = JSON.parse(await firstLine(child)) as Printed & { url: string; port: number };
    const origin = new URL(printed.url);
    origin.hash = '';
    await use({ url: printed.url, origin: origin.href, port: printed.port, library }, printed);
  } finally {
    await stop(child);
    rmSync(library, { recursive: true, force: true });
  }
}

export const test = base.extend<{ served: ServedLibrary }>({
  // Playwright requires the fixtures argument to be destructured; this fixture needs none.
  // eslint-disable-next-line no-empty-pattern
  served: ({}, use) => withServedLibrary([], (served) => use(served)),
});

/** Calls the notebook API the way another window (or the CLI through the server) would. */
export function notebookApi(request: APIRequestContext, served: ServedLibrary) {
  const token = new URL(served.url).hash.replace('#token=', '');
  return async (method: string, args: object): Promise<unknown> => {
    const response = await request.post(new URL(`/api/${method}`, served.origin).href, {
      headers: { Authorization: `Bearer ${token}` },
      data: args,
    });
    expect(response.ok(), `${method}: ${await response.text()}`).toBe(true);
    return response.json();
  };
}

export { expect };
