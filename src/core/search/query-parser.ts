/**
 * The search box's little language, parsed into plain data for `execute.ts`. Never throws:
 * whatever cannot be read as an operator is searched as words, with a warning saying why.
 *
 *   words  "exact phrase"  -word  -"phrase"  a b OR c d (AND binds tighter than OR)
 *   tag:sahel  type:clip|note|highlight  site:example.org  author:"Awa Traoré"
 *   before:2024-12-01  after:2024-11  and -tag:x, -type:… etc. to exclude
 */
import type { HitType } from '../../shared/types';
import { foldText, stem, stemPrefix, tokenize } from './text';

/** A piece of text to find: a word (stemmed; maybe a prefix, while typing) or an exact phrase. */
export type TextClause =
  | { kind: 'word'; text: string; term: string; prefix: boolean }
  | { kind: 'phrase'; text: string; terms: string[] };

/** A parsed query. Filters apply to the whole query, whichever OR group they were typed in. */
export interface ParsedQuery {
  /** OR of AND-groups of text clauses; [] when the query has filters only. */
  any: TextClause[][];
  /** Excluded everywhere. */
  none: TextClause[];
  /** Tag keys (lowercase); an item matches a tag or any tag nested under it. All must match. */
  tags: string[];
  notTags: string[];
  /** Any of these types. */
  types: HitType[];
  notTypes: HitType[];
  /** Lowercase hosts; an item matches its host or a parent domain of it. Any of them. */
  sites: string[];
  notSites: string[];
  /** Folded; each must be a substring of one of the item's folded authors. */
  authors: string[];
  notAuthors: string[];
  /** YYYY-MM-DD: published (or created) before it, exclusive / on or after it, inclusive. */
  before: string | null;
  after: string | null;
  /** What was read as plain words instead, and why. */
  warnings: string[];
}

// One piece of the input: a bare chunk, a quoted phrase or an operator, maybe negated.
interface Piece {
  neg: boolean;
  op: string | null;
  value: string;
  quoted: boolean;
  /** Offset of `value` in the input. */
  at: number;
}

const OPERATORS = new Set(['tag', 'type', 'site', 'author', 'before', 'after']);
const SPACE_RE = /\s/;
const GUILLEMET_OPEN = 0xab;
const GUILLEMET_CLOSE = 0xbb;

// The lexer looks at every character: char codes, no regex for ASCII.
function isSpaceAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c < 0x80 ? c === 32 || (c >= 9 && c <= 13) : SPACE_RE.test(s.charAt(i));
}

/** `"`, `“`, `”`, `„` (closed by any of `"“”`) and `«` (closed by `»`). */
function isOpenQuote(c: number): boolean {
  return c === 0x22 || c === 0x201c || c === 0x201d || c === 0x201e || c === GUILLEMET_OPEN;
}

/** Splits the input into pieces; an unbalanced quote is dropped (the rest reads as words). */
function lex(input: string, warn: (message: string) => void): Piece[] {
  const pieces: Piece[] = [];
  const n = input.length;
  // Where a search for a closing quote found none: no later search can, so none is repeated.
  const noClose = [n, n];
  const findClose = (open: number, from: number): number => {
    const kind = open === GUILLEMET_OPEN ? 1 : 0;
    for (let k = from; k < (noClose[kind] as number); k++) {
      const c = input.charCodeAt(k);
      if (kind === 1 ? c === GUILLEMET_CLOSE : c === 0x22 || c === 0x201c || c === 0x201d) return k;
    }
    noClose[kind] = Math.min(from, noClose[kind] as number);
    return -1;
  };
  let i = 0;
  while (i < n) {
    if (isSpaceAt(input, i)) {
      i++;
      continue;
    }
    const neg = input.charCodeAt(i) === 0x2d && i + 1 < n && !isSpaceAt(input, i + 1);
    if (neg) i++;
    if (isOpenQuote(input.charCodeAt(i))) {
      const close = findClose(input.charCodeAt(i), i + 1);
      if (close >= 0) {
        pieces.push({ neg, op: null, value: input.slice(i + 1, close), quoted: true, at: i + 1 });
        i = close + 1;
        continue;
      }
      warn('A quote is not closed: its words are searched one by one.');
      i++; // the word after a stray quote is read as if the quote were not there
    }
    let j = i;
    while (j < n && !isSpaceAt(input, j) && !isOpenQuote(input.charCodeAt(j))) j++;
    const chunk = input.slice(i, j);
    const colon = chunk.indexOf(':');
    const op = colon > 0 && colon <= 6 ? chunk.slice(0, colon).toLowerCase() : '';
    if (!OPERATORS.has(op)) {
      pieces.push({ neg, op: null, value: chunk, quoted: false, at: i });
      i = j;
      continue;
    }
    if (colon === chunk.length - 1 && isOpenQuote(input.charCodeAt(j))) {
      const close = findClose(input.charCodeAt(j), j + 1);
      if (close >= 0) {
        pieces.push({ neg, op, value: input.slice(j + 1, close), quoted: true, at: j + 1 });
        i = close + 1;
        continue;
      }
      warn(`The quote after "${chunk}" is not closed: its words are searched one by one.`);
      j++; // past the stray quote; the operator has no value and degrades to a word
    }
    pieces.push({ neg, op, value: chunk.slice(colon + 1), quoted: false, at: i + colon + 1 });
    i = j;
  }
  return pieces;
}

/**
 * Longer queries are cut (at a space if there is one): a pasted page is not a query, and every
 * word of a query costs a lookup in the index.
 */
export const MAX_QUERY_LENGTH = 1000;

