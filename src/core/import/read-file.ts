/** Reading a file of the imported folder: never through a symbolic link, never past a size limit. */
import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

export type ReadResult =
  { ok: true; bytes: Uint8Array } | { ok: false; code: 'too_large' | 'unreadable'; message: string };

/** The bytes of `relative` under `root`, or why not. */
export async function readInside(root: string, relative: string, maxBytes: number): Promise<ReadResult> {
  let handle: fs.FileHandle | null = null;
  try {
    // O_NOFOLLOW: a file swapped for a link since the folder was scanned is refused, not followed.
    handle = await fs.open(
      path.join(root, ...relative.split('/')),
      constants.O_RDONLY | constants.O_NOFOLLOW,
    );
    const { size, isFile } = await handle.stat().then((s) => ({ size: s.size, isFile: s.isFile() }));
    if (!isFile) return { ok: false, code: 'unreadable', message: 'It is not a regular file.' };
    if (size > maxBytes) return tooLarge(size, maxBytes);
    const bytes = await handle.readFile();
    if (bytes.length > maxBytes) return tooLarge(bytes.length, maxBytes);
    return { ok: true, bytes };
  } catch (error) {
    return { ok: false, code: 'unreadable', message: `It cannot be read: ${(error as Error).message}` };
  } finally {
    await handle?.close();
  }
}

function tooLarge(size: number, max: number): ReadResult {
  return {
    ok: false,
    code: 'too_large',
    message: `It is ${mib(size)} MiB, more than the ${mib(max)} MiB an item or attachment may have: skipped.`,
  };
}

function mib(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}
