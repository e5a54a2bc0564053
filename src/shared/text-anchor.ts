/**
 * Anchoring a passage in a text, W3C Web Annotation style: a highlight keeps its quote, a little
 * context either side (TextQuoteSelector) and its offsets (TextPositionSelector), and is found
 * again by them when the text changes.
 *
 * Whitespace never matters: runs of spaces, tabs, newlines and no-break spaces compare equal, a
 * quote's leading and trailing whitespace is ignored, and as a last resort whitespace is ignored
 * altogether (block elements often touch in a DOM's textContent). That is what lets one anchor
 * work on a clip's stored plain text, on the textContent of the rendered article and on what a
 * browser selection gives, whose whitespace all differ. Offsets are UTF-16 code units of the
 * text passed in. Pure: no Node or DOM APIs.
 */
import type { TextAnchor } from './types';

/** How much context an anchor keeps either side of its quote. */
export const CONTEXT_LENGTH = 32;

/** What tells apart several occurrences of a quote. */
export interface QuoteHint {
  /** Text just before the passage (its end matters most). */
  prefix?: string;
  /** Text just after the passage (its start matters most). */
  suffix?: string;
  /** Roughly where the passage starts. */
  start?: number;
}

/** [start, end) in UTF-16 code units. */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * Finds `quote` in `text`, tolerant of whitespace; among several occurrences, the one whose
 * surroundings agree best with `hint.prefix`/`hint.suffix`, then the one nearest `hint.start`.
 * Returns the anchor with the quote as written in `text`, or null when it does not occur.
 */
export function anchorQuote(text: string, quote: string, hint: QuoteHint = {}): TextAnchor | null {
  const best = pickBest(text, occurrences(text, quote), hint);
  return best === null ? null : anchorAt(text, best.start, best.end);
}

/**
 * Where `anchor` sits in `text` now: at its old offsets if the quote and its context are still
 * there; else the best occurrence of the quote; else a slightly edited version of it (between
 * its old prefix and suffix, or an approximate match of its words); else null (orphaned).
 */
export function locateAnchor(text: string, anchor: TextAnchor): TextRange | null {
  if (anchor.quote.trim() !== '' && isIntact(text, anchor)) return { start: anchor.start, end: anchor.end };
  return (
    pickBest(text, occurrences(text, anchor.quote), anchor) ??
    betweenContext(text, anchor) ??
    approximateWords(text, anchor)
  );
}

/** The anchor of [start, end) in `text`, with up to CONTEXT_LENGTH characters of context either side. */
export function anchorAt(text: string, start: number, end: number): TextAnchor {
  let from = Math.max(0, start - CONTEXT_LENGTH);
  let to = Math.min(text.length, end + CONTEXT_LENGTH);
  // Never cut a surrogate pair in two.
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from++;
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to--;
  return {
    quote: text.slice(start, end),
    prefix: text.slice(from, start),
    suffix: text.slice(end, to),
    start,
    end,
  };
}

// ---- Whitespace folding -------------------------------------------------------------------

type FoldMode = 'collapse' | 'strip';

/** A text with its whitespace collapsed to single spaces (or stripped), and where each character came from. */
interface Folded {
  chars: string;
  /** The offset in the original text of each character of `chars`. */
  from: Int32Array;
}

/** Exactly the characters of the RegExp class `\s`. */
function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Invisible characters a page or a selection may or may not carry: soft hyphen, zero-width space, word joiner. */
function isIgnored(code: number): boolean {
  return code === 0xad || code === 0x200b || code === 0x2060;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function fold(text: string, mode: FoldMode): Folded {
  const from = new Int32Array(text.length);
  const parts: string[] = [];
  let length = 0;
  let runStart = 0;
  let lastWasSpace = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const space = isSpace(code);
    if (!space && !isIgnored(code)) {
      from[length++] = i;
      lastWasSpace = false;
      continue;
    }
    parts.push(text.slice(runStart, i));
    runStart = i + 1;
    if (space && mode === 'collapse' && !lastWasSpace) {
      parts.push(' ');
      from[length++] = i;
      lastWasSpace = true;
    }
  }
  parts.push(text.slice(runStart));
  return { chars: parts.join(''), from: from.subarray(0, length) };
}

const foldedText = (text: string, mode: FoldMode): string => fold(text, mode).chars;

// The last text folded: re-anchoring every highlight of a clip folds its text once.
let cache: { text: string; folded: Partial<Record<FoldMode, Folded>>; words?: Word[] } | null = null;

function cached(text: string): NonNullable<typeof cache> {
  if (cache === null || cache.text !== text) cache = { text, folded: {} };
  return cache;
}

