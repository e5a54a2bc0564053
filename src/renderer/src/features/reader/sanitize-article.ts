/**
 * The reader's own pass over a clip's article HTML. The core already sanitised it when clipping;
 * this is defence in depth, and it also makes the article fit the reader: only article markup
 * survives (no script, style, class, form or embed), every link opens outside the app, and only
 * images stored in the library (`assets/…`) are kept, so showing a clip never touches the network.
 */
import DOMPurify from 'dompurify';

// Article markup only: no forms, embeds, media, SVG or anything that could load or run.
const ALLOWED_TAGS = (
  'a abbr article aside b bdi bdo blockquote br caption cite code col colgroup dd del details dfn ' +
  'div dl dt em figcaption figure footer h1 h2 h3 h4 h5 h6 header hr i img ins kbd li main mark ol ' +
  'p pre q rp rt ruby s samp section small span strong sub summary sup table tbody td tfoot th ' +
  'thead time tr u ul var wbr'
).split(' ');

// No style or class: the clip's own styles never apply.
const ALLOWED_ATTR = (
  'href src alt title colspan rowspan scope headers datetime lang dir id name start reversed type ' +
  'width height abbr open'
).split(' ');

/** A stored image: `assets/<name>` relative to the page, nothing else. */
const ASSET_SRC = /^assets\/[A-Za-z0-9][A-Za-z0-9._-]*$/;
const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
/** DOMPurify prefixes clip ids with this (SANITIZE_NAMED_PROPS) so they never clash with ours. */
const ID_PREFIX = 'user-content-';

const purify = DOMPurify(window);

function parseUrl(href: string, base: string): URL | null {
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const withoutHash = (url: URL): string => url.href.slice(0, url.href.length - url.hash.length);

/** Links to a place in the article stay in it; the rest open in the system browser. */
function fixLink(link: HTMLAnchorElement, pageUrl: string): void {
  const raw = link.getAttribute('href');
  if (raw === null) return;
  const page = parseUrl(pageUrl, 'about:blank');
  const target = parseUrl(raw, page?.href ?? 'about:blank');
  if (target && page && target.hash.length > 1 && withoutHash(target) === withoutHash(page)) {
    link.setAttribute('href', `#${ID_PREFIX}${safeDecode(target.hash.slice(1))}`);
    link.setAttribute('data-anchor', '');
    return;
  }
  if (!target || !EXTERNAL_PROTOCOLS.has(target.protocol)) {
    link.removeAttribute('href');
    return;
  }
  link.setAttribute('href', target.href);
  link.setAttribute('target', '_blank');
  link.setAttribute('rel', 'noopener noreferrer');
  if (!link.hasAttribute('title')) link.setAttribute('title', target.href);
}

/** Wide tables scroll sideways inside the column instead of widening the page. */
function wrapTable(table: HTMLTableElement): void {
  const doc = table.ownerDocument;
  const frame = doc.createElement('div');
  frame.className = 'article__table';
  frame.setAttribute('tabindex', '0');
  frame.setAttribute('role', 'group');
  frame.setAttribute('aria-label', 'Table');
  table.replaceWith(frame);
  frame.append(table);
}

/**
 * Sanitised, reader-ready HTML for a clip's article. `pageUrl` is the clip's address, used to
 * resolve links and to tell links within the article from links out of it.
 */
export function sanitizeArticle(html: string, pageUrl: string): string {
  // RETURN_DOM keeps the result in DOMPurify's inert document, where nothing loads, until the
  // images that are not library assets are gone.
  const body: Node = purify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    SANITIZE_NAMED_PROPS: true,
    RETURN_DOM: true,
  });
  if (!(body instanceof Element)) return '';
  for (const image of Array.from(body.querySelectorAll('img'))) {
    const src = image.getAttribute('src') ?? '';
    if (!ASSET_SRC.test(src)) image.remove();
  }
  for (const link of Array.from(body.querySelectorAll('a'))) fixLink(link, pageUrl);
  for (const table of Array.from(body.querySelectorAll('table'))) wrapTable(table);
  return body.innerHTML;
}

/** The element an in-article link points at (its id carries the prefix the sanitiser added). */
export function anchorTarget(root: HTMLElement, link: HTMLAnchorElement): Element | null {
  const id = link.getAttribute('href')?.slice(1) ?? '';
  if (!id.startsWith(ID_PREFIX)) return null;
  const candidates = Array.from(root.querySelectorAll('[id], a[name]'));
  return candidates.find((element) => element.id === id || element.getAttribute('name') === id) ?? null;
}
