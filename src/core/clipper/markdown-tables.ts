/**
 * GFM tables for Turndown on linkedom. The GFM plugin's table rules read `HTMLTableElement.rows`,
 * which linkedom lacks (every table would come out as loose paragraphs), so tables are converted
 * here from the element tree: a header row (an empty one when the table has none), `|` escaped,
 * line breaks inside cells as `<br>`, colspans padded, the caption as a paragraph above.
 */
import type TurndownService from 'turndown';
import { isElement, squash, tagOf, type DomElement } from './dom';

const asElement = (node: unknown): DomElement => node as DomElement;

export function tableRules(service: TurndownService): void {
  service.addRule('tableCell', {
    filter: (node) => ['th', 'td'].includes(tagOf(asElement(node))),
    replacement: (content, node) => {
      const cell = asElement(node);
      const text = content
        .trim()
        .replace(/ *\n+ */g, '<br>')
        .replace(/\|/g, '\\|');
      const span = Math.max(1, Math.min(50, Number.parseInt(cell.getAttribute('colspan') ?? '1', 10) || 1));
      return ` ${text} |${' |'.repeat(span - 1)}`;
    },
  });
  service.addRule('tableRow', {
    filter: (node) => tagOf(asElement(node)) === 'tr',
    replacement: (content, node) => {
      const row = asElement(node);
      const table = tableOf(row);
      const line = `\n|${content}`;
      if (table === null || rowsOf(table)[0] !== row) return line;
      const columns = columnCount(table);
      const divider = `\n|${' --- |'.repeat(columns)}`;
      return isHeaderRow(row) ? `${line}${divider}` : `\n|${'     |'.repeat(columns)}${divider}${line}`;
    },
  });
  service.addRule('tableSection', {
    filter: (node) => ['thead', 'tbody', 'tfoot'].includes(tagOf(asElement(node))),
    replacement: (content) => content,
  });
  service.addRule('tableCaption', { filter: ['caption', 'colgroup', 'col'], replacement: () => '' });
  service.addRule('table', {
    filter: (node) => tagOf(asElement(node)) === 'table',
    replacement: (content, node) => {
      const caption = squash(asElement(node).querySelector('caption')?.textContent);
      const body = content.replace(/\n+/g, '\n').trim();
      return `\n\n${caption === '' ? '' : `${service.escape(caption)}\n\n`}${body}\n\n`;
    },
  });
}

function tableOf(row: DomElement): DomElement | null {
  let parent = row.parentElement;
  while (parent !== null && tagOf(parent) !== 'table') parent = parent.parentElement;
  return parent;
}

/** The rows of this table (not of tables nested in its cells), in order. */
function rowsOf(table: DomElement): DomElement[] {
  const rows: DomElement[] = [];
  for (const child of Array.from(table.children)) {
    const tag = tagOf(child);
    if (tag === 'tr') rows.push(child);
    else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') {
      rows.push(...Array.from(child.children).filter((row) => tagOf(row) === 'tr'));
    }
  }
  return rows;
}

function cellsOf(row: DomElement): DomElement[] {
  return Array.from(row.children).filter((cell) => tagOf(cell) === 'td' || tagOf(cell) === 'th');
}

function columnCount(table: DomElement): number {
  let columns = 1;
  for (const row of rowsOf(table)) {
    const width = cellsOf(row).reduce(
      (sum, cell) => sum + Math.max(1, Number.parseInt(cell.getAttribute('colspan') ?? '1', 10) || 1),
      0,
    );
    columns = Math.max(columns, Math.min(width, 50));
  }
  return columns;
}

function isHeaderRow(row: DomElement): boolean {
  const parent = row.parentElement;
  if (parent !== null && tagOf(parent) === 'thead') return true;
  const cells = cellsOf(row);
  return cells.length > 0 && cells.every((cell) => isElement(cell) && tagOf(cell) === 'th');
}
