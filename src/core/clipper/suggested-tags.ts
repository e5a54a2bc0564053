/**
 * Tags a page suggests for itself: `article:tag`, keywords meta tags, JSON-LD keywords and
 * `rel=tag` links (Blogger "Labels", WordPress tags) — made valid tags, each once.
 */
import { normalizeTag, tagKey } from '../../shared/tags';
import { all, textOf, type DomDocument } from './dom';
import type { MetaTags } from './meta-tags';

const MAX_SUGGESTED = 20;
const MAX_WORDS = 4;

export function suggestTags(
  document: DomDocument,
  meta: MetaTags,
  jsonLdKeywords: readonly string[],
): string[] {
  const raw = [
    ...meta.all(
      'article:tag',
      'keywords',
      'news_keywords',
      'citation_keywords',
      'parsely-tags',
      'sailthru.tags',
    ),
    ...jsonLdKeywords,
    ...all(document, 'a[rel~="tag"]').map((link) => textOf(link)),
  ];
  const tags: string[] = [];
  const seen = new Set<string>();
  for (const entry of raw.flatMap((value) => value.split(/[,;]/))) {
    const tag = toTag(entry);
    if (tag === null || seen.has(tagKey(tag))) continue;
    seen.add(tagKey(tag));
    tags.push(tag);
    if (tags.length === MAX_SUGGESTED) break;
  }
  return tags;
}

/** A page keyword as a valid tag (spaces become `-`, other invalid characters go), or null. */
export function toTag(keyword: string): string | null {
  const words = keyword.trim().split(/\s+/);
  if (words.length > MAX_WORDS) return null;
  const candidate = words
    .join('-')
    .replace(/[^\p{L}\p{N}_./-]+/gu, '')
    .replace(/\/{2,}/g, '/')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  try {
    return normalizeTag(candidate);
  } catch {
    return null;
  }
}
