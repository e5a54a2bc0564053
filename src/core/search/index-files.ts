/**
 * The index folder (`<library>/index/`): segment files, written once under new names; an items
 * file (the live item numbers, their ids and what index-meta.ts keeps of them, in JSON lines of a
 * few thousand items, so that reading it never holds the event loop for long); and `manifest.json`
 * — format, version, the store revision, the files with their sizes and CRCs, the facet
 * dictionary — replaced atomically last. A crash at any point leaves the old manifest and its files
 * intact; files no manifest names are removed by the next save.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { makeDirDurably, replaceFileDurably, syncDir, writeNewFileDurably } from '../durable-file';
import { yieldToLoop } from '../event-loop';
import { isObject, isStringArray } from '../json-shape';
import type { Segment } from './index-segment';
import { crcOf, decodeSegment, writeSegmentFile } from './index-segment-file';

const MANIFEST = 'manifest.json';
const FORMAT = 'commonplace-search-index';
/** Bump when the files change shape (or the terms change: a new stemmer means a rebuild). */
export const INDEX_VERSION = 2;
const SEGMENT_NAME = /^seg-[0-9a-f]{16}\.bin$/;
const ITEMS_NAME = /^items-[0-9a-f]{16}\.jsonl$/;
// A line holds the items' heads too (~1 KB each): parsing one must stay well under 50 ms.
const ITEMS_PER_LINE = 2_000;
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
  facets: string[];
}

/** One line of the items file: a few thousand items, column by column. */
export type ItemColumns = Pick<
  StoredIndex,
  'nums' | 'ids' | 'heads' | 'flags' | 'updated' | 'dates' | 'facetsOf'
>;
const COLUMNS = ['nums', 'ids', 'heads', 'flags', 'updated', 'dates', 'facetsOf'] as const;

export interface StoredIndex {
  rev: number;
  segments: Segment[];
  /** Live item numbers, their ids, and what index-meta.ts knows of them, all in the same order. */
  nums: number[];
  ids: string[];
  /** The start of each item's body text (index-heads.ts). */
  heads: string[];
  flags: number[];
  updated: number[];
  dates: number[];
  /** The facet dictionary, and each item's facets as numbers in it. */
  facets: string[];
  facetsOf: number[][];
}

/** Item columns with nothing in them yet. */
export function emptyColumns(): ItemColumns {
  return { nums: [], ids: [], heads: [], flags: [], updated: [], dates: [], facetsOf: [] };
}

/** Writes what is not on disk yet, then the manifest, then removes what it no longer names. */
export async function writeIndex(dir: string, stored: StoredIndex): Promise<void> {
  await makeDirDurably(dir);
  for (const segment of stored.segments) {
    if (segment.file?.dir === dir) continue;
    const name = `seg-${randomBytes(8).toString('hex')}.bin`;
    const { bytes, crc } = await writeSegmentFile(path.join(dir, name), segment);
    segment.file = { dir, name, bytes, crc };
  }
  const items = await writeItems(dir, stored);
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
    facets: stored.facets,
  };
  await replaceFileDurably(path.join(dir, MANIFEST), JSON.stringify(manifest), { keepBackup: false });
  const named = new Set([...manifest.segments.map((segment) => segment.name), items.name]);
  for (const entry of await fs.readdir(dir)) {
    const ours = SEGMENT_NAME.test(entry) || ITEMS_NAME.test(entry);
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
    return items === null ? null : { rev: manifest.rev, segments, facets: manifest.facets, ...items };
  } catch {
    return null;
  }
}

function checkManifest(raw: unknown): Manifest | null {
  if (!isObject(raw) || raw.format !== FORMAT || raw.version !== INDEX_VERSION) return null;
  const { rev, segments, items, facets } = raw;
  if (!Number.isInteger(rev) || !Array.isArray(segments) || !isStringArray(facets)) return null;
  const fileOk = (f: unknown): boolean =>
    isObject(f) && typeof f.name === 'string' && Number.isInteger(f.bytes) && Number.isInteger(f.crc);
  return segments.every(fileOk) && fileOk(items) ? (raw as unknown as Manifest) : null;
}

async function writeItems(dir: string, stored: StoredIndex): Promise<FileEntry> {
  // Line by line into bytes: one string of the whole file would hold the loop while encoded.
  const lines: Buffer[] = [];
  for (let at = 0; at < stored.nums.length || at === 0; at += ITEMS_PER_LINE) {
    const line = Object.fromEntries(COLUMNS.map((key) => [key, stored[key].slice(at, at + ITEMS_PER_LINE)]));
    if (at > 0) lines.push(NEWLINE);
    lines.push(Buffer.from(JSON.stringify(line), 'utf8'));
    await yieldToLoop();
  }
  const data = Buffer.concat(lines);
  const name = `items-${randomBytes(8).toString('hex')}.jsonl`;
  await writeNewFileDurably(path.join(dir, name), data);
  return { name, bytes: data.length, crc: await crcOf(data) };
}

async function readItems(dir: string, file: FileEntry, facetCount: number): Promise<ItemColumns | null> {
  if (!ITEMS_NAME.test(file.name)) return null;
  const data = await fs.readFile(path.join(dir, file.name));
  if (data.length !== file.bytes || (await crcOf(data)) !== file.crc) return null;
  const items = emptyColumns();
  // One line at a time (decoding the whole file at once would hold the loop); at least one line.
  let at = 0;
  do {
    const newline = data.indexOf(NEWLINE[0] as number, at);
    const end = newline < 0 ? data.length : newline;
    const chunk = checkColumns(JSON.parse(data.toString('utf8', at, end)), facetCount);
    if (chunk === null) return null;
    for (const key of COLUMNS) (items[key] as unknown[]).push(...chunk[key]);
    at = end + 1;
    await yieldToLoop();
  } while (at < data.length);
  return items;
}

function checkColumns(raw: unknown, facetCount: number): ItemColumns | null {
  if (!isObject(raw)) return null;
  const { nums, ids, heads, flags, updated, dates, facetsOf } = raw;
  const columns = [nums, ids, heads, flags, updated, dates, facetsOf];
  if (!columns.every((column) => Array.isArray(column) && column.length === (nums as unknown[]).length))
    return null;
  const integers = (column: unknown): boolean =>
    (column as unknown[]).every((n) => Number.isInteger(n) && (n as number) >= 0);
  if (
    !integers(nums) ||
    !integers(flags) ||
    !integers(dates) ||
    !(updated as unknown[]).every(Number.isFinite)
  )
    return null;
  const facetOk = (f: unknown): boolean =>
    Number.isInteger(f) && (f as number) >= 0 && (f as number) < facetCount;
  if (
    !isStringArray(ids) ||
    !isStringArray(heads) ||
    !(facetsOf as unknown[]).every((list) => Array.isArray(list) && list.every(facetOk))
  ) {
    return null;
  }
  return raw as unknown as ItemColumns;
}
