/**
 * Text for search: folding (case, accents), words with their offsets, and a light English +
 * French stemmer. The index, the query parser and the snippets all go through these, so a word
 * is the same term wherever it is met.
 */

/** A word of a text: its folded form and where it is in the original string. */
export interface Token {
  /** Folded (lowercase, no accents), not stemmed. */
  term: string;
  start: number;
  end: number;
}

// Letters that NFKD leaves whole but a reader takes for plain Latin letters; curly apostrophes.
const SPECIAL = new Map(
  ['œ oe', 'æ ae', 'ß ss', 'ø o', 'ł l', 'đ d', 'ð d', 'ħ h', 'ı i', 'þ th', "’ '", "‘ '", "ʼ '"].map(
    (pair) => pair.split(' ') as [string, string],
  ),
);
const SPECIAL_RE = /[œæßøłđðħıþ’‘ʼ]/g;
const MARKS_RE = /\p{M}+/gu;
const NON_ASCII_RE = /[\u0080-\uffff]/;

/** Lowercase, accents and other marks dropped, œ→oe æ→ae ß→ss, curly apostrophes → `'`. */
export function foldText(s: string): string {
  const lower = s.toLowerCase();
  // Most words are plain ASCII: skip normalisation, which costs more than everything else here.
  if (!NON_ASCII_RE.test(lower)) return lower;
  return lower
    .normalize('NFKD')
    .toLowerCase() // NFKD can yield capitals (ℌ → H)
    .replace(MARKS_RE, '')
    .replace(SPECIAL_RE, (ch) => SPECIAL.get(ch) ?? ch);
}

// Word characters: letters, digits and marks of any script. ASCII is looked up in a table
// because nearly all characters are ASCII and a Unicode regex per character costs more.
const WORD_CHAR_RE = /^[\p{L}\p{N}\p{M}]$/u;
const ASCII_WORD = new Uint8Array(128).map((_, c) => (/[a-zA-Z0-9]/.test(String.fromCharCode(c)) ? 1 : 0));

/** How many code units the word character at `i` takes (2 for astral letters), 0 if none. */
function wordCharLength(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0x80) return ASCII_WORD[c] ?? 0;
  if (c >= 0xd800 && c <= 0xdbff) return WORD_CHAR_RE.test(s.slice(i, i + 2)) ? 2 : 0;
  return i < s.length && WORD_CHAR_RE.test(s.charAt(i)) ? 1 : 0;
}

const NOT_WORD_RE = /[^\p{L}\p{N}]+/gu;
const LETTER_RE = /\p{L}/u;
// French elided words: `l'armée` is indexed as `armee`, so the query `armée` finds it.
const ELISIONS = new Set('l d j m n s t c qu jusqu lorsqu puisqu quoiqu'.split(' '));

// Unicode normalisation is the slow part of tokenizing, and texts repeat their words.
const foldCache = new Map<string, string>();
const FOLD_CACHE_SIZE = 20_000;

function foldWord(word: string): string {
  const lower = word.toLowerCase();
  if (!NON_ASCII_RE.test(lower)) return lower;
  let folded = foldCache.get(lower);
  if (folded === undefined) {
    // Compatibility forms can fold to non-letters (½ → 1⁄2): keep letters and digits only.
    folded = foldText(lower).replace(NOT_WORD_RE, '');
    if (foldCache.size >= FOLD_CACHE_SIZE) foldCache.clear();
    foldCache.set(lower, folded);
  }
  return folded;
}

function isApostrophe(code: number): boolean {
  return code === 39 || code === 0x2019 || code === 0x2bc;
}

/**
 * The words of `s` (letters and digits of any script), folded, with offsets in `s`.
 * Hyphens and apostrophes separate words; a French elision (`l'`, `d'`, `qu'`…) and an English
 * possessive `'s` are dropped.
 */
export function tokenize(s: string): Token[] {
  const tokens: Token[] = [];
  scanWords(s, null, (term, start, end) => tokens.push({ term, start, end }));
  return tokens;
}

/**
 * `tokenize` as a visit, for callers after a few words of a long text: a word whose first
 * character (a UTF-16 code unit) `wanted` refuses is counted in `seq` but not folded or visited.
 */
