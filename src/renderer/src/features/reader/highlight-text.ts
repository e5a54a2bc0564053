/** The Markdown a highlight turns into: its link, a blockquote, a note of its own. */
import { linkTargetOf } from '@shared/link-target';
import type { Highlight } from '@shared/types';

const SHORT_QUOTE = 160;
const NOTE_TITLE = 60;

/** Collapses runs of whitespace; cuts at a word boundary with an ellipsis past `max` characters. */
export function shortQuote(quote: string, max = SHORT_QUOTE): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s.,;:–—-]+$/, '')}…`;
}

/** `[[Clip title#^id]]`: a link to one highlight. */
export function highlightLink(clipTitle: string, highlightId: string): string {
  return `[[${linkTargetOf(clipTitle) || 'Untitled'}#^${highlightId}]]`;
}

/** The quote as a Markdown blockquote, every line marked. */
export function blockquote(quote: string): string {
  return quote
    .trim()
    .split(/\n\s*\n|\n/)
    .map((line) => `> ${line.trim()}`.trimEnd())
    .join('\n>\n');
}

/** What "Copy as quote" puts on the clipboard: the quote, then where it comes from. */
export function quoteForClipboard(quote: string, clip: { title: string; url: string }): string {
  const title = clip.title.trim() || 'Untitled';
  return `${blockquote(quote)}\n\n— [${title.replace(/[[\]]/g, '')}](${clip.url})`;
}

/** One line to append to a note: `> quote [[Clip title#^id]]`. */
export function quoteLine(highlight: Pick<Highlight, 'id' | 'anchor'>, clipTitle: string): string {
  const quote = highlight.anchor.quote.replace(/\s+/g, ' ').trim();
  return `> ${quote} ${highlightLink(clipTitle, highlight.id)}`;
}

/** A note made from a highlight: titled from its quote, the quote and its link, then the comment. */
export function noteFromHighlight(
  highlight: Pick<Highlight, 'id' | 'anchor' | 'comment'>,
  clipTitle: string,
): { title: string; body: string } {
  const comment = highlight.comment.trim();
  const body = `${blockquote(highlight.anchor.quote)}\n\n— ${highlightLink(clipTitle, highlight.id)}\n`;
  return {
    title: shortQuote(highlight.anchor.quote, NOTE_TITLE),
    body: comment ? `${body}\n${comment}\n` : body,
  };
}

/** A note's body with a line added at its end, after a blank line. */
export function appendLine(body: string, line: string): string {
  const trimmed = body.replace(/\s+$/, '');
  return trimmed ? `${trimmed}\n\n${line}\n` : `${line}\n`;
}
