/**
 * How an item becomes postings: per field (title, meta, body) its distinct index terms, each with
 * a slot (0 = best) that says how strongly the field is about the term. A posting's `code` packs
 * the field and the slot in one byte; WEIGHT turns a code into the score a match adds, spaced so
 * that any title match outweighs any meta match, which outweighs any body match.
 */
import { indexTerms, stem } from './text';
import type { IndexDoc } from './search-index';

export const TITLE = 0;
export const META = 1;
export const BODY = 2;
export const FIELD_COUNT = 3;
/** Slots per field: 0 (best) to SLOTS - 1. */
export const SLOTS = 8;

const FIELD_WEIGHT = [64, 8, 1];

/** The score of one posting, by its code (field << 4 | slot): from the field's weight down to 9/16 of it. */
export const WEIGHT = new Float64Array(256).map((_, code) => {
  const field = code >> 4;
  const slot = code & 15;
  return field < FIELD_COUNT && slot < SLOTS ? (FIELD_WEIGHT[field] ?? 0) * (1 - slot / 16) : 0;
});

export function postingCode(field: number, slot: number): number {
  return (field << 4) | slot;
}

/** A field's distinct terms in order of first appearance, with their slots. */
export interface FieldTerms {
  terms: string[];
  slots: number[];
}

/**
 * The document's fields; `bodyWords`, when given, are its body's words as `scanWords` visits
 * them (folded, not stemmed: pair-filter.ts `bodyWords`), so that the body is scanned once.
 */
export function docFields(doc: IndexDoc, bodyWords?: readonly string[]): FieldTerms[] {
  return [
    titleTerms(indexTerms(doc.title)),
    metaTerms(indexTerms(doc.meta)),
    bodyTerms(bodyWords === undefined ? indexTerms(doc.body) : bodyWords.map(stem)),
  ];
}

// The earlier in the title the better; a title is short, so the position says enough.
function titleTerms(all: string[]): FieldTerms {
  const terms = [...new Set(all)];
  return { terms, slots: terms.map((_, i) => Math.min(i, SLOTS - 1)) };
}

function metaTerms(all: string[]): FieldTerms {
  const terms = [...new Set(all)];
  return { terms, slots: terms.map(() => 0) };
}

// BM25's saturating term frequency with length normalisation, plus a little for an early first use.
const K1 = 1.2;
const B = 0.75;
const AVERAGE_LENGTH = 900;
const EARLY = 40;

function bodyTerms(all: string[]): FieldTerms {
  const counts = new Map<string, number>();
  const first = new Map<string, number>();
  for (let i = 0; i < all.length; i++) {
    const term = all[i] as string;
    const count = counts.get(term);
    if (count === undefined) {
      counts.set(term, 1);
      first.set(term, i);
    } else counts.set(term, count + 1);
  }
  const norm = K1 * (1 - B + (B * all.length) / AVERAGE_LENGTH);
  const terms: string[] = [];
  const slots: number[] = [];
  for (const [term, tf] of counts) {
    const saturation = (tf * (K1 + 1)) / (tf + norm) / (K1 + 1);
    const early = (first.get(term) ?? EARLY) < EARLY ? 0.25 : 0;
    const relevance = Math.min(1, saturation + early);
    terms.push(term);
    slots.push(Math.min(SLOTS - 1, Math.round((1 - relevance) * (SLOTS - 1))));
  }
  return { terms, slots };
}
