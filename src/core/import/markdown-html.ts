/**
 * A clip's article from its Markdown (an exported clip file): the HTML the reader shows, rendered
 * with `marked` and sanitised by the clipper's own sanitiser, and the plain text highlights are
 * anchored in, made the way the clipper makes it.
 */
import { Marked } from 'marked';
import { parseFragment } from '../clipper/dom';
import { toPlainText } from '../clipper/plain-text';
import { sanitizeHtml } from '../clipper/sanitize';
import { ASSET_NAME } from '../clip-record';

const marked = new Marked({ gfm: true, async: false });

// The sanitiser keeps only http(s) images (a clip's images are fetched ones); library assets pass
// it under a name that cannot be a real address, and get their own name back afterwards.
const ASSET_STAND_IN = 'https://asset.invalid/';

export function markdownToArticle(markdown: string): { html: string; text: string } {
  const clean = parseFragment(sanitizeHtml(withAssetStandIns(marked.parse(markdown) as string)));
  for (const image of Array.from(clean.querySelectorAll('img'))) {
    const src = image.getAttribute('src') ?? '';
    if (src.startsWith(ASSET_STAND_IN) && ASSET_NAME.test(src.slice(ASSET_STAND_IN.length)))
      image.setAttribute('src', src.slice(ASSET_STAND_IN.length));
  }
  return { html: clean.innerHTML, text: toPlainText(clean) };
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
