import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../tests/helpers/temp-library';
import { noteRecord } from '../item-record';
import { buildBatch, type BatchItem } from './index-batch';
import { IndexWorkerClient } from './index-worker-client';

async function items(dir: string, first: number, bodies: string[]): Promise<BatchItem[]> {
  return Promise.all(
    bodies.map(async (body, i) => {
      const file = path.join(dir, `${first + i}.md`);
      await fs.writeFile(file, body);
      const record = noteRecord({
        id: `n${first + i}`,
        rev: first + i + 1,
        bodyFile: `${first + i}.md`,
        deleted: null,
        title: `Note ${first + i}`,
        body,
        tags: ['sahel'],
        created: '2025-01-01T00:00:00.000Z',
        updated: '2025-01-01T00:00:00.000Z',
      });
      return { num: first + i, record, file };
    }),
  );
}

describe('the indexing thread', () => {
  it('builds what the same batch builds here, before and after resting, and fails once closed', async () => {
    const dir = await makeTempDir();
    const first = await items(dir, 0, ['Rain in Mopti.', 'Rain and millet in Ségou.', 'Market day']);
    const second = await items(dir, 3, ['Millet prices in Mopti', 'A new word: baobab.']);
    const missing: BatchItem = { ...(second[0] as BatchItem), num: 9, file: path.join(dir, 'gone.md') };
    const client = new IndexWorkerClient();

    expect(await client.build(first)).toEqual(buildBatch(first));
    expect(await client.build(second)).toEqual(buildBatch(second));
    client.rest();
    expect(await client.build([...second, missing])).toEqual(buildBatch([...second, missing]));

    await client.close();
    await expect(client.build(first)).rejects.toThrow(/closed/);
  });

  it('keeps the thread for the next work a while after resting, then ends it', async () => {
    const dir = await makeTempDir();
    const batch = await items(dir, 0, ['Rain in Mopti.', 'Market day']);
    const threadOf = (client: IndexWorkerClient): unknown =>
      (client as unknown as { worker: unknown }).worker;
    const kept = new IndexWorkerClient();
    await kept.build(batch);
    const thread = threadOf(kept);
    kept.rest();
    expect(await kept.build(batch)).toEqual(buildBatch(batch));
    expect(threadOf(kept)).toBe(thread);
    await kept.close();

    const brief = new IndexWorkerClient(1);
    await brief.build(batch);
    brief.rest();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(threadOf(brief)).toBeNull();
    expect(await brief.build(batch)).toEqual(buildBatch(batch));
    await brief.close();
  });

  it('fails what it was building, and what comes after, when the thread dies', async () => {
    const dir = await makeTempDir();
    const batch = await items(
      dir,
      0,
      Array.from({ length: 50 }, (_, i) => `Harvest report ${i}. `.repeat(200)),
    );
    const client = new IndexWorkerClient();
    await client.build(batch.slice(0, 1));
    const building = client.build(batch);
    // What a crash of the thread looks like from here: it exits.
    await (client as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
    await expect(building).rejects.toThrow();
    await expect(client.build(batch)).rejects.toThrow();
    await client.close();
  });
});
