/**
 * Markdown whose HTML the sanitiser would pass as it is. With no raw HTML in the Markdown, all the
 * markup is `marked`'s own, the text escaped; when that markup holds only elements and attributes
 * the sanitiser keeps unchanged (links and images to web addresses or library assets, a language
 * on code, a list's start), the sanitiser's only changes are to open links outside and drop image
 * titles — made here the same way, and the sanitiser's jsdom parse (milliseconds a clip) is saved.
 * Anything else — raw HTML, another kind of address, a value the sanitiser would trim or drop, an
 * entity or character two HTML parsers could read differently — is left to the sanitiser. Tests
 * hold this to the sanitiser's own output, byte for byte.
 */
import type { Token } from 'marked';
import { ASSET_NAME } from '../clip-record';
import { CODE_LANGUAGE_CLASS } from '../clipper/code-blocks';
import { parseFragment, type DomElement } from '../clipper/dom';

/** The elements `marked` writes that the sanitiser keeps, each with the attributes it may carry. */
const KEPT: Readonly<Record<string, readonly string[]>> = {
  p: [],
  h1: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  br: [],
  hr: [],
  ul: [],
  ol: ['start'],
  li: [],
  blockquote: [],
  pre: [],
  code: ['class'],
  em: [],
  strong: [],
  del: [],
  table: [],
  thead: [],
  tbody: [],
  tr: [],
  th: [],
  td: [],
  a: ['href', 'title'],
  img: ['src', 'alt', 'title'],
};

const LINK = /^(?:https?|mailto):\S+$/i;
const IMAGE = /^https?:\S+$/i;
const LIST_START = /^\d{1,5}$/;
/** Left to the sanitiser: a carriage return or NUL (parsers rewrite them), a lone surrogate, an entity marked did not write. */
const UNSURE_TEXT = /[\r\0]|\p{Cs}|&(?!(?:amp|lt|gt|quot|#39);)/u;
/** Values the sanitiser drops (a comment or tag breaking out, a self-closing tag). */
const UNSAFE_VALUE = /(?:--!?|\])>|<\/|\/>/;

/**
 * `html` (marked's rendering of `tokens`) parsed, with links opened outside and image titles
 * dropped as the sanitiser does, when it needs nothing more; null when the sanitiser must see it.
 */
export function trustedFragment(tokens: readonly Token[], html: string): DomElement | null {
  if (UNSURE_TEXT.test(html) || hasRawHtml(tokens)) return null;
  const root = parseFragment(html);
  const elements = Array.from(root.querySelectorAll('*'));
  if (!elements.every(keptAsIs)) return null;
  for (const element of elements) {
    if (element.localName === 'a') openOutside(element);
    else if (element.localName === 'img') element.removeAttribute('title');
  }
  return root;
}

/** `rel` and `target` after the link's own attributes, where the sanitiser puts them. */
function openOutside(link: DomElement): void {
  const attributes = link
    .getAttributeNames()
    .map((name): [string, string] => [name, link.getAttribute(name) ?? '']);
  attributes.push(['rel', 'noopener noreferrer'], ['target', '_blank']);
  for (const [name] of attributes) link.removeAttribute(name);
  // linkedom puts an attribute it adds before the others: added last to first, they read in order.
  for (const [name, value] of attributes.reverse()) link.setAttribute(name, value);
}

function hasRawHtml(tokens: readonly Token[]): boolean {
  const stack = [...tokens];
  for (let token = stack.pop(); token !== undefined; token = stack.pop()) {
    if (token.type === 'html') return true;
    for (const key of ['tokens', 'items'] as const) {
      const children = (token as { [name: string]: unknown })[key];
      if (Array.isArray(children)) stack.push(...(children as Token[]));
    }
    if (token.type === 'table') {
      const table = token as Token & { header: { tokens: Token[] }[]; rows: { tokens: Token[] }[][] };
      for (const cell of [...table.header, ...table.rows.flat()]) stack.push(...cell.tokens);
    }
  }
  return false;
}

function keptAsIs(element: DomElement): boolean {
  const tag = element.localName;
  const allowed = KEPT[tag];
  if (allowed === undefined) return false;
  return element.getAttributeNames().every((name) => {
    const value = element.getAttribute(name) ?? '';
    if (!allowed.includes(name) || value !== value.trim() || UNSAFE_VALUE.test(value)) return false;
    switch (name) {
      case 'href':
        return LINK.test(value);
      case 'src':
        return IMAGE.test(value) || ASSET_NAME.test(value);
      case 'class':
        return CODE_LANGUAGE_CLASS.test(value);
      case 'start':
        return LIST_START.test(value);
      default:
        return true;
    }
  });
}
