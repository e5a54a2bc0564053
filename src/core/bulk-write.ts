/**
 * Writing many items at once into a library's layout: what migrations do, and how the bench
 * seeds 50,000 notes without going through 50,000 separate saves. Not part of the NotebookApi.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { makeDirDurably, replaceFileDurably, syncDir } from './durable-file';
import { bodyBucket, randomId, shardOf } from './ids';
import type { ItemRecord, ShardData } from './item-record';
import { noteRecord } from './item-record';
import { DEFAULT_SHARDS, newLibraryFile } from './library-file';
import { BODIES_DIR, LIBRARY_FILE, STORE_DIR, bodyFileName, bodyPath, shardPath } from './paths';

export interface BulkItem {
  record: ItemRecord;
  body: string;
}

const BODY_WRITE_CONCURRENCY = 32;
// Seeding holds this many bodies in memory at a time, not the whole corpus.
const SEED_BATCH = 1_000;

/** Writes the bodies, then the shard files. Each shard file is written whole: only for a store no one reads yet. */
export async function writeItems(
  dir: string,
  shards: number,
  items: readonly BulkItem[],
  durable: boolean,
): Promise<void> {
  await writeBodies(dir, items, durable);
  await writeShards(
    dir,
    shards,
    items.map(({ record }) => record),
  );
}

async function writeBodies(dir: string, items: readonly BulkItem[], durable: boolean): Promise<void> {
  const buckets = new Set(items.map(({ record }) => bodyBucket(record.id)));
  for (const bucket of buckets) await makeDirDurably(path.join(dir, BODIES_DIR, bucket));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const { record, body } = items[next++] as BulkItem;
      const handle = await fs.open(bodyPath(dir, record.bodyFile), 'w');
      try {
        await handle.writeFile(body, 'utf8');
        if (durable) await handle.sync();
      } finally {
        await handle.close();
      }
    }
  };
  await Promise.all(Array.from({ length: BODY_WRITE_CONCURRENCY }, worker));
  if (durable) for (const bucket of buckets) await syncDir(path.join(dir, BODIES_DIR, bucket));
}

async function writeShards(dir: string, shards: number, records: readonly ItemRecord[]): Promise<void> {
  const byShard = new Map<number, ShardData>();
  for (const record of records) {
    const shard = shardOf(record.id, shards);
    const data = byShard.get(shard) ?? { items: {} };
    data.items[record.id] = record;
    byShard.set(shard, data);
  }
  await makeDirDurably(path.join(dir, STORE_DIR));
  for (const [shard, data] of byShard) {
    await replaceFileDurably(shardPath(dir, shard), JSON.stringify(data), { keepBackup: false });
  }
}

export interface SeedNote {
  title: string;
  body: string;
  tags: string[];
  created: string;
  updated: string;
}

/**
 * Creates a new library at `dir` holding `notes`, in the normal layout, revisions 1..n; resolves
 * to their ids. Bodies are not fsynced one by one (the bench seeds 50,000): sync after if it matters.
 */
export async function seedLibrary(
  dir: string,
  notes: Iterable<SeedNote>,
  options: { shards?: number; now?: Date } = {},
): Promise<string[]> {
  const shards = options.shards ?? DEFAULT_SHARDS;
  await fs.mkdir(dir, { recursive: true });
  const records: ItemRecord[] = [];
  let batch: BulkItem[] = [];
  for (const note of notes) {
    const id = randomId();
    const rev = records.length + 1;
    const record = noteRecord({
      id,
      rev,
      bodyFile: bodyFileName(bodyBucket(id), id, rev),
      deleted: null,
      ...note,
    });
    records.push(record);
    batch.push({ record, body: note.body });
    if (batch.length === SEED_BATCH) {
      await writeBodies(dir, batch, false);
      batch = [];
    }
  }
  await writeBodies(dir, batch, false);
  await writeShards(dir, shards, records);
  const library = newLibraryFile((options.now ?? new Date()).toISOString(), shards);
  await replaceFileDurably(path.join(dir, LIBRARY_FILE), JSON.stringify(library, null, 2), {
    keepBackup: false,
  });
  return records.map((record) => record.id);
}
