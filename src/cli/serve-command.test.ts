import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCliLibrary, type CliLibrary, type CliRun } from '../../tests/helpers/cli';
import { request } from '../../tests/helpers/http-request';
import { DEFAULT_PORT } from './commands/serve';

const PROJECT_ROOT = resolve(__dirname, '..', '..');
const STACK_LINE = /^\s+at .+/m;
const parse = (text: string): Record<string, unknown> => JSON.parse(text) as Record<string, unknown>;
const containing = (text: string): unknown => expect.stringContaining(text);

let cli: CliLibrary;

beforeEach(async () => {
  cli = await makeCliLibrary('commonplace-serve-');
});

interface Served {
  done: Promise<CliRun>;
  output: () => string;
  stop: () => void;
}

/** `serve` in-process until its output matches `ready`. */
async function serveUntil(args: string[], ready: RegExp): Promise<Served> {
  const controller = new AbortController();
  let output = '';
  let signalReady: () => void = () => undefined;
  const isReady = new Promise<void>((resolve) => (signalReady = resolve));
  const done = cli.run(['serve', ...args], {
    signal: controller.signal,
    onStdout: (text) => {
      output = text;
      if (ready.test(text)) signalReady();
    },
  });
  await Promise.race([isReady, done.then((r) => Promise.reject(new Error(`serve ended: ${r.stderr}`)))]);
  return { done, output: () => output, stop: () => controller.abort() };
}

const ping = (port: number) => request(port, { path: '/v1/ping', headers: { Host: `127.0.0.1:${port}` } });

async function occupy(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as { port: number }).port, server };
}

describe('serve starts the clipper service alongside the app', () => {
  it('--json names clipperPort; the service answers there until serve stops', async () => {
    const served = await serveUntil(['--port', '0', '--clipper-port', '0', '--json'], /\n/);
    const line = JSON.parse(served.output()) as { url: string; port: number; clipperPort: number };
    expect(Object.keys(line).sort()).toEqual(['clipperPort', 'library', 'port', 'url']);
    expect(line.clipperPort).toBeGreaterThan(0);
    expect(line.clipperPort).not.toBe(line.port);
    const reply = await ping(line.clipperPort);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text)).toEqual({ app: 'commonplace', version: 1 });

    served.stop();
    expect((await served.done).code).toBe(0);
    await expect(ping(line.clipperPort)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('says where extensions clip to in the human output', async () => {
    const served = await serveUntil(['--port', '0', '--clipper-port', '0'], /Ctrl\+C/);
    const match = /^Browser extensions clip to http:\/\/127\.0\.0\.1:(\d+) /m.exec(served.output());
    expect(match).not.toBeNull();
    expect((await ping(Number(match?.[1]))).status).toBe(200);
    served.stop();
    expect((await served.done).code).toBe(0);
  });

  it('keeps serving the app when the clipper port is taken, and says so on stderr', async () => {
    const busy = await occupy();
    try {
      const served = await serveUntil(['--port', '0', '--clipper-port', String(busy.port), '--json'], /\n/);
      const line = JSON.parse(served.output()) as { url: string; port: number; clipperPort: number | null };
      expect(line.clipperPort).toBeNull();
      const app = await request(line.port, { path: '/', headers: { Host: `127.0.0.1:${line.port}` } });
      expect(app.status).toBeLessThan(500);
      served.stop();
      const run = await served.done;
      expect(run.code).toBe(0);
      expect(run.stderr).toContain(`clipper service`);
      expect(run.stderr).toContain(`port ${busy.port}`);
    } finally {
      await new Promise((resolve) => busy.server.close(resolve));
    }
  });

  it('refuses a clipper port out of range as a usage error', async () => {
    const run = await cli.run(['serve', '--clipper-port', '70000']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('Usage: commonplace serve');
  });
});

describe('serve in-process', () => {
  it('prints where it serves and the URL with the token in the fragment, and stops on abort', async () => {
    const served = await serveUntil(['--port', '0'], /Open .*\n/);
    const [first, second] = served.output().split('\n');
    expect(first).toBe(`Commonplace is serving ${cli.library}`);
    expect(second).toMatch(/^Open http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}$/);
    served.stop();
    expect((await served.done).code).toBe(0);
    expect(existsSync(join(cli.library, 'lock'))).toBe(false);
  });

  it('fails clearly when an explicit port is busy, and falls back when the default one is', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const busy = (blocker.address() as { port: number }).port;
    try {
      const result = await cli.run(['serve', '--port', String(busy), '--json']);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`Port ${busy} is already in use`);
      expect(parse(result.stdout)).toMatchObject({
        error: { message: containing(String(busy)) },
      });
      expect(existsSync(join(cli.library, 'lock'))).toBe(false);
    } finally {
      await new Promise((r) => blocker.close(r));
    }

    const defaultBlocker: Server = createServer();
    await new Promise<void>((r) => {
      defaultBlocker.once('error', () => r()); // already busy: just as good
      defaultBlocker.listen(DEFAULT_PORT, '127.0.0.1', () => r());
    });
    try {
      const served = await serveUntil(['--json'], /\n/);
      const line = parse(served.output());
      expect(line.port).not.toBe(DEFAULT_PORT);
      served.stop();
      expect((await served.done).code).toBe(0);
    } finally {
      await new Promise((r) => defaultBlocker.close(r));
    }
  });
});

