/**
 * The `## Highlights` section of an exported clip (format in ../export/format.ts), read back: each
 * blockquote (the quote, escaped; an optional comment; an optional orphaned mark) followed by its
 * `^id` line. A section that does not follow that shape exactly is left in the article.
 */
import { COMMENT_LABEL, HIGHLIGHTS_HEADING, ORPHANED_MARK } from '../export/format';

export interface ExportedHighlight {
  id: string;
  quote: string;
  comment: string;
  orphaned: boolean;
}

/** The article before the section and the highlights in it (none when there is no such section). */
export function splitHighlights(body: string): { article: string; highlights: ExportedHighlight[] } {
  const lines = body.split('\n');
  for (let at = lines.lastIndexOf(HIGHLIGHTS_HEADING); at !== -1; at = lastIndexBefore(lines, at)) {
    const highlights = parseBlocks(lines.slice(at + 1));
    if (highlights !== null)
      return { article: lines.slice(0, at).join('\n').replace(/\s+$/, ''), highlights };
  }
  return { article: body, highlights: [] };
}

function lastIndexBefore(lines: string[], at: number): number {
  return at === 0 ? -1 : lines.lastIndexOf(HIGHLIGHTS_HEADING, at - 1);
}

function parseBlocks(lines: string[]): ExportedHighlight[] | null {
  const highlights: ExportedHighlight[] = [];
  let i = 0;
  const skipBlank = (): void => {
    while (i < lines.length && (lines[i] ?? '').trim() === '') i++;
  };
  skipBlank();
  while (i < lines.length) {
    const quoted: string[] = [];
    while (i < lines.length && /^>( |$)/.test(lines[i] ?? ''))
      quoted.push((lines[i++] ?? '').replace(/^> ?/, ''));
    if (quoted.length === 0) return null;
    skipBlank();
    const id = /^\^([A-Za-z0-9-]+)\s*$/.exec(lines[i] ?? '')?.[1];
    if (id === undefined) return null;
    i++;
    highlights.push({ id, ...readQuote(quoted) });
    skipBlank();
  }
  return highlights.length > 0 ? highlights : null;
}

function readQuote(lines: string[]): Omit<ExportedHighlight, 'id'> {
  let orphaned = false;
  if (lines.length >= 2 && lines.at(-1) === ORPHANED_MARK && lines.at(-2) === '') {
    orphaned = true;
    lines = lines.slice(0, -2);
  }
  let comment = '';
  const label = lines.findIndex((line, k) => k > 0 && line.startsWith(COMMENT_LABEL) && lines[k - 1] === '');
  if (label !== -1) {
    comment = [(lines[label] ?? '').slice(COMMENT_LABEL.length), ...lines.slice(label + 1)].join('\n');
    lines = lines.slice(0, label - 1);
  }
  return { quote: lines.map(unescapeMarkdown).join('\n'), comment, orphaned };
}

/** Undoes the export's escapeMarkdown: a backslash before punctuation goes. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([\\`*_[\]<>#|~^$=+\-.)])/g, '$1');
}
