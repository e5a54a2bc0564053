/**
 * Removes page furniture by what the markup says it is — nav/footer/aside, forms, landmark roles,
 * hidden and fixed-position boxes, and classes or ids like share, related, newsletter, cookie,
 * comments, author-bio, post-footer — before Readability scores the page. The element that holds
 * the article (itemprop=articleBody, the main `<article>`, `<main>`) and its ancestors are never
 * removed, whatever their class says.
 */
import { all, isElement, tagOf, textOf, type DomDocument, type DomElement } from './dom';
import { isFurnitureName } from './furniture-names';

const ALWAYS =
  'script, style, template, link, meta, base, iframe, frame, frameset, object, embed, applet, param, canvas, dialog, ' +
  'svg, math, video, audio, track, map, area, marquee, portal';
const CONTROLS = 'form, button, input, select, textarea, label, fieldset, menu';
const LANDMARKS =
  'nav, footer, aside, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"], ' +
  '[role="search"], [role="dialog"], [role="alertdialog"], [role="menu"], [role="menubar"], [role="toolbar"]';
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden|position\s*:\s*fixed)/i;

/** Removes furniture from `document` in place; returns the element believed to hold the article. */
export function removeFurniture(document: DomDocument): DomElement | null {
  const body = document.body;
  const main = findMainContent(document);
  const removable = (element: DomElement): boolean =>
    element !== body && element.parentNode !== null && (main === null || !element.contains(main));
  for (const element of all(body, ALWAYS)) element.remove();
  const bodyLength = textOf(body).length;
  for (const element of all(body, `${CONTROLS}, ${LANDMARKS}`)) {
    // Some sites (ASP.NET) wrap the whole page in one form.
    if (tagOf(element) === 'form' && textOf(element).length > bodyLength * 0.3) continue;
    // Asides inside the article are notes and boxes that belong to it unless they are link lists.
    if (tagOf(element) === 'aside' && main?.contains(element) === true && !isLinkList(element)) continue;
    if (removable(element)) element.remove();
  }
  for (const header of all(body, 'header')) {
    if (removable(header) && header.closest('article, main, [itemprop~="articleBody"]') === null)
      header.remove();
  }
  for (const element of all(body, '[hidden], [aria-hidden="true"], [style], [class], [id]')) {
    if (!removable(element)) continue;
    if (isHidden(element) || isFurnitureName(`${element.className} ${element.id}`)) element.remove();
  }
  return main?.parentNode === null ? null : main;
}

/** The element most likely to hold the article, by what the markup declares. */
export function findMainContent(document: DomDocument): DomElement | null {
  const declared = document.querySelector('[itemprop~="articleBody"], [itemprop~="articlebody"]');
  if (declared !== null) return declared;
  const articles = all(document, 'article').filter(
    (article) =>
      article.parentElement?.closest('article') === null &&
      !isFurnitureName(`${article.className} ${article.id}`),
  );
  let best: DomElement | null = null;
  let bestLength = 0;
  for (const article of articles) {
    const length = textOf(article).length;
    if (length > bestLength) [best, bestLength] = [article, length];
  }
  return best ?? document.querySelector('[role="main"], main');
}

function isHidden(element: DomElement): boolean {
  if (element.hasAttribute('hidden')) return true;
  if (element.getAttribute('aria-hidden') === 'true') {
    // aria-hidden also marks decorative copies of real content; only short ones are dropped.
    return textOf(element).length < 200 && element.querySelector('p, img, table, pre') === null;
  }
  return HIDDEN_STYLE.test(element.getAttribute('style') ?? '');
}

/** True when most of the element's text is link text: a list of links, not prose. */
export function isLinkList(element: DomElement): boolean {
  const text = textOf(element).length;
  if (text === 0) return true;
  const linked = all(element, 'a[href]').reduce((sum, link) => sum + textOf(link).length, 0);
  return linked / text > 0.5;
}

/** Drops elements left with no text and no image (wrappers emptied by the removals above). */
export function removeEmpty(root: DomElement): void {
  for (const element of all(root, 'div, section, span, p, ul, ol, li, figure, blockquote').reverse()) {
    if (element.querySelector('img, table, pre, hr, br, video') !== null) continue;
    if (textOf(element) === '' && isElement(element)) element.remove();
  }
}
