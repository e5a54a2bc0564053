/**
 * Highlights in the rendered article: offsets into the article's `textContent` become runs of
 * text nodes, each wrapped in `<mark class="hl hl--<color>" data-highlight-id>` (the first one
 * focusable). Only text nodes are split and wrapped, so the article's own elements, links and
 * attributes are never touched.
 */
import type { HighlightColor } from '@shared/types';

export const HIGHLIGHT_CLASS = 'hl';
const FLASH_CLASS = 'is-flashing';
const FLASH_MS = 1_200;
/** How many characters of the article either side of a quote go with it, to find it again. */
export const CONTEXT_CHARS = 32;

/** Elements whose children are rows, cells or items: a `<mark>` directly inside them is invalid. */
const STRUCTURAL = new Set(['TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'COLGROUP', 'UL', 'OL', 'DL']);

/** A stretch of the article's text, [start, end) in UTF-16 code units of its `textContent`. */
export interface TextSpan {
  start: number;
  end: number;
}

function textNodes(root: Node): Text[] {
  const walker = (root.ownerDocument ?? document).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** Takes away every highlight mark, leaving the text (and any other marks) as it was. */
export function clearHighlights(root: HTMLElement): void {
  const marks = Array.from(root.querySelectorAll(`mark.${HIGHLIGHT_CLASS}`));
  const parents = new Set<Node>();
  for (const mark of marks) {
    const parent = mark.parentNode;
    if (!parent) continue;
    mark.replaceWith(...Array.from(mark.childNodes));
    parents.add(parent);
  }
  for (const parent of parents) if (parent.isConnected || parent === root) parent.normalize();
}

/** Where a DOM position (as in a Range boundary) falls in `root.textContent`. */
export function textOffset(root: HTMLElement, node: Node, offset: number): number {
  const range = root.ownerDocument.createRange();
  range.setStart(root, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** The span of the article a DOM range covers, with the whitespace at either end left out. */
export function spanOfRange(root: HTMLElement, range: Range): TextSpan | null {
  if (!root.contains(range.commonAncestorContainer)) return null;
  const text = root.textContent ?? '';
  let start = textOffset(root, range.startContainer, range.startOffset);
  let end = textOffset(root, range.endContainer, range.endOffset);
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return end > start ? { start, end } : null;
}

/** What `addHighlight` needs to find a span again: its text and some context either side. */
export function quoteOf(text: string, span: TextSpan): { quote: string; prefix: string; suffix: string } {
  return {
    quote: text.slice(span.start, span.end),
    prefix: text.slice(Math.max(0, span.start - CONTEXT_CHARS), span.start),
    suffix: text.slice(span.end, span.end + CONTEXT_CHARS),
  };
}

/** A whitespace-only piece whose parent holds rows, cells or items is left as it is. */
function canWrap(node: Text, from: number, to: number): boolean {
  if (node.data.slice(from, to).trim() !== '') return true;
  const parent = node.parentElement;
  return parent !== null && !STRUCTURAL.has(parent.tagName);
}

/**
 * Wraps the text in `span` in marks for one highlight; returns the marks in order (none when
 * the span lies outside the article's text).
 */
export function paintHighlight(
  root: HTMLElement,
  span: TextSpan,
  id: string,
  color: HighlightColor,
): HTMLElement[] {
  const doc = root.ownerDocument;
  const pieces: { node: Text; from: number; to: number }[] = [];
  let at = 0;
  for (const node of textNodes(root)) {
    const length = node.data.length;
    const from = Math.max(span.start - at, 0);
    const to = Math.min(span.end - at, length);
    if (from < to && canWrap(node, from, to)) pieces.push({ node, from, to });
    at += length;
    if (at >= span.end) break;
  }
  const marks: HTMLElement[] = [];
  for (const { node, from, to } of pieces) {
    let target = node;
    if (to < target.data.length) target.splitText(to);
    if (from > 0) target = target.splitText(from);
    const mark = doc.createElement('mark');
    mark.className = `${HIGHLIGHT_CLASS} ${HIGHLIGHT_CLASS}--${color}`;
    mark.dataset.highlightId = id;
    target.replaceWith(mark);
    mark.append(target);
    marks.push(mark);
  }
  // Tab reaches each highlight once, at its start; Enter there opens its controls.
  if (marks[0]) marks[0].tabIndex = 0;
  return marks;
}

/** The marks of one highlight, in order. */
export function marksOf(root: HTMLElement, id: string): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(`mark.${HIGHLIGHT_CLASS}`)).filter(
    (mark) => mark.dataset.highlightId === id,
  );
}

/** The highlight a click landed on (the innermost, where highlights overlap), or null. */
export function highlightAt(target: EventTarget | null): HTMLElement | null {
  if (!(target instanceof Element)) return null;
  return target.closest<HTMLElement>(`mark.${HIGHLIGHT_CLASS}[data-highlight-id]`);
}

/** Scrolls a highlight into view and makes it blink once, so the eye finds it. */
export function flashHighlight(root: HTMLElement, id: string): boolean {
  const marks = marksOf(root, id);
  if (marks.length === 0) return false;
  marks[0]?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  for (const mark of marks) {
    mark.classList.remove(FLASH_CLASS);
    // Reading the layout restarts the animation when the same highlight is picked twice.
    void mark.offsetWidth;
    mark.classList.add(FLASH_CLASS);
  }
  setTimeout(() => marks.forEach((mark) => mark.classList.remove(FLASH_CLASS)), FLASH_MS);
  return true;
}