function foldedCached(text: string, mode: FoldMode): Folded {
  const entry = cached(text);
  return (entry.folded[mode] ??= fold(text, mode));
}

function rangeIn(folded: Folded, from: number, to: number): TextRange {
  return { start: folded.from[from] as number, end: (folded.from[to - 1] as number) + 1 };
}

function indexesOf(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) found.push(at);
  return found;
}

// ---- Exact occurrences ----------------------------------------------------------------------

/** Every occurrence of `quote` with whitespace runs collapsed; if none, with whitespace ignored. */
function occurrences(text: string, quote: string): TextRange[] {
  for (const mode of ['collapse', 'strip'] as const) {
    const needle = foldedText(quote, mode).trim();
    if (needle === '') return [];
    const folded = foldedCached(text, mode);
    const found = indexesOf(folded.chars, needle).map((at) => rangeIn(folded, at, at + needle.length));
    if (found.length > 0) return found;
  }
  return [];
}

function isIntact(text: string, anchor: TextAnchor): boolean {
  const { quote, prefix, suffix, start, end } = anchor;
  return (
    text.slice(start, end) === quote &&
    text.slice(Math.max(0, start - prefix.length), start) === prefix &&
    text.slice(end, end + suffix.length) === suffix
  );
}

/** Best context agreement, then nearest `hint.start`, then first. */
function pickBest(text: string, candidates: TextRange[], hint: QuoteHint): TextRange | null {
  let best: TextRange | null = null;
  let bestScore = -1;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const score = contextAgreement(text, candidate, hint);
    const distance = hint.start === undefined ? 0 : Math.abs(candidate.start - hint.start);
    if (score > bestScore || (score === bestScore && distance < bestDistance)) {
      best = candidate;
      bestScore = score;
      bestDistance = distance;
    }
  }
  return best;
}

/** How many characters (whitespace aside) of the prefix and suffix agree with what surrounds `range`. */
function contextAgreement(text: string, range: TextRange, hint: QuoteHint): number {
  let score = 0;
  if (hint.prefix) {
    const prefix = foldedText(hint.prefix, 'strip');
    const before = foldedText(
      text.slice(Math.max(0, range.start - 2 * hint.prefix.length - 16), range.start),
      'strip',
    );
    while (score < prefix.length && score < before.length && prefix.at(-1 - score) === before.at(-1 - score))
      score++;
  }
  if (hint.suffix) {
    const suffix = foldedText(hint.suffix, 'strip');
    const after = foldedText(text.slice(range.end, range.end + 2 * hint.suffix.length + 16), 'strip');
    let same = 0;
    while (same < suffix.length && same < after.length && suffix[same] === after[same]) same++;
    score += same;
  }
  return score;
}

// ---- Fuzzy: between the old context ----------------------------------------------------------

/** How far an edited passage's length may stray from the quote's. */
const LENGTH_TOLERANCE = 0.3;
/** Needles shorter than this are too common to bracket a passage with. */
const SHORT_CONTEXT = 12;

/**
 * The text between the anchor's prefix and suffix (whitespace ignored) when they are still close
 * together: the quote was edited but its surroundings were not.
 */
function betweenContext(text: string, anchor: TextAnchor): TextRange | null {
  const quote = foldedText(anchor.quote, 'strip');
  const prefix = foldedText(anchor.prefix, 'strip');
  const suffix = foldedText(anchor.suffix, 'strip');
  if (quote === '' || (prefix === '' && suffix === '')) return null;
  const folded = foldedCached(text, 'strip');
  const tries: [string, string][] = [[prefix, suffix]];
  if (prefix.length > SHORT_CONTEXT || suffix.length > SHORT_CONTEXT)
    tries.push([prefix.slice(-SHORT_CONTEXT), suffix.slice(0, SHORT_CONTEXT)]);
  const slack = Math.max(1, Math.round(quote.length * LENGTH_TOLERANCE));
  for (const [before, after] of tries) {
    const starts = before === '' ? [0] : indexesOf(folded.chars, before).map((at) => at + before.length);
    const ends = after === '' ? [folded.chars.length] : indexesOf(folded.chars, after);
    let best: { from: number; to: number; similarity: number; distance: number } | null = null;
    for (const from of starts) {
      for (let k = firstAtLeast(ends, from + Math.max(1, quote.length - slack)); k < ends.length; k++) {
        const to = ends[k] as number;
        if (to - from > quote.length + slack) break;
        const similarity = bigramSimilarity(folded.chars.slice(from, to), quote);
        const distance = Math.abs((folded.from[from] as number) - anchor.start);
        if (
          similarity >= 0.5 &&
          (best === null ||
            similarity > best.similarity ||
            (similarity === best.similarity && distance < best.distance))
        )
          best = { from, to, similarity, distance };
      }
    }
    if (best !== null) return rangeIn(folded, best.from, best.to);
  }
  return null;
}

