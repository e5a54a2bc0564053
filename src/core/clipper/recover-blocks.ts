/**
 * Puts back what Readability dropped from the article: blocks of the page (short paragraphs,
 * link-heavy paragraphs, lists, tables, code, figures and captions) that sit between paragraphs it
 * kept — or anywhere inside the element the markup declares as the article — and that are not
 * furniture. Each goes back in page order, after the kept block that precedes it.
 */
import { isElement, squash, tagOf, type DomElement } from './dom';
import { isLinkList } from './furniture';
import { textBlocks, type TextBlock } from './text-blocks';
import { isFurnitureText } from './text-furniture';
import { normalizeDate } from './dates';

const CONTAINER_TAGS = new Set(['div', 'section', 'article', 'main', 'body']);
// Lists and figures: a dropped child goes back inside, beside the kept one.
const SIBLING_PARENTS = new Set(['ul', 'ol', 'dl', 'figure', 'details']);
const FRAGMENT_TAGS = new Set(['td', 'th', 'tr', 'thead', 'tbody', 'tfoot', 'caption', 'summary']);

/**
 * Restores into `output` (Readability's article element) the blocks of `source` (the prepared
 * page body) it lost. `main` is the declared article element, `title` the article title.
 */
export function recoverDroppedBlocks(
  source: DomElement,
  output: DomElement,
  main: DomElement | null,
  title: string,
): void {
  const outputBlocks = textBlocks(output);
  const kept = new Map<string, DomElement[]>();
  for (const block of outputBlocks) kept.set(block.key, [...(kept.get(block.key) ?? []), block.element]);
  const keptText = squash(output.textContent);
  const blocks = textBlocks(source);
  const isKept = (block: TextBlock): boolean =>
    kept.has(block.key) || (!block.key.startsWith('img:') && keptText.includes(block.key));
  const anchors = blocks.filter((block) => kept.has(block.key));
  if (anchors.length === 0) return;
  // The declared article body's <article> also holds its lead figure and standfirst.
  const container = main === null ? null : (main.closest('article') ?? main);
  const scope = articleScope(anchors, container);
  const inScope = blocks.filter((block) => scope.contains(block.element));
  const holdsKept = new Set<DomElement>();
  for (const block of inScope.filter(isKept)) {
    for (let node = block.element.parentElement; node !== null && node !== scope; node = node.parentElement)
      holdsKept.add(node);
  }
  const firstAnchor = inScope.findIndex((block) => kept.has(block.key));
  const lastAnchor = inScope.length - 1 - [...inScope].reverse().findIndex((block) => kept.has(block.key));
  const declared =
    container !== null && (container === scope || scope.contains(container) || container.contains(scope));
  const cursor: Cursor = { top: null, keptSource: null, keptOutput: null, position: -1 };
  const restored = new Set<DomElement>();
  for (const [index, block] of inScope.entries()) {
    const queue = kept.get(block.key);
    const match = queue?.shift();
    if (match !== undefined) {
      Object.assign(cursor, { top: topBlock(match, output), keptSource: block.element, keptOutput: match });
      cursor.position = Math.max(
        cursor.position,
        outputBlocks.findIndex((kept) => kept.element === match),
      );
      continue;
    }
    if (isKept(block)) {
      // Kept in another shape (Readability split or merged it): follow it to where it went.
      const moved = lastInside(block.key, outputBlocks, cursor.position);
      if (moved >= 0) {
        const element = outputBlocks[moved]?.element ?? output;
        Object.assign(cursor, {
          top: topBlock(element, output),
          keptSource: null,
          keptOutput: null,
          position: moved,
        });
      }
      continue;
    }
    const inGap = index > firstAnchor && index < lastAnchor;
    if (!inGap && !declared) continue;
    const unit = unitOf(block.element, scope, holdsKept);
    if (restored.has(unit) || !worthRestoring(unit, inGap, title)) continue;
    restored.add(unit);
    insert(unit, cursor, output, kept.get(inScope[firstAnchor]?.key ?? '')?.[0] ?? null);
  }
}

