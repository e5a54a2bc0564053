/**
 * A segment on disk: a 32-byte header, the terms (UTF-8, one per line, padded to 4 bytes), then
 * the typed arrays as they are in memory (little-endian). Loading is one read and a few views
 * over the buffer; a CRC-32 of the whole file, kept in the manifest, catches damage.
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

const align4 = (n: number): number => (n + 3) & ~3;

/** Writes `segment` to a new file and makes it durable; returns its size and CRC. */
export async function writeSegmentFile(
  file: string,
  segment: Segment,
): Promise<{ bytes: number; crc: number }> {
  const terms = Buffer.from(segment.terms.join('\n'), 'utf8');
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

/** The CRC-32 of `data`, yielding to the event loop between pieces. */
export async function crcOf(data: Uint8Array): Promise<number> {
  let crc = 0;
  for (let at = 0; at < data.length; at += PIECE) {
    crc = crc32(data.subarray(at, at + PIECE), crc);
    if (at + PIECE < data.length) await yieldToLoop();
  }
  return crc;
}

/** The segment in `data` (the file's bytes, views not copies); throws if it is not well formed. */
export function decodeSegment(data: Buffer): Segment {
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
  const terms =
    termCount === 0 ? [] : bytes.toString('utf8', HEADER_BYTES, HEADER_BYTES + termBytes).split('\n');
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
  }
  for (let i = 1; i < docCount; i++)
    if ((docs[i - 1] as number) >= (docs[i] as number)) throw new Error('segment items out of order');
  return new Segment(terms, offsets, nums, codes, docs);
}