describe('the spawned command', () => {
  const children: ChildProcess[] = [];

  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  });

  function spawnCli(args: string[]): ChildProcess {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, COMMONPLACE_LIBRARY: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    return child;
  }

  function finished(
    child: ChildProcess,
  ): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    return new Promise((resolve) =>
      child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
    );
  }

  function firstLine(child: ChildProcess): Promise<string> {
    return new Promise((resolve, reject) => {
      let buffer = '';
      let errors = '';
      child.stderr?.on('data', (c: Buffer) => (errors += c.toString()));
      child.stdout?.on('data', (c: Buffer) => {
        buffer += c.toString();
        const end = buffer.indexOf('\n');
        if (end !== -1) resolve(buffer.slice(0, end));
      });
      child.on('close', (code) => reject(new Error(`exited ${String(code)} before printing: ${errors}`)));
    });
  }

  it('serves the API with the printed token, keeps other writers out, and stops cleanly on SIGTERM', async () => {
    const server = spawnCli(['serve', '--port', '0', '--json', '--library', cli.library]);
    const line = JSON.parse(await firstLine(server)) as { url: string; port: number; library: string };
    expect(Object.keys(line).sort()).toEqual(['clipperPort', 'library', 'port', 'url']);
    expect(line.library).toBe(cli.library);
    const match = /^http:\/\/127\.0\.0\.1:(\d+)\/#token=([A-Za-z0-9_-]{43})$/.exec(line.url);
    expect(match).not.toBeNull();
    expect(Number(match?.[1])).toBe(line.port);
    const token = match?.[2] ?? '';

    const base = `http://127.0.0.1:${line.port}`;
    const created = await fetch(`${base}/api/createNote`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Over HTTP' }),
    });
    expect(created.status).toBe(200);
    const listed = (await (
      await fetch(`${base}/api/listItems`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: '{}',
      })
    ).json()) as { items: { title: string }[] };
    expect(listed.items.map((i) => i.title)).toEqual(['Over HTTP']);
    expect((await fetch(`${base}/api/listItems`, { method: 'POST', body: '{}' })).status).toBe(401);

    const second = await finished(
      spawnCli(['note', 'new', '--title', 'second writer', '--library', cli.library]),
    );
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('commonplace serve');
    expect(second.stderr).not.toMatch(STACK_LINE);

    const exit = finished(server);
    expect(existsSync(join(cli.library, 'lock'))).toBe(true);
    server.kill('SIGTERM');
    const result = await exit;
    expect(result.signal).toBeNull();
    expect(result.code).toBe(0);
    expect(existsSync(join(cli.library, 'lock'))).toBe(false);
  });
});
