/**
 * A segment on disk: a 32-byte header, the terms (UTF-8, one per line, padded to 4 bytes), then
 * the typed arrays as they are in memory (little-endian). Loading is one read, a few views over
 * the buffer and the terms decoded a slice at a time; a CRC-32 of the whole file, kept in the manifest, catches damage.
 *
 *   header: "CPIXSEG1", then u32 terms, docs, postings, term bytes, and 8 reserved bytes
 *   body:   terms · offsets (u32 × terms+1) · docs (u32 × docs) · nums (u32 × postings) · codes (u8 × postings)
 */
import fs from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { yieldToLoop } from '../event-loop';
import { Segment } from './index-segment';

const MAGIC = 'CPIXSEG1';
const HEADER_BYTES = 32;
// CRC and I/O in pieces this big: each takes a few milliseconds.
const PIECE = 8 * 1024 * 1024;
// Terms encoded, decoded or checked between two turns of the event loop.
const TERMS_PER_SLICE = 25_000;
const TERM_BYTES_PER_SLICE = 256 * 1024;

const align4 = (n: number): number => (n + 3) & ~3;

/** Writes `segment` to a new file and makes it durable; returns its size and CRC. */
export async function writeSegmentFile(
  file: string,
  segment: Segment,
): Promise<{ bytes: number; crc: number }> {
  const terms = await encodeTerms(segment.terms);
  const header = Buffer.alloc(HEADER_BYTES + align4(terms.length) - terms.length);
  header.write(MAGIC, 0, 'latin1');
  header.writeUInt32LE(segment.terms.length, 8);
  header.writeUInt32LE(segment.docs.length, 12);
  header.writeUInt32LE(segment.postings, 16);
  header.writeUInt32LE(terms.length, 20);
  const parts = [
    header.subarray(0, HEADER_BYTES),
    terms,
    header.subarray(HEADER_BYTES),
    ...[segment.offsets, segment.docs, segment.nums, segment.codes].map(
      (array) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength),
    ),
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

/** The terms as UTF-8 lines, a slice at a time: one join of a large segment's terms would hold the loop. */
async function encodeTerms(terms: readonly string[]): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for (let at = 0; at < terms.length; at += TERMS_PER_SLICE) {
    const end = Math.min(at + TERMS_PER_SLICE, terms.length);
    pieces.push(Buffer.from(terms.slice(at, end).join('\n') + (end < terms.length ? '\n' : ''), 'utf8'));
    if (end < terms.length) await yieldToLoop();
  }
  return Buffer.concat(pieces);
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
 * Its terms are decoded and checked a slice at a time, yielding to the event loop between slices.
 */
export async function decodeSegment(data: Buffer): Promise<Segment> {
  if (data.length < HEADER_BYTES || data.toString('latin1', 0, 8) !== MAGIC) throw new Error('not a segment');
  const termCount = data.readUInt32LE(8);
  const docCount = data.readUInt32LE(12);
  const postings = data.readUInt32LE(16);
  const termBytes = data.readUInt32LE(20);
  const offsetsAt = HEADER_BYTES + align4(termBytes);
  const docsAt = offsetsAt + 4 * (termCount + 1);
  const numsAt = docsAt + 4 * docCount;
  const codesAt = numsAt + 4 * postings;
  if (codesAt + postings !== data.length) throw new Error('segment size mismatch');
  // Views need 4-byte alignment: small files may come from Node's shared pool at any offset.
  const bytes = data.byteOffset % 4 === 0 ? data : Buffer.from(Uint8Array.from(data).buffer);
  const { buffer, byteOffset } = bytes;
  const offsets = new Uint32Array(buffer, byteOffset + offsetsAt, termCount + 1);
  const docs = new Uint32Array(buffer, byteOffset + docsAt, docCount);
  const nums = new Uint32Array(buffer, byteOffset + numsAt, postings);
  const codes = new Uint8Array(buffer, byteOffset + codesAt, postings);
  const terms = termCount === 0 ? [] : await decodeTerms(bytes, HEADER_BYTES, HEADER_BYTES + termBytes);
  if (terms.length !== termCount || offsets[0] !== 0 || offsets[termCount] !== postings) {
    throw new Error('segment tables disagree');
  }
  for (let i = 1; i < termCount; i++) {
    if (
      !((terms[i - 1] as string) < (terms[i] as string)) ||
      (offsets[i] as number) > (offsets[i + 1] as number)
    ) {
      throw new Error('segment terms out of order');
    }
    if (i % TERMS_PER_SLICE === 0) await yieldToLoop();
  }
  for (let i = 1; i < docCount; i++)
    if ((docs[i - 1] as number) >= (docs[i] as number)) throw new Error('segment items out of order');
  return new Segment(terms, offsets, nums, codes, docs);
}

/** The lines of `bytes` [start, end), split into strings a slice of bytes at a time. */
async function decodeTerms(bytes: Buffer, start: number, end: number): Promise<string[]> {
  const terms: string[] = [];
  for (let at = start; at < end;) {
    // A slice ends at a line's end (or the last byte), so no term is cut in two.
    const newline = at + TERM_BYTES_PER_SLICE >= end ? -1 : bytes.indexOf(0x0a, at + TERM_BYTES_PER_SLICE);
    const stop = newline === -1 || newline >= end ? end : newline;
    for (const term of bytes.toString('utf8', at, stop).split('\n')) terms.push(term);
    at = stop + 1;
    if (at < end) await yieldToLoop();
  }
  return terms;
}
