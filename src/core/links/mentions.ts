/**
 * Plain-text mentions of a title or alias: the name's words, in a row, as whole words (case and
 * accents ignored, the way search folds them), outside code and outside links.
 */
import { tokenize } from '../search/text';
import type { TextLine } from './wikilink';

export interface Mention {
  /** [start, end) offsets in the text. */
  start: number;
  end: number;
  line: number;
  /** The mention as written. */
  text: string;
}

/** The folded words of each name, longest first (so "New York Times" wins over "New York"); nameless ones dropped. */
export function nameTerms(names: readonly string[]): string[][] {
  const terms = names.map((name) => tokenize(name).map((token) => token.term)).filter((t) => t.length > 0);
  const seen = new Set<string>();
  return terms
    .filter((t) => {
      const key = t.join(' ');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => b.length - a.length);
}

/** Every mention of any of the names (see `nameTerms`) in the lines, in order; overlapping ones skipped. */
export function findMentions(lines: readonly TextLine[], names: readonly string[][]): Mention[] {
  const mentions: Mention[] = [];
  if (names.length === 0) return mentions;
  for (const line of lines) {
    const whole = line.blocked[0];
    if (whole && whole[0] === line.offset && whole[1] === line.offset + line.text.length) continue;
    const tokens = tokenize(line.text);
    let i = 0;
    while (i < tokens.length) {
      const length = matchAt(tokens, i, names);
      if (length === 0) {
        i++;
        continue;
      }
      const start = line.offset + (tokens[i]?.start ?? 0);
      const end = line.offset + (tokens[i + length - 1]?.end ?? 0);
      if (isFree(line.blocked, start, end)) {
        mentions.push({
          start,
          end,
          line: line.line,
          text: line.text.slice(start - line.offset, end - line.offset),
        });
        i += length;
      } else {
        i++;
      }
    }
  }
  return mentions;
}

function matchAt(tokens: readonly { term: string }[], at: number, names: readonly string[][]): number {
  for (const terms of names) {
    if (terms.every((term, k) => tokens[at + k]?.term === term)) return terms.length;
  }
  return 0;
}

function isFree(blocked: readonly [number, number][], start: number, end: number): boolean {
  return blocked.every(([s, e]) => e <= start || s >= end);
}
