/** Reading what a person gives the clip dialog: a typed address, a paste, a dropped file. */
import { MAX_CLIP_HTML_LENGTH } from '@shared/api';

export type PastedPage = { kind: 'url'; url: string } | { kind: 'html'; html: string };

const WEB_ADDRESS = /^https?:\/\/\S+$/i;
/** `example.org/page`: looks like an address someone typed without its scheme. */
const BARE_ADDRESS = /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(:\d+)?([/?#]\S*)?$/u;

/** A typed address, with `https://` added when the scheme was left out. */
export function typedAddress(text: string): string {
  const trimmed = text.trim();
  return BARE_ADDRESS.test(trimmed) ? `https://${trimmed}` : trimmed;
}

/**
 * What a paste holds for clipping: a lone web address (a copied link), or HTML (a selection
 * copied from a browser). Null when it is plain text, which the field takes as it is.
 */
export function readPaste(data: Pick<DataTransfer, 'getData'>): PastedPage | null {
  const text = data.getData('text/plain').trim();
  if (WEB_ADDRESS.test(text)) return { kind: 'url', url: text };
  const html = data.getData('text/html');
  if (html.trim() === '') return null;
  const link = loneLink(html);
  return link ? { kind: 'url', url: link } : { kind: 'html', html };
}

/** A copied link's text comes as HTML holding just that link: its address is what was meant. */
function loneLink(html: string): string | null {
  const bare = html.replace(/<!--[\s\S]*?-->|<\/?(html|head|body)\b[^>]*>|<meta\b[^>]*>/gi, '').trim();
  const match = /^<a\s[^>]*\bhref\s*=\s*["']([^"']+)["'][^>]*>[^<]*<\/a>$/i.exec(bare);
  const href = match?.[1]?.replace(/&amp;/g, '&') ?? '';
  return WEB_ADDRESS.test(href) ? href : null;
}

/** The first address in a dragged link (`text/uri-list`: one per line, `#` starts a comment). */
export function droppedAddress(uriList: string): string | null {
  const first = uriList.split(/\r?\n/).find((line) => line.trim() !== '' && !line.startsWith('#'));
  return first && WEB_ADDRESS.test(first.trim()) ? first.trim() : null;
}

/** The address a browser wrote into a page it saved (`<!-- saved from url=(0042)https://… -->`). */
export function savedFromAddress(html: string): string | null {
  const match = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html.slice(0, 4_096));
  const address = match?.[1] ?? '';
  return WEB_ADDRESS.test(address) ? address : null;
}

export function isHtmlFile(file: File): boolean {
  return file.type === 'text/html' || /\.(html?|xhtml)$/i.test(file.name);
}

/** The text of a saved page, or why it cannot be clipped. */
export async function readPageFile(file: File): Promise<{ html: string } | { problem: string }> {
  if (!isHtmlFile(file)) return { problem: 'Choose a saved web page (a file ending in .html).' };
  const html = await file.text();
  if (html.length > MAX_CLIP_HTML_LENGTH) return { problem: 'The page is too large to clip.' };
  return { html };
}

/** A size in KB or MB, for naming the file that was read. */
export function formatSize(bytes: number): string {
  if (bytes < 1_000_000) return `${Math.max(1, Math.round(bytes / 1_000))} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
