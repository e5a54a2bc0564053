/**
 * Readies a parsed page for extraction, in place: footnotes and code blocks in one shape, furniture
 * removed, images and links made absolute against the page's base URL.
 */
import { parseHttpUrl } from './canonical-url';
import { normalizeCodeBlocks } from './code-blocks';
import { all, type DomDocument, type DomElement } from './dom';
import { FOOTNOTE_ID, normalizeFootnotes } from './footnotes';
import { removeFurniture } from './furniture';
import { resolveImages } from './lazy-images';

/** The URL relative addresses resolve against: `<base href>` (http(s) only) over the page URL. */
export function pageBase(document: DomDocument, pageUrl: string | null): string | null {
  const href = document.querySelector('base[href]')?.getAttribute('href') ?? null;
  const base = href === null ? null : parseHttpUrl(href, pageUrl ?? undefined);
  return base?.href ?? pageUrl;
}

/** Prepares `document`; returns the element the markup declares as the article, if any. */
export function prepareDocument(document: DomDocument, base: string | null): DomElement | null {
  const body = document.body;
  removePermalinks(body);
  normalizeFootnotes(body);
  normalizeCodeBlocks(body);
  const main = removeFurniture(document);
  resolveImages(body, base);
  absolutizeLinks(body, base);
  return main;
}

// The "#" or "¶" links docs put in their headings.
function removePermalinks(root: DomElement): void {
  for (const link of all(
    root,
    'h1 a[href^="#"], h2 a[href^="#"], h3 a[href^="#"], h4 a[href^="#"], h5 a[href^="#"], h6 a[href^="#"]',
  )) {
    if (
      /^[\s\u200b#¶§🔗]*$/u.test(link.textContent ?? '') ||
      /\b(?:hash-link|headerlink|anchor)\b/.test(link.className)
    )
      link.remove();
  }
}

/** Links become absolute http(s) or mailto addresses, or plain text (fragments but footnotes). */
export function absolutizeLinks(root: DomElement, base: string | null): void {
  for (const link of all(root, 'a')) {
    const href = (link.getAttribute('href') ?? '').trim();
    if (href.startsWith('#')) {
      if (!FOOTNOTE_ID.test(href.slice(1))) link.removeAttribute('href');
      continue;
    }
    if (/^mailto:/i.test(href)) continue;
    const url = href === '' ? null : parseHttpUrl(href, base ?? undefined);
    if (url !== null) link.setAttribute('href', url.href);
    // Without a base, a relative link stays a link to another page (which tells a list of links
    // from prose) until the sanitiser drops the address it cannot resolve.
    else if (base !== null || /^[a-z][a-z0-9+.-]*:/i.test(href) || href === '') link.removeAttribute('href');
  }
  // Icon links (empty once their icon font or SVG is gone) say nothing.
  for (const link of all(root, 'a')) {
    if ((link.textContent ?? '').trim() === '' && link.querySelector('img') === null) link.remove();
  }
}
