/**
 * The bookmarklet that clips the page a person is reading in their browser, and the app's side
 * of it. The bookmarklet opens the app at `#receive-clip`; once that window says
 * `commonplace-ready`, it posts the page's address, title and HTML to it, addressed to the app's
 * origin only. The app checks the message's shape and size before the Clip dialog shows it.
 */
import { MAX_CLIP_HTML_LENGTH } from '@shared/api';

/** The fragment key the app is opened with to receive a page. */
export const RECEIVE_KEY = 'receive-clip';
export const READY_MESSAGE = 'commonplace-ready';
export const CLIP_MESSAGE = 'commonplace-clip';
/** How long the bookmarklet waits for the app to say it is ready. */
export const READY_TIMEOUT_MS = 20_000;

export const BLOCKED_SENTENCE =
  'Commonplace could not open from this page: the site’s security settings block it. Save the page (Ctrl+S or ⌘S) and drop the file on Commonplace’s Clip dialog instead.';
export const SILENT_SENTENCE =
  'Commonplace did not answer. Check that `commonplace serve` is running and that Commonplace is open in this browser, then try again.';

/** The page as the bookmarklet sends it. */
export interface ReceivedPage {
  url: string;
  title: string;
  html: string;
}

/** The bookmarklet's script, for a given app origin (`http://127.0.0.1:4321`). Plain ES5: it runs in any page. */
export function bookmarkletSource(appOrigin: string): string {
  const app = JSON.stringify(appOrigin);
  return [
    '(function(){',
    `var app=${app},blocked=${JSON.stringify(BLOCKED_SENTENCE)},silent=${JSON.stringify(SILENT_SENTENCE)};`,
    'var w,sent=false,timer;',
    `try{w=window.open(app+"/#${RECEIVE_KEY}","_blank");}catch(e){w=null;}`,
    'if(!w){alert(blocked);return;}',
    'function onMessage(e){',
    `if(sent||e.source!==w||e.origin!==app||e.data!==${JSON.stringify(READY_MESSAGE)})return;`,
    'sent=true;clearTimeout(timer);window.removeEventListener("message",onMessage);',
    `try{w.postMessage({type:${JSON.stringify(CLIP_MESSAGE)},url:location.href,title:document.title,html:document.documentElement.outerHTML},app);}`,
    'catch(e){alert(blocked);}',
    '}',
    'window.addEventListener("message",onMessage);',
    `timer=setTimeout(function(){if(!sent){window.removeEventListener("message",onMessage);alert(silent);}},${READY_TIMEOUT_MS});`,
    '})();',
  ].join('');
}

/** The link's href: a `javascript:` URL a person drags to their bookmarks bar. */
export function bookmarkletHref(appOrigin: string): string {
  return `javascript:${encodeURIComponent(bookmarkletSource(appOrigin))}`;
}

/** True when the app was opened to receive a page (`#receive-clip`, or after the token: `#receive-clip=`). */
export function wantsClip(hash: string): boolean {
  return new URLSearchParams(hash.replace(/^#/, '')).has(RECEIVE_KEY);
}

/** The fragment without the receive key, once the page has come (a reload must not wait again). */
export function withoutReceiveKey(hash: string): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  params.delete(RECEIVE_KEY);
  const rest = params.toString();
  return rest ? `#${rest}` : '';
}

const WEB_PAGE = /^https?:\/\//i;

/** The page in a `commonplace-clip` message, or null for anything else (wrong shape, not a web page, too large). */
export function readClipMessage(data: unknown): ReceivedPage | null {
  if (typeof data !== 'object' || data === null) return null;
  const { type, url, title, html } = data as Record<string, unknown>;
  if (type !== CLIP_MESSAGE) return null;
  if (typeof url !== 'string' || typeof html !== 'string') return null;
  if (!WEB_PAGE.test(url) || url.length > 8_192) return null;
  if (html.trim() === '' || html.length > MAX_CLIP_HTML_LENGTH) return null;
  return { url, title: typeof title === 'string' ? title.slice(0, 1_000) : '', html };
}
