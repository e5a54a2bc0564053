/**
 * The browser mode: node:http on 127.0.0.1 serving the built renderer and the NotebookApi.
 * Every request passes the guard (loopback Host, our Origin, a token for /api); every failure is
 * answered as `{ code, message }` and never takes the process down.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NotebookApi } from '../shared/api';
import { NotebookError, toErrorInfo } from '../shared/errors';
import { handleApi } from './api-routes';
import { isAssetPath, serveAsset } from './asset-route';
import { AssetSession } from './asset-session';
import { EventStreams, HEARTBEAT_MS, type EventFeed } from './events';
import { checkRequestSource, checkToken } from './guard';
import { HttpError, sendError, setCommonHeaders, statusForCode } from './http-util';
import { serveStatic } from './static';

export { loadOrCreateToken } from './token';

export interface ServerOptions {
  /** The open notebook (the core's Notebook). The server does not close it. */
  notebook: NotebookApi & EventFeed;
  /** The bearer token every /api request must carry. */
  token: string;
  /** The library folder, whose `assets/` are served at `/assets/<sha256>.<ext>`; without it they are 404. */
  libraryDir?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The built renderer (out/renderer); when missing, `/` explains how to build it. */
  rendererDir?: string;
  /** Where unexpected errors are reported, one line each; defaults to stderr. */
  log?: (line: string) => void;
  /** How often an idle event stream gets a comment line. */
  heartbeatMs?: number;
}

export interface RunningServer {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  port: number;
  /** Ends event streams and open connections, then stops listening. */
  close(): Promise<void>;
}

// After refusing a body unread, give the answer this long to reach the client before the
// connection (and whatever it is still sending) is cut.
const DRAIN_GRACE_MS = 1_000;

/** Starts listening on 127.0.0.1; rejects with the listen error (e.g. code EADDRINUSE). */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { notebook, token, rendererDir } = options;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const events = new EventStreams(notebook, options.heartbeatMs ?? HEARTBEAT_MS);
  const session = new AssetSession();
  let port = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    setCommonHeaders(res);
    const pathname = pathOf(req.url ?? '/');
    try {
      const isApi = pathname === '/api' || pathname.startsWith('/api/');
      const isAsset = isAssetPath(pathname);
      // Assets are the library's content: as guarded against other sites as the API.
      checkRequestSource(req, port, isApi || isAsset);
      if (isApi) {
        checkToken(req, token);
        await handleApi(req, res, pathname, { notebook, events, session });
      } else if (isAsset) {
        await serveAsset(req, res, pathname, { libraryDir: options.libraryDir, session, token });
      } else {
        await serveStatic(req, res, pathname, rendererDir);
      }
    } catch (error) {
      answerError(req, res, pathname, error, log);
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  // Malformed HTTP never reaches the handler; answer it plainly and drop the connection.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: options.port ?? 0 }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      events.closeAll();
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closing;
  };

  return { url: `http://127.0.0.1:${port}/`, port, close };
}

// `complete` alone is not enough: a bodyless GET is not marked complete until after the handler
// starts, and closing its connection would only cost the client a reconnect.
function hasUnreadBody(req: IncomingMessage): boolean {
  if (req.complete) return false;
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

function pathOf(url: string): string {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

function answerError(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  error: unknown,
  log: (line: string) => void,
): void {
  const info = toErrorInfo(error);
  if (!(error instanceof NotebookError)) {
    // Only the route and the error's own message: never headers (the token lives there), never a stack.
    const detail = error instanceof Error ? error.message : String(error);
    log(`commonplace: unexpected error answering ${req.method ?? '?'} ${pathname}: ${detail}`);
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