export function scanWords(
  s: string,
  wanted: ((firstCode: number) => boolean) | null,
  visit: (term: string, start: number, end: number, seq: number) => void,
): void {
  const n = s.length;
  let seq = 0;
  let i = 0;
  while (i < n) {
    const code = s.charCodeAt(i);
    const first = code < 0x80 ? (ASCII_WORD[code] as number) : wordCharLength(s, i);
    if (first === 0) {
      i++;
      continue;
    }
    const start = i;
    i += first;
    for (;;) {
      const c = s.charCodeAt(i);
      const len = c < 0x80 ? (ASCII_WORD[c] as number) : wordCharLength(s, i);
      if (len === 0) break;
      i += len;
    }
    // Elisions and the possessive are short words next to an apostrophe: decided before `wanted`.
    const nextToApostrophe = isApostrophe(s.charCodeAt(i)) || isApostrophe(s.charCodeAt(start - 1));
    if (!nextToApostrophe && wanted !== null && !wanted(s.charCodeAt(start))) {
      seq++;
      continue;
    }
    const term = foldWord(s.slice(start, i));
    if (term === '') continue;
    if (nextToApostrophe) {
      if (
        term.length <= 6 &&
        isApostrophe(s.charCodeAt(i)) &&
        ELISIONS.has(term) &&
        LETTER_RE.test(s.charAt(i + 1))
      )
        continue;
      if (term === 's' && isApostrophe(s.charCodeAt(start - 1))) continue;
      if (wanted !== null && !wanted(s.charCodeAt(start))) {
        seq++;
        continue;
      }
    }
    visit(term, start, i, seq++);
  }
}

/*
 * The stemmer. Light on purpose: it conflates a word with its plural, feminine and a few common
 * derivations, and leaves anything it is unsure about alone (a missed conflation costs a little
 * recall; a false one puts unrelated items in the results). Rules, in order, on a folded word:
 *
 *   0. unchanged: fewer than 4 letters, anything but a–z, ending in ss/us/is but not -ois
 *      (bus, this, paris, class, virus, analysis, français: its feminine française finds it),
 *      or listed in KEEP (news ≠ new, evening ≠ even, pays ≠ pay, mois ≠ moi…).
 *   1. plural: -eaux/-eux/-oux → drop x; -aux → -al (5+ letters: journaux → journal);
 *      -ies → -i (5+ letters: policies → polici); -s → drop (convois → convoi).
 *   2. final -e: dropped when 5+ letters remain (securite → securit, grande → grand; a doubled
 *      n/l/t before it is undoubled: malienne → malien), 3+ after ss/x/ch/sh (losses → loss,
 *      boxes → box), 4+ after c/v/s (forced ~ force → forc); -ie → -i (movie ~ movies).
 *   3. one derivation, each leaving at least 4 letters: -ied → -i; -ing and -ed (then a doubled
 *      final consonant is undoubled: running → run, stopped → stop; not -eed: need, speed);
 *      -ly unless after a/i/o/u/y/l/p/b/f (family, supply, belly, anomaly are nouns);
 *      -al after a consonant with 5+ letters left (withdrawal → withdraw, but not portal,
 *      signal, special, ideal), then -ment; -ment with 5+ letters left (government → govern).
 *      Step 2 runs again after a derivation (rapidement → rapide → rapid).
 *   4. a final -y after a consonant → -i (study ~ studies ~ studied ~ studying → studi).
 *
 * Known conflations of unrelated words, accepted as rare: retraite ~ retrait, united ~ unit,
 * apartment ~ apart, wicked ~ wick, corps ~ corp, several ~ sever, cour ~ cours.
 * Not conflated: irregular forms (withdrew, withdrawn); a short stem and its -ed/-ing (make ~
 * making, base ~ based: `mak`, `bas` would collide with short words); -ge/-te/-ne/-re words and
 * their -ed/-ing (stage ~ stag, plane ~ plan); French plurals in -is/-us (amis, élus, détenus).
 * Both sides of a cross-language pair are stemmed alike only by chance (security ≠ sécurité).
 */
const KEEP = new Set(
  'news evening bearing herring pays does fois mois bois trois parfois toutefois'.split(' '),
);
const VOWELS = 'aeiouy';
const NO_LY_BEFORE = 'aiouylpbf';

function dropFinalE(w: string): string {
  if (!w.endsWith('e')) return w;
  const s = w.slice(0, -1);
  // French feminines double their consonant: malienne → malien, nouvelle → nouvel.
  if (s.length >= 5) return /(?:nn|ll|tt)$/.test(s) ? s.slice(0, -1) : s;
  if (s.length >= 3 && /(?:ss|x|ch|sh|i)$/.test(s)) return s;
  if (s.length >= 4 && /[cvs]$/.test(s)) return s;
  return w;
}

function dropPlural(w: string): string {
  if (/(?:eau|eu|ou)x$/.test(w)) return w.slice(0, -1);
  if (w.endsWith('aux') && w.length >= 5) return `${w.slice(0, -3)}al`;
  if (w.endsWith('ies') && w.length >= 5) return w.slice(0, -2);
  if (w.endsWith('s') && !KEPT_ENDING_RE.test(w)) return w.slice(0, -1);
  return w;
}