/** The index of the first of the ascending `values` that is at least `min` (their length if none). */
function firstAtLeast(values: readonly number[], min: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((values[middle] as number) < min) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Dice coefficient of character bigrams: 1 for equal strings, near 0 for unrelated ones. */
function bigramSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const counts = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) {
    const pair = a.slice(i, i + 2);
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const pair = b.slice(i, i + 2);
    const left = counts.get(pair) ?? 0;
    if (left > 0) {
      shared++;
      counts.set(pair, left - 1);
    }
  }
  return (2 * shared) / (a.length - 1 + b.length - 1);
}

// ---- Fuzzy: approximate match on words -------------------------------------------------------

/** The share of the quote's words that must match, in order, give or take edits. */
const MIN_WORD_SIMILARITY = 0.75;
/** Past this many cells (quote words × text words) the search is skipped: the highlight is orphaned. */
const MAX_CELLS = 30_000_000;

interface Word {
  key: string;
  start: number;
  end: number;
}

// One word per Han or kana character (those scripts do not put spaces between words), else runs of
// letters, marks and digits. Punctuation and case do not count.
const WORD =
  /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]|(?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])[\p{L}\p{M}\p{N}])+/gu;

function wordsOf(text: string): Word[] {
  return [...text.matchAll(WORD)].map((match) => ({
    key: match[0].toLowerCase(),
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/**
 * The run of words in `text` closest to the quote's words by edit distance (Sellers' algorithm:
 * the match may start anywhere), accepted when at least MIN_WORD_SIMILARITY of the quote survives.
 */
function approximateWords(text: string, anchor: TextAnchor): TextRange | null {
  const pattern = wordsOf(anchor.quote).map((word) => word.key);
  const entry = cached(text);
  const words = (entry.words ??= wordsOf(text));
  const m = pattern.length;
  if (m === 0 || words.length === 0 || m * words.length > MAX_CELLS) return null;
  let cost = Int32Array.from({ length: m + 1 }, (_, i) => i);
  let from = new Int32Array(m + 1);
  let nextCost = new Int32Array(m + 1);
  let nextFrom = new Int32Array(m + 1);
  let best: { distance: number; from: number; to: number; offset: number } | null = null;
  for (let j = 1; j <= words.length; j++) {
    const word = (words[j - 1] as Word).key;
    nextCost[0] = 0;
    nextFrom[0] = j;
    for (let i = 1; i <= m; i++) {
      let value = (cost[i - 1] as number) + (pattern[i - 1] === word ? 0 : 1);
      let start = from[i - 1] as number;
      if ((nextCost[i - 1] as number) + 1 < value) {
        value = (nextCost[i - 1] as number) + 1;
        start = nextFrom[i - 1] as number;
      }
      if ((cost[i] as number) + 1 < value) {
        value = (cost[i] as number) + 1;
        start = from[i] as number;
      }
      nextCost[i] = value;
      nextFrom[i] = start;
    }
    [cost, nextCost] = [nextCost, cost];
    [from, nextFrom] = [nextFrom, from];
    const distance = cost[m] as number;
    const first = from[m] as number;
    if (first >= j) continue;
    const offset = Math.abs((words[first] as Word).start - anchor.start);
    if (best === null || distance < best.distance || (distance === best.distance && offset < best.offset))
      best = { distance, from: first, to: j, offset };
  }
  if (best === null || 1 - best.distance / m < MIN_WORD_SIMILARITY) return null;
  return withEdgePunctuation(text, anchor.quote, {
    start: (words[best.from] as Word).start,
    end: (words[best.to - 1] as Word).end,
  });
}

/** Words leave out punctuation: take back the quote's opening and closing marks where the text has them. */
function withEdgePunctuation(text: string, quote: string, range: TextRange): TextRange {
  const trimmed = quote.trim();
  const lead = /^[^\p{L}\p{M}\p{N}\s]*/u.exec(trimmed)?.[0] ?? '';
  const trail = /[^\p{L}\p{M}\p{N}\s]*$/u.exec(trimmed)?.[0] ?? '';
  let { start, end } = range;
  if (lead !== '' && start >= lead.length && text.slice(start - lead.length, start) === lead)
    start -= lead.length;
  if (trail !== '' && text.startsWith(trail, end)) end += trail.length;
  return { start, end };
}
