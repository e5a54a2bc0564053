import { createServer, type Server } from 'node:net';
import { describe, expect, it } from 'vitest';
import { withTempLibrary } from '../../../tests/helpers/temp-library';
import { request } from '../../../tests/helpers/http-request';
import { anyString } from './clipper-fixture';
import { CLIPPER_PORT_FALLBACKS, DEFAULT_CLIPPER_PORT, candidatePorts, startClipperService } from './service';

async function occupy(port: number): Promise<Server | null> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(null)); // already taken by someone else: just as good
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

describe('where the service listens', () => {
  it('tries the default port, then the next nine; an explicit port only that one', () => {
    expect(candidatePorts(undefined)).toEqual([
      27417, 27418, 27419, 27420, 27421, 27422, 27423, 27424, 27425, 27426,
    ]);
    expect(DEFAULT_CLIPPER_PORT).toBe(27417);
    expect(CLIPPER_PORT_FALLBACKS).toBe(9);
    expect(candidatePorts(0)).toEqual([0]);
    expect(candidatePorts(31000)).toEqual([31000]);
  });

  it('falls back past a busy default port, on 127.0.0.1 only', async () => {
    const blocker = await occupy(DEFAULT_CLIPPER_PORT);
    try {
      await withTempLibrary(async ({ notebook }) => {
        const service = await startClipperService({ notebook, log: () => undefined });
        try {
          expect(service.port).toBeGreaterThan(DEFAULT_CLIPPER_PORT);
          expect(service.port).toBeLessThanOrEqual(DEFAULT_CLIPPER_PORT + CLIPPER_PORT_FALLBACKS);
          expect(service.url).toBe(`http://127.0.0.1:${service.port}`);
          const reply = await request(service.port, {
            path: '/v1/ping',
            headers: { Host: `127.0.0.1:${service.port}` },
          });
          expect(reply.status).toBe(200);
        } finally {
          await service.close();
        }
      });
    } finally {
      await new Promise((resolve) => (blocker ? blocker.close(resolve) : resolve(undefined)));
    }
  });

  it('sets pairing.clipperPort while running and clears it on close', async () => {
    await withTempLibrary(async ({ notebook }) => {
      expect(notebook.pairing.clipperPort).toBeNull();
      const service = await startClipperService({ notebook, port: 0, log: () => undefined });
      expect(notebook.pairing.clipperPort).toBe(service.port);
      expect((await notebook.getClipperInfo({})).port).toBe(service.port);
      await service.close();
      expect(notebook.pairing.clipperPort).toBeNull();
      await expect(request(service.port, { path: '/v1/ping' })).rejects.toThrow(/ECONNREFUSED/);
    });
  });

  it('rejects with EADDRINUSE when an explicit port is busy, leaving clipperPort null', async () => {
    const blocker = await occupy(0);
    const port = (blocker?.address() as { port: number }).port;
    try {
      await withTempLibrary(async ({ notebook }) => {
        await expect(startClipperService({ notebook, port, log: () => undefined })).rejects.toMatchObject({
          code: 'EADDRINUSE',
        });
        expect(notebook.pairing.clipperPort).toBeNull();
      });
    } finally {
      await new Promise((resolve) => blocker?.close(resolve));
    }
  });
});

describe('logging', () => {
  it('reports unexpected errors by route name only: no token, no request id, no query', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const lines: string[] = [];
      const secret = 'S3cretTokenValue_abcdefghijklmnopqrstuvwxyz';
      const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
      // A core failure the service did not expect, on a route that carries a token and an id.
      notebook.pairing.poll = () => {
        throw new Error('disk on fire');
      };
      notebook.pairing.verify = () => {
        throw new Error('disk on fire');
      };
      const service = await startClipperService({ notebook, port: 0, log: (line) => lines.push(line) });
      try {
        const host = `127.0.0.1:${service.port}`;
        const polled = await request(service.port, {
          method: 'POST',
          path: '/v1/pair/status',
          headers: { Host: host, Origin: origin, 'Content-Type': 'application/json' },
          body: JSON.stringify({ requestId: 'secretRequestId123' }),
        });
        expect(polled.status).toBe(500);
        expect(JSON.parse(polled.text)).toEqual({ code: 'internal', message: anyString() });
        const looked = await request(service.port, {
          method: 'POST',
          path: '/v1/lookup',
          headers: {
            Host: host,
            Origin: origin,
            Authorization: `Bearer ${secret}`,
            'Content-Type': 'application/json',
          },
          body: JSON.stringify({ url: 'https://private.example/page' }),
        });
        expect(looked.status).toBe(500);
        expect(looked.text).not.toContain('disk on fire');
      } finally {
        await service.close();
      }
      expect(lines).toEqual([
        'commonplace clipper: unexpected error answering POST /v1/pair/status: disk on fire',
        'commonplace clipper: unexpected error answering POST /v1/lookup: disk on fire',
      ]);
      const all = lines.join('\n');
      for (const secretPart of [secret, 'secretRequestId123', 'private.example', 'Bearer']) {
        expect(all).not.toContain(secretPart);
      }
    });
  });
});
