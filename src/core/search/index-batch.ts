/**
 * Many items indexed at once (a rebuild, a long replay) as one finished segment: the costly part
 * of indexing — reading and parsing bodies, tokenising, folding, stemming, scoring, cutting heads,
 * working out filter facets — runs in a worker thread (index-worker.ts), so the main thread only
 * adopts finished segments (search-index.ts `adopt`). The item is indexed exactly as one added on
 * the main thread is (catalog.ts `indexDoc`). Item numbers are reserved before a batch is sent.
 */
import { readFileSync } from 'node:fs';
import { bodyPlainText } from './body-text';
import { indexDoc, type IndexedRecord } from './catalog';
import { headOf, packHeads } from './index-heads';
import { metaOf, type KnownMeta } from './index-meta';
import { docFields, postingCode } from './index-postings';
import { TermList } from './index-terms';
import { bodyWords, pairFilter } from './pair-filter';

/** One item of a batch: its number, what indexing reads of its record, and the path of its body file. */
export interface BatchItem {
  num: number;
  record: IndexedRecord;
  file: string;
}

/**
 * A batch indexed: the parts of a segment (index-segment.ts), and the head, pair filter
 * (pair-filter.ts) and meta of each item, in order — the heads as UTF-8 in one buffer, item i's
 * in [headEnds[i - 1], headEnds[i]), and the filters likewise.
 */
export interface BuiltBatch {
  /** The terms, packed (index-terms.ts): a TermList's arrays. */
  termUnits: Uint16Array;
  termEnds: Uint32Array;
  offsets: Uint32Array;
  nums: Uint32Array;
  codes: Uint8Array;
  docs: Uint32Array;
  heads: Uint8Array;
  headEnds: Uint32Array;
  pairs: Uint8Array;
  pairEnds: Uint32Array;
  metas: KnownMeta[];
}

/** Indexes `items` into one segment; a body that cannot be read is indexed as empty. */
export function buildBatch(items: readonly BatchItem[]): BuiltBatch {
  const postingsOf = new Map<string, number[]>();
  const heads: string[] = [];
  const pairs: Uint8Array[] = [];
  const metas: KnownMeta[] = [];
  let total = 0;
  for (const item of items) {
    const body = readBody(item);
    heads.push(headOf(body));
    const words = bodyWords(body);
    pairs.push(pairFilter(words));
    metas.push(metaOf(item.record));
    const fields = docFields(indexDoc(item.record, body), words);
    for (const [field, { terms, slots }] of fields.entries()) {
      for (let i = 0; i < terms.length; i++) {
        const term = terms[i] as string;
        let list = postingsOf.get(term);
        if (list === undefined) postingsOf.set(term, (list = []));
        // num and code interleaved: one array per term, not two.
        list.push(item.num, postingCode(field, slots[i] as number));
        total++;
      }
    }
  }
  // The default sort compares UTF-16 code units: the `<` order of strings, which lookups use.
  const terms = [...postingsOf.keys()].sort();
  const offsets = new Uint32Array(terms.length + 1);
  const nums = new Uint32Array(total);
  const codes = new Uint8Array(total);
  let at = 0;
  for (const [t, term] of terms.entries()) {
    const list = postingsOf.get(term) as number[];
    for (let k = 0; k < list.length; k += 2) {
      nums[at] = list[k] as number;
      codes[at++] = list[k + 1] as number;
    }
    offsets[t + 1] = at;
  }
  const docs = Uint32Array.from(items, (item) => item.num).sort();
  const { units, ends } = TermList.of(terms);
  const packed = packHeads(heads);
  const packedPairs = packBytes(pairs);
  return {
    termUnits: units,
    termEnds: ends,
    offsets,
    nums,
    codes,
    docs,
    heads: packed.bytes,
    headEnds: packed.ends,
    pairs: packedPairs.bytes,
    pairEnds: packedPairs.ends,
    metas,
  };
}

/** The UTF-8 bytes of the head of the batch's item `at` (a view). */
export function headBytesAt({ heads, headEnds }: BuiltBatch, at: number): Uint8Array {
  return partAt(heads, headEnds, at);
}

/** The pair filter of the batch's item `at` (a view). */
export function pairsAt({ pairs, pairEnds }: BuiltBatch, at: number): Uint8Array {
  return partAt(pairs, pairEnds, at);
}

// Part `at` of bytes packed one after the other, part i in [ends[i - 1], ends[i]).
function partAt(bytes: Uint8Array, ends: Uint32Array, at: number): Uint8Array {
  return bytes.subarray(at === 0 ? 0 : (ends[at - 1] ?? 0), ends[at] ?? 0);
}

// `parts` one after the other in a buffer of their own (handed over to another thread), with where each ends.
function packBytes(parts: readonly Uint8Array[]): { bytes: Uint8Array; ends: Uint32Array } {
  const ends = new Uint32Array(parts.length);
  let total = 0;
  for (const [i, part] of parts.entries()) ends[i] = total += part.length;
  const bytes = new Uint8Array(total);
  for (const [i, part] of parts.entries()) bytes.set(part, i === 0 ? 0 : ends[i - 1]);
  return { bytes, ends };
}

function readBody(item: BatchItem): string {
  try {
    return bodyPlainText(item.record.type, readFileSync(item.file, 'utf8'));
  } catch {
    // Gone (replaced by a newer save, which is indexed on its own) or unreadable: no body words.
    return '';
  }
}
