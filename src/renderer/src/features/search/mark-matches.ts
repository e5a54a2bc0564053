/**
 * Marks a search's matched words in rendered article HTML: only text nodes are split and
 * wrapped, so the article's own markup, links and attributes are never touched.
 */
import { MAX_MARKED, matchPattern } from './find-matches';

export const MATCH_CLASS = 'search-match';

/** Takes away the marks a previous call added, leaving the text as it was. */
export function clearMatches(root: HTMLElement): void {
  for (const mark of Array.from(root.querySelectorAll(`mark.${MATCH_CLASS}`))) {
    const parent = mark.parentNode;
    if (!parent) continue;
    mark.replaceWith(...Array.from(mark.childNodes));
    parent.normalize();
  }
}

function textNodes(root: HTMLElement): Text[] {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node instanceof Text && node.data.trim() !== '') nodes.push(node);
  }
  return nodes;
}

/** Wraps every occurrence of the words in `<mark class="search-match">`; returns the marks in order. */
export function markMatches(root: HTMLElement, words: readonly string[]): HTMLElement[] {
  clearMatches(root);
  const pattern = matchPattern(words);
  if (!pattern) return [];
  const marks: HTMLElement[] = [];
  for (const node of textNodes(root)) {
    const found = Array.from(node.data.matchAll(pattern));
    if (found.length === 0) continue;
    const pieces: Node[] = [];
    let from = 0;
    for (const match of found) {
      if (marks.length >= MAX_MARKED) break;
      if (match.index > from)
        pieces.push(root.ownerDocument.createTextNode(node.data.slice(from, match.index)));
      const mark = root.ownerDocument.createElement('mark');
      mark.className = MATCH_CLASS;
      mark.textContent = match[0];
      pieces.push(mark);
      marks.push(mark);
      from = match.index + match[0].length;
    }
    if (from < node.data.length) pieces.push(root.ownerDocument.createTextNode(node.data.slice(from)));
    node.replaceWith(...pieces);
    if (marks.length >= MAX_MARKED) break;
  }
  return marks;
}
