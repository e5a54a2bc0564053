/**
 * The index folder (`<library>/index/`): segment files, written once under new names, and
 * `manifest.json` — format, version, the store revision, the segments (size, CRC) and the live
 * item numbers with their ids — replaced atomically last. A crash at any point leaves the old
 * manifest and its files intact; files no manifest names are removed by the next save.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { makeDirDurably, replaceFileDurably, syncDir } from '../durable-file';
import { isObject, isStringArray } from '../json-shape';
import type { Segment } from './index-segment';
import { crcOf, decodeSegment, writeSegmentFile } from './index-segment-file';

const MANIFEST = 'manifest.json';
const FORMAT = 'commonplace-search-index';
/** Bump when the files change shape (or the terms change: a new stemmer means a rebuild). */
export const INDEX_VERSION = 1;
const SEGMENT_NAME = /^seg-[0-9a-f]{16}\.bin$/;

interface Manifest {
  format: typeof FORMAT;
  version: number;
  rev: number;
  segments: { name: string; bytes: number; crc: number }[];
  nums: number[];
  ids: string[];
  flags: number[];
  updated: number[];
  dates: number[];
  facets: string[];
  facetsOf: number[][];
}

export interface StoredIndex {
  rev: number;
  segments: Segment[];
  /** Live item numbers, their ids, and what index-meta.ts knows of them, all in the same order. */
  nums: number[];
  ids: string[];
  flags: number[];
  updated: number[];
  dates: number[];
  /** The facet dictionary, and each item's facets as numbers in it. */
  facets: string[];
  facetsOf: number[][];
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
    nums: stored.nums,
    ids: stored.ids,
    flags: stored.flags,
    updated: stored.updated,
    dates: stored.dates,
    facets: stored.facets,
    facetsOf: stored.facetsOf,
  };
  await replaceFileDurably(path.join(dir, MANIFEST), JSON.stringify(manifest), { keepBackup: false });
  const named = new Set(manifest.segments.map((segment) => segment.name));
  for (const entry of await fs.readdir(dir)) {
    if ((SEGMENT_NAME.test(entry) && !named.has(entry)) || entry.endsWith('.tmp')) {
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
      const segment = decodeSegment(data);
      segment.file = { dir, name, bytes, crc };
      segments.push(segment);
    }
    const { rev, nums, ids, flags, updated, dates, facets, facetsOf } = manifest;
    return { rev, segments, nums, ids, flags, updated, dates, facets, facetsOf };
  } catch {
    return null;
  }
}

function checkManifest(raw: unknown): Manifest | null {
  if (!isObject(raw) || raw.format !== FORMAT || raw.version !== INDEX_VERSION) return null;
  const { rev, segments, nums, ids, flags, updated, dates, facets, facetsOf } = raw;
  if (!Number.isInteger(rev) || !Array.isArray(segments) || !isStringArray(facets)) return null;
  const columns = [nums, ids, flags, updated, dates, facetsOf];
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
  if (!isStringArray(ids)) return null;
  const facetOk = (f: unknown): boolean =>
    Number.isInteger(f) && (f as number) >= 0 && (f as number) < facets.length;
  if (!(facetsOf as unknown[]).every((list) => Array.isArray(list) && list.every(facetOk))) return null;
  const segmentsOk = segments.every(
    (s) => isObject(s) && typeof s.name === 'string' && Number.isInteger(s.bytes) && Number.isInteger(s.crc),
  );
  return segmentsOk ? (raw as unknown as Manifest) : null;
}
