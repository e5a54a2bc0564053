/**
 * Item metadata spread over `store/items-XX.json`, one lowdb document per shard, so a save
 * rewrites a few hundred items instead of the whole library.
 */
import path from 'node:path';
import { Low } from 'lowdb';
import type { Recovery } from '../shared/types';
import { makeDirDurably } from './durable-file';
import { shardOf } from './ids';
import type { ItemRecord, ShardData } from './item-record';
import { validateShard } from './item-record';
import { DurableJsonFile } from './json-file';
import { STORE_DIR, shardPath } from './paths';
import { ShardText } from './shard-text';
import { openStoreFile } from './recovery';

// Enough to keep the disk busy while parsing, without holding every shard's text in memory at once.
const OPEN_CONCURRENCY = 8;

export class ShardSet {
  private readonly docs: Low<ShardData>[];

  constructor(
    private readonly libraryDir: string,
    readonly count: number,
  ) {
    const text = new ShardText();
    this.docs = Array.from({ length: count }, (_, index) => {
      const file = new DurableJsonFile<ShardData>(shardPath(libraryDir, index), {
        validate: validateShard,
        keepBackup: true,
        serialize: (data) => text.of(data),
      });
      return new Low<ShardData>(file, { items: {} });
    });
  }

  /** Reads every shard, recovering damaged ones; returns the recoveries made and which shards they were. */
  async open(now: () => Date): Promise<{ recoveries: Recovery[]; recovered: number[] }> {
    await makeDirDurably(path.join(this.libraryDir, STORE_DIR));
    const recoveries: Recovery[] = [];
    const recovered: number[] = [];
    const misplaced: { item: ItemRecord; from: number }[] = [];
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < this.count) {
        const shard = next++;
        const doc = this.doc(shard);
        const opened = await openStoreFile(doc.adapter as DurableJsonFile<ShardData>, {
          libraryDir: this.libraryDir,
          fallback: () => ({ items: {} }),
          now,
        });
        if (opened.data) doc.data = opened.data;
        if (opened.recovery) {
          recoveries.push(opened.recovery);
          recovered.push(shard);
        }
        // Checked shard by shard as each arrives, not in one pass over every item at the end.
        for (const item of this.itemsOf(shard))
          if (this.shardOf(item.id) !== shard) misplaced.push({ item, from: shard });
      }
    };
    await Promise.all(Array.from({ length: Math.min(OPEN_CONCURRENCY, this.count) }, worker));
    if (misplaced.length > 0) await this.moveHome(misplaced);
    return { recoveries, recovered };
  }

  itemsOf(shard: number): ItemRecord[] {
    return Object.values(this.doc(shard).data.items);
  }

  shardOf(id: string): number {
    return shardOf(id, this.count);
  }

  /** Changes memory only; `save` makes it durable. */
  put(item: ItemRecord): number {
    const shard = this.shardOf(item.id);
    this.doc(shard).data.items[item.id] = item;
    return shard;
  }

  remove(id: string): number {
    const shard = this.shardOf(id);
    delete this.doc(shard).data.items[id];
    return shard;
  }

  /** Resolves when the shard, as it is in memory now, is on disk. */
  save(shard: number): Promise<void> {
    return this.doc(shard).write();
  }

  /**
   * An item in a shard its id does not hash to (library.json rebuilt with another shard count)
   * would be saved twice and read back stale: move it, saving where it goes before where it was.
   */
  private async moveHome(misplaced: { item: ItemRecord; from: number }[]): Promise<void> {
    const sources = new Set<number>();
    const targets = new Set<number>();
    for (const { item, from } of misplaced) {
      const home = this.shardOf(item.id);
      const there = this.doc(home).data.items[item.id];
      if (!there || there.rev < item.rev) this.put(item);
      delete this.doc(from).data.items[item.id];
      sources.add(from);
      targets.add(home);
    }
    await Promise.all([...targets].map((shard) => this.save(shard)));
    await Promise.all([...sources].map((shard) => this.save(shard)));
  }

  private doc(shard: number): Low<ShardData> {
    return this.docs[shard] as Low<ShardData>;
  }
}
