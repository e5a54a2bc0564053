/** Turning what an extension sends into the notebook's clip and note arguments. */
import { unlinkableCharacters } from '../../core/links/wikilink';
import { MAX_TITLE_LENGTH } from '../../shared/api';
import type { Clip } from '../../shared/types';
import type { ClipBody } from './schemas';

const COMMENT_PREFIX = 'Comment on ';

/**
 * The HTML to clip. A selection is a fragment: it becomes a document titled with the page's title.
 * A whole page keeps its own `<title>`; the given title is added only when it has none.
 */
export function pageHtml({ html, mode, title }: Pick<ClipBody, 'html' | 'mode' | 'title'>): string {
  const titleTag = title ? `<title>${escapeHtml(title)}</title>` : '';
  if (mode === 'selection') {
    return `<!doctype html><html><head><meta charset="utf-8">${titleTag}</head><body>${html}</body></html>`;
  }
  return titleTag !== '' && !/<title[\s>]/i.test(html) ? `${titleTag}\n${html}` : html;
}

/**
 * The note a comment becomes: titled "Comment on <clip title>", the comment, then a [[link]] to the
 * clip (or to the page's address, when the title cannot be written as a link). Null for no comment.
 */
export function commentNote(
  clip: Pick<Clip, 'title' | 'url'>,
  comment: string | undefined,
): { title: string; body: string; tags: string[] } | null {
  const text = comment?.trim() ?? '';
  if (text === '') return null;
  const linkable = clip.title.trim() !== '' && unlinkableCharacters(clip.title).length === 0;
  const link = linkable ? `[[${clip.title}]]` : `<${clip.url}>`;
  const title = (COMMENT_PREFIX + clip.title).slice(0, MAX_TITLE_LENGTH);
  return { title, body: `${text}\n\n${link}\n`, tags: [] };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
