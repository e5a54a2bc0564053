/** Highlight ids: short, since people type them in `[[Clip title#^id]]`, and unique in the library. */
import { randomBytes } from 'node:crypto';
import type { Store } from '../store';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const LENGTH = 8;

/** A random 8-character [a-z0-9] id (about 41 bits) that no highlight in the library has. */
export function newHighlightId(store: Store): string {
  for (;;) {
    const id = randomHighlightId();
    if (!isTaken(store, id)) return id;
  }
}

function randomHighlightId(): string {
  // 252 is the largest multiple of 36 below 256: rejecting bytes above it keeps every letter equally likely.
  let id = '';
  while (id.length < LENGTH) {
    for (const byte of randomBytes(LENGTH * 2)) {
      if (byte < 252 && id.length < LENGTH) id += ALPHABET[byte % 36];
    }
  }
  return id;
}

function isTaken(store: Store, id: string): boolean {
  for (const item of store.allItems()) {
    if (item.type === 'clip' && item.highlights?.some((highlight) => highlight.id === id)) return true;
  }
  return false;
}
