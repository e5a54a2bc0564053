/**
 * What crosses between the main thread and the indexing thread: batches of items one way, and
 * each batch built the other — typed arrays only (terms and heads packed), handed over without a
 * copy, so that the main thread neither parses nor holds a string per term or per head. (Terms
 * sent as strings made it hold and then collect tens of thousands of them per batch, which its
 * garbage collector paid for in pauses.)
 */
import type { BatchItem, BuiltBatch } from './index-batch';

export interface BatchRequest {
  id: number;
  items: BatchItem[];
}

export type BatchReply =
  { id: number; built: BuiltBatch; error?: undefined } | { id: number; built?: undefined; error: string };

/** The arrays a reply hands over rather than copies. */
export function transferList(built: BuiltBatch): ArrayBuffer[] {
  const { termUnits, termEnds, offsets, nums, codes, docs, heads, headEnds, pairs, pairEnds } = built;
  return [termUnits, termEnds, offsets, nums, codes, docs, heads, headEnds, pairs, pairEnds].map(
    (a) => a.buffer as ArrayBuffer,
  );
}
