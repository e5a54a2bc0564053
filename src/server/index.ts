/**
 * The browser mode: node:http on 127.0.0.1 serving the built renderer and the NotebookApi.
 * Every request passes the guard (loopback Host, our Origin, a token for /api); every failure is
 * answered as `{ code, message }` and never takes the process down.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NotebookApi } from '../shared/api';
import { handleApi } from './api-routes';
import { isAssetPath, serveAsset } from './asset-route';
import { AssetSession } from './asset-session';
import { EventStreams, HEARTBEAT_MS, type EventFeed } from './events';
import { checkRequestSource, checkToken } from './guard';
import { setCommonHeaders } from './http-util';
import { answerError, listenLocal } from './local-server';
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
      answerError(
        req,
        res,
        error,
        log,
        `commonplace: unexpected error answering ${req.method ?? '?'} ${pathname}`,
      );
    }
  };

  const server = await listenLocal(handle, [options.port ?? 0], () => events.closeAll());
  port = server.port;
  return { url: `http://127.0.0.1:${port}/`, port, close: server.close };
}

function pathOf(url: string): string {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}
