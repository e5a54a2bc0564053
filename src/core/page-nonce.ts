/**
 * The app page as both doors serve it (the desktop window's `app://` and the browser mode): each
 * response gets a fresh style nonce, in its policy and in a `<meta name="csp-nonce">` the
 * renderer hands to CodeMirror, whose `<style>` elements carry it. No inline script is allowed,
 * and no other inline style: clip HTML is sanitised and never carries the nonce.
 */
import { randomBytes } from 'node:crypto';
import { pagePolicy } from '../shared/content-policy';

/** The name of the meta tag that carries the nonce to the renderer. */
export const NONCE_META = 'csp-nonce';

/** `html` (the built index.html) with a new nonce in a meta tag, and the policy allowing it. */
export function pageWithStyleNonce(html: string): { html: string; policy: string } {
  const nonce = randomBytes(18).toString('base64');
  const meta = `<meta name="${NONCE_META}" content="${nonce}" />`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  const at = head === null ? 0 : head.index + head[0].length;
  return { html: html.slice(0, at) + meta + html.slice(at), policy: pagePolicy(false, nonce) };
}
