/**
 * The last word on what a clip's HTML may hold: DOMPurify over a jsdom window (on linkedom it
 * silently returns its input), with an allow-list of semantic tags and attributes. No script,
 * handler, style, class, id (but footnote ids), form, frame, base or meta; links only http(s),
 * mailto or footnotes, opening outside with `rel="noopener noreferrer"`; images only http(s).
 */
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { CODE_LANGUAGE_CLASS } from './code-blocks';
import type { DomElement } from './dom';
import { FOOTNOTE_ID } from './footnotes';

const ALLOWED_TAGS = [
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'br',
  'hr',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'code',
  'kbd',
  'samp',
  'var',
  'table',
  'caption',
  'colgroup',
  'col',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'figure',
  'figcaption',
  'img',
  'a',
  'em',
  'i',
  'strong',
  'b',
  'u',
  's',
  'sup',
  'sub',
  'small',
  'mark',
  'del',
  'ins',
  'abbr',
  'cite',
  'q',
  'dfn',
  'time',
  'details',
  'summary',
  'bdi',
  'bdo',
  'wbr',
  'ruby',
  'rt',
  'rp',
];
const ALLOWED_ATTR = [
  'href',
  'src',
  'alt',
  'width',
  'height',
  'title',
  'datetime',
  'colspan',
  'rowspan',
  'scope',
  'start',
  'reversed',
  'open',
  'lang',
  'dir',
  'id',
  'class',
];
const LINK_URL = /^(?:https?:|mailto:|#fn-\d+$)/i;
// DOMPurify tests every attribute not on its URI-safe list against this: values that are not a
// scheme (`320`, `en`, `ltr`) pass, schemes only http(s)/mailto. href and src are held to
// LINK_URL and IMAGE_URL in the hook below.
const ATTRIBUTE_VALUE = /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;
const IMAGE_URL = /^https?:/i;

type Purifier = ReturnType<typeof createDOMPurify>;
let purifier: Purifier | null = null;

const ALLOWED = new Set(ALLOWED_TAGS);

/** Sanitises article HTML; the jsdom window behind it is made once per thread and reused. */
export function sanitizeHtml(html: string): string {
  purifier ??= createPurifier();
  return purifier.sanitize(html);
}

/**
 * Replaces elements DOMPurify would drop but keep the content of (div, section, span, font…) by
 * their children, in the fast DOM, before sanitising. On jsdom, DOMPurify moves the children of
 * each such element one by one, which is quadratic in their number: seconds for one large <div>.
 * This is an optimisation only; DOMPurify still checks everything.
 */
export function unwrapContainers(root: DomElement): void {
  for (const element of Array.from(root.querySelectorAll('*')).reverse()) {
    if (ALLOWED.has(element.localName.toLowerCase()) || element.parentNode === null) continue;
    element.replaceWith(...Array.from(element.childNodes));
  }
}

function createPurifier(): Purifier {
  const { window } = new JSDOM('<!DOCTYPE html>');
  const purify = createDOMPurify(window);
  // Set once: DOMPurify parses a configuration passed to sanitize() again on every call.
  purify.setConfig({
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOWED_URI_REGEXP: ATTRIBUTE_VALUE,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
    KEEP_CONTENT: true,
    WHOLE_DOCUMENT: false,
    // Content of these goes with them: what they hold is never article text.
    FORBID_CONTENTS: [
      'script',
      'style',
      'template',
      'noscript',
      'iframe',
      'object',
      'embed',
      'svg',
      'math',
      'select',
      'textarea',
      'button',
      'form',
      'head',
      'title',
    ],
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    const element = node as unknown as DomElement;
    if (element.nodeType !== 1) return;
    const tag = element.localName;
    // Footnotes are the only ids, normalised to fn-N (see footnotes.ts): nothing else can clash with the app.
    if (!FOOTNOTE_ID.test(element.getAttribute('id') ?? '')) element.removeAttribute('id');
    const className = element.getAttribute('class');
    if (className !== null && !(tag === 'code' && CODE_LANGUAGE_CLASS.test(className)))
      element.removeAttribute('class');
    if (tag === 'a') secureLink(element);
    if (tag === 'img') {
      element.removeAttribute('title');
      if (!IMAGE_URL.test(element.getAttribute('src') ?? '')) element.remove();
    }
    for (const name of ['width', 'height', 'colspan', 'rowspan', 'start']) {
      const value = element.getAttribute(name);
      if (value !== null && !/^\d{1,5}$/.test(value.trim())) element.removeAttribute(name);
    }
  });
  return purify;
}

function secureLink(link: DomElement): void {
  const href = link.getAttribute('href');
  if (href === null || !LINK_URL.test(href.trim())) {
    link.removeAttribute('href');
    return;
  }
  if (href.startsWith('#')) return;
  link.setAttribute('rel', 'noopener noreferrer');
  link.setAttribute('target', '_blank');
}
