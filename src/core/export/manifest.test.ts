import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Slices } from '../event-loop';
import { manifestText, readManifest, writeManifest, type ExportManifest } from './manifest';

/** What the manifest was written as before it was written a line at a time. */
function stringified(manifest: ExportManifest): string {
  const files = Object.fromEntries([...manifest.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const attachments = [...manifest.attachments].sort();
  return `${JSON.stringify({ version: 1, files, attachments }, null, 2)}\n`;
}

describe('manifestText', () => {
  it('writes what JSON.stringify writes, empty or full, whatever the names hold', async () => {
    const empty: ExportManifest = { files: new Map(), attachments: new Set() };
    expect(await manifestText(empty)).toBe(stringified(empty));
    const full: ExportManifest = {
      files: new Map([
        ['b-2', 'Zoé "quoted" \\ back.md'],
        ['a_1', 'Line\u2028sep.md'],
        ['Z9', 'tab\there.md'],
        ['é', 'accent.md'],
      ]),
      attachments: new Set(['ff.png', '00.jpg']),
    };
    expect(await manifestText(full)).toBe(stringified(full));
    const onlyFiles: ExportManifest = { files: new Map([['x', 'x.md']]), attachments: new Set() };
    expect(await manifestText(onlyFiles)).toBe(stringified(onlyFiles));
  });

  it('gives the same text when it is let go many times on the way', async () => {
    const manifest: ExportManifest = {
      files: new Map(Array.from({ length: 3_000 }, (_, n) => [`id${(n * 7919) % 3_001}`, `Note ${n}.md`])),
      attachments: new Set(['a.png']),
    };
    let clock = 0;
    // Every look at the clock moves it on: the loop yields every few lines.
    let yields = 0;
    const slices = new Slices(3, () => clock++);
    const due = slices.due.bind(slices);
    slices.due = () => {
      const spent = due();
      if (spent) yields++;
      return spent;
    };
    expect(await manifestText(manifest, slices)).toBe(stringified(manifest));
    expect(yields).toBeGreaterThan(500);
  });
});

describe('writeManifest and readManifest', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'commonplace-manifest-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('reads back what it wrote, and leaves an unchanged file alone', async () => {
    const manifest: ExportManifest = {
      files: new Map([
        ['b', 'B.md'],
        ['a', 'A.md'],
      ]),
      attachments: new Set(['x.png']),
    };
    await writeManifest(dir, manifest);
    expect(await readManifest(dir)).toEqual(manifest);
    const file = path.join(dir, '.commonplace-export.json');
    const before = (await fs.stat(file)).ino;
    await writeManifest(dir, manifest);
    expect((await fs.stat(file)).ino).toBe(before);
  });
});
