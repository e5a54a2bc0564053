/**
 * Search snippets: the passage of a text that shows the most of what was searched for,
 * HTML-escaped, with the matches in <mark>…</mark> as they are written (accents and case kept).
 */
import { scanWords, stem } from './text';

export const SNIPPET_LENGTH = 200;
// A result list needs a few words to mark in the reader, not every prefix match of a long text.
const MAX_MATCHES = 32;
// Longer "words" are runs of letters (encoded data, a URL's path), not worth marking.
const MAX_MATCH_LENGTH = 100;
// How much context to show before the first match when there is room.
const MAX_LEAD = 60;

export interface Snippet {
  /** HTML: the passage, escaped, with <mark>s. */
  snippet: string;
  /** The matched words as written (for marking them in the reader). */
  matches: string[];
  /** Distinct terms, prefixes and phrases matched in the passage. */
  keys: number;
  /** Where the passage ends in `text`. */
  end: number;
}

interface Match {
  start: number;
  end: number;
  /** What was matched (a stem, a prefix or a phrase), to count distinct ones in a window. */
  key: string;
}

/**
 * The best passage of `text` of about `maxLength` characters: the one with the most distinct
 * matched terms (the earliest of equals), cut at word boundaries with `…` where it is cut.
 * `terms` are stems, `prefixes` folded word starts, `phrases` folded words in a row.
 */
export function makeSnippet(
  text: string,
  terms: ReadonlySet<string>,
  prefixes: readonly string[],
  phrases: readonly string[][],
  maxLength = SNIPPET_LENGTH,
): Snippet {
  const size = Number.isFinite(maxLength) && maxLength >= 1 ? Math.floor(maxLength) : SNIPPET_LENGTH;
  const usable = prefixes.filter((p) => p !== '');
  const found = findMatches(text, terms, usable, phrases);
  const [from, to] = bestWindow(found, size);
  const first = found[from];
  const last = found[to - 1];
  let start = 0;
  let end = Math.min(text.length, size);
  if (first !== undefined && last !== undefined) {
    // Some context before the first match, the rest after; all of it when near the end.
    const lead = Math.min(MAX_LEAD, Math.max(0, Math.floor((size - (last.end - first.start)) / 2)));
    start = Math.max(0, first.start - lead);
    end = Math.min(text.length, Math.max(last.end, start + size));
    if (end === text.length) start = Math.max(0, Math.min(start, end - size));
    // One match longer than the snippet (a run of letters with no break): show its beginning.
    if (end - start > 2 * size) end = start + size;
  }
  start = snapStart(text, start, first?.start ?? start);
  end = snapEnd(text, end, last?.end ?? start);

  let html = start > 0 ? '…' : '';
  let at = start;
  let i = from;
  while (i > 0 && (found[i - 1] as Match).start >= start) i--; // matches in the lead are marked too
  for (; i < found.length; i++) {
    const m = found[i] as Match;
    if (m.start >= end) break;
    if (m.start < at || m.end > end) continue;
    html += `${escapeText(text.slice(at, m.start))}<mark>${escapeText(text.slice(m.start, m.end))}</mark>`;
    at = m.end;
  }
  html += escapeText(text.slice(at, end));
  if (end < text.length) html += '…';
  const matches = new Set<string>();
  for (const m of found) {
    if (matches.size >= MAX_MATCHES) break;
    if (m.end - m.start <= MAX_MATCH_LENGTH) matches.add(text.slice(m.start, m.end));
  }
  const keys = new Set(found.slice(from, to).map((m) => m.key)).size;
  return {
    snippet: html.replace(/^…\s+/, '…').replace(/\s+…$/, '…').trim(),
    matches: [...matches],
    keys,
    end,
  };
}

interface Word {
  term: string;
  start: number;
  end: number;
  seq: number;
}

