/**
 * Search snippets arrive as HTML-escaped text with `<mark>…</mark>` around the matched words.
 * They are parsed here into plain text parts, never given to the DOM as HTML: anything other
 * than those two tags stays text, so a snippet cannot add markup to the page.
 */
export interface SnippetPart {
  text: string;
  marked: boolean;
}

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function codePoint(value: number, entity: string): string {
  return Number.isInteger(value) && value > 0 && value <= 0x10ffff ? String.fromCodePoint(value) : entity;
}

/** Turns `&amp;`, `&lt;`, `&#39;`, `&#x2F;` … back into the characters they stand for. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, body: string) => {
    if (body[0] !== '#') return named[body.toLowerCase()] ?? entity;
    const hex = body[1] === 'x' || body[1] === 'X';
    return codePoint(Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10), entity);
  });
}

/** The snippet as runs of text, each marked or not; adjacent runs of one kind are joined. */
export function parseSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let depth = 0;
  const push = (raw: string): void => {
    if (raw === '') return;
    const text = decodeEntities(raw);
    const marked = depth > 0;
    const last = parts[parts.length - 1];
    if (last && last.marked === marked) last.text += text;
    else parts.push({ text, marked });
  };
  let from = 0;
  for (const tag of snippet.matchAll(/<(\/?)mark>/gi)) {
    push(snippet.slice(from, tag.index));
    depth = tag[1] ? Math.max(0, depth - 1) : depth + 1;
    from = tag.index + tag[0].length;
  }
  push(snippet.slice(from));
  return parts;
}
