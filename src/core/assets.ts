/**
 * The library's `assets/` folder: files a clip needs offline (its images), each stored once under
 * the SHA-256 of its bytes. Many clips may use one file, so a file is removed only when no record
 * names it and no clip being made holds it; writes and removals of one name run one at a time.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { isCode, makeDirDurably, replaceFileDurably } from './durable-file';
import type { ItemRecord } from './item-record';
import { ASSETS_DIR, assetPath } from './paths';

export class AssetStore {
  /** How many batches (clips being made) hold each asset. */
  private readonly claims = new Map<string, number>();
  private readonly queues = new Map<string, Promise<void>>();
  private dirMade = false;

  constructor(private readonly libraryDir: string) {}

  path(asset: string): string {
    return assetPath(this.libraryDir, asset);
  }

  /** A set of writes for one clip: kept by `release()` once the clip is saved, or undone by `discard()`. */
  batch(): AssetBatch {
    return new AssetBatch(this);
  }

  /** True while a clip being made holds the asset (check: not an orphan). */
  isClaimed(asset: string): boolean {
    return (this.claims.get(asset) ?? 0) > 0;
  }

  /** Removes each of `assets` that `inUse` rejects and no batch holds. Best effort: a file left is an orphan the check reports. */
  async removeUnused(assets: Iterable<string>, inUse: (asset: string) => boolean): Promise<void> {
    await Promise.all(
      [...new Set(assets)].map((asset) =>
        this.serial(asset, async () => {
          if (this.isClaimed(asset) || inUse(asset)) return;
          await fs.rm(this.path(asset), { force: true }).catch(() => undefined);
        }),
      ),
    );
  }

  /** @internal Stores `bytes` (durably) unless already there; true if this call made the file. */
  async write(asset: string, bytes: Uint8Array): Promise<boolean> {
    return this.serial(asset, async () => {
      const file = this.path(asset);
      if (await isFile(file)) return false;
      if (!this.dirMade) {
        await makeDirDurably(path.join(this.libraryDir, ASSETS_DIR));
        this.dirMade = true;
      }
      await replaceFileDurably(file, bytes, { keepBackup: false });
      return true;
    });
  }

  /** @internal */
  claim(asset: string): void {
    this.claims.set(asset, (this.claims.get(asset) ?? 0) + 1);
  }

  /** @internal */
  unclaim(asset: string): void {
    const count = (this.claims.get(asset) ?? 0) - 1;
    if (count > 0) this.claims.set(asset, count);
    else this.claims.delete(asset);
  }

  private serial<T>(asset: string, work: () => Promise<T>): Promise<T> {
    const before = this.queues.get(asset) ?? Promise.resolve();
    const run = before.then(work);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(asset, settled);
    void settled.then(() => {
      if (this.queues.get(asset) === settled) this.queues.delete(asset);
    });
    return run;
  }
}

export class AssetBatch {
  private readonly held = new Set<string>();
  private readonly created = new Set<string>();
  private done = false;

  constructor(private readonly store: AssetStore) {}

  /** Stores `bytes` as `assets/<sha256>.<ext>` and holds it for this batch; resolves to that name. */
  async put(bytes: Uint8Array, ext: string): Promise<string> {
    const asset = `${ASSETS_DIR}/${createHash('sha256').update(bytes).digest('hex')}.${ext}`;
    if (!this.held.has(asset)) {
      this.held.add(asset);
      this.store.claim(asset);
    }
    if (await this.store.write(asset, bytes)) this.created.add(asset);
    return asset;
  }

  /** The clip is saved (its record names what it uses): stop holding the files. */
  release(): void {
    if (this.done) return;
    this.done = true;
    for (const asset of this.held) this.store.unclaim(asset);
  }

  /** The clip was not saved: remove the files this batch made that nothing else uses. */
  async discard(inUse: (asset: string) => boolean): Promise<void> {
    this.release();
    await this.store.removeUnused(this.created, inUse);
  }
}

const usedCache = new WeakMap<object, { rev: number; used: Set<string> }>();

/** Every asset a record names (in the trash or not), computed once per store revision. */
export function usedAssets(store: { rev: number; allItems(): Iterable<ItemRecord> }): Set<string> {
  const cached = usedCache.get(store);
  if (cached?.rev === store.rev) return cached.used;
  const used = new Set<string>();
  for (const record of store.allItems()) {
    for (const asset of record.assets ?? []) used.add(asset);
  }
  usedCache.set(store, { rev: store.rev, used });
  return used;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch (error) {
    if (isCode(error, 'ENOENT')) return false;
    throw error;
  }
}
