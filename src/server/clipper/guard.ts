/**
 * Who may talk to the clipper service. Every web page the person opens can reach loopback too,
 * so the rules are stricter than the browser mode's:
 * - the Host must be `127.0.0.1:PORT` or `localhost:PORT` (a rebound DNS name is refused);
 * - an Origin, when sent, must be a browser extension's (`chrome-extension://…`,
 *   `moz-extension://…`); a web page's (http:, https:, file:, `null`, …) is refused on every route;
 * - without any Origin (curl, scripts) only the ping answers;
 * - CORS headers (and the private-network grant) go to extension origins only.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isExtensionOrigin } from '../../core/pairing/paired-extensions';
import { HttpError } from '../http-util';

/** The request headers an extension may send across origins. */
export const ALLOWED_HEADERS = 'authorization, content-type';
export const ALLOWED_METHODS = 'GET, POST';
const PREFLIGHT_MAX_AGE_S = 600;

/** `127.0.0.1:PORT` and `localhost:PORT`: the only Host values answered. */
export function clipperHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/**
 * Checks Host and Origin; returns the extension origin, or null when the request sent none.
 * Throws 403 for a wrong Host or any Origin that is not an extension's.
 */
export function checkClipperSource(req: IncomingMessage, port: number): string | null {
  const host = req.headers.host?.toLowerCase();
  if (host === undefined || !clipperHosts(port).has(host)) {
    throw new HttpError(
      403,
      'forbidden',
      `The clipper service only answers requests addressed to 127.0.0.1:${port} or localhost:${port}.`,
    );
  }
  const origin = req.headers.origin;
  if (origin === undefined) return null;
  if (!isExtensionOrigin(origin)) {
    throw new HttpError(403, 'forbidden', 'Web pages may not use the clipper service.');
  }
  return origin;
}

/** Throws 403 unless the request came from an extension (every route but the ping). */
export function requireExtension(origin: string | null): string {
  if (origin !== null) return origin;
  throw new HttpError(
    403,
    'forbidden',
    'Only a browser extension may use this route: its requests carry its Origin.',
  );
}

/** The CORS headers of an answer to an extension; nothing for anyone else. */
export function setCorsHeaders(res: ServerResponse, origin: string | null): void {
  res.setHeader('Vary', 'Origin');
  if (origin === null) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
}

/**
 * Answers a CORS preflight from an extension with 204, granting Chromium's private-network
 * access when it is asked for (`Access-Control-Request-Private-Network: true`).
 */
export function answerPreflight(req: IncomingMessage, res: ServerResponse, origin: string | null): void {
  const extension = requireExtension(origin);
  setCorsHeaders(res, extension);
  res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
  res.setHeader('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_S));
  const privateNetwork = req.headers['access-control-request-private-network'];
  if (typeof privateNetwork === 'string' && privateNetwork.trim().toLowerCase() === 'true') {
    res.setHeader('Access-Control-Allow-Private-Network', 'true');
  }
  res.statusCode = 204;
  res.end();
}

/** The bearer token of `Authorization: Bearer <token>`, or null. */
export function bearerToken(req: IncomingMessage): string | null {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return match?.[1] ?? null;
}

/** Tokens travel in a header only: one in the query string is refused, not silently ignored. */
export function refuseTokenInUrl(url: URL): void {
  for (const name of url.searchParams.keys()) {
    if (/^(access_)?token$/i.test(name)) {
      throw new HttpError(
        400,
        'invalid_argument',
        'Send the token as Authorization: Bearer <token>, never in the URL.',
      );
    }
  }
}

/** The 401 every token-protected route answers without a valid token. */
export function unauthorized(): HttpError {
  return new HttpError(
    401,
    'unauthorized',
    'A paired extension token is required: send Authorization: Bearer <token>.',
    { 'WWW-Authenticate': 'Bearer' },
  );
}
