import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../tests/helpers/temp-library';
import { writeNewFilesDurably } from './durable-file';

describe('writeNewFilesDurably', () => {
  it('writes every file, text or bytes, across folders', async () => {
    const dir = await makeTempDir();
    await Promise.all(['a', 'b', 'c'].map((name) => fs.mkdir(path.join(dir, name))));
    const files = Array.from({ length: 40 }, (_, n) => ({
      file: path.join(dir, 'abc'[n % 3] as string, `${n}.md`),
      data: n % 2 === 0 ? `Note ${n} — é` : new TextEncoder().encode(`Bytes ${n}`),
    }));
    await writeNewFilesDurably(files, 4);
    for (const [n, { file }] of files.entries())
      expect(await fs.readFile(file, 'utf8')).toBe(n % 2 === 0 ? `Note ${n} — é` : `Bytes ${n}`);
  });

  it('throws the first failure once the writes begun have settled', async () => {
    const dir = await makeTempDir();
    const files = [
      { file: path.join(dir, 'one.md'), data: 'one' },
      { file: path.join(dir, 'missing', 'two.md'), data: 'two' },
      { file: path.join(dir, 'three.md'), data: 'three' },
    ];
    await expect(writeNewFilesDurably(files, 2)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await fs.readFile(path.join(dir, 'one.md'), 'utf8')).toBe('one');
  });
});
