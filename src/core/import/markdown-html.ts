/**
 * A clip's article from its Markdown (an exported clip file): the HTML the reader shows, rendered
 * with `marked` and sanitised by the clipper's own sanitiser (unless it is Markdown the sanitiser
 * would pass unchanged, see trusted-markdown.ts), and the plain text highlights are anchored in,
 * made the way the clipper makes it.
 */
import { Marked } from 'marked';
import { parseFragment, type DomElement } from '../clipper/dom';
import { toPlainText } from '../clipper/plain-text';
import { sanitizeHtml } from '../clipper/sanitize';
import { ASSET_NAME } from '../clip-record';
import { trustedFragment } from './trusted-markdown';

const marked = new Marked({ gfm: true, async: false });

// The sanitiser keeps only http(s) images (a clip's images are fetched ones); library assets pass
// it under a name that cannot be a real address, and get their own name back afterwards.
const ASSET_STAND_IN = 'https://asset.invalid/';

/** A clip's article: the HTML the reader shows and the plain text highlights are anchored in. */
export interface Article {
  html: string;
  text: string;
}

export function markdownToArticle(markdown: string): Article {
  const tokens = marked.lexer(markdown);
  const html = marked.parser(tokens);
  return articleOf(trustedFragment(tokens, html) ?? sanitizedFragment(html));
}

/** The article with its HTML always sanitised: what markdownToArticle must give for any Markdown. */
export function sanitizedArticle(markdown: string): Article {
  return articleOf(sanitizedFragment(marked.parse(markdown) as string));
}

function articleOf(fragment: DomElement): Article {
  return { html: fragment.innerHTML, text: toPlainText(fragment) };
}

function sanitizedFragment(html: string): DomElement {
  const clean = parseFragment(sanitizeHtml(withAssetStandIns(html)));
  for (const image of Array.from(clean.querySelectorAll('img'))) {
    const src = image.getAttribute('src') ?? '';
    if (src.startsWith(ASSET_STAND_IN) && ASSET_NAME.test(src.slice(ASSET_STAND_IN.length)))
      image.setAttribute('src', src.slice(ASSET_STAND_IN.length));
  }
  return clean;
}

/** `html` with library assets as image sources under their stand-in name; parsed only if it has an image. */
function withAssetStandIns(html: string): string {
  if (!/<img/i.test(html)) return html;
  const root = parseFragment(html);
  for (const image of Array.from(root.querySelectorAll('img'))) {
    const src = image.getAttribute('src') ?? '';
    if (ASSET_NAME.test(src)) image.setAttribute('src', ASSET_STAND_IN + src);
  }
  return root.innerHTML;
}
