/** Item ids and where an id lands: its shard and its body folder. */
import { randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const ID_LENGTH = 12;

/** A random 12-character [a-z0-9] id (about 62 bits). */
export function randomId(): string {
  // 252 is the largest multiple of 36 below 256: rejecting bytes above it keeps every letter equally likely.
  let id = '';
  while (id.length < ID_LENGTH) {
    for (const byte of randomBytes(ID_LENGTH * 2)) {
      if (byte < 252 && id.length < ID_LENGTH) id += ALPHABET[byte % 36];
    }
  }
  return id;
}

/** FNV-1a: fast, stable across versions and platforms, spreads short ids evenly. */
export function hashId(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function shardOf(id: string, shards: number): number {
  return hashId(id) % shards;
}

/** The `bodies/XX` folder of an item: 256 buckets whatever the shard count, so resharding never moves bodies. */
export function bodyBucket(id: string): string {
  return (hashId(id) >>> 24).toString(16).padStart(2, '0');
}
