/**
 * The local clipper service: a small node:http server on 127.0.0.1 that a paired browser
 * extension clips pages into. Separate from the browser mode because its callers differ: not our
 * own page with the library's token, but extensions, each paired with a token of its own.
 * Tokens and Authorization headers are never logged.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setCommonHeaders } from '../http-util';
import { answerError, listenLocal } from '../local-server';
import { answerPreflight, checkClipperSource, refuseTokenInUrl, setCorsHeaders } from './guard';
import { RateLimiter, type RateLimit } from './rate-limit';
import { handleRoute, routeName, type ClipperNotebook } from './routes';

export type { ClipperNotebook } from './routes';

/** The port tried first, so a paired extension usually finds the app where it left it. */
export const DEFAULT_CLIPPER_PORT = 27417;
/** How many ports after the default are tried when it is busy. */
export const CLIPPER_PORT_FALLBACKS = 9;

export interface ClipperServiceOptions {
  /** The open notebook; its `pairing.clipperPort` is set while the service runs. */
  notebook: ClipperNotebook;
  /**
   * Where to listen: undefined tries DEFAULT_CLIPPER_PORT and the 9 ports after it; 0 takes any
   * free port; any other number that port only.
   */
  port?: number;
  /** Where unexpected errors are reported, one line each; defaults to stderr. */
  log?: (line: string) => void;
  /** Pairing requests per extension origin (default 5 a minute). */
  pairLimit?: RateLimit;
  /** Pairing status checks per extension origin (default 120 a minute). */
  pollLimit?: RateLimit;
}

export interface ClipperService {
  port: number;
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** Stops listening, cuts open connections and clears `pairing.clipperPort`. */
  close(): Promise<void>;
}

const MINUTE_MS = 60_000;

/** Starts listening on 127.0.0.1; rejects with the last listen error (e.g. code EADDRINUSE). */
export async function startClipperService(options: ClipperServiceOptions): Promise<ClipperService> {
  const { notebook } = options;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const limits = {
    pair: new RateLimiter(options.pairLimit ?? { max: 5, windowMs: MINUTE_MS }),
    poll: new RateLimiter(options.pollLimit ?? { max: 120, windowMs: MINUTE_MS }),
  };
  let port = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    setCommonHeaders(res);
    res.setHeader('Cache-Control', 'no-store');
    const url = requestUrl(req.url);
    try {
      const origin = checkClipperSource(req, port);
      setCorsHeaders(res, origin);
      if (req.method === 'OPTIONS') {
        answerPreflight(req, res, origin);
        return;
      }
      refuseTokenInUrl(url);
      await handleRoute(req, res, { notebook, origin, url, limits });
    } catch (error) {
      answerError(
        req,
        res,
        error,
        log,
        `commonplace clipper: unexpected error answering ${req.method ?? '?'} ${routeName(url.pathname)}`,
      );
    }
  };

  const server = await listenLocal(handle, candidatePorts(options.port), () => {
    if (notebook.pairing.clipperPort === port) notebook.pairing.clipperPort = null;
  });
  port = server.port;
  notebook.pairing.clipperPort = port;

  return { port, url: `http://127.0.0.1:${port}`, close: server.close };
}

/** The ports to try, in order. */
export function candidatePorts(port: number | undefined): number[] {
  if (port !== undefined) return [port];
  return Array.from({ length: CLIPPER_PORT_FALLBACKS + 1 }, (_, i) => DEFAULT_CLIPPER_PORT + i);
}

// Always relative to our own address: `//evil.example/v1/ping` is a path here, not a host.
function requestUrl(raw: string | undefined): URL {
  const path = raw?.startsWith('/') ? raw : '/';
  try {
    return new URL(`http://127.0.0.1${path}`);
  } catch {
    return new URL('http://127.0.0.1/');
  }
}
