/**
 * The index folder (`<library>/index/`): segment files, written once under new names; an items
 * file (the live item numbers, their ids and what index-meta.ts keeps of them, in JSON lines of a
 * few thousand items, so that reading it never holds the event loop for long); a heads file (the
 * start of each item's body, index-heads.ts: UTF-8, one after the other in the items' order, each
 * as long as the items file says); a pairs file (each item's pair filter, pair-filter.ts, the same
 * way); and `manifest.json` — format, version, the store revision, the
 * files with their sizes and CRCs, the facet dictionary — replaced atomically last. A crash at any
 * point leaves the old manifest and its files intact; files no manifest names are removed by the
 * next save.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { makeDirDurably, replaceFileDurably, syncDir, writeNewFileDurably } from '../durable-file';
import { yieldToLoop } from '../event-loop';
import { isObject, isStringArray } from '../json-shape';
import type { Segment } from './index-segment';
import { crcOf, decodeSegment, writeSegmentFile } from './index-segment-file';

const MANIFEST = 'manifest.json';
const FORMAT = 'commonplace-search-index';
/** Bump when the files change shape (or the terms change: a new stemmer means a rebuild). */
export const INDEX_VERSION = 5;
const SEGMENT_NAME = /^seg-[0-9a-f]{16}\.bin$/;
const ITEMS_NAME = /^items-[0-9a-f]{16}\.jsonl$/;
const HEADS_NAME = /^heads-[0-9a-f]{16}\.bin$/;
const PAIRS_NAME = /^pairs-[0-9a-f]{16}\.bin$/;
// Parsing a line must stay well under 50 ms.
const ITEMS_PER_LINE = 2_000;
// Heads are gathered into writes of this size.
const HEADS_PIECE = 1 << 20;
const NEWLINE = Buffer.from('\n');

interface FileEntry {
  name: string;
  bytes: number;
  crc: number;
}

interface Manifest {
  format: typeof FORMAT;
  version: number;
  rev: number;
  segments: FileEntry[];
  items: FileEntry;
  heads: FileEntry;
  pairs: FileEntry;
  facets: string[];
}

/** One line of the items file: a few thousand items, column by column. */
export type ItemColumns = Pick<
  StoredIndex,
  'nums' | 'ids' | 'flags' | 'updated' | 'dates' | 'facetCounts' | 'facetIds' | 'headSizes' | 'pairSizes'
>;
const COLUMNS = [
  'nums',
  'ids',
  'flags',
  'updated',
  'dates',
  'facetCounts',
  'facetIds',
  'headSizes',
  'pairSizes',
] as const;
// The columns with one entry per item (facetIds has one per facet).
const PER_ITEM = COLUMNS.filter(
  (key): key is Exclude<(typeof COLUMNS)[number], 'facetIds'> => key !== 'facetIds',
);

export interface StoredIndex {
  rev: number;
  segments: Segment[];
  /** Live item numbers, their ids, and what index-meta.ts knows of them, all in the same order. */
  nums: number[];
  ids: string[];
  flags: number[];
  updated: number[];
  dates: number[];
  /** The facet dictionary; how many facets each item has, and all of them in order as numbers in it. */
  facets: string[];
  facetCounts: number[];
  facetIds: number[];
  /** The UTF-8 size of each item's head (index-heads.ts), and the heads one after the other. */
  headSizes: number[];
  heads: Buffer;
  /** The size of each item's pair filter (pair-filter.ts), and the filters one after the other. */
  pairSizes: number[];
  pairs: Buffer;
}

/** What is written: heads and pair filters are read from where they are kept, one by one, as their sizes say. */
export type IndexToWrite = Omit<StoredIndex, 'heads' | 'pairs'> & {
  head: (i: number) => Uint8Array;
  pair: (i: number) => Uint8Array;
};

/** Item columns with nothing in them yet. */
export function emptyColumns(): ItemColumns {
  return {
    nums: [],
    ids: [],
    flags: [],
    updated: [],
    dates: [],
    facetCounts: [],
    facetIds: [],
    headSizes: [],
    pairSizes: [],
  };
}