function hasVowel(s: string): boolean {
  for (const ch of s) if (VOWELS.includes(ch)) return true;
  return false;
}

function undouble(s: string): string {
  const last = s.charAt(s.length - 1);
  if (last !== s.charAt(s.length - 2) || VOWELS.includes(last) || 'lsz'.includes(last)) return s;
  // `herring`, `earring`: only undouble r in longer stems (referring → refer).
  if (last === 'r' && s.length < 5) return s;
  return s.slice(0, -1);
}

function dropDerivation(w: string): string {
  if (KEEP.has(w)) return w;
  if (w.endsWith('ied') && w.length >= 6) return w.slice(0, -2);
  if (w.endsWith('ing') && w.length >= 7 && hasVowel(w.slice(0, -3))) return undouble(w.slice(0, -3));
  if (w.endsWith('ed') && !w.endsWith('eed') && w.length >= 6 && hasVowel(w.slice(0, -2))) {
    return undouble(w.slice(0, -2));
  }
  if (w.endsWith('ly') && w.length >= 6 && !NO_LY_BEFORE.includes(w.charAt(w.length - 3)))
    return w.slice(0, -2);
  let s = w;
  if (s.endsWith('al') && s.length >= 7 && !VOWELS.includes(s.charAt(s.length - 3))) s = s.slice(0, -2);
  if (s.endsWith('ment') && s.length >= 9) s = s.slice(0, -4);
  return s;
}

// Stemming is pure and texts repeat their words: remember recent answers.
const stemCache = new Map<string, string>();
const STEM_CACHE_SIZE = 50_000;
const ASCII_WORD_RE = /^[a-z]+$/;
const KEPT_ENDING_RE = /(?:ss|us|[^o]is)$/;

/** The stem of a folded word (see the rules above); a no-op on words under 4 letters. */
export function stem(term: string): string {
  if (term.length < 4) return term;
  let w = stemCache.get(term);
  if (w === undefined) {
    w = stemUncached(term);
    if (stemCache.size >= STEM_CACHE_SIZE) stemCache.clear();
    stemCache.set(term, w);
  }
  return w;
}

function stemUncached(term: string): string {
  if (!ASCII_WORD_RE.test(term) || KEPT_ENDING_RE.test(term) || KEEP.has(term)) return term;
  let w = dropFinalE(dropPlural(term));
  const derived = dropDerivation(w);
  if (derived !== w) w = dropFinalE(derived);
  if (w.length >= 4 && w.endsWith('y') && !VOWELS.includes(w.charAt(w.length - 2))) w = `${w.slice(0, -1)}i`;
  return w;
}

// The starts of what `stem` can take off a word: a word being typed may end with one of them.
const SUFFIX_STARTS = 'ments ment ings ing als ales aux ies ied eux ed es ly e s x y'.split(' ');

/**
 * For a word still being typed: a prefix of the stem of every word that starts with `folded`
 * (`withdrawa` → `withdraw`, so it finds `withdrawal`, indexed as `withdraw`). It may be broader
 * than needed, never narrower, except for irregular stems.
 */
export function stemPrefix(folded: string): string {
  let trimmed = folded;
  // The stemmer takes off up to three layers (plural, derivation, final e or y), so trim as many.
  for (let round = 0; round < 3; round++) {
    const before = trimmed;
    trimmed = trimSuffixStart(trimmed);
    if (trimmed === before) break;
  }
  // A final y after a consonant becomes i (relying → reli): `rely` must look for `rel`.
  if (trimmed.length >= 4 && trimmed.endsWith('y') && !VOWELS.includes(trimmed.charAt(trimmed.length - 2))) {
    trimmed = trimmed.slice(0, -1);
  }
  const stemmed = stem(folded);
  let common = 0;
  while (common < trimmed.length && trimmed.charCodeAt(common) === stemmed.charCodeAt(common)) common++;
  // `runn` is on its way to `running`, indexed as `run`.
  return common >= 4 ? undouble(trimmed.slice(0, common)) : trimmed.slice(0, common);
}

function trimSuffixStart(w: string): string {
  let best = 0;
  for (const suffix of SUFFIX_STARTS) {
    for (let k = suffix.length; k > best; k--) {
      if (w.length - k >= 4 && w.endsWith(suffix.slice(0, k))) best = k;
    }
  }
  const trimmed = w.slice(0, w.length - best);
  return best > 0 ? undouble(trimmed) : trimmed;
}

/** The index terms of a text, in order (with repeats): its words, folded and stemmed. */
export function indexTerms(s: string): string[] {
  const terms: string[] = [];
  scanWords(s, null, (term) => terms.push(stem(term)));
  return terms;
}
