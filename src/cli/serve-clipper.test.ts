import { createServer, type Server } from 'node:net';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeCliLibrary, type CliLibrary, type CliRun } from '../../tests/helpers/cli';
import { request } from '../../tests/helpers/http-request';

let cli: CliLibrary;

beforeEach(async () => {
  cli = await makeCliLibrary('commonplace-serve-clipper-');
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