/** Writes what is not on disk yet, then the manifest, then removes what it no longer names. */
export async function writeIndex(dir: string, stored: IndexToWrite): Promise<void> {
  await makeDirDurably(dir);
  for (const segment of stored.segments) {
    if (segment.file?.dir === dir) continue;
    const name = `seg-${randomBytes(8).toString('hex')}.bin`;
    const { bytes, crc } = await writeSegmentFile(path.join(dir, name), segment);
    segment.file = { dir, name, bytes, crc };
  }
  const items = await writeItems(dir, stored);
  const heads = await writeBytes(dir, 'heads', stored.headSizes, stored.head);
  const pairs = await writeBytes(dir, 'pairs', stored.pairSizes, stored.pair);
  await syncDir(dir);
  const manifest: Manifest = {
    format: FORMAT,
    version: INDEX_VERSION,
    rev: stored.rev,
    segments: stored.segments.map(({ file }) => ({
      name: file?.name ?? '',
      bytes: file?.bytes ?? 0,
      crc: file?.crc ?? 0,
    })),
    items,
    heads,
    pairs,
    facets: stored.facets,
  };
  await replaceFileDurably(path.join(dir, MANIFEST), JSON.stringify(manifest), { keepBackup: false });
  const named = new Set([
    ...manifest.segments.map((segment) => segment.name),
    ...[items.name, heads.name, pairs.name],
  ]);
  for (const entry of await fs.readdir(dir)) {
    const ours = [SEGMENT_NAME, ITEMS_NAME, HEADS_NAME, PAIRS_NAME].some((name) => name.test(entry));
    if ((ours && !named.has(entry)) || entry.endsWith('.tmp')) {
      await fs.rm(path.join(dir, entry), { force: true });
    }
  }
}

/** What `dir` holds, or null if anything is missing, damaged or of another version. */
export async function readIndex(dir: string): Promise<StoredIndex | null> {
  try {
    const manifest = checkManifest(JSON.parse(await fs.readFile(path.join(dir, MANIFEST), 'utf8')));
    if (manifest === null) return null;
    const segments: Segment[] = [];
    for (const { name, bytes, crc } of manifest.segments) {
      if (!SEGMENT_NAME.test(name)) return null;
      const data = await fs.readFile(path.join(dir, name));
      if (data.length !== bytes || (await crcOf(data)) !== crc) return null;
      const segment = await decodeSegment(data);
      segment.file = { dir, name, bytes, crc };
      segments.push(segment);
    }
    const items = await readItems(dir, manifest.items, manifest.facets.length);
    if (items === null) return null;
    const heads = await readChecked(dir, manifest.heads, HEADS_NAME);
    if (heads === null || heads.length !== sum(items.headSizes)) return null;
    const pairs = await readChecked(dir, manifest.pairs, PAIRS_NAME);
    if (pairs === null || pairs.length !== sum(items.pairSizes)) return null;
    return { rev: manifest.rev, segments, facets: manifest.facets, ...items, heads, pairs };
  } catch {
    return null;
  }
}

function checkManifest(raw: unknown): Manifest | null {
  if (!isObject(raw) || raw.format !== FORMAT || raw.version !== INDEX_VERSION) return null;
  const { rev, segments, items, heads, pairs, facets } = raw;
  if (!Number.isInteger(rev) || !Array.isArray(segments) || !isStringArray(facets)) return null;
  const fileOk = (f: unknown): boolean =>
    isObject(f) && typeof f.name === 'string' && Number.isInteger(f.bytes) && Number.isInteger(f.crc);
  return segments.every(fileOk) && [items, heads, pairs].every(fileOk) ? (raw as unknown as Manifest) : null;
}

async function writeItems(dir: string, stored: IndexToWrite): Promise<FileEntry> {
  // Line by line into bytes: one string of the whole file would hold the loop while encoded.
  const lines: Buffer[] = [];
  let facetsAt = 0;
  for (let at = 0; at < stored.nums.length || at === 0; at += ITEMS_PER_LINE) {
    const line: Record<string, unknown[]> = {};
    for (const key of PER_ITEM) line[key] = stored[key].slice(at, at + ITEMS_PER_LINE);
    const facets = (line.facetCounts as number[]).reduce((sum, count) => sum + count, 0);
    line.facetIds = stored.facetIds.slice(facetsAt, (facetsAt += facets));
    if (at > 0) lines.push(NEWLINE);
    lines.push(Buffer.from(JSON.stringify(line), 'utf8'));
    await yieldToLoop();
  }
  const data = Buffer.concat(lines);
  const name = `items-${randomBytes(8).toString('hex')}.jsonl`;
  await writeNewFileDurably(path.join(dir, name), data);
  return { name, bytes: data.length, crc: await crcOf(data) };
}

