/**
 * What a new imported item is before it is written: its body text (a note's Markdown, or a clip's
 * body with the rendered article) and its record, but for the revision and body file the change
 * that writes it gives it.
 */
import { applyTagChanges } from '../../shared/tags';
import { CLIP_BODY_EXT, serializeClipBody } from '../clip-record';
import { makeExcerpt } from '../excerpt';
import { inTextOrder } from '../highlights/highlight-order';
import type { ClipRecord, HighlightRecord } from '../item-record';
import { noteAssets, noteRecord } from '../item-record';
import { linkKey, linkTexts, unlinkableCharacters } from '../links/wikilink';
import type { Creation } from './create-group';
import type { PreparedClip, PreparedNote } from './prepare-file';
import type { ReadyItem } from './write-item';

/** A new note: its Markdown is its body. */
export function noteCreation(id: string, item: PreparedNote, ready: ReadyItem): Creation {
  const body = ready.markdown;
  const record = noteRecord({
    id,
    rev: 0,
    title: item.title,
    body,
    tags: applyTagChanges([], item.tags, []),
    aliases: linkableAliases(item.aliases),
    created: item.created,
    updated: item.updated,
    deleted: null,
    bodyFile: '',
    links: linkTexts(body),
    assets: noteAssets(body),
  });
  return { body: { id, text: body }, attachments: ready.attachments, record };
}

/** A new clip: its body holds the rendered article, the Markdown and its images; `highlights` are anchored already. */
export function clipCreation(
  id: string,
  item: PreparedClip,
  ready: ReadyItem,
  highlights: HighlightRecord[],
): Creation {
  const article = ready.article ?? { html: '', text: '' };
  const assets = [...ready.attachments.keys()];
  const text = serializeClipBody({
    html: article.html,
    text: article.text,
    markdown: ready.markdown,
    images: assets.map((asset) => ({ src: asset, asset })),
    citation: item.citation,
    suggestedTags: [],
  });
  const record: ClipRecord = {
    id,
    type: 'clip',
    title: item.title,
    tags: applyTagChanges([], item.tags, []),
    excerpt: makeExcerpt(article.text),
    created: item.created,
    updated: item.updated,
    deleted: null,
    rev: 0,
    url: item.url,
    canonicalUrl: item.canonicalUrl,
    authors: item.authors,
    siteName: item.siteName,
    published: item.published,
    lang: item.lang,
    clipped: item.clipped,
    highlights: inTextOrder(highlights),
    bodyFile: '',
    assets,
    mode: 'article',
  };
  return { body: { id, text, ext: CLIP_BODY_EXT }, attachments: ready.attachments, record };
}

/** The aliases a [[link]] can reach, each once. */
export function linkableAliases(aliases: readonly string[]): string[] {
  return mergeAliases(
    [],
    aliases.filter((alias) => unlinkableCharacters(alias).length === 0),
  );
}

/** `current` with those of `add` it lacks (ignoring case and spacing) after it. */
export function mergeAliases(current: readonly string[], add: readonly string[]): string[] {
  const seen = new Set(current.map(linkKey));
  const result = [...current];
  for (const raw of add) {
    const alias = raw.trim();
    const key = linkKey(alias);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    result.push(alias);
  }
  return result;
}
