/**
 * Citation keys: `<first author's family name><year><first title word>`, folded to ASCII lower
 * case (keita2023pastoral). Without an author the site (container) stands in, and without
 * either the title's first word leads (reading2024list); without a year the year is left out. Keys that collide get a, b, c… in the order the items
 * were created, so the same items get the same keys however they are asked for.
 */
import type { CslItem } from './csl';
import { keyName } from './names';

// Words a title often starts with that say nothing about it.
const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'at',
  'by',
  'das',
  'de',
  'der',
  'die',
  'el',
  'for',
  'from',
  'in',
  'l',
  'la',
  'le',
  'les',
  'los',
  'of',
  'on',
  'the',
  'to',
  'un',
  'une',
  'with',
]);

const FOLDED: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/** Text as lower-case ASCII words: accents dropped, other letters spelled out where common. */
export function asciiWords(text: string): string[] {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’ʼ]/g, '')
    .replace(/[ßæœøłđðþı]/g, (char) => FOLDED[char] ?? '');
  return folded.split(/[^a-z0-9]+/).filter((word) => word !== '');
}

/** The key an item would have alone. */
export function baseKey(item: Omit<CslItem, 'id'>): string {
  const first = item.author?.[0];
  const who = first === undefined ? undefined : asciiWords(keyName(first))[0];
  const site = item['container-title'] === undefined ? [] : significant(item['container-title']);
  const year = item.issued?.['date-parts'][0][0];
  const words = item.title === undefined ? [] : significant(item.title);
  // Without an author or a site, the title's first two words frame the year: reading2024list.
  const lead = who ?? site[0] ?? words.shift();
  const parts = [lead, year === undefined ? undefined : String(year), words[0]];
  const key = parts.filter((part) => part !== undefined).join('');
  return key === '' ? 'untitled' : key;
}

// The words of `text` without those it may start with that say nothing (all of them if that is all).
function significant(text: string): string[] {
  const words = asciiWords(text);
  const kept = words.filter((word) => !STOP_WORDS.has(word));
  return kept.length === 0 ? words : kept;
}

/**
 * A unique key for each entry: the first of each base key (in the order given) keeps it, the next get
 * a, b, c… (then aa, ab…), never a key another entry already has.
 */
export function uniqueKeys<T>(entries: readonly T[], base: (entry: T) => string): Map<T, string> {
  const bases = new Map(entries.map((entry) => [entry, base(entry)]));
  const taken = new Set(bases.values());
  const counts = new Map<string, number>();
  const keys = new Map<T, string>();
  for (const entry of entries) {
    const key = bases.get(entry) ?? '';
    const seen = counts.get(key) ?? 0;
    counts.set(key, seen + 1);
    if (seen === 0) {
      keys.set(entry, key);
      continue;
    }
    let n = seen;
    let candidate = key + letters(n);
    while (taken.has(candidate)) candidate = key + letters(++n);
    counts.set(key, n + 1);
    taken.add(candidate);
    keys.set(entry, candidate);
  }
  return keys;
}

// 1 → a, 26 → z, 27 → aa.
function letters(n: number): string {
  let out = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    out = String.fromCharCode(97 + ((rest - 1) % 26)) + out;
  }
  return out;
}
