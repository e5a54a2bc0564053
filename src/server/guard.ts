/**
 * Who may talk to the server. The service listens on loopback, but any web page the user opens
 * can also reach loopback, so every request is checked:
 * - the Host must name loopback with our port (a rebound DNS name like evil.example is refused);
 * - an Origin, when present, must be our own, and a browser-declared cross-site request is refused
 *   (but for opening the app's page itself from another site's tab);
 * - every /api request carries the library's token as a Bearer credential.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-util';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** `127.0.0.1:PORT`, `localhost:PORT` and `[::1]:PORT`: the only Host values we answer. */
export function allowedHosts(port: number): Set<string> {
  return new Set(LOOPBACK_NAMES.map((name) => `${name}:${port}`));
}

/** Our own origins: the same hosts over http. */
export function allowedOrigins(port: number): Set<string> {
  return new Set(LOOPBACK_NAMES.map((name) => `http://${name}:${port}`));
}

/** Throws 403 unless the Host is loopback:port and any Origin / Sec-Fetch-Site is ours. */
export function checkRequestSource(req: IncomingMessage, port: number, isApi: boolean): void {
  const host = req.headers.host?.toLowerCase();
  if (host === undefined || !allowedHosts(port).has(host)) {
    throw new HttpError(
      403,
      'forbidden',
      'This server only answers requests addressed to 127.0.0.1 or localhost.',
    );
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedOrigins(port).has(origin.toLowerCase())) {
    throw new HttpError(403, 'forbidden', 'Requests from other sites are not allowed.');
  }
  const site = req.headers['sec-fetch-site'];
  // Opening the app from another site's tab (the bookmarklet's window) is a top-level navigation
  // to a static page: the page holds no secret, and everything it then asks for is checked.
  const opening = !isApi && req.method === 'GET' && req.headers['sec-fetch-mode'] === 'navigate';
  // Our own page only ever calls the API same-origin; a sibling site on another port never may.
  if ((site === 'cross-site' && !opening) || (isApi && site === 'same-site')) {
    throw new HttpError(403, 'forbidden', 'Requests from other sites are not allowed.');
  }
}

/** True when the request carries `Authorization: Bearer <token>`. */
export function hasToken(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  return match !== null && sameSecret(match[1] ?? '', token);
}

/** Throws 401 unless the request carries `Authorization: Bearer <token>`. */
export function checkToken(req: IncomingMessage, token: string): void {
  if (!hasToken(req, token)) {
    throw new HttpError(
      401,
      'unauthorized',
      'A valid token is required: send Authorization: Bearer <token>.',
      {
        'WWW-Authenticate': 'Bearer',
      },
    );
  }
}

// Hashing first gives equal-length buffers, so the comparison time says nothing about the token,
// not even its length.
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
