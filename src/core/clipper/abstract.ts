/**
 * A scholarly page's abstract often sits apart from the body Readability picks (a sibling section
 * above it). When the article text does not already hold it, it goes back at the top.
 */
import { all, squash, textOf, type DomElement } from './dom';

const DECLARED =
  '[role="doc-abstract"], section.abstract, div.abstract, #abstract, .article-abstract, .abstract-content';
const HEADING = /^(?:abstract|summary|résumé|resume|zusammenfassung|resumen|riassunto)\s*:?$/i;
const HEADING_PREFIX = /^(?:abstract|summary|résumé|resume|zusammenfassung|resumen|riassunto)\s*:?\s*/i;

export function restoreAbstract(source: DomElement, output: DomElement): void {
  const abstract = findAbstract(source);
  if (abstract === null) return;
  const text = textOf(abstract).replace(HEADING_PREFIX, '');
  if (text.length < 80 || squash(output.textContent).includes(text.slice(0, 200))) return;
  const first = output.firstChild;
  const copy = abstract.cloneNode(true);
  if (first === null) output.append(copy);
  else output.insertBefore(copy, first);
}

function findAbstract(source: DomElement): DomElement | null {
  const declared = source.querySelector(DECLARED);
  if (declared !== null) return declared;
  const heading = all(source, 'h2, h3, h4').find((element) => HEADING.test(textOf(element)));
  const holder = heading?.parentElement ?? null;
  // The heading's own section, when that section is just the abstract (not the whole article).
  if (holder === null || all(holder, 'h2, h3, h4').length !== 1) return null;
  return holder;
}
