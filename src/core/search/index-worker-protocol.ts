/**
 * What crosses between the main thread and the indexing thread. A batch's terms are sent as
 * numbers in a vocabulary both sides grow in step (each reply adds the terms the thread has not
 * sent before): most terms of a batch are common words, and sending each as a new string would
 * make the main thread hold and then collect tens of thousands of duplicate strings per batch —
 * which its garbage collector pays for in pauses.
 */
import type { BatchItem, BuiltBatch } from './index-batch';

export interface BatchRequest {
  id: number;
  items: BatchItem[];
}

/** A built batch as sent: `termIds[i]` is term i's number in the vocabulary, `fresh` the terms new to it. */
export type WireBatch = Omit<BuiltBatch, 'terms'> & { termIds: Uint32Array; fresh: string[] };

export type BatchReply =
  { id: number; built: WireBatch; error?: undefined } | { id: number; built?: undefined; error: string };

/** The thread's side: numbers terms as it first sends them. */
export class TermNumbering {
  private readonly numbers = new Map<string, number>();

  encode(built: BuiltBatch): WireBatch {
    const { terms, ...rest } = built;
    const fresh: string[] = [];
    const termIds = new Uint32Array(terms.length);
    for (const [i, term] of terms.entries()) {
      let id = this.numbers.get(term);
      if (id === undefined) {
        id = this.numbers.size;
        this.numbers.set(term, id);
        fresh.push(term);
      }
      termIds[i] = id;
    }
    return { ...rest, termIds, fresh };
  }
}

/** The main thread's side: every reply must be decoded, in the order sent, for the numbers to agree. */
export class TermVocabulary {
  private readonly terms: string[] = [];

  decode(wire: WireBatch): BuiltBatch {
    const { termIds, fresh, ...rest } = wire;
    for (const term of fresh) this.terms.push(term);
    const terms = Array.from(termIds, (id) => this.terms[id] as string);
    return { ...rest, terms };
  }
}

/** The arrays a reply hands over rather than copies. */
export function transferList(wire: WireBatch): ArrayBuffer[] {
  return [wire.offsets, wire.nums, wire.codes, wire.docs, wire.termIds].map((a) => a.buffer as ArrayBuffer);
}
