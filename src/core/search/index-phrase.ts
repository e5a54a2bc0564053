/**
 * Whether a text holds a phrase: its folded words in a row. Only words whose first character can
 * start a phrase word are folded (the rest are skipped but still counted), so checking a long
 * text costs little more than reading it once.
 */
import { headText, isCut } from './index-heads';
import { mayHoldPhrase } from './pair-filter';
import { scanWords } from './text';

/** True when `phrase` (folded words) occurs in `text` word for word. */
export function hasPhrase(text: string, phrase: readonly string[]): boolean {
  const length = phrase.length;
  if (length === 0) return true;
  const firsts = new Uint8Array(128);
  for (const term of phrase) {
    const c = term.charCodeAt(0);
    if (c < 128) firsts[c] = 1;
  }
  const wanted = (c: number): boolean => c >= 128 || firsts[c >= 65 && c <= 90 ? c + 32 : c] === 1;
  // The last `length` words seen, with their positions, in a ring.
  const terms: string[] = new Array<string>(length).fill('');
  const seqs: number[] = new Array<number>(length).fill(-length - 1);
  let next = 0;
  let found = false;
  scanWords(text, wanted, (term, _start, _end, seq) => {
    if (found) return;
    terms[next] = term;
    seqs[next] = seq;
    next = (next + 1) % length;
    // Oldest first: the ring holds the phrase if word k is phrase[k] at position first + k.
    const first = seqs[next] as number;
    for (let k = 0; k < length; k++) {
      const at = (next + k) % length;
      if (terms[at] !== phrase[k] || seqs[at] !== first + k) return;
    }
    found = true;
  });
  return found;
}

/**
 * Which candidates need their text read for phrases, and the reading. An item passes when one of
 * the groups it satisfied has all its phrases (an item satisfying a group without phrases needs no
 * reading) and it holds none of the excluded phrases it has all the words of.
 */
/** Body files one search may read to check phrases (the kept start of each body is checked first). */
export const MAX_BODY_READS = 24;

export class PhraseCheck {
  private bodyReads = 0;

  constructor(
    private readonly groupPhrases: readonly string[][][],
    private readonly excluded: readonly { terms: string[]; holders: Uint8Array }[],
    /** Groups satisfied, by item number (null: a search by filters only). */
    private readonly groups: Int32Array | null,
    private readonly text: {
      title(num: number): string;
      /** The start of the body the index keeps (index-heads.ts). */
      head(num: number): string | undefined;
      /** The filter of the body's adjacent word pairs the index keeps (pair-filter.ts), if any. */
      pairs(num: number): Uint8Array | undefined;
      body(num: number): Promise<string>;
    },
  ) {}

  /** True when the item passes without reading; null when its text must be read. */
  sure(num: number): boolean | null {
    for (const p of this.excluded) if (p.holders[num] === 1) return null;
    const groups = this.groups?.[num] ?? 0;
    if (groups === 0) return true;
    for (const [g, phrases] of this.groupPhrases.entries()) {
      if ((groups & (1 << g)) !== 0 && phrases.length === 0) return true;
    }
    return null;
  }

  /**
   * Whether the item passes, reading its body only when the title, the kept start of it and its
   * pair filter do not decide; null (left out of the page, not counted) once this search has read
   * MAX_BODY_READS bodies — a phrase of common words that rarely stand together, in bodies too
   * long for their kept start and whose filters let it through, would otherwise read dozens.
   */
  async verify(num: number): Promise<boolean | null> {
    const title = this.text.title(num);
    // The kept start is decoded only when the filter lets a phrase through.
    let head: string | undefined | null = null;
    const kept = (): string | undefined => (head === null ? (head = this.text.head(num)) : head);
    const pairs = this.text.pairs(num);
    let body: string | null = null;
    let undecided = false;
    const holds = async (phrase: string[]): Promise<boolean> => {
      if (hasPhrase(title, phrase)) return true;
      // The filter never turns away a phrase the body holds (nor its kept start, the body's
      // first words): a "no" spares decoding the start and reading the body.
      if (pairs !== undefined && !mayHoldPhrase(pairs, phrase)) return false;
      const start = kept();
      if (start !== undefined && hasPhrase(headText(start), phrase)) return true;
      if (start !== undefined && !isCut(start)) return false;
      if (body === null) {
        if (this.bodyReads >= MAX_BODY_READS) {
          undecided = true;
          return false;
        }
        this.bodyReads++;
        body = await this.text.body(num);
      }
      return hasPhrase(body, phrase);
    };
    const groups = this.groups?.[num] ?? 0;
    let positive = groups === 0;
    for (const [g, phrases] of this.groupPhrases.entries()) {
      if (positive || (groups & (1 << g)) === 0) continue;
      positive = true;
      for (const phrase of phrases) if (!(positive = await holds(phrase))) break;
      if (undecided) return null;
    }
    if (!positive) return false;
    for (const p of this.excluded) {
      if (p.holders[num] === 1 && (await holds(p.terms))) return false;
      if (undecided) return null;
    }
    return true;
  }
}
