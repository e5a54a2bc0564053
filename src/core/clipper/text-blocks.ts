/**
 * A tree's smallest text-bearing blocks ("leaves": paragraphs, list items, cells, captions, code,
 * images, and divs holding only inline content), in document order, each with a comparison key.
 * Comparing the leaves of the page with those of Readability's output shows what it dropped.
 */
import { isElement, squash, tagOf, type DomElement, type DomNode } from './dom';

export interface TextBlock {
  element: DomElement;
  /** Collapsed text, or `img:<src>` for an image. */
  key: string;
}

const LEAF_TAGS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'dt',
  'dd',
  'pre',
  'blockquote',
  'figcaption',
  'td',
  'th',
  'caption',
  'img',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'main',
  'table',
  'ul',
  'ol',
  'dl',
  'figure',
  'details',
  'summary',
]);
// Containers count as leaves only when nothing inside them is a block.
const CONTAINERS = new Set([
  'div',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'main',
  'table',
  'ul',
  'ol',
  'dl',
  'figure',
  'details',
]);

/** The leaves under `root` (not `root` itself), in document order. */
export function textBlocks(root: DomElement): TextBlock[] {
  const blocks: TextBlock[] = [];
  walk(root, blocks);
  return blocks;
}

/** The comparison key of a block's text. */
export function blockKey(element: DomElement): string {
  if (tagOf(element) === 'img') return `img:${element.getAttribute('src') ?? ''}`;
  return squash(element.textContent);
}

// Returns true when `node` is or contains a block.
function walk(node: DomNode, blocks: TextBlock[]): boolean {
  let hasBlock = false;
  const start = blocks.length;
  for (const child of Array.from(node.childNodes)) {
    if (isElement(child) && walk(child, blocks)) hasBlock = true;
  }
  if (!isElement(node) || !LEAF_TAGS.has(tagOf(node))) return hasBlock;
  if (!hasBlock || tagOf(node) === 'img') {
    const key = blockKey(node);
    if (key !== '' && key !== 'img:') blocks.splice(start, 0, { element: node, key });
    return true;
  }
  // A list item or quote with nested blocks keeps its own words too (`<li>Text<ul>…</ul></li>`).
  if (!CONTAINERS.has(tagOf(node)) && ownText(node) !== '') {
    blocks.splice(start, 0, { element: node, key: squash(node.textContent) });
  }
  return true;
}

function ownText(element: DomElement): string {
  return squash(
    Array.from(element.childNodes)
      .filter((child) => !isElement(child) || !LEAF_TAGS.has(tagOf(child)))
      .map((child) => child.textContent ?? '')
      .join(' '),
  );
}
