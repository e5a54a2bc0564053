import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../tests/helpers/temp-library';
import { DamagedFileError, DurableJsonFile } from './json-file';

const validate = (raw: unknown): { n: number } => {
  if (typeof (raw as { n?: unknown }).n !== 'number') throw new Error('no n');
  return raw as { n: number };
};

describe('DurableJsonFile', () => {
  it('replaces the file, keeping the previous version as a .bak and no temp file', async () => {
    const file = path.join(await makeTempDir(), 'doc.json');
    const doc = new DurableJsonFile(file, { validate, keepBackup: true });
    expect(await doc.read()).toBeNull();
    await doc.write({ n: 1 });
    await doc.write({ n: 2 });
    expect(await doc.read()).toEqual({ n: 2 });
    expect(await doc.readBackup()).toEqual({ n: 1 });
    expect((await fs.readdir(path.dirname(file))).sort()).toEqual(['doc.json', 'doc.json.bak']);
  });

  it('refuses what does not parse or has the wrong shape', async () => {
    const file = path.join(await makeTempDir(), 'doc.json');
    const doc = new DurableJsonFile(file, { validate, keepBackup: true });
    await fs.writeFile(file, '{"n": ');
    await expect(doc.read()).rejects.toBeInstanceOf(DamagedFileError);
    await fs.writeFile(file, '{"m": 1}');
    await expect(doc.read()).rejects.toThrow(/no n/);
  });

  it('lets a burst of writes share one write of the latest data', async () => {
    const file = path.join(await makeTempDir(), 'doc.json');
    const doc = new DurableJsonFile(file, { validate, keepBackup: true });
    await doc.write({ n: 0 });
    const data = { n: 0 };
    const writes: Promise<void>[] = [];
    for (let i = 1; i <= 20; i++) {
      data.n = i;
      writes.push(doc.write(data));
    }
    await Promise.all(writes);
    expect(await doc.read()).toEqual({ n: 20 });
    // Had the burst taken two writes or more, the .bak would hold n = 20 too.
    expect(await doc.readBackup()).toEqual({ n: 0 });
  });

  it('never runs two writes of one file at once', async () => {
    const file = path.join(await makeTempDir(), 'doc.json');
    const doc = new DurableJsonFile(file, { validate, keepBackup: true });
    const writes: Promise<void>[] = [];
    for (let i = 1; i <= 30; i++) {
      writes.push(doc.write({ n: i }));
      if (i % 3 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(writes);
    expect(await doc.read()).toEqual({ n: 30 });
    expect((await fs.readdir(path.dirname(file))).sort()).toEqual(['doc.json', 'doc.json.bak']);
  });
});
