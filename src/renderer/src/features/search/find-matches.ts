/**
 * Where a search's matched words occur in a text. The core reports the words as they are
 * written in the item, so plain text comparison finds them; only whole words count, so a match
 * for "camp" does not light up "campaign".
 */
export interface TextRange {
  start: number;
  end: number;
}

/** At most this many occurrences are marked: enough to read, few enough to stay fast. */
export const MAX_MARKED = 1_000;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One pattern for all the words (longest first, so "withdrawal" wins over "withdraw"), or null. */
export function matchPattern(words: readonly string[]): RegExp | null {
  const unique = [...new Set(words.map((word) => word.trim()).filter(Boolean))];
  if (unique.length === 0) return null;
  unique.sort((a, b) => b.length - a.length);
  const alternatives = unique.map(escapeRegExp).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])(?:${alternatives})(?![\\p{L}\\p{N}\\p{M}])`, 'giu');
}

/** Every occurrence of the words in the text, in order. */
export function findMatches(text: string, words: readonly string[]): TextRange[] {
  const pattern = matchPattern(words);
  if (!pattern) return [];
  const ranges: TextRange[] = [];
  for (const found of text.matchAll(pattern)) {
    ranges.push({ start: found.index, end: found.index + found[0].length });
    if (ranges.length >= MAX_MARKED) break;
  }
  return ranges;
}
