/**
 * The article as plain text: one paragraph per block (paragraph, heading, list item, quote, code
 * block, caption, table row), paragraphs separated by a blank line, line breaks kept inside them,
 * code as written, table cells separated by tabs and footnote references as `[N]`.
 */
import { isElement, tagOf, TEXT_NODE, type DomElement, type DomNode } from './dom';

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
  'blockquote',
  'figure',
  'figcaption',
  'caption',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'details',
  'summary',
  'hr',
  'div',
  'section',
  'article',
]);

export function toPlainText(root: DomElement): string {
  const paragraphs: string[] = [];
  let buffer = '';
  const flush = (): void => {
    const text = buffer
      .replace(/[ \u00a0]+/g, ' ')
      .replace(/ ?\n ?/g, '\n')
      .trim();
    if (text !== '') paragraphs.push(text);
    buffer = '';
  };
  const visit = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      buffer += (node.textContent ?? '').replace(/\s+/g, ' ');
      return;
    }
    if (!isElement(node)) return;
    const tag = tagOf(node);
    if (tag === 'br') buffer += '\n';
    else if (tag === 'pre') {
      flush();
      const code = (node.textContent ?? '').replace(/\n+$/, '');
      if (code.trim() !== '') paragraphs.push(code);
    } else if (tag === 'tr') {
      flush();
      buffer = cells(node).join('\t');
      flush();
    } else if (tag === 'a' && /^#fn-\d+$/.test(node.getAttribute('href') ?? '')) {
      buffer += `[${node.textContent ?? ''}]`;
    } else if (BLOCKS.has(tag)) {
      flush();
      for (const child of Array.from(node.childNodes)) visit(child);
      flush();
    } else {
      for (const child of Array.from(node.childNodes)) visit(child);
    }
  };
  for (const child of Array.from(root.childNodes)) visit(child);
  flush();
  return paragraphs.join('\n\n');
}

function cells(row: DomElement): string[] {
  return Array.from(row.children)
    .filter((cell) => tagOf(cell) === 'td' || tagOf(cell) === 'th')
    .map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim());
}
