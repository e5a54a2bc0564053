/**
 * How a clip is stored: its metadata in the shards (a ClipRecord, like a note's), the article in
 * its own body file `bodies/XX/<id>.<rev>.json` — so listing and tagging never read the article.
 */
import { MAX_TITLE_LENGTH } from '../shared/api';
import type { Citation, ClipImage } from '../shared/types';
import { urlKeys } from './clip-urls';
import type { Extracted } from './clipper/extract';
import { makeExcerpt } from './excerpt';
import type { ClipRecord } from './item-record';
import { isObject, isStringArray, isStringOrNull } from './json-shape';

export const CLIP_BODY_VERSION = 1;
export const CLIP_BODY_EXT = 'json';

/** What a clip's body file holds. */
export interface ClipBody {
  version: typeof CLIP_BODY_VERSION;
  html: string;
  text: string;
  markdown: string;
  images: ClipImage[];
  citation: Citation | null;
  suggestedTags: string[];
}

/** `assets/<64 hex>.<ext>`: the only asset names a clip may hold. */
export const ASSET_NAME = /^assets\/[0-9a-f]{64}\.[a-z0-9]{2,5}$/;

/** The clip-only fields of a shard record (the common ones are checked with the note's). */
export function isClipRecordFields(value: object): boolean {
  const v = value as Partial<Record<keyof ClipRecord, unknown>>;
  return (
    typeof v.url === 'string' &&
    typeof v.canonicalUrl === 'string' &&
    isStringArray(v.authors) &&
    isStringOrNull(v.siteName) &&
    isStringOrNull(v.published) &&
    isStringOrNull(v.lang) &&
    typeof v.clipped === 'string' &&
    isStringArray(v.assets) &&
    (v.mode === 'article' || v.mode === 'page')
  );
}

export function serializeClipBody(body: Omit<ClipBody, 'version'>): string {
  const { html, text, markdown, images, citation, suggestedTags } = body;
  return JSON.stringify({
    version: CLIP_BODY_VERSION,
    html,
    text,
    markdown,
    images,
    citation,
    suggestedTags,
  });
}

/** Parses a clip body file; throws a plain Error saying what is wrong. */
export function parseClipBody(text: string): ClipBody {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error('it is not valid JSON');
  }
  if (!isObject(raw)) throw new Error('it is not a JSON object');
  if (raw.version !== CLIP_BODY_VERSION) throw new Error(`its version is not ${CLIP_BODY_VERSION}`);
  for (const key of ['html', 'text', 'markdown'] as const) {
    if (typeof raw[key] !== 'string') throw new Error(`"${key}" is not text`);
  }
  if (!Array.isArray(raw.images) || !raw.images.every(isClipImage)) throw new Error('"images" is malformed');
  if (raw.citation !== null && !isObject(raw.citation)) throw new Error('"citation" is malformed');
  if (!isStringArray(raw.suggestedTags)) throw new Error('"suggestedTags" is malformed');
  return raw as unknown as ClipBody;
}

type ArticleFields = Pick<
  ClipRecord,
  | 'title'
  | 'excerpt'
  | 'url'
  | 'canonicalUrl'
  | 'authors'
  | 'siteName'
  | 'published'
  | 'lang'
  | 'assets'
  | 'mode'
>;

/**
 * The record fields an extracted article sets, on a new clip and on a refresh. `pageUrl` is where
 * the page came from (null for HTML given without an address); the title falls back to it.
 */
export function articleFields(
  pageUrl: string | null,
  mode: 'article' | 'page',
  extracted: Extracted,
  images: readonly ClipImage[],
): ArticleFields {
  const url = pageUrl ?? extracted.canonicalUrl ?? '';
  const title = extracted.title.trim() === '' ? url : extracted.title.trim();
  return {
    title: title.slice(0, MAX_TITLE_LENGTH),
    excerpt: extracted.excerpt.trim() === '' ? makeExcerpt(extracted.text) : extracted.excerpt,
    url,
    canonicalUrl: extracted.canonicalUrl ?? urlKeys([url])[0] ?? '',
    authors: [...extracted.authors],
    siteName: extracted.siteName,
    published: extracted.published,
    lang: extracted.lang,
    assets: assetsOf(images),
    mode,
  };
}

/** The asset names a body's images use, each once, in order. */
export function assetsOf(images: readonly ClipImage[]): string[] {
  return [...new Set(images.flatMap((image) => (image.asset === null ? [] : [image.asset])))];
}

function isClipImage(value: unknown): value is ClipImage {
  if (!isObject(value)) return false;
  return (
    typeof value.src === 'string' &&
    (value.asset === null || (typeof value.asset === 'string' && ASSET_NAME.test(value.asset))) &&
    (value.error === undefined || typeof value.error === 'string')
  );
}
