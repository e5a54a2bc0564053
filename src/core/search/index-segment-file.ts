/**
 * A segment on disk: a 32-byte header, then its arrays as they are in memory (little-endian): the
 * terms' code units and ends (index-terms.ts), offsets, items, and postings. Loading is one read
 * and a few views over the buffer, with no string made; a CRC-32 of the whole file, kept in the
 * manifest, catches damage, and the tables are checked a slice at a time.
 *
 *   header: "CPIXSEG2", then u32 terms, docs, postings, term units, and 8 reserved bytes
 *   body:   units (u16 × term units, padded to 4 bytes) · ends (u32 × terms) · offsets (u32 × terms+1)
 *           · docs (u32 × docs) · nums (u32 × postings) · codes (u8 × postings)
 */
import fs from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { yieldToLoop } from '../event-loop';
import { Segment } from './index-segment';
import { TermList } from './index-terms';

const MAGIC = 'CPIXSEG2';
const HEADER_BYTES = 32;
// CRC and I/O in pieces this big: each takes a few milliseconds.
const PIECE = 8 * 1024 * 1024;
// Terms checked between two turns of the event loop.
const TERMS_PER_SLICE = 25_000;

const align4 = (n: number): number => (n + 3) & ~3;

/** Writes `segment` to a new file and makes it durable; returns its size and CRC. */
export async function writeSegmentFile(
  file: string,
  segment: Segment,
): Promise<{ bytes: number; crc: number }> {
  const { units, ends } = segment.terms;
  const header = Buffer.alloc(HEADER_BYTES + align4(units.byteLength) - units.byteLength);
  header.write(MAGIC, 0, 'latin1');
  header.writeUInt32LE(ends.length, 8);
  header.writeUInt32LE(segment.docs.length, 12);
  header.writeUInt32LE(segment.postings, 16);
  header.writeUInt32LE(units.length, 20);
  const bytesOf = (array: ArrayBufferView): Uint8Array =>
    new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  const parts = [
    header.subarray(0, HEADER_BYTES),
    bytesOf(units),
    header.subarray(HEADER_BYTES),
    ...[ends, segment.offsets, segment.docs, segment.nums, segment.codes].map(bytesOf),
  ];
  let crc = 0;
  let bytes = 0;
  const handle = await fs.open(file, 'w');
  try {
    for (const part of parts) {
      for (let at = 0; at < part.length; at += PIECE) {
        const piece = part.subarray(at, at + PIECE);
        crc = crc32(piece, crc);
        await handle.write(piece);
        bytes += piece.length;
      }
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { bytes, crc };
}

/** The CRC-32 of `data`, yielding to the event loop between pieces. */
export async function crcOf(data: Uint8Array): Promise<number> {
  let crc = 0;
  for (let at = 0; at < data.length; at += PIECE) {
    crc = crc32(data.subarray(at, at + PIECE), crc);
    if (at + PIECE < data.length) await yieldToLoop();
  }
  return crc;
}

/**
 * The segment in `data` (the file's bytes, views not copies); rejects if it is not well formed.
 * Its terms are checked a slice at a time, yielding to the event loop between slices.
 */
export async function decodeSegment(data: Buffer): Promise<Segment> {
  if (data.length < HEADER_BYTES || data.toString('latin1', 0, 8) !== MAGIC) throw new Error('not a segment');
  const termCount = data.readUInt32LE(8);
  const docCount = data.readUInt32LE(12);
  const postings = data.readUInt32LE(16);
  const unitCount = data.readUInt32LE(20);
  const endsAt = HEADER_BYTES + align4(2 * unitCount);
  const offsetsAt = endsAt + 4 * termCount;
  const docsAt = offsetsAt + 4 * (termCount + 1);
  const numsAt = docsAt + 4 * docCount;
  const codesAt = numsAt + 4 * postings;
  if (codesAt + postings !== data.length) throw new Error('segment size mismatch');
  // Views need 4-byte alignment: small files may come from Node's shared pool at any offset.
  const bytes = data.byteOffset % 4 === 0 ? data : Buffer.from(Uint8Array.from(data).buffer);
  const { buffer, byteOffset } = bytes;
  const units = new Uint16Array(buffer, byteOffset + HEADER_BYTES, unitCount);
  const ends = new Uint32Array(buffer, byteOffset + endsAt, termCount);
  const offsets = new Uint32Array(buffer, byteOffset + offsetsAt, termCount + 1);
  const docs = new Uint32Array(buffer, byteOffset + docsAt, docCount);
  const nums = new Uint32Array(buffer, byteOffset + numsAt, postings);
  const codes = new Uint8Array(buffer, byteOffset + codesAt, postings);
  if (
    (termCount === 0 ? 0 : ends[termCount - 1]) !== unitCount ||
    offsets[0] !== 0 ||
    offsets[termCount] !== postings
  )
    throw new Error('segment tables disagree');
  const terms = new TermList(units, ends);
  for (let i = 0; i < termCount; i++) {
    if (terms.start(i) > (ends[i] as number) || (offsets[i] as number) > (offsets[i + 1] as number))
      throw new Error('segment tables disagree');
    if (i > 0 && terms.compareWith(i - 1, terms, i) >= 0) throw new Error('segment terms out of order');
    if (i % TERMS_PER_SLICE === TERMS_PER_SLICE - 1) await yieldToLoop();
  }
  for (let i = 1; i < docCount; i++)
    if ((docs[i - 1] as number) >= (docs[i] as number)) throw new Error('segment items out of order');
  return new Segment(terms, offsets, nums, codes, docs);
}
