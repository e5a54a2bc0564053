/** An item as the store keeps it: the summary plus what only the core needs (its body file…). */
import type { ClipSummary, Highlight, ItemSummary, NoteSummary } from '../shared/types';
import { isClipRecordFields } from './clip-record';
import { makeExcerpt } from './excerpt';
import { isObject, isStringArray } from './json-shape';

/** Never mutated: every change makes a new record, so a shard being serialized is a consistent snapshot. */
export type NoteRecord = Omit<NoteSummary, 'aliases'> & {
  /** The current body file, relative to `bodies/` (`ab/<id>.<rev>.md`). */
  bodyFile: string;
  /** Absent in libraries written before aliases: none. */
  aliases?: string[];
  /**
   * The `[[links]]` of the body as written between the brackets, in order, parsed on every save
   * (links/wikilink.ts): the link index is built from these without reading a body. Absent in
   * libraries written before links: the link index reads the body once.
   */
  links?: string[];
  /**
   * The library files (`assets/<sha256>.<ext>`) the body shows — images a note brought along from
   * an import — parsed on every save (`noteAssets`), so they are kept while a note uses them.
   */
  assets?: string[];
};

/** A highlight as its clip's record keeps it (the clip's id and title are the record's). */
export type HighlightRecord = Omit<Highlight, 'clipId' | 'clipTitle'>;

export type ClipRecord = Omit<ClipSummary, 'aliases'> & {
  /** Absent in libraries written before highlights: none. */
  highlights?: HighlightRecord[];
  /** The current article file, relative to `bodies/` (`ab/<id>.<rev>.json`). */
  bodyFile: string;
  /** Every `assets/<sha256>.<ext>` the article uses, so unused assets are found without reading bodies. */
  assets: string[];
  /** How it was clipped, so a refresh clips the same way. */
  mode: 'article' | 'page';
};

export type ItemRecord = NoteRecord | ClipRecord;

/** What a shard file holds. */
export interface ShardData {
  items: Record<string, ItemRecord>;
}

/** A note's record from its fields; the excerpt comes from the body, which the record does not hold. */
export function noteRecord(fields: Omit<NoteRecord, 'type' | 'excerpt'> & { body: string }): NoteRecord {
  const { body, ...rest } = fields;
  return { ...rest, type: 'note', excerpt: makeExcerpt(body) };
}

/** The summary as it crosses the boundary: a note's keys are exactly those of ItemBase. */
export function toSummary(record: ItemRecord): ItemSummary {
  const { id, title, tags, excerpt, created, updated, deleted, rev } = record;
  const base = { title, tags: [...tags], excerpt, created, updated, deleted, rev };
  if (record.type === 'note') return { id, type: 'note', ...base, aliases: [...(record.aliases ?? [])] };
  const { url, canonicalUrl, authors, siteName, published, lang, clipped } = record;
  return {
    id,
    type: 'clip',
    ...base,
    url,
    canonicalUrl,
    authors: [...authors],
    siteName,
    published,
    lang,
    clipped,
    aliases: [],
  };
}

/** A clip record's highlights as they cross the boundary. */
export function highlightsOf(record: ClipRecord): Highlight[] {
  return (record.highlights ?? []).map((h) => ({ ...h, clipId: record.id, clipTitle: record.title }));
}

/** Checks a parsed shard; throws a plain Error naming the first bad item. Hand-written and shallow: it runs over every item on every open. */
export function validateShard(raw: unknown): ShardData {
  if (!isObject(raw) || !isObject(raw.items)) throw new Error('no "items" object');
  for (const [key, item] of Object.entries(raw.items)) {
    if (!isRecord(item) || item.id !== key) throw new Error(`item "${key}" is malformed`);
  }
  return raw as unknown as ShardData;
}

function isRecord(value: unknown): value is ItemRecord {
  if (!isObject(value)) return false;
  const v = value as Partial<Record<keyof NoteRecord, unknown>>;
  return (
    typeof v.id === 'string' &&
    (v.type === 'note' || (v.type === 'clip' && isClipRecordFields(value))) &&
    typeof v.title === 'string' &&
    isStringArray(v.tags) &&
    typeof v.excerpt === 'string' &&
    typeof v.created === 'string' &&
    typeof v.updated === 'string' &&
    (v.deleted === null || typeof v.deleted === 'string') &&
    Number.isInteger(v.rev) &&
    typeof v.bodyFile === 'string'
  );
}

// An asset reference as a note body writes it: `assets/<sha256>.<ext>` (in a Markdown link or image).
const ASSET_REFERENCE = /(?:^|[^\w/.-])(assets\/[0-9a-f]{64}\.[a-z0-9]{1,10})\b/g;

/** The assets a note body refers to, each once, in order. */
export function noteAssets(body: string): string[] {
  return [...new Set(Array.from(body.matchAll(ASSET_REFERENCE), (match) => match[1] as string))];
}