interface Cursor {
  /** The output block the next restored block goes after (null: before the first kept block). */
  top: DomElement | null;
  /** The last kept (or restored) block in the page, and its copy in the output. */
  keptSource: DomElement | null;
  keptOutput: DomElement | null;
  /** Index in the output's blocks of the last one reached: the cursor only moves forward. */
  position: number;
}

function insert(unit: DomElement, cursor: Cursor, output: DomElement, firstKept: DomElement | null): void {
  const copy = unit.cloneNode(true);
  const { keptSource, keptOutput } = cursor;
  // A dropped list item or caption next to a kept one goes back beside it, inside the same list.
  const sibling =
    keptSource !== null &&
    keptOutput?.parentElement != null &&
    unit.parentElement === keptSource.parentElement &&
    unit.parentElement !== null &&
    SIBLING_PARENTS.has(tagOf(unit.parentElement)) &&
    tagOf(keptOutput.parentElement) === tagOf(unit.parentElement);
  if (sibling && keptOutput !== null) {
    keptOutput.after(copy);
  } else if (cursor.top !== null) {
    cursor.top.after(copy);
    cursor.top = copy;
  } else {
    const first = firstKept === null ? null : topBlock(firstKept, output);
    if (first === null || first === output) output.append(copy);
    else first.before(copy);
    cursor.top = copy;
  }
  cursor.keptSource = unit;
  cursor.keptOutput = copy;
}

// The index of the last output block after `from` whose text is part of `key` (a source block
// Readability reshaped), or -1.
function lastInside(key: string, outputBlocks: TextBlock[], from: number): number {
  let found = -1;
  for (let i = from + 1; i < outputBlocks.length; i += 1) {
    const block = outputBlocks[i];
    if (block === undefined || block.key === key || block.key.startsWith('img:')) continue;
    if (block.key.length >= 20 && key.includes(block.key)) found = i;
  }
  return found;
}

// The deepest element holding nearly all the kept text, widened to the declared article element.
function articleScope(anchors: TextBlock[], main: DomElement | null): DomElement {
  const weight = new Map<DomElement, number>();
  let total = 0;
  for (const { element, key } of anchors) {
    total += key.length;
    for (let node = element.parentElement; node !== null; node = node.parentElement) {
      weight.set(node, (weight.get(node) ?? 0) + key.length);
    }
  }
  let scope = anchors[0]?.element.ownerDocument.body as DomElement;
  let depth = -1;
  for (const [element, sum] of weight) {
    if (sum < total * 0.9) continue;
    let d = 0;
    for (let node = element.parentElement; node !== null; node = node.parentElement) d += 1;
    if (d > depth) [scope, depth] = [element, d];
  }
  return main !== null && main.contains(scope) ? main : scope;
}

// The largest ancestor of a dropped block that holds nothing Readability kept.
function unitOf(element: DomElement, scope: DomElement, holdsKept: Set<DomElement>): DomElement {
  let unit = element;
  for (
    let parent = unit.parentElement;
    parent !== null && parent !== scope && !holdsKept.has(parent);
    parent = parent.parentElement
  ) {
    unit = parent;
  }
  return unit;
}

function worthRestoring(unit: DomElement, inGap: boolean, title: string): boolean {
  const tag = tagOf(unit);
  const text = squash(unit.textContent);
  if (FRAGMENT_TAGS.has(tag)) return false;
  if (text === '' && unit.querySelector('img') === null && tag !== 'img') return false;
  if (isFurnitureText(text)) return false;
  if (/^h[1-6]$/.test(tag) && (text === squash(title) || !inGap)) return false;
  // Before or after the article text, a bare date or a byline is page metadata, already read.
  if (!inGap && (normalizeDate(text) !== null || /^(?:by|par|von|por)\s/i.test(text)) && text.length < 100)
    return false;
  // Outside the run of kept paragraphs, a list of links is navigation, not article.
  return inGap || tag === 'img' || unit.querySelector('img') !== null || !isLinkList(unit);
}

// The ancestor of a kept element that sits directly in a container of the output.
function topBlock(element: DomElement, output: DomElement): DomElement {
  let node = element;
  while (node !== output && node.parentElement !== null && node.parentElement !== output) {
    const parent = node.parentElement;
    if (CONTAINER_TAGS.has(tagOf(parent)) && isElement(parent)) break;
    node = parent;
  }
  return node;
}
