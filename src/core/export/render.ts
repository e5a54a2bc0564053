/** One item as the text of its exported file (format.ts says what that is). */
import type { Clip, Item } from '../../shared/types';
import { ATTACHMENTS_DIR, frontMatter, highlightsSection, joinFile } from './format';
import type { LinkTargets } from './link-rewrite';
import { rewriteLinks } from './link-rewrite';

// A library asset as the article names it: `assets/<sha256>.<ext>` (clip-record.ts ASSET_NAME).
const ASSET_REF = /(?<![\w/.-])assets\/([0-9a-f]{64}\.[a-z0-9]{2,5})(?![\w.])/g;

export function renderItem(item: Item, targets: LinkTargets): string {
  const head = frontMatter({
    id: item.id,
    type: item.type,
    title: item.title,
    aliases: item.aliases,
    tags: item.tags,
    created: item.created,
    updated: item.updated,
    ...(item.type === 'clip' ? { clip: clipFields(item) } : {}),
  });
  if (item.type === 'note') return joinFile(head, rewriteLinks(item.body, targets));
  const article = withAttachments(item.markdown).trim();
  const highlights = highlightsSection(item.highlights);
  return joinFile(head, [article, highlights].filter((part) => part !== '').join('\n\n'));
}

/** The attachment file names an article's Markdown refers to. */
export function attachmentNames(markdown: string): string[] {
  return [...new Set(Array.from(markdown.matchAll(ASSET_REF), (match) => match[1] as string))];
}

function withAttachments(markdown: string): string {
  return markdown.replace(ASSET_REF, `${ATTACHMENTS_DIR}/$1`);
}

function clipFields(clip: Clip): NonNullable<Parameters<typeof frontMatter>[0]['clip']> {
  return {
    url: clip.url,
    canonicalUrl: clip.canonicalUrl,
    authors: clip.authors,
    siteName: clip.siteName,
    published: clip.published,
    clipped: clip.clipped,
    lang: clip.lang,
    citation: clip.citation,
  };
}
