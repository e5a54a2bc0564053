/**
 * New items of an import written together: their body files, their records and the assets they
 * use, in one durable store change (one revision, each touched shard saved once) instead of one
 * change each. All or nothing: if the change fails, no record, no body file and no asset only the
 * group stored is left, and every item of the group fails with the same error.
 */
import { NotebookError } from '../../shared/errors';
import { usedAssets } from '../assets';
import type { ItemRecord } from '../item-record';
import type { ApiContext } from '../notebook-api';
import type { BodyText } from '../store';

/** One new item of a group: its body, and its record but for the revision and body file. */
export interface Creation {
  body: BodyText;
  attachments: ReadonlyMap<string, Uint8Array>;
  /** Made before the change, so that applying a group of them stays short. */
  record: ItemRecord;
}

export class CreationGroup<T extends Creation = Creation> {
  readonly creations: T[] = [];
  /** Bytes of bodies and attachments held: a group is written before it holds too much. */
  bytes = 0;

  add(creation: T): void {
    this.creations.push(creation);
    this.bytes += creation.body.text.length;
    for (const bytes of creation.attachments.values()) this.bytes += bytes.byteLength;
  }

  /** Writes the group; resolves with the records made, in the order they were added. */
  async write(context: ApiContext): Promise<ItemRecord[]> {
    const { store } = context;
    const batch = context.assets.batch();
    try {
      const attachments = new Map<string, Uint8Array>();
      for (const creation of this.creations)
        for (const [asset, bytes] of creation.attachments) attachments.set(asset, bytes);
      // All settled before any failure is thrown, so discard() knows every file the batch made.
      const puts = await Promise.allSettled(
        [...attachments].map(async ([asset, bytes]) => {
          const ext = asset.slice(asset.lastIndexOf('.') + 1);
          if ((await batch.put(bytes, ext)) !== asset)
            throw new Error(`asset ${asset} stored under another name`);
        }),
      );
      for (const put of puts) if (put.status === 'rejected') throw put.reason;
      let records: ItemRecord[] = [];
      await store.changeMany(
        this.creations.map((creation) => creation.body),
        (rev, bodyFiles) => {
          records = this.creations.map(({ body, record }) => {
            if (store.get(body.id))
              throw new NotebookError('conflict', `An item with id "${body.id}" already exists.`);
            return { ...record, rev, bodyFile: bodyFiles.get(body.id) as string };
          });
          return { put: records, remove: [], obsoleteBodies: [] };
        },
      );
      return records;
    } catch (error) {
      await batch.discard((asset) => usedAssets(store).has(asset));
      throw error;
    } finally {
      batch.release();
    }
  }
}
