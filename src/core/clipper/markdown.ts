/**
 * Sanitised article HTML as GitHub-flavoured Markdown: ATX headings, fenced code with its
 * language, `-` lists nested by indentation, GFM tables and strikethrough, footnotes as `[^N]`
 * with their definitions, `<sup>`/`<sub>` kept as inline HTML. Turndown runs on linkedom.
 */
import { strikethrough } from '@joplin/turndown-plugin-gfm';
import TurndownService from 'turndown';
import { parseFragment, tagOf, type DomElement } from './dom';
import { tableRules } from './markdown-tables';

const asElement = (node: unknown): DomElement => node as DomElement;
const footnoteNumber = (element: DomElement): string | undefined =>
  /^#fn-(\d+)$/.exec(element.getAttribute('href') ?? '')?.[1];
const footnoteLink = (element: DomElement): DomElement | null => {
  const link = tagOf(element) === 'a' ? element : element.querySelector('a');
  return link !== null &&
    footnoteNumber(link) !== undefined &&
    element.textContent?.trim() === link.textContent?.trim()
    ? link
    : null;
};

let service: TurndownService | null = null;

/** Markdown for sanitised HTML (a fragment of body markup). */
export function toMarkdown(html: string): string {
  service ??= createService();
  const root = parseFragment(html);
  const markdown = service.turndown(root as unknown as Parameters<TurndownService['turndown']>[0]);
  return markdown
    .replace(/^(#{1,6} \d+)\\\./gm, '$1.') // "## 1\. Introduction": no list to escape in a heading
    .replace(/\u00a0+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function createService(): TurndownService {
  const turndown = new TurndownService({
    headingStyle: 'atx',
    hr: '---',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    fence: '```',
    emDelimiter: '_',
    strongDelimiter: '**',
    linkStyle: 'inlined',
  });
  turndown.use([strikethrough, tableRules]);
  turndown.keep(['sup', 'sub']);
  turndown.addRule('footnoteReference', {
    filter: (node) => ['sup', 'a'].includes(tagOf(asElement(node))) && footnoteLink(asElement(node)) !== null,
    replacement: (_content, node) => {
      const link = footnoteLink(asElement(node));
      return link === null ? '' : `[^${footnoteNumber(link) ?? ''}]`;
    },
  });
  turndown.addRule('listItem', {
    filter: 'li',
    replacement: (content, node) => {
      const item = asElement(node);
      const note = /^fn-(\d+)$/.exec(item.getAttribute('id') ?? '')?.[1];
      const prefix = note !== undefined ? `[^${note}]: ` : listPrefix(item);
      const indent = note !== undefined ? '    ' : ' '.repeat(prefix.length);
      const body = content
        .replace(/^\n+/, '')
        .replace(/\n+$/, '\n')
        .replace(/\n(?=.)/g, `\n${indent}`);
      return `${prefix}${body}${item.nextSibling !== null && !body.endsWith('\n') ? '\n' : ''}`;
    },
  });
  turndown.addRule('paragraphNote', {
    filter: (node) =>
      tagOf(asElement(node)) === 'p' && /^fn-\d+$/.test(asElement(node).getAttribute('id') ?? ''),
    replacement: (content, node) =>
      `\n\n[^${asElement(node).getAttribute('id')?.slice(3) ?? ''}]: ${content.trim()}\n\n`,
  });
  return turndown;
}

function listPrefix(item: DomElement): string {
  const parent = item.parentElement;
  if (parent === null || tagOf(parent) !== 'ol') return '- ';
  const siblings = Array.from(parent.children).filter((child) => tagOf(child) === 'li');
  const start = Number.parseInt(parent.getAttribute('start') ?? '1', 10);
  return `${(Number.isNaN(start) ? 1 : start) + siblings.indexOf(item)}. `;
}
