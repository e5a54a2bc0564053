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
// The pair hashes of the body being filtered, reused from one body to the next.
let scratch = new Uint32Array(1024);

/** A body's words in order, folded, as phrases see them: what `pairFilter` takes. */
export function bodyWords(body: string): string[] {
  const words: string[] = [];
  // With no `wanted`, consecutive visits are consecutive words: what hasPhrase calls adjacent.
  scanWords(body, null, (term) => words.push(term));
  return words;
}

/** The filter of the adjacent pairs of `words` (a body's: `bodyWords`); empty for fewer than two. */
export function pairFilter(words: readonly string[]): Uint8Array {
  if (scratch.length < words.length) scratch = new Uint32Array(words.length * 2);
  let count = 0;
  let previous = 0;
  for (let i = 0; i < words.length; i++) {
    // Each word hashed once, each pair from the two hashes.
    const hash = wordHash(words[i] as string);
    if (i > 0) scratch[count++] = pairHash(previous, hash);
    previous = hash;
  }
  // Sorted, to size the filter by the distinct pairs and set each once (a Set costs more).
  const hashes = scratch.subarray(0, count).sort();
  let distinct = 0;
  for (let i = 0; i < count; i++) if (i === 0 || hashes[i] !== hashes[i - 1]) distinct++;
  const filter = new Uint8Array(Math.ceil((distinct * BITS_PER_PAIR) / 8));
  const bits = filter.length * 8;
  for (let i = 0; i < count; i++) {
    const hash = hashes[i] as number;
    if (i > 0 && hash === hashes[i - 1]) continue;
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
    const hash = pairHash(wordHash(phrase[i] as string), wordHash(phrase[i + 1] as string));
    const step = stepOf(hash);
    for (let k = 0; k < PROBES; k++) {
      const bit = (hash + k * step) % bits;
      if (((filter[bit >>> 3] as number) & (1 << (bit & 7))) === 0) return false;
    }
  }
  return true;
}

// FNV-1a over a word's UTF-16 units.
function wordHash(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return hash;
}

// Two words' hashes combined in order (murmur3's mixing), as an unsigned 32-bit number.
function pairHash(first: number, second: number): number {
  let hash = Math.imul(first, 0xcc9e2d51) ^ second;
  hash = Math.imul(hash ^ (hash >>> 15), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

// The second hash of double hashing, from the first one's bits mixed again; odd, never zero.
function stepOf(hash: number): number {
  let h = Math.imul(hash ^ (hash >>> 16), 0x45d9f3b);
  h ^= h >>> 16;
  return (h | 1) >>> 0;
}
