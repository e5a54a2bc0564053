/**
 * The slice of the DOM the clipper uses, typed here because the core's tsconfig has no DOM
 * library, and the fast parser (linkedom) behind it. linkedom does not build a `<body>` the way
 * browsers do, so markup without one is given one before parsing.
 */
import { parseHTML } from 'linkedom';

export interface DomList<T> extends Iterable<T> {
  readonly length: number;
  readonly [index: number]: T;
}

export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly parentNode: DomNode | null;
  readonly parentElement: DomElement | null;
  readonly childNodes: DomList<DomNode>;
  readonly firstChild: DomNode | null;
  readonly lastChild: DomNode | null;
  readonly nextSibling: DomNode | null;
  readonly previousSibling: DomNode | null;
  readonly ownerDocument: DomDocument;
  textContent: string | null;
  cloneNode(deep?: boolean): DomNode;
  appendChild<T extends DomNode>(node: T): T;
  insertBefore<T extends DomNode>(node: T, reference: DomNode | null): T;
  removeChild<T extends DomNode>(node: T): T;
  contains(other: DomNode | null): boolean;
}

export interface DomElement extends DomNode {
  readonly tagName: string;
  readonly localName: string;
  id: string;
  className: string;
  innerHTML: string;
  readonly outerHTML: string;
  readonly children: DomList<DomElement>;
  getAttribute(name: string): string | null;
  getAttributeNames(): string[];
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  hasAttribute(name: string): boolean;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): DomList<DomElement>;
  closest(selectors: string): DomElement | null;
  matches(selectors: string): boolean;
  remove(): void;
  before(...nodes: DomNode[]): void;
  after(...nodes: DomNode[]): void;
  append(...nodes: (DomNode | string)[]): void;
  replaceWith(...nodes: (DomNode | string)[]): void;
  cloneNode(deep?: boolean): DomElement;
}

export interface DomDocument extends DomNode {
  readonly documentElement: DomElement;
  readonly head: DomElement;
  readonly body: DomElement;
  readonly title: string;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): DomList<DomElement>;
  createElement(tagName: string): DomElement;
  createTextNode(text: string): DomNode;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export function isElement(node: DomNode | null | undefined): node is DomElement {
  return node?.nodeType === ELEMENT_NODE;
}

/** Parses a page (or a fragment of one) with linkedom. */
export function parseDocument(html: string): DomDocument {
  const window = parseHTML(withBody(html)) as unknown as { document: DomDocument };
  return window.document;
}

/** Parses a fragment of body markup and returns the element holding it. */
export function parseFragment(html: string): DomElement {
  return parseDocument(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`).body;
}

function withBody(html: string): string {
  let source = html.replace(/^\uFEFF/, '');
  if (!/<html[\s>]/i.test(source)) {
    const prolog = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!doctype[^>]*>)?/i.exec(source)?.[0] ?? '';
    source = `<!DOCTYPE html><html>${source.slice(prolog.length)}</html>`;
  }
  if (/<body[\s>]/i.test(source)) return source;
  const headEnd = /<\/head\s*>/i.exec(source);
  const htmlStart = /<html[^>]*>/i.exec(source);
  const at =
    headEnd !== null
      ? headEnd.index + headEnd[0].length
      : (htmlStart?.index ?? 0) + (htmlStart?.[0].length ?? 0);
  const head = headEnd !== null ? '' : '<head></head>';
  const rest = source.slice(at).replace(/<\/html\s*>\s*$/i, '');
  return `${source.slice(0, at)}${head}<body>${rest}</body></html>`;
}

/** Nesting deeper than this is flattened: no page needs it, and Readability slows to minutes on it. */
export const MAX_DEPTH = 120;

/** Unwraps every element nested deeper than MAX_DEPTH (its text stays), without recursion. */
export function limitNesting(root: DomElement): void {
  const deep: DomElement[] = [];
  const stack: [DomElement, number][] = [[root, 0]];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [element, depth] = next;
    if (depth > MAX_DEPTH) deep.push(element);
    for (const child of Array.from(element.children)) stack.push([child, depth + 1]);
  }
  for (const element of deep.reverse()) element.replaceWith(...Array.from(element.childNodes));
}

/** Whitespace collapsed and trimmed, non-breaking spaces included. */
export function squash(text: string | null | undefined): string {
  return (text ?? '').replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/** The element's text, collapsed. */
export function textOf(node: DomNode | null | undefined): string {
  return squash(node?.textContent);
}

/** Lowercase tag name. */
export function tagOf(element: DomElement): string {
  return element.localName.toLowerCase();
}

/** Every element matching `selectors`, as an array safe to mutate the tree while iterating. */
export function all(root: DomElement | DomDocument, selectors: string): DomElement[] {
  return Array.from(root.querySelectorAll(selectors));
}
