/** The first words of a note for list rows: its Markdown as plain text, roughly. */

export const EXCERPT_LENGTH = 160;
// Markup is stripped from this much of the body only; an excerpt never needs more.
const SCAN_LENGTH = 4_000;

export function makeExcerpt(markdown: string): string {
  const plain = markdown
    .slice(0, SCAN_LENGTH)
    .replace(/^\s*(```|~~~).*$/gm, ' ') // code fences
    .replace(/<[^>\n]+>/g, ' ') // HTML tags
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1') // images: their alt text
    .replace(/\[\[([^\]|]+)\|([^\]]+)\]\]/g, '$2') // [[target|label]]
    .replace(/\[\[([^\]]+)\]\]/g, '$1') // [[target]]
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // [text](url)
    .replace(/^\s{0,3}(#{1,6}|>+|[-*+]|\d+[.)])\s+/gm, '') // headings, quotes, list markers
    .replace(/^\s*([-*_]\s*){3,}$/gm, ' ') // horizontal rules
    .replace(/[*`]+|~~/g, '') // emphasis and code marks
    .replace(/(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu, ''); // _emphasis_, but not snake_case
  const text = firstWords(plain);
  if (text.length <= EXCERPT_LENGTH) return text;
  const cut = text.slice(0, EXCERPT_LENGTH);
  const lastSpace = cut.lastIndexOf(' ');
  return `${lastSpace > EXCERPT_LENGTH * 0.6 ? cut.slice(0, lastSpace) : cut}…`;
}

/**
 * `text` with each run of white space one space, trimmed: as much of it as the excerpt can use.
 * The collapse of a prefix is a prefix of the whole's collapse but maybe for its last space, so
 * when a short prefix gives more than the excerpt needs, the rest is not looked at.
 */
function firstWords(text: string): string {
  const head = collapseSpaces(text.slice(0, 4 * EXCERPT_LENGTH)).trimStart();
  return head.length > EXCERPT_LENGTH + 1 ? head : collapseSpaces(text).trim();
}

/** Each run of white space as one space; a lone space, the most of them, is left as it is. */
function collapseSpaces(text: string): string {
  return text.replace(/\s{2,}|[^\S ]/g, ' ');
}
