/** An item as the store keeps it: the summary plus the name of its current body file. */
import type { ItemSummary } from '../shared/types';
import { makeExcerpt } from './excerpt';

/** Never mutated: every change makes a new record, so a shard being serialized is a consistent snapshot. */
export interface ItemRecord extends ItemSummary {
  /** The current body file, relative to `bodies/` (`ab/<id>.<rev>.md`). */
  bodyFile: string;
}

/** What a shard file holds. */
export interface ShardData {
  items: Record<string, ItemRecord>;
}

/** A note's record from its fields; the excerpt comes from the body, which the record does not hold. */
export function noteRecord(fields: Omit<ItemRecord, 'type' | 'excerpt'> & { body: string }): ItemRecord {
  const { body, ...rest } = fields;
  return { ...rest, type: 'note', excerpt: makeExcerpt(body) };
}

export function toSummary(record: ItemRecord): ItemSummary {
  const { id, type, title, tags, excerpt, created, updated, deleted, rev } = record;
  return { id, type, title, tags: [...tags], excerpt, created, updated, deleted, rev };
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
  const v = value as Partial<Record<keyof ItemRecord, unknown>>;
  return (
    typeof v.id === 'string' &&
    v.type === 'note' &&
    typeof v.title === 'string' &&
    Array.isArray(v.tags) &&
    v.tags.every((tag) => typeof tag === 'string') &&
    typeof v.excerpt === 'string' &&
    typeof v.created === 'string' &&
    typeof v.updated === 'string' &&
    (v.deleted === null || typeof v.deleted === 'string') &&
    Number.isInteger(v.rev) &&
    typeof v.bodyFile === 'string'
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
