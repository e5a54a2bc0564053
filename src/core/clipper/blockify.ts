/**
 * Containers (`div`, `section`, …) are not kept in a clip, only what they hold. So that the text of
 * two sibling divs does not run together once they are gone, a container with only inline content
 * becomes a paragraph, and runs of inline content beside blocks are wrapped in paragraphs.
 */
import { isElement, tagOf, TEXT_NODE, type DomElement, type DomNode } from './dom';

const CONTAINERS = new Set([
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'center',
  'nav',
  'span',
]);
const BLOCKS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'pre',
  'blockquote',
  'table',
  'figure',
  'figcaption',
  'hr',
  'details',
  'summary',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'center',
  'nav',
  'form',
  'address',
]);

// Where whitespace between children is layout, not text: it becomes one line break.
const STRUCTURAL = new Set(
  [...BLOCKS]
    .filter(
      (tag) =>
        !['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dt', 'dd', 'pre', 'figcaption', 'summary'].includes(
          tag,
        ),
    )
    .concat(['tbody', 'thead', 'tfoot', 'tr', 'body']),
);

export function blockify(root: DomElement): void {
  for (const element of Array.from(
    root.querySelectorAll('div, section, article, main, header, footer, aside, center, nav'),
  ).reverse()) {
    if (hasBlockChild(element)) wrapInlineRuns(element);
    else rename(element, 'p');
  }
  wrapInlineRuns(root);
  tidyWhitespace(root);
}

function tidyWhitespace(element: DomElement): void {
  const structural = element === element.ownerDocument.body || STRUCTURAL.has(tagOf(element));
  let previousBlank = false;
  for (const child of Array.from(element.childNodes)) {
    const blank = structural && child.nodeType === TEXT_NODE && (child.textContent ?? '').trim() === '';
    if (blank && previousBlank) element.removeChild(child);
    else if (blank) child.textContent = '\n';
    else if (isElement(child) && tagOf(child) !== 'pre') tidyWhitespace(child);
    previousBlank = blank;
  }
}

function hasBlockChild(element: DomElement): boolean {
  return Array.from(element.childNodes).some((child) => isElement(child) && BLOCKS.has(tagOf(child)));
}

function wrapInlineRuns(element: DomElement): void {
  if (!hasBlockChild(element)) return;
  let run: DomNode[] = [];
  const flush = (before: DomNode | null): void => {
    const isBlank = (node: DomNode | undefined): boolean =>
      node !== undefined && !isElement(node) && (node.textContent ?? '').trim() === '';
    while (isBlank(run[0])) run.shift();
    while (isBlank(run[run.length - 1])) run.pop();
    if (
      run.some((node) => (node.textContent ?? '').trim() !== '' || (isElement(node) && tagOf(node) === 'img'))
    ) {
      const paragraph = element.ownerDocument.createElement('p');
      element.insertBefore(paragraph, before);
      for (const node of run) paragraph.appendChild(node);
    }
    run = [];
  };
  for (const child of Array.from(element.childNodes)) {
    if (isElement(child) && BLOCKS.has(tagOf(child))) flush(child);
    else run.push(child);
  }
  flush(null);
}

function rename(element: DomElement, tag: string): void {
  if (
    CONTAINERS.has(tagOf(element)) &&
    (element.textContent ?? '').trim() === '' &&
    element.querySelector('img') === null
  ) {
    element.remove();
    return;
  }
  const replacement = element.ownerDocument.createElement(tag);
  for (const child of Array.from(element.childNodes)) replacement.appendChild(child);
  element.replaceWith(replacement);
}
