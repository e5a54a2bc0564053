/**
 * Who may read the library's assets. An `<img>` cannot send an Authorization header, so the web
 * interface trades its token for a cookie once (`POST /api/session`); the cookie's value is a
 * secret made when the server starts, scoped to `/assets`, HttpOnly and SameSite=Strict, so no
 * other site's page can use or read it.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { sameSecret } from './guard';

export const ASSET_COOKIE = 'commonplace_assets';

export class AssetSession {
  private readonly secret = randomBytes(32).toString('base64url');

  /** The Set-Cookie value `POST /api/session` answers with. */
  cookie(): string {
    return `${ASSET_COOKIE}=${this.secret}; HttpOnly; SameSite=Strict; Path=/assets`;
  }

  /** True when the request carries this server's asset cookie. */
  accepts(req: IncomingMessage): boolean {
    const value = cookieValue(req.headers.cookie, ASSET_COOKIE);
    return value !== null && sameSecret(value, this.secret);
  }
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const pair of (header ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at !== -1 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return null;
}
