/**
 * Which words stand side by side in a body: a Bloom filter of its adjacent word pairs (folded,
 * as phrases are matched: index-phrase.ts), kept with the index for every item. Checking a phrase
 * then reads a body file only when the filter says each adjacent pair of the phrase may be in it.
 * A Bloom filter never says "no" to a pair it was given, so no item holding the phrase is turned
 * away; it says "maybe" to a pair it was not given about 2% of the time. A phrase of common words
 * that rarely stand together (`"of the"` in a library of articles) used to read dozens of bodies
 * for nothing; now it reads about none. Eight bits a distinct pair: ~1 KB for an article of 5 KB.
 */
import { scanWords } from './text';

const BITS_PER_PAIR = 8;
const PROBES = 4;

/** The filter of `body`'s adjacent word pairs (empty: the body has no two words). */
export function pairFilter(body: string): Uint8Array {
  const hashes = new Set<number>();
  let previous: string | null = null;
  // With no `wanted`, consecutive visits are consecutive words: what hasPhrase calls adjacent.
  scanWords(body, null, (term) => {
    if (previous !== null) hashes.add(pairHash(previous, term));
    previous = term;
  });
  const filter = new Uint8Array(Math.ceil((hashes.size * BITS_PER_PAIR) / 8));
  const bits = filter.length * 8;
  for (const hash of hashes) {
    const step = stepOf(hash);
    for (let k = 0; k < PROBES; k++) {
      const bit = (hash + k * step) % bits;
      filter[bit >>> 3] = (filter[bit >>> 3] as number) | (1 << (bit & 7));
    }
  }
  return filter;
}

/** False when `filter`'s body cannot hold `phrase` (folded words); true when it may. */
export function mayHoldPhrase(filter: Uint8Array, phrase: readonly string[]): boolean {
  const bits = filter.length * 8;
  for (let i = 0; i + 1 < phrase.length; i++) {
    if (bits === 0) return false;
    const hash = pairHash(phrase[i] as string, phrase[i + 1] as string);
    const step = stepOf(hash);
    for (let k = 0; k < PROBES; k++) {
      const bit = (hash + k * step) % bits;
      if (((filter[bit >>> 3] as number) & (1 << (bit & 7))) === 0) return false;
    }
  }
  return true;
}

// FNV-1a over both words' UTF-16 units with a separator, as an unsigned 32-bit number.
function pairHash(a: string, b: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < a.length; i++) hash = Math.imul(hash ^ a.charCodeAt(i), 0x01000193);
  hash = Math.imul(hash ^ 0xffff, 0x01000193);
  for (let i = 0; i < b.length; i++) hash = Math.imul(hash ^ b.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

// The second hash of double hashing, from the first one's bits mixed again; odd, never zero.
function stepOf(hash: number): number {
  let h = Math.imul(hash ^ (hash >>> 16), 0x45d9f3b);
  h ^= h >>> 16;
  return (h | 1) >>> 0;
}