function sum(sizes: readonly number[]): number {
  let total = 0;
  for (const size of sizes) total += size;
  return total;
}

// Heads (or pair filters) one after the other, as `sizes` says, gathered a piece at a time into one reused buffer.
async function writeBytes(
  dir: string,
  kind: 'heads' | 'pairs',
  sizes: readonly number[],
  bytesOf: (i: number) => Uint8Array,
): Promise<FileEntry> {
  const name = `${kind}-${randomBytes(8).toString('hex')}.bin`;
  const piece = Buffer.alloc(HEADS_PIECE);
  let used = 0;
  let bytes = 0;
  let crc = 0;
  const handle = await fs.open(path.join(dir, name), 'w');
  const write = async (data: Uint8Array): Promise<void> => {
    crc = crc32(data, crc);
    bytes += data.length;
    await handle.write(data);
  };
  try {
    for (let i = 0; i < sizes.length; i++) {
      const size = sizes[i] as number;
      if (used + size > piece.length && used > 0) {
        await write(piece.subarray(0, used));
        used = 0;
      }
      // Taken after any wait: a view into where heads are kept is good until the next change.
      const bytes = bytesOf(i);
      if (bytes.length !== size) throw new Error(`${kind} changed while the index was saved`);
      if (size > piece.length) await write(Uint8Array.from(bytes));
      else {
        piece.set(bytes, used);
        used += size;
      }
    }
    if (used > 0) await write(piece.subarray(0, used));
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { name, bytes, crc };
}

// The file's bytes if its name, size and CRC are as listed; null if not.
async function readChecked(dir: string, file: FileEntry, pattern: RegExp): Promise<Buffer | null> {
  if (!pattern.test(file.name)) return null;
  const data = await fs.readFile(path.join(dir, file.name));
  return data.length === file.bytes && (await crcOf(data)) === file.crc ? data : null;
}

async function readItems(dir: string, file: FileEntry, facetCount: number): Promise<ItemColumns | null> {
  const data = await readChecked(dir, file, ITEMS_NAME);
  if (data === null) return null;
  const items = emptyColumns();
  // One line at a time (decoding the whole file at once would hold the loop); at least one line.
  let at = 0;
  do {
    const newline = data.indexOf(NEWLINE[0] as number, at);
    const end = newline < 0 ? data.length : newline;
    const chunk = checkColumns(JSON.parse(data.toString('utf8', at, end)), facetCount);
    if (chunk === null) return null;
    for (const key of COLUMNS) for (const value of chunk[key]) (items[key] as unknown[]).push(value);
    at = end + 1;
    await yieldToLoop();
  } while (at < data.length);
  return items;
}

function checkColumns(raw: unknown, facetCount: number): ItemColumns | null {
  if (!isObject(raw)) return null;
  if (!COLUMNS.every((key) => Array.isArray(raw[key]))) return null;
  const count = (raw.nums as unknown[]).length;
  if (!PER_ITEM.every((key) => (raw[key] as unknown[]).length === count)) return null;
  const integers = (column: unknown, below = Infinity): boolean =>
    (column as unknown[]).every((n) => Number.isInteger(n) && (n as number) >= 0 && (n as number) < below);
  const { ids, updated, facetCounts, facetIds } = raw;
  if (
    !['nums', 'flags', 'dates', 'facetCounts', 'headSizes', 'pairSizes'].every((key) => integers(raw[key])) ||
    !integers(facetIds, facetCount) ||
    !(updated as unknown[]).every(Number.isFinite) ||
    !isStringArray(ids)
  )
    return null;
  const facets = (facetCounts as number[]).reduce((sum, n) => sum + n, 0);
  return facets === (facetIds as unknown[]).length ? (raw as unknown as ItemColumns) : null;
}
