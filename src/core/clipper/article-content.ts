/**
 * The article's content element: Readability's pick, corrected — dropped blocks put back, furniture
 * it kept removed, the title heading taken out, containers turned into paragraphs — and the test
 * that it is an article at all rather than a list of links.
 */
import { Readability } from '@mozilla/readability';
import { all, squash, tagOf, textOf, type DomDocument, type DomElement } from './dom';
import { isLinkList, removeEmpty } from './furniture';
import { textBlocks } from './text-blocks';
import { recoverDroppedBlocks } from './recover-blocks';
import { removeFurnitureText } from './text-furniture';
import { restoreAbstract } from './abstract';
import { blockify } from './blockify';
import { normalizeDate } from './dates';

/** What Readability found besides the content: fallbacks for the page's own metadata. */
export interface ReadabilityFacts {
  title: string | null;
  byline: string | null;
  lang: string | null;
  siteName: string | null;
  publishedTime: string | null;
  excerpt: string | null;
}

export interface ArticleContent {
  content: DomElement;
  facts: ReadabilityFacts;
}

/** Readability on a copy of the prepared page, then our corrections; null when it finds nothing. */
export function readArticle(
  document: DomDocument,
  main: DomElement | null,
  title: string,
): ArticleContent | null {
  const copy = document.cloneNode(true) as unknown as ConstructorParameters<typeof Readability>[0];
  const reader = new Readability<DomElement>(copy, {
    serializer: (node) => node as unknown as DomElement,
    disableJSONLD: true,
    // Classes carry code languages (language-x) to the sanitiser, which drops every other one.
    keepClasses: true,
  });
  const result = reader.parse();
  const content = result?.content;
  if (result === null || content === null || content === undefined) return null;
  recoverDroppedBlocks(document.body, content, main, title || squash(result.title));
  restoreAbstract(document.body, content);
  return {
    content,
    facts: {
      title: result.title ?? null,
      byline: result.byline ?? null,
      lang: result.lang ?? null,
      siteName: result.siteName ?? null,
      publishedTime: result.publishedTime ?? null,
      excerpt: result.excerpt ?? null,
    },
  };
}

/** Removes furniture left in `content`, the heading that repeats the title, and empty wrappers. */
export function tidyContent(content: DomElement, title: string, mode: 'article' | 'page'): void {
  removeFurnitureText(content);
  removeTimestamps(content);
  removeEmpty(content);
  if (mode === 'article') trimLinkEdges(content);
  removeStrayRules(content);
  const first = content.querySelector('h1, h2, h3');
  if (first !== null && squash(title) !== '' && textOf(first) === squash(title)) first.remove();
  blockify(content);
}

// Before the first words of the article and after its last, a block of nothing but links (a
// category kicker, a "more from" line) is navigation.
function trimLinkEdges(content: DomElement): void {
  const blocks = textBlocks(content).filter((block) => !block.key.startsWith('img:'));
  // List items are left alone: a closing list of links is often the article's own sources.
  const isLinks = (element: DomElement): boolean =>
    tagOf(element) !== 'li' &&
    element.querySelector('img') === null &&
    textOf(element).length < 120 &&
    isLinkList(element);
  for (const edge of [blocks, [...blocks].reverse()]) {
    for (const { element } of edge) {
      if (!isLinks(element)) break;
      element.remove();
    }
  }
}

// Horizontal rules that no longer separate anything: at either end, or doubled.
function removeStrayRules(content: DomElement): void {
  // Document order by index (linkedom's compareDocumentPosition answers backwards).
  const order = new Map(all(content, '*').map((element, index) => [element, index]));
  const textAt = textBlocks(content).map((block) => order.get(block.element) ?? -1);
  let lastRule = -1;
  for (const rule of all(content, 'hr')) {
    const at = order.get(rule) ?? -1;
    const textBefore = textAt.filter((index) => index < at).pop() ?? -1;
    const textAfter = textAt.some((index) => index > at);
    if (textBefore < 0 || !textAfter || lastRule > textBefore) rule.remove();
    else lastRule = at;
  }
}

// A block that is only a <time> or a date link (a post's permalink) is metadata, read already.
function removeTimestamps(content: DomElement): void {
  for (const block of all(content, 'p, div, span, li')) {
    const text = textOf(block);
    if (text === '' || text.length > 60 || normalizeDate(text.replace(/\s+at\s+.*$/i, '')) === null) continue;
    const holder = block.querySelector('time, a');
    if (holder !== null && textOf(holder) === text) block.remove();
  }
}

/** False for a page of links (a home page, an index) or of almost nothing. */
export function looksLikeArticle(content: DomElement): boolean {
  const text = textOf(content).length;
  const linked = all(content, 'a[href]').reduce((sum, link) => sum + textOf(link).length, 0);
  if (text - linked < 100 || linked / Math.max(1, text) > 0.5) return false;
  // A column of teasers: most headings are links to other pages.
  const headings = all(content, 'h1, h2, h3, h4');
  const linkedHeadings = headings.filter((heading) => {
    const links = textOf(heading.querySelector('a[href]') ?? null).length;
    return links > 0 && links >= textOf(heading).length * 0.8;
  });
  return !(headings.length >= 3 && linkedHeadings.length >= headings.length * 0.6);
}