/** Matches in text order, none overlapping; a phrase is one match from its first to last word. */
function findMatches(
  text: string,
  terms: ReadonlySet<string>,
  prefixes: readonly string[],
  phrases: readonly string[][],
): Match[] {
  // Most words cannot match: a word keeps its first letter through stemming, so only words
  // whose first letter starts a term, a prefix or a phrase word are looked at (and anything
  // not ASCII, which has to be folded to know).
  const firsts = new Uint8Array(128);
  for (const t of [...terms, ...prefixes, ...phrases.flat()]) {
    const c = t.charCodeAt(0);
    if (c < 128) firsts[c] = 1;
  }
  const wanted = (c: number): boolean => c >= 128 || firsts[c >= 65 && c <= 90 ? c + 32 : c] === 1;
  const words: Word[] = [];
  scanWords(text, wanted, (term, start, end, seq) => words.push({ term, start, end, seq }));

  const found: Match[] = [];
  const phraseStarts = new Set(phrases.map((p) => p[0]));
  // Texts repeat their words: decide once per distinct word.
  const keyOf = new Map<string, string | null>();
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as Word;
    if (phraseStarts.has(word.term)) {
      const at = phrases.findIndex(
        (p) => p.length > 0 && p.every((t, k) => isWordAt(words[i + k], t, word.seq + k)),
      );
      const length = phrases[at]?.length ?? 0;
      if (length > 0) {
        found.push({ start: word.start, end: (words[i + length - 1] as Word).end, key: `"${at}` });
        i += length - 1;
        continue;
      }
    }
    let key = keyOf.get(word.term);
    if (key === undefined) {
      const stemmed = stem(word.term);
      const prefix = prefixes.find((p) => word.term.startsWith(p));
      key = terms.has(stemmed) ? stemmed : prefix !== undefined ? `*${prefix}` : null;
      keyOf.set(word.term, key);
    }
    if (key !== null) found.push({ start: word.start, end: word.end, key });
  }
  return found;
}

function isWordAt(word: Word | undefined, term: string, seq: number): boolean {
  return word !== undefined && word.seq === seq && word.term === term;
}

/** [from, to) of the run of matches within `maxLength` with the most distinct keys, earliest. */
function bestWindow(found: Match[], maxLength: number): [number, number] {
  let best: [number, number] = [0, Math.min(1, found.length)];
  let bestCount = found.length > 0 ? 1 : 0;
  const counts = new Map<string, number>();
  let distinct = 0;
  let from = 0;
  for (let to = 0; to < found.length; to++) {
    const added = found[to] as Match;
    const n = counts.get(added.key) ?? 0;
    counts.set(added.key, n + 1);
    if (n === 0) distinct++;
    while (added.end - (found[from] as Match).start > maxLength && from < to) {
      const dropped = (found[from] as Match).key;
      const left = (counts.get(dropped) ?? 1) - 1;
      counts.set(dropped, left);
      if (left === 0) distinct--;
      from++;
    }
    if (distinct > bestCount) {
      bestCount = distinct;
      best = [from, to + 1];
    }
  }
  return best;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Moves a cut forward out of a word or a surrogate pair, but not past `limit`. */
function snapStart(text: string, start: number, limit: number): number {
  let s = start;
  while (s > 0 && s < limit && WORD_CHAR.test(text.charAt(s - 1)) && WORD_CHAR.test(text.charAt(s))) s++;
  if (s > 0 && s < text.length && isHigh(text.charCodeAt(s - 1))) s++;
  return s;
}

/** Moves a cut back out of a word or a surrogate pair, but not before `limit`. */
function snapEnd(text: string, end: number, limit: number): number {
  let e = end;
  while (e < text.length && e > limit && WORD_CHAR.test(text.charAt(e - 1)) && WORD_CHAR.test(text.charAt(e)))
    e--;
  if (e > 0 && e < text.length && isHigh(text.charCodeAt(e - 1))) e--;
  return e;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

/** Escaped, with line breaks and runs of spaces shown as one space. */
function escapeText(s: string): string {
  return escapeHtml(s).replace(/\s+/g, ' ');
}