function cutQuery(input: string): string {
  if (input.length <= MAX_QUERY_LENGTH) return input;
  let cut = MAX_QUERY_LENGTH;
  while (cut > MAX_QUERY_LENGTH / 2 && !isSpaceAt(input, cut)) cut--;
  if (!isSpaceAt(input, cut)) cut = MAX_QUERY_LENGTH;
  const c = input.charCodeAt(cut - 1);
  return input.slice(0, c >= 0xd800 && c <= 0xdbff ? cut - 1 : cut);
}

// A pasted page can be full of stray quotes and colons: say what went wrong, not every time.
const MAX_WARNINGS = 5;

/** Parses a search query; never throws (see the file comment for the syntax). */
export function parseQuery(input: string): ParsedQuery {
  const q: ParsedQuery = {
    any: [],
    none: [],
    tags: [],
    notTags: [],
    types: [],
    notTypes: [],
    sites: [],
    notSites: [],
    authors: [],
    notAuthors: [],
    before: null,
    after: null,
    warnings: [],
  };
  const warn = (message: string): void => {
    if (q.warnings.length < MAX_WARNINGS && !q.warnings.includes(message)) q.warnings.push(message);
  };
  const full = typeof input === 'string' ? input : '';
  const text = cutQuery(full);
  if (text.length < full.length) warn(`Only the first ${MAX_QUERY_LENGTH} characters are searched.`);
  // The last word is a prefix while it is being typed, i.e. unless the input ends with a space.
  const typingAt = text === full && text.length > 0 && !isSpaceAt(text, text.length - 1) ? text.length : -1;
  let group: TextClause[] = [];
  for (const piece of lex(text, warn)) {
    if (!piece.neg && !piece.quoted && piece.op === null && piece.value === 'OR') {
      if (group.length > 0) q.any.push(group);
      group = [];
      continue;
    }
    if (piece.op !== null && applyOperator(q, piece, warn)) continue;
    const words = piece.op !== null ? `${piece.op} ${piece.value}` : piece.value;
    const at = piece.op !== null ? -1 : piece.at;
    const clauses = textClauses(words, piece.neg ? -1 : at, piece.quoted, piece.neg, typingAt);
    if (piece.neg) q.none.push(...clauses);
    else group.push(...clauses);
  }
  if (group.length > 0) q.any.push(group);
  return q;
}

/**
 * Words, or one phrase when quoted, or when several words are excluded together (`-covid-19`
 * excludes the phrase, not every `19`). `at` is where `words` starts in the input, or -1 when
 * none of them can be the word being typed.
 */
function textClauses(
  words: string,
  at: number,
  quoted: boolean,
  neg: boolean,
  typingAt: number,
): TextClause[] {
  const tokens = tokenize(words);
  if (tokens.length === 0) return [];
  if (quoted || (neg && tokens.length > 1))
    return [{ kind: 'phrase', text: words.trim(), terms: tokens.map((t) => t.term) }];
  return tokens.map((t) => {
    const prefix = at >= 0 && at + t.end === typingAt;
    const term = prefix ? stemPrefix(t.term) : stem(t.term);
    return { kind: 'word', text: words.slice(t.start, t.end), term, prefix };
  });
}

/** Adds an operator to the query; false when its value is unusable (it is then read as words). */
function applyOperator(q: ParsedQuery, piece: Piece, warn: (message: string) => void): boolean {
  const raw = piece.value.trim();
  const fail = (why: string): false => {
    warn(`${piece.op}:${raw} ${why}; searched as words.`);
    return false;
  };
  if (raw === '') return fail('has no value');
  switch (piece.op) {
    case 'tag': {
      const tag = raw.replace(/^#+/, '').replace(/^\/+|\/+$/g, '');
      if (!/^[\p{L}\p{N}_.\-/]+$/u.test(tag)) return fail('is not a tag');
      push(piece.neg ? q.notTags : q.tags, tag.toLocaleLowerCase('und'));
      return true;
    }
    case 'type': {
      const types = raw
        .toLowerCase()
        .split('|')
        .map((t) => t.replace(/s$/, ''));
      if (!types.every((t): t is HitType => t === 'note' || t === 'clip' || t === 'highlight')) {
        return fail('is not clip, note or highlight');
      }
      for (const t of types) push(piece.neg ? q.notTypes : q.types, t);
      return true;
    }
    case 'site': {
      const host = raw
        .toLowerCase()
        .replace(/^[a-z]+:\/\//, '')
        .replace(/^www\./, '')
        .replace(/[/:?#].*$/, '');
      if (!/^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*$/u.test(host)) return fail('is not a site');
      push(piece.neg ? q.notSites : q.sites, host);
      return true;
    }
    case 'author': {
      const name = foldText(raw).replace(/\s+/g, ' ');
      push(piece.neg ? q.notAuthors : q.authors, name);
      return true;
    }
    default: {
      const date = parseDate(raw);
      if (date === null) return fail('is not a date (YYYY, YYYY-MM or YYYY-MM-DD)');
      // Excluding "before X" keeps what is on or after X, and the other way round.
      const isBefore = (piece.op === 'before') !== piece.neg;
      if (isBefore) q.before = q.before === null || date < q.before ? date : q.before;
      else q.after = q.after === null || date > q.after ? date : q.after;
      return true;
    }
  }
}

function push<T>(list: T[], value: T): void {
  if (!list.includes(value)) list.push(value);
}

/** `2024`, `2024-11` or `2024-11-05` (also with / or .) → the first day it names, YYYY-MM-DD. */
function parseDate(raw: string): string | null {
  const m = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/.exec(raw);
  if (m === null) return null;
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return null;
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
