/**
 * What the browser-mode server and the clipper service share: a node:http server on 127.0.0.1
 * whose handler failures never take the process down, listening on the first free port of a
 * list, closed once (open connections cut), and errors answered as `{ code, message }` with
 * nothing secret logged.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NotebookError, toErrorInfo } from '../shared/errors';
import { HttpError, sendError, statusForCode } from './http-util';

// After refusing a body unread, give the answer this long to reach the client before the
// connection (and whatever it is still sending) is cut.
const DRAIN_GRACE_MS = 1_000;

export interface LocalServer {
  port: number;
  /** Stops listening and cuts open connections; `beforeClose` runs first. Safe to call twice. */
  close: () => Promise<void>;
}

/**
 * Listens with `handle` on 127.0.0.1, on the first of `ports` that is free (0: any free port);
 * rejects with the last listen error (e.g. code EADDRINUSE).
 */
export async function listenLocal(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  ports: readonly number[],
  beforeClose: () => void = () => undefined,
): Promise<LocalServer> {
  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  // Malformed HTTP never reaches the handler; answer it plainly and drop the connection.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  const port = await listenOnFirstFree(server, ports);
  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      beforeClose();
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closing;
  };
  return { port, close };
}

async function listenOnFirstFree(server: Server, ports: readonly number[]): Promise<number> {
  let lastError: unknown = new Error('No port to listen on.');
  for (const candidate of ports) {
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen({ host: '127.0.0.1', port: candidate }, () => {
          server.off('error', reject);
          resolve();
        });
      });
      return (server.address() as AddressInfo).port;
    } catch (error) {
      lastError = error;
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') break;
    }
  }
  throw lastError;
}

/**
 * Answers `error` as `{ code, message }` with its status. An unexpected one is logged as `label`
 * (the method and route) and the error's own message: never headers (tokens live there), never a stack.
 */
export function answerError(
  req: IncomingMessage,
  res: ServerResponse,
  error: unknown,
  log: (line: string) => void,
  label: string,
): void {
  const info = toErrorInfo(error);
  if (!(error instanceof NotebookError)) {
    const detail = error instanceof Error ? error.message : String(error);
    log(`${label}: ${detail}`);
  }
  const status = error instanceof HttpError ? error.status : statusForCode[info.code];
  if (error instanceof HttpError) {
    for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
  }
  if (hasUnreadBody(req)) {
    // The body was refused unread (too large, unauthorised, …): do not keep reading it to reuse
    // the connection; answer, then close.
    res.setHeader('Connection', 'close');
    res.on('finish', () => setTimeout(() => req.socket.destroy(), DRAIN_GRACE_MS).unref());
  }
  sendError(res, status, info);
}

// `complete` alone is not enough: a bodyless GET is not marked complete until after the handler
// starts, and closing its connection would only cost the client a reconnect.
function hasUnreadBody(req: IncomingMessage): boolean {
  if (req.complete) return false;
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}
